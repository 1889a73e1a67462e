// How the viewer feels on a province: opens a project in the viewer's own MainWindow and drives
// it from a script with real input events, as a user would, timing what the user waits for.
//
//   build/bin/xj_bench_viewer PROJECT.gpkg [--size 1600x1000] [--repeat 10] [--screenshots DIR]
//
// The script, in order (bench/viewer_bench.sh runs it on the province of render_bench.sh):
//   open      File → Open's path: the project is read in the background, then installed
//   date      at the full extent, clicks on the date bar's step buttons (a week a step):
//             first back and forth across a report day, so every step recolours the villages,
//             then forward between report days, where the map stays as it was
//   zoom in   wheel notches at the canvas centre until about one county (~50 km) fills it
//   pan       drags with the left button (press, 12 moves 16 ms apart, release)
//   wheel     single wheel notches at county scale, in and out around the view
// Each step is timed from the event (the release, the notch, the click) to the moment
// MainWindow::settled(): the snapshot for the day is computed and every visible layer is drawn
// for the view. Throughout, a 5 ms timer on the GUI thread records the gap between its ticks:
// a gap much over 5 ms is the time the GUI thread was busy and input waited.
//
// The end of the output is a block of "result NAME VALUE" lines for the script to read.

#include "date_bar.h"
#include "identify_panel.h"
#include "layers_panel.h"
#include "main_window.h"
#include "map_canvas.h"
#include "project_session.h"
#include "project_table_model.h"
#include "render_worker.h"
#include "rollup_panel.h"
#include "snapshot.h"
#include "tables_panel.h"
#include "viewer_app.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/rollup.h"
#include "xiangjian/render/theme_data.h"

#include <QComboBox>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QTableView>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QWheelEvent>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <jemalloc/jemalloc.h>
#include <map>
#include <optional>
#include <string>
#include <sys/resource.h>
#include <tuple>
#include <unistd.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using xj::viewer::CanvasLayer;
using xj::viewer::MainWindow;

double ms_between(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

/// Nearest-rank percentile (q in 0..1) of unsorted values; NaN when there are none.
double percentile(std::vector<double> values, double q) {
    if (values.empty()) {
        return std::nan("");
    }
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}
double median(const std::vector<double>& values) {
    return percentile(values, 0.5);
}
double maximum(const std::vector<double>& values) {
    return percentile(values, 1.0);
}

/// The resident memory now, in MB (/proc/self/statm: pages).
double rss_mb() {
    long pages = 0, resident = 0;
    if (FILE* file = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(file, "%ld %ld", &pages, &resident) != 2) {
            resident = 0;
        }
        std::fclose(file);
    }
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1048576;
}

/// What the program has allocated and not freed, in MB (jemalloc's count, the allocator of
/// xiangjian-viewer too): unlike the resident size, it goes down when memory is freed.
double allocated_mb() {
    std::uint64_t epoch = 1;
    std::size_t size = sizeof(epoch);
    mallctl("epoch", &epoch, &size, &epoch, size); // refresh the statistics
    std::size_t allocated = 0;
    size = sizeof(allocated);
    if (mallctl("stats.allocated", &allocated, &size, nullptr, 0) != 0) {
        return std::nan("");
    }
    return static_cast<double>(allocated) / 1048576;
}

/// The phase of the script under way, for the probe and the event timings.
std::string current_phase = "start";

/// One event the GUI thread took long over: who got it, what it was, how long it took.
struct SlowEvent {
    std::string phase;
    std::string receiver;
    int type = 0;
    double ms = 0;
};

