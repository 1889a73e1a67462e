#pragma once

// The viewer's application object and its command line:
//   xiangjian-viewer [PROJECT] [--as-of DATE] [--select PROJECT_ID] [--theme T] [--size WxH]
//                    [--lang zh|en] [--screenshot FILE.png]

#include "main_window.h"

#include <QApplication>
#include <QString>
#include <optional>

namespace xj::viewer {

/// An error that escapes an event handler is shown, not a crash.
class ViewerApplication : public QApplication {
public:
    ViewerApplication(int& argc, char** argv);
    bool notify(QObject* receiver, QEvent* event) override;
};

struct ViewerOptions {
    QString project;
    QString as_of;
    QString select;
    QString theme;
    QString size;
    QString language; ///< zh, en or empty (the saved choice, else zh)
    QString screenshot;
    QString leader; ///< project-day mode for this leader
    QString date;   ///< its Friday
};

/// Parses the arguments; prints help or an error and exits for bad ones.
ViewerOptions parse_viewer_options(const QStringList& arguments);

/// Runs the viewer; with a screenshot, opens the window, waits until the map and every panel
/// show the state asked for, saves a grab of the window and returns 0 (1 with a message on any
/// error, 2 for bad options).
int run_viewer(ViewerApplication& app, const ViewerOptions& options);

/// Applies the options to a window with the project open (used by --screenshot and the tests);
/// throws xj::Error for a bad date, theme or project id.
void apply_options(MainWindow& window, const ViewerOptions& options);

/// Processes events until the window is settled; false after `timeout_ms`.
bool wait_until_settled(MainWindow& window, int timeout_ms);

} // namespace xj::viewer
