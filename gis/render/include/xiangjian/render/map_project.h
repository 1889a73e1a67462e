#pragma once

// What the programs that draw (render, sheet, the viewer) share: a project opened for mapping
// and the display CRS it is drawn in.

#include "xiangjian/core/portfolio.h"
#include "xiangjian/render/display_geometry.h"
#include "xiangjian/render/map_layers.h"
#include "xiangjian/render/map_view.h"
#include "xiangjian/store/open_project.h"

#include <functional>
#include <future>
#include <memory>
#include <string>

namespace xj::render {

/// The engine's half of MapProject::read_whole: a read-only opening of the project and the
/// portfolio read through it.
struct EngineRead {
    std::unique_ptr<store::ProjectStore> store;
    std::unique_ptr<core::Portfolio> portfolio;
};

/// The map's half of MapProject::read_whole: a read-only opening of the project and the layers
/// read through it.
struct LayersRead {
    std::unique_ptr<store::ProjectStore> store;
    render::MapLayers layers;
};

struct MapProject {
    std::unique_ptr<store::ProjectStore> store;
    render::MapLayers layers;
    std::unique_ptr<core::Portfolio> portfolio;
    render::Box extent; ///< of the whole project (lon/lat), which decides the display CRS

    /// Opens the project read-only and reads its layers and its portfolio.
    static MapProject open(const std::string& path);
    /// What to do with the portfolio on the core that read it, with that core's own opening of
    /// the project (`store` is the other core's meanwhile).
    using WithPortfolio =
        std::function<void(const core::Portfolio& portfolio, const store::ProjectStore& store)>;
    /// The engine's half of read_whole: the project opened again, read-only, and its portfolio
    /// read through that opening (and a third, load_portfolio_in_parallel).
    static EngineRead read_engine(const std::string& path);
    /// The map's half of read_whole: the project opened read-only, and its layers read (from
    /// the map cache, or from the project and then cached).
    static LayersRead read_layers(const std::string& path);

    /// As `open`, into this object: the layers and the portfolio are read one on each core, and
    /// each core goes on with its continuation once its half is read (`with_layers` may use
    /// `store`, `layers` and `extent`). A program overlaps its own work with the other half.
    /// `with_portfolio` runs once the layers are read too (or have failed to be): what it
    /// allocates then reuses the memory a first opening's layers gave back.
    /// `engine`, when given, is read_engine(path) begun earlier (while a window was built, say):
    /// its result, or its exception, is taken instead of reading the engine's half again; and
    /// `layers_ahead` the same for read_layers(path).
    void read_whole(const std::string& path, const std::function<void()>& with_layers,
                    const WithPortfolio& with_portfolio, std::future<EngineRead>* engine = nullptr,
                    std::future<LayersRead>* layers_ahead = nullptr);
    /// The window of a map in the display CRS, found in the store (a township's place, a
    /// project's); it may throw, naming what it cannot find.
    using WindowOf =
        std::function<render::Box(const render::DisplayCrs& crs, const store::ProjectStore& store)>;
    /// Opens the project read-only and reads what a map of the window `window_of` gives, drawn
    /// into width × height pixels, shows: the units and sites of that window and the projects
    /// they concern, no more. `crs_option` as for display_crs(). Returns the view to draw.
    static MapProject open_window(const std::string& path, const std::string& crs_option,
                                  const WindowOf& window_of, int width, int height,
                                  render::MapView& view);
    /// `option` when given, else the project's `display_crs` setting, else the CGCS2000
    /// Gauss–Krüger 3° zone of the centre of the project's geometry.
    render::DisplayCrs display_crs(const std::string& option) const;
    /// The name of the project's county (its county unit), empty when it has none or several.
    std::string county_name() const;
};

} // namespace xj::render