/// The viewer's application object, timing every event it delivers on the GUI thread: the
/// probe says how long input waited, this says what it waited for.
class TimedApplication : public xj::viewer::ViewerApplication {
public:
    using ViewerApplication::ViewerApplication;
    bool notify(QObject* receiver, QEvent* event) override {
        if (m_depth > 0 || QThread::currentThread() != thread()) {
            return ViewerApplication::notify(receiver, event); // inside a timed one, or not ours
        }
        ++m_depth;
        const auto start = Clock::now();
        const int type = event->type(); // the event may be gone after delivery
        const bool result = ViewerApplication::notify(receiver, event);
        const double ms = ms_between(start, Clock::now());
        --m_depth;
        if (ms >= 10) {
            std::string name = receiver->metaObject()->className();
            if (!receiver->objectName().isEmpty()) {
                name += " \"" + receiver->objectName().toStdString() + "\"";
            }
            slow.push_back({current_phase, name, type, ms});
        }
        return result;
    }
    std::vector<SlowEvent> slow; ///< events of 10 ms or more, top level only

private:
    int m_depth = 0;
};

/// The GUI thread's responsiveness: a precise 5 ms timer whose ticks come late by as long as
/// the thread was busy with something else (an event handler, a paint, a model reset). Each
/// gap is filed under the phase of the script it ended in.
class LatencyProbe {
public:
    LatencyProbe() {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const auto now = Clock::now();
            const double gap = ms_between(m_last, now);
            m_last = now;
            m_gaps.push_back(gap);
            if (!m_by_phase.contains(m_phase)) {
                m_order.push_back(m_phase);
            }
            m_by_phase[m_phase].push_back(gap);
        });
    }
    void start(const std::string& phase) {
        m_phase = phase;
        current_phase = phase;
        m_last = Clock::now();
        m_timer.start();
    }
    void phase(const std::string& phase) {
        m_phase = phase;
        current_phase = phase;
    }
    void stop() { m_timer.stop(); }
    const std::vector<double>& gaps() const { return m_gaps; }
    /// The phases in the order they came.
    const std::vector<std::string>& phases() const { return m_order; }
    const std::vector<double>& gaps(const std::string& phase) const { return m_by_phase.at(phase); }

private:
    QTimer m_timer;
    Clock::time_point m_last;
    std::string m_phase;
    std::vector<double> m_gaps;
    std::map<std::string, std::vector<double>> m_by_phase;
    std::vector<std::string> m_order;
};

/// What the render worker did for one timed step: each layer's timings, each request's time.
struct Work {
    std::vector<std::pair<CanvasLayer, xj::render::RenderStats>> layers;
    std::vector<double> request_ms;
    int cancelled = 0;
};

struct Step {
    std::string kind;
    double ms = 0;
    Work work;
};

class Bench {
public:
    Bench(MainWindow& window, LatencyProbe& probe) : m_window(window), m_probe(probe) {
        auto& worker = m_window.worker();
        QObject::connect(&worker, &xj::viewer::RenderWorker::layer_rendered,
                         [this](const xj::viewer::RenderedLayer& layer) {
                             m_work.layers.emplace_back(layer.layer, layer.stats);
                         });
        QObject::connect(&worker, &xj::viewer::RenderWorker::request_finished,
                         [this](std::uint64_t, bool cancelled, double seconds) {
                             m_work.request_ms.push_back(seconds * 1000);
                             m_work.cancelled += cancelled ? 1 : 0;
                         });
        // A safety net, should an error dialog or a lost signal hold the script up for good.
        m_watchdog.setSingleShot(true);
        QObject::connect(&m_watchdog, &QTimer::timeout, [] {
            std::fprintf(stderr, "xj_bench_viewer: a step did not settle within 300 s\n");
            std::_Exit(3);
        });
    }

    /// Runs the event loop (sleeping between events: the render thread needs the other core)
    /// until the window is settled; the milliseconds since `since`.
    double wait_settled(Clock::time_point since) {
        m_watchdog.start(300000);
        Clock::time_point at = since;
        bool done = false;
        QEventLoop loop;
        const auto check = [&](bool by_poll) {
            if (!done && m_window.settled()) {
                done = true;
                at = Clock::now();
                m_polled += by_poll ? 1 : 0;
                loop.quit();
            }
        };
        // MainWindow says when it settles; the poll only guards against a signal not sent
        // (counted, and reported: that would be a bug of the window's).
        QObject::connect(&m_window, &MainWindow::state_settled, &loop, [&] { check(false); });
        QTimer poll;
        poll.setInterval(20);
        QObject::connect(&poll, &QTimer::timeout, &loop, [&] { check(true); });
        poll.start();
        check(false);
        if (!done) {
            loop.exec();
        }
        m_watchdog.stop();
        return ms_between(since, at);
    }

