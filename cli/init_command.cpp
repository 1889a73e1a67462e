#include "commands.h"
#include "i18n.h"
#include "xiangjian/store/open_project.h"

#include <iostream>

namespace xj::cli {

int run_init(const std::string& project_path) {
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
    return 0;
}

} // namespace xj::cli
