// The window: the state its panels share (day, theme, filter, selection), opening a project,
// the snapshot of the day, and what a click on the map selects.

#include "main_window.h"

#include "date_bar.h"
#include "entry_desk.h"
#include "identify_panel.h"
#include "labels.h"
#include "layers_panel.h"
#include "project_day_panel.h"
#include "project_session.h"
#include "rollup_panel.h"
#include "tables_panel.h"
#include "timings.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStatusBar>
#include <QTableView>
#include <QThreadPool>
#include <QToolBar>
#include <QUnhandledException>
#include <QVBoxLayout>
#include <QtConcurrent>
#include <utility>

namespace xj::viewer {

namespace {

/// The result of a finished future; an exception of ours thrown on the worker comes back as
/// itself (Qt wraps it in QUnhandledException).
template <typename T> T result_of(const QFutureWatcher<T>& watcher) {
    try {
        return watcher.result();
    } catch (const QUnhandledException& wrapped) {
        if (wrapped.exception()) {
            std::rethrow_exception(wrapped.exception());
        }
        throw;
    }
}

QString error_advice(const std::exception& error) {
    if (const auto* file = dynamic_cast<const ProjectFileError*>(&error)) {
        switch (file->reason()) {
        case ProjectFileError::Reason::newer:
            return MainWindow::tr("The file was written by a newer Xiangjian. Open it with that "
                                  "version, or ask the office that sent it for an export.");
        case ProjectFileError::Reason::older:
            return MainWindow::tr("Upgrade it first: xiangjian upgrade FILE (keep a copy).");
        default:
            break;
        }
    }
    return MainWindow::tr("Choose a Xiangjian project file (.gpkg made by xiangjian init or "
                          "xiangjian demo), or import the data into one first.");
}

} // namespace

MainWindow::MainWindow(UiLanguage language, bool remember)
    : m_language(language), m_remember(remember) {
    setWindowIcon(QIcon::fromTheme(QStringLiteral("applications-science"),
                                   style()->standardIcon(QStyle::SP_DriveNetIcon)));
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_canvas = new MapCanvas(m_worker, central);
    m_date_bar = new DateBar(central);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_date_bar);
    setCentralWidget(central);
    m_coordinates = new QLabel(this);
    m_render_state = new QLabel(this);
    statusBar()->addWidget(m_coordinates, 1);
    statusBar()->addPermanentWidget(m_render_state);

    build_docks();
    build_actions();
    connect_project_day();

    connect(m_canvas, &MapCanvas::cursor_moved, this,
            [this](double lon, double lat, double x, double y) {
                m_coordinates->setText(tr("Lon %1°  Lat %2°   Gauss–Krüger X %3 m  Y %4 m")
                                           .arg(lon, 0, 'f', 6)
                                           .arg(lat, 0, 'f', 6)
                                           .arg(x, 0, 'f', 1)
                                           .arg(y, 0, 'f', 1));
            });
    connect(m_canvas, &MapCanvas::clicked, this, &MainWindow::on_map_click);
    connect(m_canvas, &MapCanvas::settled_changed, this, [this] {
        m_render_state->setText(m_summary);
        m_layers->set_legend(m_canvas->legend());
        check_settled();
    });
    connect(m_canvas, &MapCanvas::view_changed, this,
            [this] { m_render_state->setText(tr("drawing…")); });
    connect(&m_worker, &RenderWorker::render_failed, this,
            [this](const QString& message) { statusBar()->showMessage(message, 10000); });
    connect(m_date_bar, &DateBar::date_changed, this, [this](core::Date day) {
        m_as_of = day;
        request_snapshot();
    });
    connect(m_layers, &LayersPanel::layers_changed, this,
            [this] { m_canvas->set_layers(m_layers->layers()); });
    connect(m_layers, &LayersPanel::theme_changed, this, [this](render::Theme theme) {
        m_theme = theme;
        request_snapshot();
    });
    connect(m_layers, &LayersPanel::basemap_requested, this, &MainWindow::choose_basemap);
    connect(m_tables, &TablesPanel::filter_changed, this, &MainWindow::set_filter);
    connect(m_tables, &TablesPanel::projects_selected, this,
            [this](const std::set<std::string>& ids) {
                m_selection = ids;
                m_canvas->set_selection(ids);
                if (ids.size() == 1) {
                    m_identify->show_project(*ids.begin());
                }
            });
    connect(m_tables, &TablesPanel::village_selected, this,
            [this](const std::string& code) { m_identify->show_village(code); });
    connect(m_identify, &IdentifyPanel::project_chosen, this,
            [this](const std::string& id) { select_projects({id}, true); });
    connect(m_rollups, &RollupPanel::group_chosen, this,
            [this](core::RollupBy by, const std::string& key) {
                MapFilter filter;
                switch (by) {
                case core::RollupBy::township:
                    filter.township_code = key;
                    m_canvas->zoom_to_township(key);
                    break;
                case core::RollupBy::type:
                    filter.type = core::parse_term<core::ProjectType>(key);
                    break;
                case core::RollupBy::leader:
                    filter.leader = key;
                    break;
                case core::RollupBy::unit:
                    filter.unit = key;
                    break;
                default:
                    break;
                }
                set_filter(filter);
            });
    connect(m_rollups, &RollupPanel::filter_cleared, this, [this] { set_filter({}); });
    connect(&m_snapshot_watcher, &QFutureWatcher<std::shared_ptr<const Snapshot>>::finished, this,
            [this] {
                std::shared_ptr<const Snapshot> result;
                try {
                    result = result_of(m_snapshot_watcher);
                } catch (const std::exception& error) {
                    show_error(QString::fromUtf8(error.what()), QString());
                }
                if (m_snapshot_stale) {
                    m_snapshot_stale = false;
                    request_snapshot();
                } else if (result) {
                    apply_snapshot(std::move(result));
                }
            });

