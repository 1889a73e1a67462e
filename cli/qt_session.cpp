#include "qt_session.h"

#include "i18n.h"
#include "xiangjian/render/symbology.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <cstdlib>
#include <iostream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace xj::cli {

namespace {
int qt_argc = 1;
char qt_program[] = "xiangjian";
char* qt_argv[] = {qt_program, nullptr};
} // namespace

QtSession::QtSession() {
    if (std::getenv("QT_QPA_PLATFORM") == nullptr) {
        setenv("QT_QPA_PLATFORM", "offscreen", 0);
    }
    // Qt wants a private runtime folder and warns when the session has none (a shell over
    // ssh, a CI job): give it the one it would pick, quietly.
    if (std::getenv("XDG_RUNTIME_DIR") == nullptr) {
        const std::string runtime = "/tmp/runtime-" + std::to_string(getuid());
        mkdir(runtime.c_str(), 0700);
        setenv("XDG_RUNTIME_DIR", runtime.c_str(), 0);
    }
    m_app = std::make_unique<QGuiApplication>(qt_argc, qt_argv);
    const auto family = render::map_font_family();
    if (!QFontDatabase::families().contains(
            QString::fromUtf8(family.data(), static_cast<qsizetype>(family.size())))) {
        std::cerr << "xiangjian: "
                  << tr("警告：未找到中文字体 Noto Sans CJK SC（Debian 软件包 fonts-noto-cjk），"
                        "中文可能无法显示\n",
                        "warning: the Chinese font Noto Sans CJK SC (Debian package "
                        "fonts-noto-cjk) is missing; Chinese text may not show\n");
    }
}

QtSession::~QtSession() = default;

} // namespace xj::cli
