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
    // --screenshot on a machine without a display draws offscreen.
    bool screenshot = false;
    for (int i = 1; i < argc; ++i) {
        screenshot = screenshot || std::string_view(argv[i]).starts_with("--screenshot");
    }
    if (screenshot && std::getenv("DISPLAY") == nullptr &&
        std::getenv("WAYLAND_DISPLAY") == nullptr && std::getenv("QT_QPA_PLATFORM") == nullptr) {
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
    }
    qInstallMessageHandler(quiet_notes);
    xj::viewer::ViewerApplication app(argc, argv);
    const auto options = xj::viewer::parse_viewer_options(app.arguments());
    return xj::viewer::run_viewer(app, options);
}
