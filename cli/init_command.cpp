#include "commands.h"
#include "i18n.h"
#include "xiangjian/core/error.h"
#include "xiangjian/store/open_project.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>

namespace xj::cli {

void check_new_project_path(const std::string& project_path) {
    std::string extension = std::filesystem::path(project_path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension != ".gpkg") {
        throw UsageError(project_path +
                             (extension.empty()
                                  ? text("：项目库文件名须以 .gpkg 结尾（如 county.gpkg）",
                                         ": a project file's name must end in .gpkg (e.g. "
                                         "county.gpkg)")
                                  : text("：项目库文件名须以 .gpkg 结尾，不能是 " + extension +
                                             "（如 county.gpkg）",
                                         ": a project file's name must end in .gpkg, not " +
                                             extension + " (e.g. county.gpkg)")),
                         "PROJECT.gpkg");
    }
}

int run_init(const std::string& project_path) {
    check_new_project_path(project_path);
    const auto store = xj::store::create_project(project_path);
    std::cout << tr("已新建项目库 ", "created project file ") << project_path
              << tr("（模式版本 ", " (schema version ") << store->schema_version()
              << tr("，坐标系 CGCS2000 EPSG:4490）", ", CRS CGCS2000 EPSG:4490)") << '\n';
    return 0;
}

int run_upgrade(const std::string& project_path) {
    const auto store = xj::store::open_project(project_path, xj::store::Access::update);
    std::cout << project_path << tr("：模式版本 ", ": schema version ") << store->schema_version()
              << '\n';
    if (store->upgrade_storage()) {
        std::cout << project_path
                  << tr("：已按本版本的存储方式重写（64 KiB 页，读取更快）",
                        ": rewritten in this version's storage layout (64 KiB pages, faster to "
                        "read)")
                  << '\n';
    }
    return 0;
}

} // namespace xj::cli
