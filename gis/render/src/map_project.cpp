#include "xiangjian/render/map_project.h"

#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/parallel.h"
#include "xiangjian/store/parallel_load.h"
#include "xiangjian/store/portfolio_loader.h"

#include <algorithm>
#include <set>

namespace xj::render {

MapProject MapProject::open(const std::string& path) {
    MapProject project;
    project.read_whole(path, {}, {});
    return project;
}

EngineRead MapProject::read_engine(const std::string& path) {
    EngineRead read;
    read.store = xj::store::open_project(path, xj::store::Access::read_only);
    read.portfolio =
        std::make_unique<core::Portfolio>(xj::store::load_portfolio_in_parallel(*read.store));
    return read;
}

LayersRead MapProject::read_layers(const std::string& path) {
    LayersRead read;
    read.store = xj::store::open_project(path, xj::store::Access::read_only);
    // The sites beside the units, through a second opening.
    read.layers = render::MapLayers::read(*read.store, [&path] {
        return xj::store::open_project(path, xj::store::Access::read_only);
    });
    return read;
}

void MapProject::read_whole(const std::string& path, const std::function<void()>& with_layers,
                            const WithPortfolio& with_portfolio, std::future<EngineRead>* engine,
                            std::future<LayersRead>* layers_ahead) {
    // Set once the layers are read, or have failed to be.
    std::promise<void> layers_read;
    std::shared_future<void> layers_ready = layers_read.get_future().share();
    // The engine's tables and the map's geometry are independent reads, side by side: the
    // engine's through a second and a third opening of the project (it takes both cores once
    // the geometry is read, which from the map cache takes a few hundredths of a second).
    core::run_in_parallel(
        [&] {
            EngineRead read = engine != nullptr ? engine->get() : read_engine(path);
            portfolio = std::move(read.portfolio);
            if (with_portfolio) {
                // What the continuation allocates (a viewer's first snapshot: 55 MB for a
                // province) then reuses the memory the layers were decoded into, which a first
                // opening gives back once it has written the map cache, instead of fresh pages
                // beside it: on a virtual machine each fresh page costs (docs/viewer.md,
                // "Memory is time"). Only a first opening waits here: layers mapped from the
                // cache are there in a few hundredths of a second.
                layers_ready.wait();
                with_portfolio(*portfolio, *read.store);
            }
        },
        [&] {
            try {
                LayersRead read = layers_ahead != nullptr ? layers_ahead->get() : read_layers(path);
                store = std::move(read.store);
                layers = std::move(read.layers);
            } catch (...) {
                layers_read.set_value();
                throw;
            }
            layers_read.set_value();
            extent = layers.extent();
            if (with_layers) {
                with_layers();
            }
        });
}

namespace {

/// The units that name and frame what a window shows: its own, and the townships and county
/// above them that have no boundary in the window.
std::vector<core::AdminUnit> with_ancestors(const store::ProjectStore& store,
                                            std::vector<core::AdminUnit> units) {
    for (int level = 0; level < 2; ++level) { // village → township → county
        std::set<std::string> have, want;
        for (const core::AdminUnit& unit : units) {
            have.insert(unit.code);
        }
        for (const core::AdminUnit& unit : units) {
            if (!unit.parent_code.empty() && have.count(unit.parent_code) == 0) {
                want.insert(unit.parent_code);
            }
        }
        const std::vector<std::string> codes(want.begin(), want.end());
        for (auto& unit : store.unit_list(codes)) {
            units.push_back(std::move(unit));
        }
    }
    std::sort(units.begin(), units.end(),
              [](const core::AdminUnit& a, const core::AdminUnit& b) { return a.code < b.code; });
    return units;
}

} // namespace

MapProject MapProject::open_window(const std::string& path, const std::string& crs_option,
                                   const WindowOf& window_of, int width, int height,
                                   render::MapView& view) {
    MapProject project;
    project.store = xj::store::open_project(path, xj::store::Access::read_only);
    project.extent = project.store->extent();
    const render::DisplayCrs crs = project.display_crs(crs_option);
    view = render::MapView::fit(window_of(crs, *project.store), width, height);
    // What the view shows, and a margin for symbols and lines that reach into it (the
    // renderer pads its window by 12 pixels).
    const double pad = 48 * view.metres_per_pixel();
    const render::Box shown{view.box.min_x - pad, view.box.min_y - pad, view.box.max_x + pad,
                            view.box.max_y + pad};
    std::vector<core::AdminUnit> units;
    project.layers = render::MapLayers::read(*project.store, crs.to_lonlat(shown), units);

    // The projects the window concerns: those with a site in it, and those serving its villages.
    std::set<std::string> ids;
    for (const auto* sites :
         {&project.layers.point_sites, &project.layers.line_sites, &project.layers.polygon_sites}) {
        for (const render::MapSite& site : *sites) {
            ids.insert(site.project_id);
        }
    }
    std::vector<std::string> villages;
    for (const render::MapUnit& village : project.layers.village_units) {
        villages.push_back(village.code);
    }
    for (const core::ProjectVillage& link : project.store->village_projects(villages)) {
        ids.insert(link.project_id);
    }
    xj::store::PortfolioScope scope;
    scope.project_ids.assign(ids.begin(), ids.end());
    scope.units = with_ancestors(*project.store, std::move(units));
    project.portfolio =
        std::make_unique<core::Portfolio>(xj::store::load_portfolio(*project.store, scope));
    return project;
}

render::DisplayCrs MapProject::display_crs(const std::string& option) const {
    if (!option.empty()) {
        return render::DisplayCrs(option);
    }
    if (const std::string setting = store->setting("display_crs"); !setting.empty()) {
        return render::DisplayCrs(setting);
    }
    if (extent.empty()) {
        throw Error(store->location() +
                    text("：项目中没有可画的边界和项目位置（请先导入行政区或项目）",
                         ": the project has no boundaries and no sites to draw (import units or "
                         "projects first)"));
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

} // namespace xj::render
