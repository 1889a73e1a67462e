#include "map_support.h"

#include "xiangjian/core/error.h"
#include "xiangjian/core/parallel.h"
#include "xiangjian/store/portfolio_loader.h"

namespace xj::cli {

MapProject MapProject::open(const std::string& path) {
    MapProject project;
    project.store = xj::store::open_project(path, xj::store::Access::read_only);
    // The engine's tables and the map's geometry are independent reads, one on each core: the
    // engine's through a second opening of the project.
    core::run_in_parallel(
        [&] {
            const auto second = xj::store::open_project(path, xj::store::Access::read_only);
            project.portfolio =
                std::make_unique<core::Portfolio>(xj::store::load_portfolio(*second));
        },
        [&] { project.layers = render::MapLayers::read(*project.store); });
    return project;
}

render::DisplayCrs MapProject::display_crs(const std::string& option) const {
    if (!option.empty()) {
        return render::DisplayCrs(option);
    }
    if (const std::string setting = store->setting("display_crs"); !setting.empty()) {
        return render::DisplayCrs(setting);
    }
    const render::Box extent = layers.extent();
    if (extent.empty()) {
        throw Error(store->location() +
                    ": the project has no boundaries and no sites to draw (import units or "
                    "projects first)");
    }
    return render::DisplayCrs::gauss_kruger_at((extent.min_x + extent.max_x) / 2);
}

std::string MapProject::county_name() const {
    std::string name;
    for (const core::AdminUnit& unit : portfolio->admin_units()) {
        if (unit.level == core::AdminLevel::county) {
            if (!name.empty()) {
                return {}; // several counties: no one name for the map
            }
            name = unit.name;
        }
    }
    return name;
}

} // namespace xj::cli