    set_language(m_language);
    if (m_remember) {
        restore_settings();
    }
    m_canvas->setFocus();
}

MainWindow::~MainWindow() {
    m_snapshot_watcher.waitForFinished();
    m_worker.wait_idle();
}

// ---- the project ---------------------------------------------------------------------------

void MainWindow::open_project(const QString& path) {
    auto* progress = new QProgressDialog(tr("Opening %1…").arg(QFileInfo(path).fileName()),
                                         tr("Cancel"), 0, 0, this);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    auto* watcher = new QFutureWatcher<std::shared_ptr<ProjectSession>>(this);
    connect(watcher, &QFutureWatcher<std::shared_ptr<ProjectSession>>::finished, this,
            [this, watcher, progress, path] {
                // Read before hiding: closing a progress dialog counts as Cancel.
                const bool cancelled = progress->wasCanceled();
                progress->hide();
                progress->deleteLater();
                watcher->deleteLater();
                if (cancelled) {
                    return; // the user gave up: the project read is dropped
                }
                try {
                    install_session(result_of(*watcher));
                    add_recent(path);
                } catch (const std::exception& error) {
                    show_error(QString::fromUtf8(error.what()), error_advice(error));
                    emit project_failed(QString::fromUtf8(error.what()));
                }
            });
    watcher->setFuture(QtConcurrent::run([path, first = first_view(path)] {
        return std::shared_ptr<ProjectSession>(ProjectSession::open(path, first));
    }));
}

void MainWindow::set_read_ahead(const QString& path, ReadAhead read) {
    m_read_ahead_path = path;
    m_read_ahead = std::move(read);
}

FirstView MainWindow::first_view(const QString& path) {
    // The canvas shows a new project whole (zoom_to_county), at its present size.
    FirstView view;
    if (path == m_read_ahead_path) {
        view.ahead = std::move(m_read_ahead); // once: a later opening reads the file anew
    }
    m_read_ahead = {}; // one for another file ends here (it began a moment ago, at start)
    view.width = m_canvas->width();
    view.height = m_canvas->height();
    view.device_pixel_ratio = m_canvas->devicePixelRatioF();
    for (const LayerState& state : m_canvas->layers()) {
        if (state.visible && state.layer != CanvasLayer::basemap) {
            view.layers |= static_cast<unsigned>(map_layer(state.layer));
        }
    }
    // A new project opens unfiltered, in the theme shown now.
    view.snapshot = [theme = m_theme, by = m_rollups->model()->by()](
                        const core::Portfolio& portfolio, core::Date day) {
        return make_snapshot(portfolio, day, theme, MapFilter{}, by);
    };
    view.as_of = std::exchange(m_first_as_of, std::nullopt); // this opening's, not a later one's
    return view;
}

