// The render tests draw text and images, which needs Qt's GUI machinery: an application on
// the offscreen platform, as the command line uses it.

#include "xiangjian/render/symbology.h"

#include <QGuiApplication>
#include <cstdlib>
#include <gtest/gtest.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char** argv) {
    setenv("QT_QPA_PLATFORM", "offscreen", 0);
    if (std::getenv("XDG_RUNTIME_DIR") == nullptr) { // Qt warns without one
        const std::string runtime = "/tmp/runtime-" + std::to_string(getuid());
        mkdir(runtime.c_str(), 0700);
        setenv("XDG_RUNTIME_DIR", runtime.c_str(), 0);
    }
    QGuiApplication app(argc, argv);
    xj::render::load_map_fonts();
    testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
