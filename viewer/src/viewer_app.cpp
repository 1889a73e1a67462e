#include "viewer_app.h"

#include "project_session.h"
#include "timings.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/render/png_writer.h"
#include "xiangjian/render/symbology.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QIcon>
#include <QMessageBox>
#include <QPixmap>
#include <QSaveFile>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <cstdio>
#include <cstdlib>

namespace xj::viewer {

ViewerApplication::ViewerApplication(int& argc, char** argv) : QApplication(argc, argv) {
    setOrganizationName(QStringLiteral("Xiangjian"));
    setApplicationName(QStringLiteral("xiangjian-viewer"));
    setApplicationVersion(QStringLiteral("0.1.0"));
    // Icons that read at a glance: the desktop's theme, else Breeze (Debian's
    // breeze-icon-theme: every action icon the window names), else Qt's standard icons.
    if (!QIcon::hasThemeIcon(QStringLiteral("zoom-in"))) {
        // Off a desktop (offscreen, xvfb) Qt searches only its resources: add the system's.
        QStringList paths = QIcon::themeSearchPaths();
        paths << QStandardPaths::locateAll(QStandardPaths::GenericDataLocation,
                                           QStringLiteral("icons"),
                                           QStandardPaths::LocateDirectory);
        QIcon::setThemeSearchPaths(paths);
        QIcon::setThemeName(QStringLiteral("breeze"));
    }
}

bool ViewerApplication::notify(QObject* receiver, QEvent* event) {
    try {
        return QApplication::notify(receiver, event);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "xiangjian-viewer: %s\n", error.what());
        QMessageBox::critical(activeWindow(), QStringLiteral("Xiangjian"),
                              QString::fromUtf8(error.what()));
        return false;
    }
}