void MainWindow::open_project_now(const QString& path) {
    QElapsedTimer timer;
    timer.start();
    std::shared_ptr<ProjectSession> session = ProjectSession::open(path, first_view(path));
    timing("read: %.3f s", timer.elapsed() / 1000.0);
    install_session(std::move(session));
}

void MainWindow::install_session(std::shared_ptr<ProjectSession> session, bool keep_state) {
    // A refresh keeps what the user was looking at; a new project starts afresh.
    const core::Date kept_day = m_as_of;
    const MapFilter kept_filter = m_filter;
    const std::set<std::string> kept_selection = m_selection;
    const render::Box kept_view = m_canvas->view().box;
    const std::string kept_project = m_project_day->current_project();
    m_snapshot_watcher.waitForFinished();
    m_worker.wait_idle();
    m_canvas->set_session(nullptr);
    m_identify->set_session(nullptr);
    m_rollups->set_snapshot(nullptr); // it may make roll-ups of its snapshot's portfolio
    m_tables->set_portfolio(nullptr);
    m_project_day->set_portfolio(nullptr);
    m_snapshot.reset();
    m_as_of = session->opening_day(); // before anything asks for a snapshot
    if (!keep_state || !m_session || m_session->path() != session->path()) {
        m_desk = std::make_unique<EntryDesk>(session->path(), EntryDesk::default_user());
        keep_state = false;
        m_leader.clear();
    }
    m_session = std::move(session);
    m_selection.clear();
    m_filter = {};
    m_worker.set_session(m_session.get());
    m_canvas->set_session(m_session.get());
    m_identify->set_session(m_session.get());
    // The first day's snapshot, made while the project was read, when it is still the one
    // wanted: the day and theme asked for then, no filter (a new project has none).
    // Taken in any case: one left in the session would be held as long as the session is.
    std::shared_ptr<const Snapshot> first = m_session->take_first_snapshot();
    if (first && (keep_state || first->as_of != m_as_of || first->theme != m_theme)) {
        first.reset();
    }
    const auto give_portfolio = [this] {
        m_tables->set_portfolio(&m_session->portfolio());
        m_project_day->set_portfolio(&m_session->portfolio(),
                                     core::friday_on_or_after(m_session->default_as_of()));
    };
    if (!first) {
        give_portfolio();
    }
    if (keep_state) {
        m_filter = kept_filter;
        m_selection = kept_selection;
        m_canvas->show_box(kept_view);
        m_canvas->set_selection(m_selection);
    }
    m_tables->set_filter(m_filter);
    m_as_of = keep_state ? kept_day : m_session->opening_day();
    {
        const QSignalBlocker block(m_date_bar);
        m_date_bar->set_span(m_session->first_day(), m_session->last_day(),
                             m_session->record_days());
        m_date_bar->set_date(m_as_of);
    }
    retranslate();
    m_coordinates->setText(
        tr("%1: %2 projects, %3 villages; drawn in %4")
            .arg(m_session->county_name().isEmpty() ? tr("Project") : m_session->county_name())
            .arg(m_session->portfolio().projects().size())
            .arg(m_session->layers().village_units.size())
            .arg(qs(m_session->crs().name())));
    if (keep_state) {
        m_tables->select_projects(m_selection);
        if (!m_leader.empty()) {
            m_project_day->show_choice(m_leader, m_as_of);
            m_project_day->select_project(kept_project);
        }
        if (m_selection.size() == 1) {
            m_identify->show_project(*m_selection.begin());
        }
    }
    if (first) {
        // Drawn from here, beside the window's repaint (a province's: 0.05 s of the GUI
        // thread, which a queued call waited for), once the layouts have taken the new
        // project's texts: the canvas may change size by a few pixels, and the map would be
        // drawn twice. The install and the panels' update are then one event of the GUI thread
        // (0.12 s on a province); the panels in a queued call of their own repainted the
        // window twice and took back the 0.05 s (docs/viewer.md). The render threads start
        // before the tables take the portfolio (a province's 140,000 projects: 0.02 s of the
        // GUI thread, with the other core idle), which changes no widget's size.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        m_canvas->set_snapshot(first);
        give_portfolio();
        apply_snapshot(std::move(first));
    } else {
        request_snapshot();
    }
    if (keep_state) {
        emit project_refreshed();
    } else {
        emit project_opened();
    }
}

