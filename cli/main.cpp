// xiangjian: the command line. Parsing only; each subcommand lives in its own file.

#include "engine_cli.h"
#include "export_cli.h"
#include "i18n.h"
#include "import_cli.h"
#include "map_cli.h"
#include "parse_messages.h"
#include "project_cli.h"
#include "xiangjian/core/error.h"

#include <CLI/CLI.hpp>
#include <iostream>

namespace {

using xj::cli::text;
using xj::cli::tr;

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

/// The heading --help lists commands under ("Subcommands" in CLI11's words).
void name_command_groups(CLI::App& command) {
    for (CLI::App* sub : command.get_subcommands({})) {
        sub->group(text("子命令", "Commands"));
        if (CLI::Option* help = sub->get_help_ptr()) { // made before our defaults applied
            help->group(text("选项", "Options"));
        }
        name_command_groups(*sub);
    }
}

} // namespace

int main(int argc, char** argv) {
    choose_language(argc, argv);

    CLI::App app{text("乡建：县域项目建设进度地理信息工具",
                      "Xiangjian: county infrastructure-project tracking on a map"),
                 "xiangjian"};
    xj::cli::speak_our_language(app); // before any option or command copies its defaults
    app.require_subcommand(1);
    app.set_help_flag("-h,--help", text("显示帮助", "show help"));
    std::string lang;
    app.add_option("--lang", lang,
                   text("界面语言：zh（默认）或 en", "language: zh (default) or en"))
        ->check(CLI::IsMember({"zh", "en"}));
    app.set_version_flag("--version", "xiangjian 0.1.0", text("显示版本", "show the version"));

    // Each group registers its commands, in the order --help lists them.
    const xj::cli::ProjectCli project_commands(app);
    const xj::cli::ImportCli import_commands(app);
    const xj::cli::EngineCli engine_commands(app);
    const xj::cli::MapCli map_commands(app);
    const xj::cli::ExportCli export_commands(app);
    name_command_groups(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        return app.exit(error);
    }

    try {
        if (const auto code = engine_commands.run()) {
            return *code;
        }
        if (const auto code = map_commands.run()) {
            return *code;
        }
        if (const auto code = project_commands.run()) {
            return *code;
        }
        if (const auto code = import_commands.run()) {
            return *code;
        }
        if (const auto code = export_commands.run()) {
            return *code;
        }
    } catch (const std::exception& error) {
        std::cerr << "xiangjian: " << tr("错误：", "error: ") << error.what() << '\n';
        return 1;
    }
    return 2;
}