ViewerOptions parse_viewer_options(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QString::fromUtf8(
        "乡建 Xiangjian viewer: the county's projects and their progress on the map.\n"
        "乡建查看器：全县项目及其进度地图。"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT"),
                                 QString::fromUtf8("project file (.gpkg) / 项目库文件"),
                                 QStringLiteral("[PROJECT]"));
    const QCommandLineOption as_of(QStringLiteral("as-of"),
                                   QString::fromUtf8("as-of day YYYY-MM-DD / 截至日期"),
                                   QStringLiteral("DATE"));
    const QCommandLineOption select(QStringLiteral("select"),
                                    QString::fromUtf8("project to select and show / 选中项目"),
                                    QStringLiteral("PROJECT_ID"));
    const QCommandLineOption theme(QStringLiteral("theme"),
                                   QString::fromUtf8("progress|status|stage|indicators / 专题"),
                                   QStringLiteral("T"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QString::fromUtf8("window size WxH, e.g. 1600x1000 / 窗口大小"),
                                  QStringLiteral("WxH"));
    const QCommandLineOption language(QStringLiteral("lang"),
                                      QString::fromUtf8("zh|en: interface language / 界面语言"),
                                      QStringLiteral("zh|en"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QString::fromUtf8("save a grab of the window once everything is drawn, then exit / "
                          "截图后退出"),
        QStringLiteral("FILE.png"));
    const QCommandLineOption leader(
        QStringLiteral("leader"),
        QString::fromUtf8("project-day mode for this leader (name, with or without the title) / "
                          "项目日：分包领导"),
        QStringLiteral("NAME"));
    const QCommandLineOption date(
        QStringLiteral("date"),
        QString::fromUtf8("the project day with --leader (default: the as-of day if a Friday, "
                          "else the Friday after) / 项目日日期"),
        QStringLiteral("FRIDAY"));
    parser.addOptions({as_of, select, theme, size, language, leader, date, screenshot});
    parser.process(arguments);
    ViewerOptions options;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        std::fprintf(stderr, "xiangjian-viewer: one project file at most (given %lld)\n",
                     static_cast<long long>(positional.size()));
        std::exit(2);
    }
    options.project = positional.value(0);
    options.as_of = parser.value(as_of);
    options.select = parser.value(select);
    options.theme = parser.value(theme);
    options.size = parser.value(size);
    options.language = parser.value(language);
    options.screenshot = parser.value(screenshot);
    options.leader = parser.value(leader);
    options.date = parser.value(date);
    if (!options.language.isEmpty() && options.language != QStringLiteral("zh") &&
        options.language != QStringLiteral("en")) {
        std::fprintf(stderr, "xiangjian-viewer: --lang %s: expected zh or en\n",
                     qPrintable(options.language));
        std::exit(2);
    }
    if (!options.screenshot.isEmpty() && options.project.isEmpty()) {
        std::fprintf(stderr, "xiangjian-viewer: --screenshot needs a PROJECT file\n");
        std::exit(2);
    }
    return options;
}

/// The theme and day asked for, before the project is opened: its first map is then made and
/// drawn once, for them.
void apply_first_view_options(MainWindow& window, const ViewerOptions& options) {
    if (!options.theme.isEmpty()) {
        window.set_theme(render::parse_theme(options.theme.toStdString()));
    }
    if (!options.as_of.isEmpty()) {
        const auto day = core::Date::parse_loose(options.as_of.toStdString());
        if (!day) {
            throw UsageError(text("--as-of “", "--as-of '") + options.as_of.toStdString() +
                                 text("”：应为日期 YYYY-MM-DD", "': expected a day YYYY-MM-DD"),
                             "--as-of");
        }
        window.set_first_as_of(*day);
    }
}

/// The rest, once the project is open.
void apply_options(MainWindow& window, const ViewerOptions& options) {
    if (!options.leader.isEmpty()) {
        std::optional<core::Date> friday;
        if (!options.date.isEmpty()) {
            friday = core::Date::parse_loose(options.date.toStdString());
            if (!friday) {
                throw UsageError(text("--date “", "--date '") + options.date.toStdString() +
                                     text("”：应为日期 YYYY-MM-DD", "': expected a day YYYY-MM-DD"),
                                 "--date");
            }
        }
        window.choose_leader(options.leader.toStdString(), friday);
    }
    if (!options.select.isEmpty()) {
        const std::string id = options.select.toStdString();
        if (!window.session()->portfolio().find(id)) {
            throw UsageError(window.session()->path().toStdString() +
                                 text("：没有项目“", ": no project '") + id + text("”", "'"),
                             "--select");
        }
        window.select_projects({id}, true);
    }
}

bool wait_until_settled(MainWindow& window, int timeout_ms) {
    QElapsedTimer timer;
    timer.start();
    // The GUI thread sleeps until an event comes (a snapshot or a layer drawn, or this timer's
    // tick): polling instead kept it busy, on one of two cores, while the engine and the render
    // workers needed both.
    QTimer tick;
    tick.start(20);
    while (timer.elapsed() < timeout_ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
        if (window.settled()) {
            // Let layouts and the last paints catch up with what settled.
            for (int i = 0; i < 5; ++i) {
                QCoreApplication::processEvents();
            }
            if (window.settled()) {
                return true;
            }
        }
    }
    return false;
}

namespace {

/// Writes the grab as PNG under a temporary name, renamed over `path` once complete, so that a
/// script never finds half a file. On both cores (render::write_png): a province's screenshot
/// in 0.015 s against Qt's writer's 0.06 s, the last step of a first frame.
bool save_screenshot(const QPixmap& grab, const QString& path) {
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && render::write_png(grab.toImage(), file) &&
           file.commit();
}

std::optional<QSize> parse_size(const QString& text) {
    const QStringList parts = text.toLower().split(QLatin1Char('x'));
    bool ok_w = false, ok_h = false;
    const int w = parts.size() == 2 ? parts[0].toInt(&ok_w) : 0;
    const int h = parts.size() == 2 ? parts[1].toInt(&ok_h) : 0;
    if (!ok_w || !ok_h || w < 400 || h < 300 || w > 8000 || h > 8000) {
        return std::nullopt;
    }
    return QSize(w, h);
}

} // namespace

int run_viewer(ViewerApplication& app, const ViewerOptions& options) {
    UiLanguage language = UiLanguage::zh;
    const QString saved = options.screenshot.isEmpty()
                              ? QSettings().value(QStringLiteral("language")).toString()
                              : QString();
    if (options.language == QStringLiteral("en") ||
        (options.language.isEmpty() && saved == QStringLiteral("en"))) {
        language = UiLanguage::en;
    }
    xj::set_language(language == UiLanguage::en ? Language::en : Language::zh);
    std::optional<QSize> size;
    if (!options.size.isEmpty()) {
        size = parse_size(options.size);
        if (!size) {
            std::fprintf(stderr, "xiangjian-viewer: --size %s: expected WxH, e.g. 1600x1000\n",
                         qPrintable(options.size));
            return 2;
        }
    }
    const bool screenshot = !options.screenshot.isEmpty();
    timing("Qt started");
    // The project is read while the window is built: its first map needs both halves, and
    // Qt's building of the window on this thread does not.
    ReadAhead ahead = options.project.isEmpty() ? ReadAhead{} : read_ahead(options.project);
    MainWindow window(language, !screenshot);
    timing("window built");
    if (ahead.engine) {
        window.set_read_ahead(options.project, std::move(ahead));
    }
    window.resize(size.value_or(QSize(1600, 1000)));
    if (screenshot) {
        window.show();
        timing("shown");
        QElapsedTimer phase;
        phase.start();
        try {
            apply_first_view_options(window, options);
            window.open_project_now(options.project);
            timing("open: %.3f s", phase.restart() / 1000.0);
            apply_options(window, options);
        } catch (const std::exception& error) {
            std::fprintf(stderr, "xiangjian-viewer: %s\n", error.what());
            return 1;
        }
        if (!wait_until_settled(window, 120000)) {
            std::fprintf(stderr, "xiangjian-viewer: the map was not drawn within 120 s\n");
            return 1;
        }
        timing("until drawn: %.3f s", phase.restart() / 1000.0);
        // What the window shows, as its screen has it, once any repaint still pending is
        // done: the same pixels as QWidget::grab(), which paints every widget again (0.04 s
        // of a province's first frame against 0.004 s).
        QCoreApplication::sendPostedEvents(nullptr, QEvent::UpdateRequest);
        const QPixmap grab = window.screen()->grabWindow(window.winId());
        timing("grabbed");
        if (!save_screenshot(grab, options.screenshot)) {
            std::fprintf(stderr, "xiangjian-viewer: %s: cannot write the screenshot\n",
                         qPrintable(options.screenshot));
            return 1;
        }
        timing("saved");
        std::printf("%s\n", qPrintable(options.screenshot));
        // Nothing is left to keep: the project was opened read-only and this mode keeps no
        // settings. Tearing down a province's project (half a gigabyte of small objects) would
        // add some 0.06 s to every script's run for nothing.
        std::fflush(nullptr);
        std::_Exit(0);
    }
    window.show();
    if (!options.project.isEmpty()) {
        const auto warn = [&window](const std::exception& error) {
            QMessageBox::warning(&window, QStringLiteral("Xiangjian"),
                                 QString::fromUtf8(error.what()));
        };
        try {
            apply_first_view_options(window, options);
        } catch (const std::exception& error) {
            warn(error);
        }
        QObject::connect(&window, &MainWindow::project_opened, &window, [&window, options, warn] {
            try {
                apply_options(window, options);
            } catch (const std::exception& error) {
                warn(error);
            }
        });
        window.open_project(options.project);
    }
    return app.exec();
}

} // namespace xj::viewer
