#include "project_cli.h"

#include "commands.h"
#include "i18n.h"

namespace xj::cli {

ProjectCli::ProjectCli(CLI::App& app) {
    m_init = app.add_subcommand("init", text("新建空项目库（GeoPackage 文件）",
                                             "create an empty project file (GeoPackage)"));
    m_init
        ->add_option("PROJECT.gpkg", m_project, text("要新建的项目文件", "project file to create"))
        ->required();

    m_demo = app.add_subcommand(
        "demo", text("生成示范县（汝阳县）项目库", "build the demo county (Ruyang) project file"));
    m_demo->add_option("OUT.gpkg", m_out, text("输出的项目文件", "project file to write"))
        ->required();
    m_demo->add_flag("--overwrite", m_overwrite,
                     text("覆盖已存在的文件", "replace the file if it exists"));

    m_info =
        app.add_subcommand("info", text("查看项目库：图层、数量、坐标系、范围",
                                        "describe a project file: layers, counts, CRS, extent"));
    m_info->add_option("PROJECT.gpkg", m_project, text("项目文件", "project file"))->required();

    m_upgrade = app.add_subcommand("upgrade",
                                   text("将旧版本项目库升级到当前模式版本",
                                        "migrate an older project file to this program's schema"));
    m_upgrade->add_option("PROJECT.gpkg", m_project, text("项目文件", "project file"))->required();
}

std::optional<int> ProjectCli::run() const {
    if (*m_init) {
        return run_init(m_project);
    }
    if (*m_demo) {
        return run_demo(m_out, m_overwrite);
    }
    if (*m_info) {
        return run_info(m_project);
    }
    if (*m_upgrade) {
        return run_upgrade(m_project);
    }
    return std::nullopt;
}

} // namespace xj::cli
