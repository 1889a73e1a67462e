// xiangjian-viewer: the county's progress on a map, in a Qt window.

#include "src/viewer_app.h"

#include <QString>
#include <QtGlobal>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

/// Qt's notes that say nothing to a user of the viewer (the offscreen platform cannot pass size
/// hints; a server without a login session has no XDG_RUNTIME_DIR and Qt picks one itself).
void quiet_notes(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (type == QtWarningMsg &&
        (message.contains(QStringLiteral("propagateSizeHints")) ||
         message.startsWith(QStringLiteral("QStandardPaths: XDG_RUNTIME_DIR")))) {
        return;
    }
    const QByteArray text = qFormatLogMessage(type, context, message).toLocal8Bit();
    std::fprintf(stderr, "%s\n", text.constData());
}

} // namespace

int main(int argc, char** argv) {
    // --screenshot on a machine without a display draws offscreen; --help and --version print
    // and exit, so they need no display either (without one, Qt would abort starting the window
    // system before the options are read).
    bool windowless = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view argument(argv[i]);
        windowless = windowless || argument.starts_with("--screenshot") || argument == "-h" ||
                     argument == "--help" || argument == "--help-all" || argument == "-v" ||
                     argument == "--version";
    }
    if (windowless && std::getenv("DISPLAY") == nullptr &&
        std::getenv("WAYLAND_DISPLAY") == nullptr && std::getenv("QT_QPA_PLATFORM") == nullptr) {
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
    }
    qInstallMessageHandler(quiet_notes);
    xj::viewer::ViewerApplication app(argc, argv);
    const auto options = xj::viewer::parse_viewer_options(app.arguments());
    return xj::viewer::run_viewer(app, options);
}