    /// Lets the event loop run for `ms` without spinning (a user's pause between events).
    static void pause(int ms) {
        QEventLoop loop;
        QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
        loop.exec();
    }

    /// Times `act` (which sends the events) to the settled window.
    template <typename Act> double timed(const std::string& kind, Act&& act) {
        m_probe.phase(kind);
        m_work = {};
        const Clock::time_point start = Clock::now();
        act();
        // An act that holds events back (a drag's moves) restarts the clock at its last event.
        const double ms = wait_settled(m_from ? *m_from : start);
        m_from.reset();
        m_steps.push_back({kind, ms, std::move(m_work)});
        m_work = {};
        return ms;
    }
    void clock_from(Clock::time_point at) { m_from = at; }

    const std::vector<Step>& steps() const { return m_steps; }
    std::vector<double> times(const std::string& kind) const {
        std::vector<double> out;
        for (const Step& step : m_steps) {
            if (step.kind == kind) {
                out.push_back(step.ms);
            }
        }
        return out;
    }
    int polled() const { return m_polled; }

private:
    MainWindow& m_window;
    LatencyProbe& m_probe;
    QTimer m_watchdog;
    Work m_work;
    std::vector<Step> m_steps;
    std::optional<Clock::time_point> m_from;
    int m_polled = 0;
};

void wheel(QWidget* canvas, QPointF at, int notches) {
    QWheelEvent event(at, canvas->mapToGlobal(at), QPoint(), QPoint(0, 120 * notches), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(canvas, &event);
}

void drag(Bench& bench, QWidget* canvas, QPoint from, QPoint by) {
    constexpr int moves = 12;
    QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, from);
    for (int i = 1; i <= moves; ++i) {
        Bench::pause(16); // a 60 Hz mouse
        QTest::mouseMove(canvas, from + by * i / moves);
    }
    Bench::pause(16);
    bench.clock_from(Clock::now()); // the wait starts when the button comes up
    QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, from + by);
}

void print_row(const char* what, const std::vector<double>& ms, const char* goal) {
    std::printf("  %-46s %9.1f %9.1f %4zu   %s\n", what, median(ms), maximum(ms), ms.size(), goal);
}

/// Median of each layer's prepare, draw and label time over the steps of one kind, and of the
/// render requests: where a step's time went on the render thread.
void print_work(const Bench& bench, const std::string& kind) {
    std::map<CanvasLayer, std::vector<double>> prepare, draw, label;
    std::vector<double> requests;
    int cancelled = 0;
    for (const Step& step : bench.steps()) {
        if (step.kind != kind) {
            continue;
        }
        for (const auto& [layer, stats] : step.work.layers) {
            prepare[layer].push_back(stats.prepare_seconds * 1000);
            draw[layer].push_back(stats.draw_seconds * 1000);
            label[layer].push_back(stats.label_seconds * 1000);
        }
        requests.insert(requests.end(), step.work.request_ms.begin(), step.work.request_ms.end());
        cancelled += step.work.cancelled;
    }
    if (requests.empty()) {
        std::printf("  %s: nothing drawn\n", kind.c_str());
        return;
    }
    std::printf("  %s: render requests median %.1f ms, max %.1f ms (%zu, %d cancelled)\n",
                kind.c_str(), median(requests), maximum(requests), requests.size(), cancelled);
    for (const auto& [layer, values] : prepare) {
        std::printf(
            "    %-10s drawn %2zu times; median prepare %7.1f  draw %7.1f  label %6.1f ms\n",
            qPrintable(xj::viewer::layer_key(layer)), values.size(), median(values),
            median(draw[layer]), median(label[layer]));
    }
}

void save(QWidget& window, const QString& dir, const QString& name) {
    if (dir.isEmpty()) {
        return;
    }
    const QString path = QDir(dir).filePath(name);
    if (!window.grab().save(path)) {
        std::fprintf(stderr, "xj_bench_viewer: cannot write %s\n", qPrintable(path));
    } else {
        std::printf("screenshot: %s\n", qPrintable(path));
    }
}

} // namespace