void MainWindow::set_as_of(core::Date day) {
    m_date_bar->set_date(day); // → date_changed → request_snapshot
    m_as_of = m_date_bar->date();
    request_snapshot();
}

void MainWindow::set_theme(render::Theme theme) {
    m_theme = theme;
    m_layers->set_theme(theme);
    request_snapshot();
}

void MainWindow::set_filter(const MapFilter& filter) {
    m_filter = filter;
    m_tables->set_filter(filter);
    request_snapshot();
}

void MainWindow::select_projects(const std::set<std::string>& ids, bool zoom) {
    m_selection = ids;
    m_canvas->set_selection(ids);
    m_tables->select_projects(ids);
    if (ids.size() == 1) {
        m_identify->show_project(*ids.begin());
        m_identify_dock->show();
        m_project_day->select_project(*ids.begin());
    }
    if (zoom) {
        m_canvas->zoom_to_selection();
    }
    check_settled();
}

void MainWindow::request_snapshot() {
    if (!m_session) {
        return;
    }
    if (m_snapshot_watcher.isRunning()) {
        m_snapshot_stale = true; // asked again: computed when this one ends
        return;
    }
    m_render_state->setText(tr("computing…"));
    const core::Portfolio* portfolio = &m_session->portfolio();
    m_snapshot_watcher.setFuture(
        QtConcurrent::run([portfolio, day = m_as_of, theme = m_theme, filter = m_filter,
                           by = m_rollups->model()->by()] {
            QElapsedTimer timer;
            timer.start();
            auto snapshot = make_snapshot(*portfolio, day, theme, filter, by);
            timing("snapshot %s: %.3f s", day.iso().c_str(), timer.elapsed() / 1000.0);
            return snapshot;
        }));
}

void MainWindow::apply_snapshot(std::shared_ptr<const Snapshot> snapshot) {
    QElapsedTimer timer;
    timer.start();
    std::shared_ptr<const Snapshot> old = std::move(m_snapshot);
    m_snapshot = snapshot;
    m_canvas->set_snapshot(snapshot);
    m_tables->set_snapshot(snapshot);
    m_rollups->set_snapshot(snapshot);
    m_identify->set_snapshot(snapshot);
    if (!m_leader.empty()) {
        const std::string shown = m_project_day->current_project();
        m_project_day->set_snapshot(snapshot);
        if (m_project_day->current_project() != shown) {
            show_entry_history();
        }
    }
    m_summary = tr("as of %1: %2 of %3 projects shown")
                    .arg(qs(snapshot->as_of.iso()))
                    .arg(snapshot->passing())
                    .arg(snapshot->evaluation.projects.size());
    m_render_state->setText(m_canvas->settled() ? m_summary : tr("drawing…"));
    timing("panels: %.3f s", timer.elapsed() / 1000.0);
    // The panels have let go of the old snapshot: freeing it here (a province's is about 70 MB
    // of small objects, some 15 ms) would hold input up on every date step; a pool thread does.
    if (old) {
        QThreadPool::globalInstance()->start([old = std::move(old)]() mutable { old.reset(); });
    }
    check_settled();
}

bool MainWindow::settled() const {
    return m_session && m_snapshot && !m_snapshot_watcher.isRunning() && !m_snapshot_stale &&
           m_snapshot->as_of == m_as_of && m_snapshot->theme == m_theme &&
           m_snapshot->filter == m_filter && m_canvas->settled();
}

void MainWindow::check_settled() {
    if (settled()) {
        emit state_settled();
    }
}

void MainWindow::on_map_click(const MapHit& hit) {
    switch (hit.kind) {
    case MapHit::Kind::site:
        select_projects({hit.id});
        break;
    case MapHit::Kind::village:
        m_selection.clear();
        m_canvas->set_selection({});
        m_tables->select_village(hit.id);
        m_identify->show_village(hit.id);
        m_identify_dock->show();
        break;
    case MapHit::Kind::none:
        select_projects({});
        m_identify->clear();
        break;
    }
}

} // namespace xj::viewer
