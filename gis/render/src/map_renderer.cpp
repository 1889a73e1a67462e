#include "xiangjian/render/map_renderer.h"

#include "basemap.h"
#include "clip.h"
#include "labels.h"
#include "map_furniture.h"
#include "marker.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/parallel.h"
#include "xiangjian/core/portfolio.h"

#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <limits>
#include <map>
#include <numbers>
#include <set>
#include <sstream>
#include <thread>
#include <unordered_map>

namespace xj::render {

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

struct LayerName {
    MapLayer layer;
    const char* name;
};
constexpr LayerName layer_names[] = {
    {MapLayer::basemap, "basemap"},   {MapLayer::boundaries, "boundaries"},
    {MapLayer::villages, "villages"}, {MapLayer::polygons, "polygons"},
    {MapLayer::lines, "lines"},       {MapLayer::points, "points"},
    {MapLayer::labels, "labels"},     {MapLayer::furniture, "furniture"},
};

bool has(unsigned layers, MapLayer layer) {
    return (layers & static_cast<unsigned>(layer)) != 0;
}

QColor with_alpha(const Colour& colour, int alpha) {
    QColor c = detail::qt_colour(colour);
    c.setAlpha(alpha);
    return c;
}

/// A pen for lines up to about 2 px: cosmetic, which Qt's raster engine draws with its fast
/// line rasteriser instead of stroking every segment into a polygon first.
QPen thin_pen(const QColor& colour, double width) {
    QPen pen(colour, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    pen.setCosmetic(true);
    return pen;
}

QPen line_pen(const LineStyle& style, double scale) {
    if (!style.dashed && style.width * scale <= 2.0) {
        return thin_pen(detail::qt_colour(style.colour), style.width * scale);
    }
    QPen pen(detail::qt_colour(style.colour), style.width * scale, Qt::SolidLine, Qt::RoundCap,
             Qt::RoundJoin);
    if (style.dashed) {
        pen.setCapStyle(Qt::FlatCap);
        pen.setDashPattern({7.0, 2.5, 1.5, 2.5}); // dash-dot, as boundaries are drawn
    }
    return pen;
}

/// The device points of a prepared part.
QPolygonF device_polygon(const render::DisplayShapes& shapes, const render::FlatLayer::Part& part,
                         const MapView& view) {
    const auto xy = shapes.points(part);
    QPolygonF polygon;
    polygon.reserve(static_cast<qsizetype>(xy.size() / 2));
    const double scale = view.width / view.box.width();
    for (std::size_t i = 0; i + 1 < xy.size(); i += 2) {
        polygon.append(
            QPointF((xy[i] - view.box.min_x) * scale, (view.box.max_y - xy[i + 1]) * scale));
    }
    return polygon;
}

/// A point inside the area (even-odd over all parts): the middle of the widest span of the
/// horizontal line through the middle of its bounding box, as GEOS's interior point does.
QPointF interior_point(const std::vector<QPolygonF>& rings) {
    QRectF bounds;
    for (const QPolygonF& ring : rings) {
        bounds = bounds.united(ring.boundingRect());
    }
    const double y = bounds.center().y();
    std::vector<double> crossings;
    for (const QPolygonF& ring : rings) {
        for (qsizetype i = 0; i + 1 < ring.size(); ++i) {
            const QPointF a = ring[i], b = ring[i + 1];
            if ((a.y() > y) != (b.y() > y)) {
                crossings.push_back(a.x() + (y - a.y()) * (b.x() - a.x()) / (b.y() - a.y()));
            }
        }
    }
    std::sort(crossings.begin(), crossings.end());
    double best = -1;
    QPointF point = bounds.center();
    for (std::size_t i = 0; i + 1 < crossings.size(); i += 2) {
        if (crossings[i + 1] - crossings[i] > best) {
            best = crossings[i + 1] - crossings[i];
            point = QPointF((crossings[i] + crossings[i + 1]) / 2, y);
        }
    }
    return point;
}

QString qstring(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

/// A village's name as maps print it: "双丰村村民委员会" is 双丰村, "牌路社区居民委员会" is
/// 牌路社区 — the committee's full title is for documents, not for the map.
QString map_name(const std::string& name) {
    QString text = qstring(name);
    for (const QString& suffix :
         {QStringLiteral("村民委员会"), QStringLiteral("居民委员会"), QStringLiteral("委员会")}) {
        if (text.endsWith(suffix) && text.size() > suffix.size()) {
            text.chop(suffix.size());
            if (suffix == QStringLiteral("村民委员会") && !text.endsWith(QChar(0x6751))) { // 村
                text += QChar(0x6751);
            }
            break;
        }
    }
    return text;
}

} // namespace

unsigned parse_layers(const std::string& list) {
    unsigned layers = 0;
    std::stringstream stream(list);
    std::string name;
    while (std::getline(stream, name, ',')) {
        if (name.empty()) {
            continue;
        }
        bool known = false;
        for (const LayerName& entry : layer_names) {
            if (name == entry.name) {
                layers |= static_cast<unsigned>(entry.layer);
                known = true;
            }
        }
        if (!known) {
            throw Error(text("未知的图层“", "unknown layer '") + name +
                        text("”：应为 basemap、boundaries、villages、polygons、lines、points、"
                             "labels、furniture",
                             "': expected basemap, boundaries, villages, polygons, lines, points, "
                             "labels, furniture"));
        }
    }
    return layers;
}

namespace {

using SpriteKey = std::tuple<int, std::uint32_t, bool>;

/// One sprite per shape, colour and size (highlighted or not).
SpriteKey sprite_key(const ProjectSymbol& symbol, bool highlight) {
    return {
        static_cast<int>(symbol.shape),
        static_cast<std::uint32_t>(symbol.colour.r << 16 | symbol.colour.g << 8 | symbol.colour.b),
        highlight};
}

} // namespace

/// Everything one render needs, looked up once.
struct MapRenderer::Frame {
    MapView view;
    const ThemeData* theme = nullptr;
    const RenderOptions* options = nullptr;
    bool vector_markers = false;
    double marker = 4;
    std::vector<std::uint32_t> counties, townships, villages, points, lines, polygons;
    const render::DisplayShapes* county_shapes = nullptr;
    const render::DisplayShapes* township_shapes = nullptr;
    const render::DisplayShapes* village_shapes = nullptr;
    const render::DisplayShapes* point_shapes = nullptr;
    const render::DisplayShapes* line_shapes = nullptr;
    const render::DisplayShapes* polygon_shapes = nullptr;
    std::vector<Colour> village_theme_fill; ///< of each village found, as the legend has it
    std::vector<QColor> village_fill;       ///< … as drawn (lighter over a basemap)
    std::vector<const ProjectSymbol*> point_symbol, line_symbol, polygon_symbol;
    std::map<SpriteKey, QImage> sprites;
    /// What the map shows (the shapes whose box meets the view): the legend counts it.
    ThemeData legend;
    std::size_t shown_villages = 0, shown_sites = 0;
    std::vector<std::pair<std::uint32_t, int>> projects_shown; ///< RenderStats says what
    bool empty = false; ///< no unit and no site of the project in the view
};

MapRenderer::MapRenderer(const render::MapLayers& layers, render::DisplayCrs crs)
    : m_layers(layers), m_crs(std::move(crs)),
      m_counties(layers.counties, render::DisplayGeometry::Kind::polygons, m_crs),
      m_townships(layers.townships, render::DisplayGeometry::Kind::polygons, m_crs),
      m_villages(layers.villages, render::DisplayGeometry::Kind::polygons, m_crs),
      m_points(layers.points, render::DisplayGeometry::Kind::points, m_crs),
      m_lines(layers.lines, render::DisplayGeometry::Kind::lines, m_crs),
      m_polygons(layers.polygons, render::DisplayGeometry::Kind::polygons, m_crs) {}

MapRenderer::~MapRenderer() = default;

render::Box MapRenderer::display_extent() const {
    return m_crs.to_display(m_layers.extent());
}

render::Box MapRenderer::township_extent(const std::string& code) const {
    render::Box box;
    for (std::size_t i = 0; i < m_layers.township_units.size(); ++i) {
        if (m_layers.township_units[i].code == code) {
            box.expand(m_layers.townships.shape(i).box);
        }
    }
    if (box.empty()) {
        for (std::size_t i = 0; i < m_layers.village_units.size(); ++i) {
            if (m_layers.village_units[i].parent_code == code) {
                box.expand(m_layers.villages.shape(i).box);
            }
        }
    }
    return box.empty() ? box : m_crs.to_display(box);
}

render::Box MapRenderer::project_extent(const std::string& project_id) const {
    return projects_extent({project_id});
}

render::Box MapRenderer::projects_extent(const std::set<std::string>& project_ids) const {
    render::Box box;
    const auto add = [&](const render::FlatLayer& layer,
                         const std::vector<render::MapSite>& sites) {
        for (std::size_t i = 0; i < sites.size(); ++i) {
            if (project_ids.contains(sites[i].project_id)) {
                box.expand(layer.shape(i).box);
            }
        }
    };
    add(m_layers.points, m_layers.point_sites);
    add(m_layers.lines, m_layers.line_sites);
    add(m_layers.polygons, m_layers.polygon_sites);
    return box.empty() ? box : m_crs.to_display(box);
}

QPointF MapRenderer::device_point(const MapView& view, double lon, double lat) const {
    double xy[2] = {lon, lat};
    render::DisplayCrs::Transform(m_crs, false).apply(xy);
    return view.to_device(xy[0], xy[1]);
}

void MapRenderer::prepare_geometry(const MapView& view, const RenderOptions& options) {
    Frame frame;
    frame.view = view;
    frame.options = &options;
    find_shapes(frame);
}

void MapRenderer::find_shapes(Frame& frame) {
    const double mpp = frame.view.metres_per_pixel();
    const unsigned threads = std::max(1U, frame.options->threads);
    render::Box window = m_crs.to_lonlat(frame.view.box);
    // Symbols and line widths reach past the window's edge by a few pixels.
    const double pad_deg = 12 * mpp * frame.options->scale / 100000.0;
    window = {window.min_x - pad_deg, window.min_y - pad_deg, window.max_x + pad_deg,
              window.max_y + pad_deg};
    const unsigned layers = frame.options->layers;
    const auto lookup = [&](const render::FlatLayer& layer, render::DisplayGeometry& geometry,
                            bool wanted, std::vector<std::uint32_t>& found,
                            const render::DisplayShapes*& shapes, unsigned workers) {
        if (wanted) {
            layer.query(window, found);
            shapes = &geometry.prepare(found, mpp, workers);
        }
    };
    const bool boundaries = has(layers, MapLayer::boundaries);
    const bool labels = has(layers, MapLayer::labels);
    // Sites are named beside their symbols at township scale (and the highlighted project at
    // any): labels drawn without the site layers (the viewer's label layer) look them up too.
    const bool site_labels = labels && (mpp <= 20 || !frame.options->highlight_project.empty());
    const auto villages = [&](unsigned workers) {
        lookup(m_layers.villages, m_villages, has(layers, MapLayer::villages) || labels,
               frame.villages, frame.village_shapes, workers);
    };
    const auto the_rest = [&](unsigned workers) {
        lookup(m_layers.counties, m_counties, boundaries || labels, frame.counties,
               frame.county_shapes, workers);
        lookup(m_layers.townships, m_townships, boundaries || labels, frame.townships,
               frame.township_shapes, workers);
        lookup(m_layers.points, m_points, has(layers, MapLayer::points) || site_labels,
               frame.points, frame.point_shapes, workers);
        lookup(m_layers.lines, m_lines, has(layers, MapLayer::lines) || site_labels, frame.lines,
               frame.line_shapes, workers);
        lookup(m_layers.polygons, m_polygons, has(layers, MapLayer::polygons) || site_labels,
               frame.polygons, frame.polygon_shapes, workers);
    };
    if (threads >= 2) {
        // The villages on one core, the other layers (about as many vertices: townships,
        // counties, roads, sites) on the other; each layer has its own cache.
        core::run_in_parallel([&] { the_rest(std::max(1U, threads / 2)); },
                              [&] { villages(std::max(1U, threads - threads / 2)); });
    } else {
        villages(1);
        the_rest(1);
    }
}

std::shared_ptr<const MapRenderer::SiteProjects>
MapRenderer::site_projects(const core::Portfolio& portfolio) {
    const std::lock_guard lock(m_site_projects_mutex);
    if (m_site_projects && m_site_projects->portfolio == portfolio.serial()) {
        return m_site_projects;
    }
    auto found = std::make_shared<SiteProjects>();
    found->portfolio = portfolio.serial();
    const auto bind = [&](const std::vector<MapSite>& sites, std::vector<std::uint32_t>& out) {
        out.reserve(sites.size());
        for (const MapSite& site : sites) {
            const auto index = portfolio.find(site.project_id);
            out.push_back(index ? static_cast<std::uint32_t>(*index)
                                : std::numeric_limits<std::uint32_t>::max());
        }
    };
    bind(m_layers.point_sites, found->points);
    bind(m_layers.line_sites, found->lines);
    bind(m_layers.polygon_sites, found->polygons);
    m_site_projects = std::move(found);
    return m_site_projects;
}

void MapRenderer::prepare(Frame& frame) {
    find_shapes(frame);
    const unsigned layers = frame.options->layers;
    const double mpp = frame.view.metres_per_pixel();
    const ThemeData& theme = *frame.theme;
    const int alpha = has(layers, MapLayer::basemap) && !frame.options->basemap.empty() ? 185 : 255;
    frame.village_theme_fill.reserve(frame.villages.size());
    frame.village_fill.reserve(frame.villages.size());
    for (const std::uint32_t i : frame.villages) {
        const auto found = theme.village_fill.find(m_layers.village_units[i].code);
        frame.village_theme_fill.push_back(
            found != theme.village_fill.end() ? found->second : theme.default_village_fill);
        frame.village_fill.push_back(with_alpha(frame.village_theme_fill.back(), alpha));
    }
    // Each site's symbol by its project's index in the theme's portfolio (ThemeData::projects),
    // as ThemeData::symbol finds it by id.
    const std::shared_ptr<const SiteProjects> bound =
        theme.portfolio != nullptr ? site_projects(*theme.portfolio) : nullptr;
    const auto symbols = [&](const std::vector<std::uint32_t>& shapes,
                             const std::vector<std::uint32_t>& project_of,
                             std::vector<const ProjectSymbol*>& out) {
        out.reserve(shapes.size());
        for (const std::uint32_t i : shapes) {
            const std::uint32_t project = project_of[i];
            out.push_back(project < theme.projects.size() ? &theme.projects[project] : nullptr);
        }
    };
    if (bound) {
        symbols(frame.points, bound->points, frame.point_symbol);
        symbols(frame.lines, bound->lines, frame.line_symbol);
        symbols(frame.polygons, bound->polygons, frame.polygon_symbol);
    } else { // no portfolio: no symbols, as ThemeData::symbol says
        frame.point_symbol.assign(frame.points.size(), nullptr);
        frame.line_symbol.assign(frame.lines.size(), nullptr);
        frame.polygon_symbol.assign(frame.polygons.size(), nullptr);
    }

    count_shown(frame);

    frame.marker = marker_size(mpp);
    if (!frame.vector_markers) { // one image per symbol, stamped at every site
        for (std::size_t k = 0; k < frame.points.size(); ++k) {
            const ProjectSymbol* symbol = frame.point_symbol[k];
            if (symbol == nullptr) {
                continue;
            }
            const bool highlight = m_layers.point_sites[frame.points[k]].project_id ==
                                   frame.options->highlight_project;
            const auto key = sprite_key(*symbol, highlight);
            if (!frame.sprites.contains(key)) {
                frame.sprites.emplace(key,
                                      detail::marker_sprite(symbol->shape, symbol->colour,
                                                            frame.marker * (highlight ? 1.6 : 1),
                                                            frame.options->scale));
            }
        }
    }
}

void MapRenderer::count_shown(Frame& frame) const {
    const ThemeData& theme = *frame.theme;
    const unsigned layers = frame.options->layers;
    // A shape shows when its display geometry's box meets the view (the window looked up
    // carries a margin for symbols reaching in, and a lon/lat box is wider than the view).
    const render::Box& view = frame.view.box;
    const auto meets_view = [&](const render::DisplayShapes* shapes, std::uint32_t i) {
        const render::Box& box = shapes->shapes[i].box;
        return !box.empty() && box.min_x <= view.max_x && box.max_x >= view.min_x &&
               box.min_y <= view.max_y && box.max_y >= view.min_y;
    };
    ThemeData& legend = frame.legend;
    legend.theme = theme.theme;
    legend.as_of = theme.as_of;
    if (has(layers, MapLayer::villages)) {
        legend.village_legend = theme.village_legend;
        for (LegendItem& item : legend.village_legend) {
            item.count = 0;
        }
        for (std::size_t k = 0; k < frame.villages.size(); ++k) {
            if (!meets_view(frame.village_shapes, frame.villages[k])) {
                continue;
            }
            ++frame.shown_villages;
            const Colour fill = frame.village_theme_fill[k];
            for (LegendItem& item : legend.village_legend) {
                if (item.colour == fill) {
                    ++item.count;
                    break;
                }
            }
        }
    }
    // Projects are counted once however many of their sites show.
    std::vector<std::pair<std::uint32_t, const ProjectSymbol*>> projects;
    const auto sites_shown = [&](const render::DisplayShapes* shapes,
                                 const std::vector<std::uint32_t>& found,
                                 const std::vector<const ProjectSymbol*>& symbols) {
        for (std::size_t k = 0; k < found.size(); ++k) {
            if (symbols[k] == nullptr || !meets_view(shapes, found[k])) {
                continue;
            }
            ++frame.shown_sites;
            projects.emplace_back(symbols[k]->project, symbols[k]);
        }
    };
    sites_shown(frame.point_shapes, frame.points, frame.point_symbol);
    sites_shown(frame.line_shapes, frame.lines, frame.line_symbol);
    sites_shown(frame.polygon_shapes, frame.polygons, frame.polygon_symbol);
    // The boundaries drawn, as the map draws them.
    if (has(layers, MapLayer::boundaries)) {
        for (const auto& [shapes, found, category, zh, en] :
             {std::tuple{frame.township_shapes, &frame.townships, 0, "乡镇界", "township boundary"},
              std::tuple{frame.county_shapes, &frame.counties, 1, "县界", "county boundary"}}) {
            bool seen = false;
            for (std::size_t k = 0; k < found->size() && !seen; ++k) {
                seen = meets_view(shapes, (*found)[k]);
            }
            if (seen) {
                LegendItem item;
                item.kind = LegendItem::Kind::line;
                item.category = category;
                item.label_zh = zh;
                item.label_en = en;
                legend.project_legend.push_back(std::move(item));
            }
        }
    }
    // Nothing of the project (whatever the layers drawn): no unit or site whose box meets it.
    const render::Box window = m_crs.to_lonlat(view);
    std::vector<std::uint32_t> any;
    for (const render::FlatLayer* layer :
         {&m_layers.counties, &m_layers.townships, &m_layers.villages, &m_layers.points,
          &m_layers.lines, &m_layers.polygons}) {
        if (any.empty()) {
            layer->query(window, any);
        }
    }
    frame.empty = any.empty();
    const bool project_layers = has(layers, MapLayer::points) || has(layers, MapLayer::lines) ||
                                has(layers, MapLayer::polygons);
    std::map<int, int> by_category;
    std::set<int> types;
    std::sort(projects.begin(), projects.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    projects.erase(std::unique(projects.begin(), projects.end(),
                               [](const auto& a, const auto& b) { return a.first == b.first; }),
                   projects.end());
    frame.projects_shown.reserve(projects.size());
    for (const auto& [project, symbol] : projects) {
        ++by_category[symbol->category];
        types.insert(static_cast<int>(symbol->type));
        frame.projects_shown.emplace_back(project, symbol->category);
    }
    for (const LegendItem& item : theme.project_legend) {
        if (item.type >= 0 ? types.contains(item.type) : project_layers) {
            legend.project_legend.push_back(item);
            if (item.type < 0) {
                legend.project_legend.back().count = by_category[item.category];
            }
        }
    }
}

void MapRenderer::draw_geometry(QPainter& painter, const Frame& frame, const QRectF& band) const {
    const MapView& view = frame.view;
    const double s = frame.options->scale;
    const unsigned layers = frame.options->layers;
    const QRectF cull = band.adjusted(-20 * s, -20 * s, 20 * s, 20 * s);

    if (has(layers, MapLayer::villages)) {
        // Fills without antialiasing (neighbours meet without seams, and it is fast); outlines
        // of villages big enough to see, antialiased, after.
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(Qt::NoPen);
        std::vector<QPolygonF> outlined;
        for (std::size_t k = 0; k < frame.villages.size(); ++k) {
            if ((k & 511U) == 0 && frame.options->cancelled()) {
                return;
            }
            const auto parts = frame.village_shapes->parts_of(frame.villages[k]);
            painter.setBrush(frame.village_fill[k]);
            if (parts.size() == 1) {
                QPolygonF polygon = device_polygon(*frame.village_shapes, parts[0], view);
                const QRectF bounds = polygon.boundingRect();
                if (!bounds.intersects(cull)) {
                    continue;
                }
                painter.drawPolygon(polygon, Qt::OddEvenFill);
                if (bounds.width() > 14 * s && bounds.height() > 14 * s) {
                    outlined.push_back(std::move(polygon));
                }
            } else {
                QPainterPath path;
                path.setFillRule(Qt::OddEvenFill);
                for (const auto& part : parts) {
                    path.addPolygon(device_polygon(*frame.village_shapes, part, view));
                }
                const QRectF bounds = path.boundingRect();
                if (!bounds.intersects(cull)) {
                    continue;
                }
                painter.drawPath(path);
                if (bounds.width() > 14 * s && bounds.height() > 14 * s) {
                    for (const auto& part : parts) {
                        outlined.push_back(device_polygon(*frame.village_shapes, part, view));
                    }
                }
            }
        }
        painter.setRenderHint(QPainter::Antialiasing, true);
        const bool neutral =
            frame.theme->theme == Theme::status || frame.theme->theme == Theme::stage;
        painter.setPen(line_pen(village_outline_style(neutral), s));
        painter.setBrush(Qt::NoBrush);
        for (const QPolygonF& ring : outlined) {
            painter.drawPolyline(ring);
        }
    }
    painter.setRenderHint(QPainter::Antialiasing, true);

    if (has(layers, MapLayer::boundaries)) {
        const auto outline = [&](const render::DisplayShapes* shapes,
                                 const std::vector<std::uint32_t>& found, const LineStyle& style) {
            const double width = style.width * s;
            // On an image, a wide antialiased line costs Qt five times a hairline: a line up to
            // 2 px is drawn as hairlines side by side (right and down), which looks the same.
            const bool side_by_side = !frame.vector_markers && width > 1.2 && width <= 2.5;
            painter.setPen(side_by_side ? thin_pen(detail::qt_colour(style.colour), 1.0)
                                        : line_pen(style, s));
            painter.setBrush(Qt::NoBrush);
            const double shift = width - 1.0;
            const auto draw = [&](const QPolygonF& line) {
                painter.drawPolyline(line);
                if (side_by_side) {
                    painter.drawPolyline(line.translated(shift, 0));
                    painter.drawPolyline(line.translated(0, shift));
                }
            };
            std::vector<detail::LineRun> runs;
            for (const std::uint32_t i : found) {
                for (const auto& part : shapes->parts_of(i)) {
                    const QPolygonF ring = device_polygon(*shapes, part, view);
                    const QRectF bounds = ring.boundingRect();
                    if (!bounds.intersects(cull)) {
                        continue;
                    }
                    if (cull.contains(bounds)) {
                        runs.assign(1, {ring, 0});
                    } else {
                        // Only the pieces in view: at county scale a township's boundary may
                        // run far beyond the window, and Qt dashes and joins a line over its
                        // whole length.
                        detail::clip_polyline(ring, cull, runs);
                    }
                    for (const detail::LineRun& run : runs) {
                        if (style.dashed && !side_by_side) {
                            // The pattern goes on where the whole ring would have it (the
                            // offset is in pen widths), so dashes do not crawl as the view pans.
                            QPen pen = painter.pen();
                            pen.setDashOffset(run.starts_at / pen.widthF());
                            painter.setPen(pen);
                        }
                        draw(run.points);
                    }
                }
            }
        };
        if (view.metres_per_pixel() <= 150) {
            // The pale band under the dash-dot line, aliased on an image: antialiased, Qt took
            // 20 of the 43 ms of a county window's boundaries (the province set) to stroke it,
            // aliased about 1. Its edges are pale and the antialiased line runs over its middle.
            painter.setRenderHint(QPainter::Antialiasing, frame.vector_markers);
            outline(frame.township_shapes, frame.townships, township_boundary_band());
            painter.setRenderHint(QPainter::Antialiasing, true);
        }
        outline(frame.township_shapes, frame.townships,
                township_boundary_style(view.metres_per_pixel()));
        outline(frame.county_shapes, frame.counties, county_boundary_style());
    }

    if (has(layers, MapLayer::polygons)) {
        painter.setPen(QPen(detail::qt_colour(project_polygon_outline()), 1.0 * s));
        for (std::size_t k = 0; k < frame.polygons.size(); ++k) {
            const ProjectSymbol* symbol = frame.polygon_symbol[k];
            QPainterPath path;
            path.setFillRule(Qt::OddEvenFill);
            for (const auto& part : frame.polygon_shapes->parts_of(frame.polygons[k])) {
                path.addPolygon(device_polygon(*frame.polygon_shapes, part, view));
            }
            if (!path.boundingRect().intersects(cull)) {
                continue;
            }
            painter.setBrush(
                with_alpha(symbol != nullptr ? symbol->colour : neutral_symbol_colour(), 170));
            painter.drawPath(path);
        }
    }

    if (has(layers, MapLayer::lines)) {
        // Casings first, then every line on top: crossing roads do not cut each other.
        std::vector<std::pair<QPolygonF, QColor>> lines;
        for (std::size_t k = 0; k < frame.lines.size(); ++k) {
            if ((k & 511U) == 0 && frame.options->cancelled()) {
                return;
            }
            const ProjectSymbol* symbol = frame.line_symbol[k];
            const QColor colour =
                detail::qt_colour(symbol != nullptr ? symbol->colour : neutral_symbol_colour());
            for (const auto& part : frame.line_shapes->parts_of(frame.lines[k])) {
                QPolygonF line = device_polygon(*frame.line_shapes, part, view);
                if (line.boundingRect().intersects(cull)) {
                    lines.emplace_back(std::move(line), colour);
                }
            }
        }
        painter.setBrush(Qt::NoBrush);
        if (view.metres_per_pixel() > 20) {
            // County and province scale: hundreds to thousands of roads; thin lines, without
            // casing at province scale (wide antialiased strokes cost more than all the
            // villages).
            const double width = (frame.marker < 5 ? 1.0 : 1.6) * s;
            if (frame.marker >= 5) {
                // County scale (tens to hundreds of roads): a white casing, so that a road
                // reads on the darkest class as on the palest.
                painter.setPen(thin_pen(detail::qt_colour(project_line_casing()), width + 2.4 * s));
                for (const auto& [line, colour] : lines) {
                    painter.drawPolyline(line);
                }
            }
            for (const auto& [line, colour] : lines) {
                painter.setPen(thin_pen(colour, width));
                painter.drawPolyline(line);
            }
        } else {
            const double width = project_line_width() * s;
            painter.setPen(QPen(detail::qt_colour(project_line_casing()), width + 2 * s,
                                Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            for (const auto& [line, colour] : lines) {
                painter.drawPolyline(line);
            }
            for (const auto& [line, colour] : lines) {
                painter.setPen(QPen(colour, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
                painter.drawPolyline(line);
            }
        }
    }

    if (has(layers, MapLayer::points)) {
        for (std::size_t k = 0; k < frame.points.size(); ++k) {
            if ((k & 1023U) == 0 && frame.options->cancelled()) {
                return;
            }
            const ProjectSymbol* symbol = frame.point_symbol[k];
            if (symbol == nullptr) {
                continue;
            }
            const auto xy =
                frame.point_shapes->points(frame.point_shapes->parts_of(frame.points[k]).front());
            const QPointF at = view.to_device(xy[0], xy[1]);
            if (!cull.contains(at)) {
                continue;
            }
            const bool highlight = m_layers.point_sites[frame.points[k]].project_id ==
                                   frame.options->highlight_project;
            if (frame.vector_markers) {
                detail::draw_marker(painter, at, symbol->shape, symbol->colour,
                                    frame.marker * (highlight ? 1.6 : 1), s);
                continue;
            }
            const auto key = sprite_key(*symbol, highlight);
            const QImage& sprite = frame.sprites.at(key);
            painter.drawImage(
                QPointF(at.x() - sprite.width() / 2.0, at.y() - sprite.height() / 2.0), sprite);
        }
    }
}

void MapRenderer::draw_overlays(QPainter& painter, Frame& frame, RenderStats& stats) {
    // What the map shows, as its legend counts it (counted in prepare()).
    stats.villages = frame.shown_villages;
    stats.sites = frame.shown_sites;
    stats.projects_shown = std::move(frame.projects_shown);
    stats.empty = frame.empty;
    stats.legend = frame.legend.village_legend;
    stats.legend.insert(stats.legend.end(), frame.legend.project_legend.begin(),
                        frame.legend.project_legend.end());
    const MapView& view = frame.view;
    const RenderOptions& options = *frame.options;
    const double s = options.scale;
    if (frame.empty) {
        // Say so, rather than hand over a blank page.
        const auto family = map_font_family();
        QFont font(QString::fromUtf8(family.data(), static_cast<qsizetype>(family.size())));
        font.setPixelSize(std::max(1, static_cast<int>(18 * s)));
        font.setStyleStrategy(QFont::PreferNoShaping);
        painter.save();
        painter.setFont(font);
        painter.setPen(QColor(90, 90, 90));
        painter.drawText(QRectF(0, 0, view.width, view.height), Qt::AlignCenter,
                         QString::fromStdString(options.english
                                                    ? "Nothing of the project lies in this window"
                                                    : "此范围内没有本项目的村、边界或项目点位"));
        painter.restore();
    }
    if (has(options.layers, MapLayer::furniture)) {
        // True north, clockwise from the top: the direction of a short step north from the
        // map's centre (grid convergence of the projection).
        const QPointF centre_map = view.to_map(QPointF(view.width / 2.0, view.height / 2.0));
        double centre[2] = {centre_map.x(), centre_map.y()};
        render::DisplayCrs::Transform(m_crs, true).apply(centre);
        double north[2] = {centre[0], centre[1] + 0.01};
        render::DisplayCrs::Transform(m_crs, false).apply(north);
        const double north_deg = std::atan2(north[0] - centre_map.x(), north[1] - centre_map.y()) *
                                 180 / std::numbers::pi;
        stats.furniture = detail::draw_furniture(painter, view, frame.legend, options, north_deg,
                                                 QString::fromStdString(m_crs.name()));
    }
    if (!has(options.layers, MapLayer::labels) || options.cancelled()) {
        return;
    }
    const auto start = Clock::now();
    const double mpp = view.metres_per_pixel();
    std::vector<detail::LabelCandidate> candidates;
    const auto area_labels =
        [&](const render::DisplayShapes* shapes, const std::vector<std::uint32_t>& found,
            const std::vector<render::MapUnit>& units, const LabelStyle& style, int priority) {
            for (const std::uint32_t i : found) {
                std::vector<QPolygonF> rings;
                QRectF bounds;
                for (const auto& part : shapes->parts_of(i)) {
                    rings.push_back(device_polygon(*shapes, part, view));
                    bounds = bounds.united(rings.back().boundingRect());
                }
                // A name goes on an area big enough to carry it: at province scale the
                // counties are named, not their 2,000 townships.
                if (bounds.width() < 56 * s || bounds.height() < 20 * s) {
                    continue;
                }
                candidates.push_back(
                    {map_name(units[i].name), interior_point(rings), style, priority, 0});
            }
        };
    area_labels(frame.county_shapes, frame.counties, m_layers.county_units, county_label_style(),
                0);
    area_labels(frame.township_shapes, frame.townships, m_layers.township_units,
                township_label_style(), 1);
    // Villages are named once they are big enough to carry a name.
    if (mpp < 15 && frame.village_shapes != nullptr) {
        area_labels(frame.village_shapes, frame.villages, m_layers.village_units,
                    village_label_style(), 3);
    }
    // Key projects, beside their sites, at township scale (closer than 20 m a pixel), where
    // sites stand apart; the highlighted one always.
    const auto site_labels = [&](const render::DisplayShapes* shapes,
                                 const std::vector<std::uint32_t>& found,
                                 const std::vector<const ProjectSymbol*>& symbols,
                                 const std::vector<render::MapSite>& sites, bool points) {
        for (std::size_t k = 0; k < found.size(); ++k) {
            const ProjectSymbol* symbol = symbols[k];
            const bool highlight = sites[found[k]].project_id == options.highlight_project;
            if (symbol == nullptr || (!highlight && (!symbol->key_project || mpp > 20))) {
                continue;
            }
            const auto parts = shapes->parts_of(found[k]);
            if (parts.empty()) {
                continue;
            }
            const QPolygonF first = device_polygon(*shapes, parts.front(), view);
            const QPointF anchor = points ? first.front() : first[first.size() / 2];
            // A name goes beside a symbol the map shows: not beside one just past the frame
            // (looked up with the margin for symbols reaching in).
            if (!QRectF(0, 0, view.width, view.height).contains(anchor)) {
                continue;
            }
            candidates.push_back({qstring(symbol->name), anchor, project_label_style(),
                                  highlight ? -1 : 2,
                                  (frame.marker * (highlight ? 1.6 : 1) / 2 + 3) * s});
        }
    };
    if (frame.point_shapes != nullptr) {
        site_labels(frame.point_shapes, frame.points, frame.point_symbol, m_layers.point_sites,
                    true);
    }
    if (frame.line_shapes != nullptr) {
        site_labels(frame.line_shapes, frame.lines, frame.line_symbol, m_layers.line_sites, false);
    }
    if (frame.polygon_shapes != nullptr) {
        site_labels(frame.polygon_shapes, frame.polygons, frame.polygon_symbol,
                    m_layers.polygon_sites, false);
    }
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    stats.labels = detail::place_labels(painter, std::move(candidates),
                                        QRectF(0, 0, view.width, view.height), stats.furniture, s);
    painter.restore();
    stats.label_seconds = seconds_since(start);
}

RenderStats MapRenderer::render(QImage& image, const MapView& view, const ThemeData& theme,
                                const RenderOptions& options) {
    if (image.width() != view.width || image.height() != view.height ||
        image.format() != QImage::Format_ARGB32_Premultiplied) {
        image = QImage(view.width, view.height, QImage::Format_ARGB32_Premultiplied);
    }
    image.fill(options.transparent ? QColor(Qt::transparent) : QColor(252, 251, 248));
    RenderStats stats;
    Frame frame;
    frame.view = view;
    frame.theme = &theme;
    frame.options = &options;
    auto start = Clock::now();
    prepare(frame);
    stats.prepare_seconds = seconds_since(start);

    start = Clock::now();
    if (has(options.layers, MapLayer::basemap) && !options.basemap.empty()) {
        QPainter painter(&image);
        painter.drawImage(0, 0, detail::basemap_image(options.basemap, m_crs, view));
    }
    // Each thread paints its own band of rows: separate images over one buffer.
    const int threads = static_cast<int>(std::clamp(options.threads, 1U, 8U));
    const int band_height = (view.height + threads - 1) / threads;
    uchar* bits = image.bits();
    const qsizetype stride = image.bytesPerLine();
    const auto paint_band = [&](int band) {
        const int top = band * band_height;
        const int rows = std::min(band_height, view.height - top);
        if (rows <= 0) {
            return;
        }
        QImage part(bits + top * stride, view.width, rows, stride,
                    QImage::Format_ARGB32_Premultiplied);
        QPainter painter(&part);
        painter.translate(0, -top);
        draw_geometry(painter, frame, QRectF(0, top, view.width, rows));
    };
    {
        std::vector<std::jthread> pool;
        for (int band = 1; band < threads; ++band) {
            pool.emplace_back(paint_band, band);
        }
        paint_band(0);
    }
    stats.draw_seconds = seconds_since(start);
    if (options.cancelled()) {
        stats.cancelled = true;
        return stats;
    }
    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing);
    draw_overlays(painter, frame, stats);
    stats.cancelled = options.cancelled();
    return stats;
}

RenderStats MapRenderer::render(QPainter& painter, const MapView& view, const ThemeData& theme,
                                const RenderOptions& options) {
    RenderStats stats;
    Frame frame;
    frame.view = view;
    frame.theme = &theme;
    frame.options = &options;
    frame.vector_markers = true;
    auto start = Clock::now();
    prepare(frame);
    stats.prepare_seconds = seconds_since(start);
    start = Clock::now();
    painter.save();
    painter.setClipRect(QRectF(0, 0, view.width, view.height));
    painter.fillRect(QRectF(0, 0, view.width, view.height), QColor(252, 251, 248));
    if (has(options.layers, MapLayer::basemap) && !options.basemap.empty()) {
        painter.drawImage(QRectF(0, 0, view.width, view.height),
                          detail::basemap_image(options.basemap, m_crs, view));
    }
    draw_geometry(painter, frame, QRectF(0, 0, view.width, view.height));
    stats.draw_seconds = seconds_since(start);
    draw_overlays(painter, frame, stats);
    painter.restore();
    return stats;
}

} // namespace xj::render
