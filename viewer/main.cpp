// xiangjian-viewer: the county's progress on a map, in a Qt window.

#include "src/viewer_app.h"

#include <cstdlib>

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
    xj::viewer::ViewerApplication app(argc, argv);
    const auto options = xj::viewer::parse_viewer_options(app.arguments());
    return xj::viewer::run_viewer(app, options);
}
