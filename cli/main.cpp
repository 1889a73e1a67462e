// xiangjian: the command line. Parsing only; each subcommand lives in its own file.

#include "commands.h"
#include "i18n.h"
#include "xiangjian/core/error.h"

#include <CLI/CLI.hpp>
#include <iostream>

namespace {

using xj::cli::tr;

std::string text(std::string_view zh, std::string_view en) {
    return std::string{tr(zh, en)};
}

/// --lang must take effect before the help texts are built, so it is read by hand first.
void choose_language(int argc, char** argv) {
    xj::cli::set_language_from_environment();
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        std::string value;
        if (arg == "--lang" && i + 1 < argc) {
            value = argv[i + 1];
        } else if (arg.rfind("--lang=", 0) == 0) {
            value = arg.substr(7);
        }
        if (!value.empty()) {
            xj::cli::set_language(value.rfind("en", 0) == 0 ? xj::cli::Language::en
                                                            : xj::cli::Language::zh);
        }
    }
}

} // namespace

int main(int argc, char** argv) {
    choose_language(argc, argv);

    CLI::App app{text("乡建：县域项目建设进度地理信息工具",
                      "Xiangjian: county infrastructure-project tracking on a map"),
                 "xiangjian"};
    app.require_subcommand(1);
    app.set_help_flag("-h,--help", text("显示帮助", "show help"));
    std::string lang;
    app.add_option("--lang", lang,
                   text("界面语言：zh（默认）或 en", "language: zh (default) or en"))
        ->check(CLI::IsMember({"zh", "en"}));
    app.set_version_flag("--version", "xiangjian 0.1.0");

    std::string project;
    auto* init = app.add_subcommand("init", text("新建空项目库（GeoPackage 文件）",
                                                 "create an empty project file (GeoPackage)"));
    init->add_option("PROJECT.gpkg", project, text("要新建的项目文件", "project file to create"))
        ->required();

    std::string out;
    bool overwrite = false;
    auto* demo = app.add_subcommand(
        "demo", text("生成示范县（汝阳县）项目库", "build the demo county (Ruyang) project file"));
    demo->add_option("OUT.gpkg", out, text("输出的项目文件", "project file to write"))->required();
    demo->add_flag("--overwrite", overwrite,
                   text("覆盖已存在的文件", "replace the file if it exists"));

    auto* info =
        app.add_subcommand("info", text("查看项目库：图层、数量、坐标系、范围",
                                        "describe a project file: layers, counts, CRS, extent"));
    info->add_option("PROJECT.gpkg", project, text("项目文件", "project file"))->required();

    auto* upgrade = app.add_subcommand(
        "upgrade", text("将旧版本项目库升级到当前模式版本",
                        "migrate an older project file to this program's schema"));
    upgrade->add_option("PROJECT.gpkg", project, text("项目文件", "project file"))->required();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        return app.exit(error);
    }

    try {
        if (*init) {
            return xj::cli::run_init(project);
        }
        if (*demo) {
            return xj::cli::run_demo(out, overwrite);
        }
        if (*info) {
            return xj::cli::run_info(project);
        }
        if (*upgrade) {
            return xj::cli::run_upgrade(project);
        }
    } catch (const std::exception& error) {
        std::cerr << "xiangjian: " << tr("错误：", "error: ") << error.what() << '\n';
        return 1;
    }
    return 2;
}
