#pragma once

// Draws a map with QPainter: no widget, any paint device. The viewer, `xiangjian render` and
// the printed site sheets all draw through this class.

#include "xiangjian/render/display_geometry.h"
#include "xiangjian/render/map_layers.h"
#include "xiangjian/render/map_view.h"
#include "xiangjian/render/theme_data.h"

#include <QRectF>
#include <QString>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

class QImage;
class QPainter;

namespace xj::render {

/// The layers of a map, bottom to top; `--layers` names them.
enum class MapLayer : unsigned {
    basemap = 1U << 0,
    boundaries = 1U << 1, ///< county and township boundaries
    villages = 1U << 2,
    polygons = 1U << 3, ///< project areas: reservoirs, PV stations
    lines = 1U << 4,    ///< roads, dikes, pipes
    points = 1U << 5,   ///< water sites, housing, other
    labels = 1U << 6,
    furniture = 1U << 7, ///< title, legend, scale bar, north arrow
};
inline constexpr unsigned all_layers = 0xFFU;
/// A comma-separated list of layer names; throws xj::Error naming an unknown one.
unsigned parse_layers(const std::string& list);

struct RenderOptions {
    unsigned layers = all_layers;
    std::string basemap;  ///< any GDAL raster; empty for none
    double scale = 1.0;   ///< device units per 96-dpi pixel, for pens, symbols and text
    unsigned threads = 2; ///< image renders only
    bool english = false; ///< legend and furniture text
    bool legend = true;   ///< with the furniture
    QString title;        ///< drawn top left when not empty
    QString subtitle;     ///< under the title (e.g. the as-of date)
    /// Project whose sites are drawn larger and labelled first (the site sheet's map).
    std::string highlight_project;
    /// Image renders: leave the background transparent (a layer of the viewer's composition)
    /// instead of filling it with the map's paper colour.
    bool transparent = false;
    /// Set from another thread to stop a render early (the view changed): the image is then
    /// incomplete and RenderStats::cancelled is true. Checked every few hundred shapes.
    const std::atomic<bool>* cancel = nullptr;

    bool cancelled() const { return cancel != nullptr && cancel->load(std::memory_order_relaxed); }
};

struct PlacedLabel {
    QString text;
    QRectF rect; ///< device units
    int priority = 0;
};

struct RenderStats {
    std::size_t villages = 0; ///< villages shown (their box meets the view; 0 unless filled)
    std::size_t sites = 0;    ///< project sites shown
    /// The legend drawn: the lines of the layers drawn, counting the villages and projects
    /// shown (a window counts its own, not the county's).
    std::vector<LegendItem> legend;
    /// Each project with a site shown, once, with the legend category it is counted in: its
    /// index in the Portfolio (ProjectSymbol::project), in ascending order. A caller that draws
    /// the site layers apart (the viewer) counts a project once across them from these, not by
    /// adding the layers' counts.
    std::vector<std::pair<std::uint32_t, int>> projects_shown;
    /// Nothing of the project in the view (no boundary, village or site): the map says so.
    bool empty = false;
    std::vector<PlacedLabel> labels;
    std::vector<QRectF> furniture; ///< legend, scale bar, north arrow, title boxes
    double prepare_seconds = 0;    ///< window lookup, projection, simplification
    double draw_seconds = 0;
    double label_seconds = 0;
    bool cancelled = false; ///< stopped early by RenderOptions::cancel
};

/// One render at a time, as a rule: each layer's display geometry is cached per scale as it is
/// drawn. Renders whose layers share no cache may run at once (the viewer's two groups):
/// {basemap, villages, boundaries} and {points, lines, polygons}; labels look in all of them.
class MapRenderer {
public:
    /// The layers must outlive the renderer.
    MapRenderer(const render::MapLayers& layers, render::DisplayCrs crs);
    ~MapRenderer();
    MapRenderer(const MapRenderer&) = delete;
    MapRenderer& operator=(const MapRenderer&) = delete;

    const render::DisplayCrs& crs() const { return m_crs; }
    const render::MapLayers& layers() const { return m_layers; }
    /// The extent of every layer in the display CRS.
    render::Box display_extent() const;
    /// Of the township (its boundary, else its villages'); empty when it has neither.
    render::Box township_extent(const std::string& code) const;
    /// Of the project's sites; empty when it has none.
    render::Box project_extent(const std::string& project_id) const;
    /// The box of all these projects' sites, in one pass over the sites (a leader's 300
    /// projects on a province: one pass, not 300).
    render::Box projects_extent(const std::set<std::string>& project_ids) const;
    /// Where a lon/lat point falls in a view (device units).
    QPointF device_point(const MapView& view, double lon, double lat) const;

    /// Into an image of the view's size (ARGB32 premultiplied): the geometry is drawn by
    /// options.threads threads, each into its own band of the image.
    RenderStats render(QImage& image, const MapView& view, const ThemeData& theme,
                       const RenderOptions& options);
    /// Onto any painter (a PDF or SVG page, part of one), in device units of the view, on this
    /// thread; symbols are drawn as vectors.
    RenderStats render(QPainter& painter, const MapView& view, const ThemeData& theme,
                       const RenderOptions& options);

    /// Finds, projects and simplifies what a render of the view with these options draws,
    /// into the layers' caches, without a theme: the render that follows finds it done. A
    /// program may run it while the engine is still evaluating the day it will draw.
    void prepare_geometry(const MapView& view, const RenderOptions& options);
    /// Finds each site's project in `portfolio` now rather than in the first render of a site
    /// layer that draws its theme (a province's 140,000 sites: some 0.04 s). A program may run
    /// it on a core with time to spare while the renderer draws other things.
    void bind_sites(const core::Portfolio& portfolio) { site_projects(portfolio); }

private:
    struct Frame;
    /// The shapes of each layer in the frame's window, prepared at its scale.
    void find_shapes(Frame& frame);
    void prepare(Frame& frame);
    void count_shown(Frame& frame) const;
    void draw_geometry(QPainter& painter, const Frame& frame, const QRectF& band) const;
    void draw_overlays(QPainter& painter, Frame& frame, RenderStats& stats);

    /// Each site's project, as its index among the projects of one portfolio (npos: not
    /// there): found once per portfolio, not once per site and render (a province's full
    /// extent looked up 120,000 project ids in every render of its sites).
    struct SiteProjects {
        std::uint64_t portfolio = 0; ///< Portfolio::serial()
        std::vector<std::uint32_t> points, lines, polygons;
    };
    /// Those of `portfolio`, found on the first call for it; kept until a render asks for
    /// another's. Safe from renders running at once.
    std::shared_ptr<const SiteProjects> site_projects(const core::Portfolio& portfolio);

    const render::MapLayers& m_layers;
    render::DisplayCrs m_crs;
    render::DisplayGeometry m_counties, m_townships, m_villages;
    render::DisplayGeometry m_points, m_lines, m_polygons;
    std::mutex m_site_projects_mutex;
    std::shared_ptr<const SiteProjects> m_site_projects;
};

} // namespace xj::render