int main(int argc, char** argv) {
    // No display needed: Qt's offscreen platform, unless one is there or another is asked for.
    if (std::getenv("DISPLAY") == nullptr && std::getenv("WAYLAND_DISPLAY") == nullptr &&
        std::getenv("QT_QPA_PLATFORM") == nullptr) {
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
    }
    TimedApplication app(argc, argv); // the program's own, timing its events
    QStringList args = QApplication::arguments();
    args.removeFirst();
    QString project, screenshots;
    QSize size(1600, 1000);
    int repeat = 10;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString& arg = args[i];
        const bool has_value = i + 1 < args.size();
        if (arg == QStringLiteral("--size") && has_value) {
            const QStringList wh = args[++i].split(QLatin1Char('x'));
            size = wh.size() == 2 ? QSize(wh[0].toInt(), wh[1].toInt()) : QSize();
        } else if (arg == QStringLiteral("--repeat") && has_value) {
            repeat = args[++i].toInt();
        } else if (arg == QStringLiteral("--screenshots") && has_value) {
            screenshots = args[++i];
        } else if (project.isEmpty() && !arg.startsWith(QLatin1Char('-'))) {
            project = arg;
        } else {
            project.clear();
            break;
        }
    }
    if (project.isEmpty() || size.width() < 400 || size.height() < 300 || repeat < 1) {
        std::fprintf(stderr, "usage: xj_bench_viewer PROJECT.gpkg [--size 1600x1000] "
                             "[--repeat 10] [--screenshots DIR]\n");
        return 2;
    }
    // open_project() shows a modal dialog on errors, which nobody would close here.
    if (!QFileInfo(project).isReadable()) {
        std::fprintf(stderr, "xj_bench_viewer: %s: no such file\n", qPrintable(project));
        return 1;
    }
    if (!screenshots.isEmpty()) {
        QDir().mkpath(screenshots);
    }

    xj::set_language(xj::Language::zh); // the interface as it ships
    MainWindow window(xj::viewer::UiLanguage::zh, /*remember=*/false);
    window.resize(size);
    window.show();
    LatencyProbe probe;
    Bench bench(window, probe);
    xj::viewer::MapCanvas* canvas = window.canvas();
    xj::viewer::DateBar* bar = window.date_bar();

    const double before_open_mb = allocated_mb(); // Qt, the widgets, the fonts

    // --- open, as File → Open does it ---------------------------------------------------------
    probe.start("open");
    const double open_ms = bench.timed("open", [&] { window.open_project(project); });
    if (!window.session()) {
        std::fprintf(stderr, "xj_bench_viewer: %s did not open\n", qPrintable(project));
        return 1;
    }
    const auto& session = *window.session();
    std::printf("xj_bench_viewer: %s: %zu projects, %zu villages; window %dx%d, canvas %dx%d, "
                "Qt platform %s\n",
                qPrintable(project), session.portfolio().projects().size(),
                session.layers().village_units.size(), window.width(), window.height(),
                canvas->width(), canvas->height(), qPrintable(QApplication::platformName()));
    const double full_km = canvas->view().box.width() / 1000;
    save(window, screenshots, QStringLiteral("viewer-bench-full.png"));
    // Resident and allocated MB after each part of the script.
    std::vector<std::tuple<std::string, double, double>> memory{{"open", rss_mb(), allocated_mb()}};

    // --- date steps at the full extent --------------------------------------------------------
    QToolButton* back = bar->back_button();
    QToolButton* forward = bar->forward_button();
    bar->step_box()->setCurrentIndex(1); // a week a step
    const auto date_steps = [&](const std::string& kind, xj::core::Date from, bool to_and_fro) {
        probe.phase(kind);
        bar->set_date(from); // as typed into the date field
        bench.wait_settled(Clock::now());
        for (int i = 0; i < repeat; ++i) {
            QToolButton* button = to_and_fro && i % 2 == 1 ? back : forward;
            const xj::core::Date before = bar->date();
            bench.timed(kind, [&] { QTest::mouseClick(button, Qt::LeftButton); });
            if (bar->date() == before) {
                std::fprintf(stderr, "xj_bench_viewer: the step button did not move the day\n");
                std::exit(1);
            }
        }
    };
    // The progress reports of bench/make_progress.py are dated 2025-06-30 and 2025-09-30:
    // stepping between 09-26 and 10-03 recolours villages every time; 07-04 to 09-12 never.
    date_steps("date, recoloured", xj::core::Date(2025, 9, 26), true);
    memory.emplace_back("date, recoloured", rss_mb(), allocated_mb());
    date_steps("date, unchanged", xj::core::Date(2025, 7, 4), false);
    memory.emplace_back("date, unchanged", rss_mb(), allocated_mb());

    // --- zoom in to a county ------------------------------------------------------------------
    const QPointF centre(canvas->width() / 2.0, canvas->height() / 2.0);
    bench.timed("zoom in", [&] {
        // One notch is 1.25×; notches come one after another as from a wheel.
        while (canvas->view().box.width() / 1000 > 55) {
            wheel(canvas, centre, 1);
            Bench::pause(16);
        }
    });
    const double view_km = canvas->view().box.width() / 1000;
    const double view_km_high = canvas->view().box.height() / 1000;
    save(window, screenshots, QStringLiteral("viewer-bench-county.png"));
    memory.emplace_back("zoom in", rss_mb(), allocated_mb());

    // --- pans at county scale -----------------------------------------------------------------
    const QPoint middle = centre.toPoint();
    const QPoint moves[] = {{240, 0}, {0, 160}, {-240, 0}, {0, -160}};
    for (int i = 0; i < repeat; ++i) {
        const QPoint by = moves[i % 4];
        bench.timed("pan", [&] { drag(bench, canvas, middle - by / 2, by); });
    }

    memory.emplace_back("pan", rss_mb(), allocated_mb());

    // --- wheel zooms at county scale ----------------------------------------------------------
    for (int i = 0; i < repeat; ++i) {
        // In and out in turn, each time about another point, so no two views are the same.
        const QPointF at = centre + QPointF(((i * 37) % 200) - 100, ((i * 53) % 140) - 70);
        bench.timed("wheel", [&] { wheel(canvas, at, i % 2 == 0 ? 1 : -1); });
    }
    save(window, screenshots, QStringLiteral("viewer-bench-end.png"));
    memory.emplace_back("wheel", rss_mb(), allocated_mb());
    probe.stop();
    // The session's peak, before the measurements below add snapshots of their own.
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double session_peak_mb = static_cast<double>(usage.ru_maxrss) / 1024;

    // --- where a date step's time goes: each part alone on this thread, 3 times -------------
    // The snapshot's parts (MainWindow computes them together on a pool thread), then what the
    // GUI thread does with a new snapshot: the panels take it, and the window is painted.
    const xj::core::Portfolio& portfolio = session.portfolio();
    std::vector<std::pair<std::string, std::vector<double>>> parts;
    double snapshot_mb = 0;
    const auto part = [&](const std::string& name, auto&& work) {
        const auto start = Clock::now();
        work();
        const double ms = ms_between(start, Clock::now());
        const auto found = std::find_if(parts.begin(), parts.end(),
                                        [&](const auto& entry) { return entry.first == name; });
        (found == parts.end() ? parts.emplace_back(name, std::vector<double>{}).second
                              : found->second)
            .push_back(ms);
    };
    const std::pair<xj::core::RollupBy, const char*> rollups[] = {
        {xj::core::RollupBy::village, "village"},
        {xj::core::RollupBy::township, "township"},
        {xj::core::RollupBy::type, "type"},
        {xj::core::RollupBy::leader, "leader"},
        {xj::core::RollupBy::unit, "unit"}};
    for (int i = 0; i < 3; ++i) {
        // Days on either side of a report day, so that every panel sees a change.
        const xj::core::Date day =
            i % 2 == 0 ? xj::core::Date(2025, 10, 3) : xj::core::Date(2025, 9, 26);
        xj::core::Evaluation evaluation;
        part("snapshot: evaluate", [&] { evaluation = portfolio.evaluate(day); });
        // As make_snapshot does: the village roll-up first, the theme colours from it.
        std::vector<xj::core::RollupRow> by_village;
        for (const auto& [by, name] : rollups) {
            part(std::string("snapshot: roll-up by ") + name, [&] {
                auto rows = xj::core::rollup(portfolio, evaluation, by);
                if (by == xj::core::RollupBy::village) {
                    by_village = std::move(rows);
                }
            });
        }
        part("snapshot: theme colours", [&] {
            (void)xj::render::theme_data(portfolio, evaluation, xj::render::Theme::progress,
                                         &by_village);
        });
        std::shared_ptr<const xj::viewer::Snapshot> snapshot;
        part("make_snapshot, all of it", [&] {
            snapshot = xj::viewer::make_snapshot(portfolio, day, xj::render::Theme::progress, {});
        });
        part("GUI: tables panel takes it", [&] { window.tables()->set_snapshot(snapshot); });
        part("GUI: roll-up panel takes it", [&] { window.rollups()->set_snapshot(snapshot); });
        part("GUI: identify panel takes it", [&] { window.identify()->set_snapshot(snapshot); });
        part("GUI: window repainted", [&] { window.repaint(); });
        part("GUI:   the map canvas alone", [&] { canvas->repaint(); });
        part("GUI:   the tables alone", [&] { window.tables()->repaint(); });
        part("GUI:   the roll-ups alone", [&] { window.rollups()->repaint(); });
        part("GUI:   layers and legend alone", [&] { window.layers_panel()->repaint(); });
        part("GUI:   the date bar alone", [&] { bar->repaint(); });
        // A click on the project table's name header, then back to the id order: the first
        // sort makes the name column's collation keys, the later ones reuse them.
        QTableView* projects = window.tables()->project_view();
        part("GUI: project table sorted by name", [&] {
            projects->sortByColumn(xj::viewer::ProjectTableModel::name, Qt::AscendingOrder);
        });
        projects->sortByColumn(xj::viewer::ProjectTableModel::id, Qt::AscendingOrder);
    }

    // What one snapshot holds (a date step has two for a while: the one shown, the new one).
    {
        const double before = allocated_mb();
        auto held = xj::viewer::make_snapshot(portfolio, xj::core::Date(2025, 10, 3),
                                              xj::render::Theme::progress, {});
        snapshot_mb = allocated_mb() - before;
    }
    // What a project holds before anything is drawn or evaluated: the engine's portfolio and the
    // map's layers (a second opening of the same file, dropped at once).
    double session_mb = 0;
    {
        const double before = allocated_mb();
        const auto second = xj::viewer::ProjectSession::open(project);
        session_mb = allocated_mb() - before;
    }
    // The snapshot a date step replaces is freed where its last holder lets go of it: on the
    // GUI thread (the window, the panels and the watcher's future hold it).
    for (int i = 0; i < 3; ++i) {
        auto spare = xj::viewer::make_snapshot(portfolio, xj::core::Date(2025, 10, 3),
                                               xj::render::Theme::progress, {});
        part("GUI: the old snapshot freed", [&] { spare.reset(); });
    }
    // What opening a project costs the GUI thread beyond the read: the tables take 140,000
    // projects (a model reset, sorting, column widths).
    part("GUI (open): tables panel takes the portfolio",
         [&] { window.tables()->set_portfolio(&portfolio); });

    // --- the table ----------------------------------------------------------------------------
    const std::vector<double>& gaps = probe.gaps();
    std::printf("\nViewer interaction (%s, window %dx%d, canvas %dx%d; full extent %.0f km wide, "
                "county scale %.0f x %.0f km)\n",
                qPrintable(QFileInfo(project).fileName()), window.width(), window.height(),
                canvas->width(), canvas->height(), full_km, view_km, view_km_high);
    std::printf("  %-46s %9s %9s %4s   %s\n", "step, event to settled", "median ms", "max ms", "n",
                "goal");
    print_row("open (background read + install + first draw)", {open_ms}, "");
    print_row("date step, full extent, villages recoloured", bench.times("date, recoloured"),
              "< 300 ms");
    print_row("date step, full extent, map unchanged", bench.times("date, unchanged"), "< 300 ms");
    print_row("pan at county scale (release to settled)", bench.times("pan"), "< 100 ms");
    print_row("wheel zoom at county scale", bench.times("wheel"), "< 100 ms");
    std::printf("  GUI latency probe (5 ms timer, %zu ticks): gap p50 %.1f ms, p99 %.1f ms, "
                "max %.1f ms (goal p99 < 50 ms)\n",
                gaps.size(), median(gaps), percentile(gaps, 0.99), maximum(gaps));
    for (const std::string& phase : probe.phases()) {
        const std::vector<double>& values = probe.gaps(phase);
        std::printf("    %-18s %6zu ticks: p50 %6.1f  p99 %6.1f  max %6.1f ms\n", phase.c_str(),
                    values.size(), median(values), percentile(values, 0.99), maximum(values));
    }
    std::printf("  peak RSS of the session %.0f MB; resident / allocated after:\n   ",
                session_peak_mb);
    for (const auto& [phase, resident, allocated] : memory) {
        std::printf(" %s %.0f / %.0f MB;", phase.c_str(), resident, allocated);
    }
    std::printf("\n");
    if (bench.polled() > 0) {
        std::printf("  note: %d steps were seen settled by the poll, not by state_settled()\n",
                    bench.polled());
    }
    std::printf("\nWhere the time goes (render thread):\n");
    for (const char* kind : {"open", "date, recoloured", "date, unchanged", "pan", "wheel"}) {
        print_work(bench, kind);
    }
    std::printf("\nThe GUI thread's longest events (10 ms or more; type: QEvent::Type, 43 a queued "
                "call, 180 a finished future, 77 a window repaint):\n");
    for (const std::string& phase : probe.phases()) {
        std::vector<SlowEvent> slow;
        for (const SlowEvent& event : app.slow) {
            if (event.phase == phase) {
                slow.push_back(event);
            }
        }
        std::sort(slow.begin(), slow.end(),
                  [](const SlowEvent& a, const SlowEvent& b) { return a.ms > b.ms; });
        std::printf("  %s: %zu events of 10 ms or more", phase.c_str(), slow.size());
        for (std::size_t i = 0; i < slow.size() && i < 4; ++i) {
            std::printf("%s %s (type %d) %.0f ms", i == 0 ? ";" : ",", slow[i].receiver.c_str(),
                        slow[i].type, slow[i].ms);
        }
        std::printf("\n");
    }
    std::printf("\nWhere a date step's time goes (each part alone on the GUI thread, median "
                "of 3):\n");
    for (const auto& [name, ms] : parts) {
        std::printf("  %-40s %8.1f ms\n", name.c_str(), median(ms));
    }

    std::printf("\nMemory (jemalloc's allocated bytes): %.0f MB before opening (Qt, widgets, "
                "fonts); a project as read (portfolio, map layers) %.0f MB; a snapshot %.0f MB; "
                "all after the first frame %.0f MB\n",
                before_open_mb, session_mb, snapshot_mb, std::get<2>(memory.front()));

    std::printf("\nresult canvas %dx%d\n", canvas->width(), canvas->height());
    std::printf("result open_ms %.1f\n", open_ms);
    const auto result = [&](const char* name, const std::vector<double>& ms) {
        std::printf("result %s_median_ms %.1f\nresult %s_max_ms %.1f\n", name, median(ms), name,
                    maximum(ms));
    };
    result("date_recoloured", bench.times("date, recoloured"));
    result("date_unchanged", bench.times("date, unchanged"));
    result("pan", bench.times("pan"));
    result("wheel", bench.times("wheel"));
    std::printf("result latency_p50_ms %.1f\nresult latency_p99_ms %.1f\nresult latency_max_ms "
                "%.1f\n",
                median(gaps), percentile(gaps, 0.99), maximum(gaps));
    std::printf("result session_peak_mb %.0f\n", session_peak_mb);
    return 0;
}
