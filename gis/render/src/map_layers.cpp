#include "xiangjian/render/map_layers.h"

#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/parallel.h"
#include "xiangjian/render/map_cache.h"
#include "xiangjian/store/wkb_reader.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <limits>
#include <utility>

namespace xj::render {

void PartPoints::append_to(std::vector<double>& xy) const {
    const std::size_t start = xy.size();
    xy.resize(start + 2 * m_count);
    for (std::size_t i = 0; i < 2 * m_count; ++i) {
        xy[start + i] = m_fixed[i] / units_per_degree;
    }
}

namespace {

/// Degrees in whole units of 1e-7 (PartPoints), rounded half away from zero as std::lround
/// does, without its library call (a province's 7.5 million vertices, two each); throws for
/// what 32 bits cannot hold.
std::int32_t fixed_degrees(double degrees) {
    constexpr double limit =
        std::numeric_limits<std::int32_t>::max() / PartPoints::units_per_degree;
    if (!(std::abs(degrees) <= limit)) [[unlikely]] {
        throw Error(text("坐标 ", "coordinate ") + std::to_string(degrees) +
                    text(" 不是经纬度", " is not degrees"));
    }
    const double units = degrees * PartPoints::units_per_degree;
    // The conversion truncates toward zero; `units - whole` is exact (both are in the same
    // binade or `whole` is 0), so the comparisons round exactly as lround.
    auto whole = static_cast<std::int64_t>(units);
    const double fraction = units - static_cast<double>(whole);
    whole += (fraction >= 0.5) - (fraction <= -0.5);
    return static_cast<std::int32_t>(whole);
}

} // namespace

void FlatLayer::read_geometry(store::detail::WkbReader& reader, Shape& shape) {
    const auto header = reader.header();
    const auto add_part = [&](std::uint32_t points) {
        if (points == 0) {
            return;
        }
        const std::size_t first = m_xy.size() / 2;
        m_xy.resize(m_xy.size() + 2 * std::size_t{points});
        std::int32_t* out = m_xy.data() + 2 * first;
        reader.each_coordinate(points, header.dimensions, [&out](double x, double y) {
            out[0] = fixed_degrees(x);
            out[1] = fixed_degrees(y);
            out += 2;
        });
        m_parts.push_back({static_cast<std::uint32_t>(first), points});
        ++shape.parts;
    };
    switch (header.type) {
    case 1: { // Point; an empty point is NaN, NaN
        double x = 0, y = 0;
        reader.each_coordinate(1, header.dimensions, [&](double px, double py) {
            x = px;
            y = py;
        });
        if (!std::isnan(x)) {
            m_parts.push_back({static_cast<std::uint32_t>(m_xy.size() / 2), 1});
            m_xy.push_back(fixed_degrees(x));
            m_xy.push_back(fixed_degrees(y));
            ++shape.parts;
        }
        break;
    }
    case 2: // LineString
        add_part(reader.u32());
        break;
    case 3: // Polygon: its rings
        for (std::uint32_t rings = reader.u32(); rings > 0; --rings) {
            add_part(reader.u32());
        }
        break;
    case 4: // MultiPoint, MultiLineString, MultiPolygon, GeometryCollection
    case 5:
    case 6:
    case 7:
        for (std::uint32_t members = reader.u32(); members > 0; --members) {
            read_geometry(reader, shape);
        }
        break;
    default:
        throw Error(text("几何类型 ", "geometry type ") + std::to_string(header.type) +
                    text(" 不是点、线或面", " is not a point, line or polygon"));
    }
}

FlatLayer::FlatLayer(const FlatLayer& other)
    : m_shapes(other.m_shapes), m_parts(other.m_parts), m_xy(other.m_xy), m_owner(other.m_owner),
      m_extent(other.m_extent), m_grid(other.m_grid) {
    if (m_owner) {
        m_shape_view = other.m_shape_view;
        m_part_view = other.m_part_view;
        m_xy_view = other.m_xy_view;
    } else {
        view_own_arrays();
    }
}

FlatLayer& FlatLayer::operator=(const FlatLayer& other) {
    if (this != &other) {
        FlatLayer copy(other);
        *this = std::move(copy);
    }
    return *this;
}

FlatLayer FlatLayer::borrowing(std::span<const Shape> shapes, std::span<const Part> parts,
                               std::span<const std::int32_t> xy, const Box& extent,
                               std::shared_ptr<const void> owner) {
    FlatLayer layer;
    layer.m_shape_view = shapes;
    layer.m_part_view = parts;
    layer.m_xy_view = xy;
    layer.m_extent = extent;
    layer.m_owner = std::move(owner);
    layer.build_index();
    return layer;
}

void FlatLayer::view_own_arrays() {
    m_shape_view = m_shapes;
    m_part_view = m_parts;
    m_xy_view = m_xy;
}

void FlatLayer::add_wkb(std::span<const unsigned char> wkb) {
    Shape shape{static_cast<std::uint32_t>(m_parts.size()), 0, {}};
    const std::size_t first_point = m_xy.size() / 2;
    if (!wkb.empty()) {
        store::detail::WkbReader reader(wkb);
        try {
            read_geometry(reader, shape);
        } catch (...) {
            m_parts.resize(shape.first_part);
            m_xy.resize(2 * first_point);
            view_own_arrays();
            throw;
        }
    }
    // The box of the points as kept, so that it holds them exactly: found among the whole
    // units, then read as degrees (a division by a positive constant keeps the order).
    if (m_xy.size() > 2 * first_point) {
        std::int32_t min_x = std::numeric_limits<std::int32_t>::max(), max_x = -min_x - 1;
        std::int32_t min_y = min_x, max_y = max_x;
        for (std::size_t i = 2 * first_point; i < m_xy.size(); i += 2) {
            min_x = std::min(min_x, m_xy[i]);
            max_x = std::max(max_x, m_xy[i]);
            min_y = std::min(min_y, m_xy[i + 1]);
            max_y = std::max(max_y, m_xy[i + 1]);
        }
        const std::array fixed{min_x, min_y, max_x, max_y};
        const PartPoints corners(fixed.data(), 2);
        shape.box.expand(corners.x(0), corners.y(0));
        shape.box.expand(corners.x(1), corners.y(1));
    }
    m_extent.expand(shape.box);
    m_shapes.push_back(shape);
    view_own_arrays();
}

void FlatLayer::build_index() {
    std::vector<Box> boxes;
    boxes.reserve(m_shape_view.size());
    for (const Shape& shape : m_shape_view) {
        boxes.push_back(shape.box);
    }
    m_grid.build(std::move(boxes));
}

void FlatLayer::query(const Box& window, std::vector<std::uint32_t>& out) const {
    m_grid.query(window, out);
}

// ----------------------------------------------------------------------------------------------

Box MapLayers::extent() const {
    Box box;
    for (const FlatLayer* layer : {&counties, &townships, &villages, &points, &lines, &polygons}) {
        box.expand(layer->extent());
    }
    return box;
}

namespace {

/// The one of three things that belongs to a level.
template <typename T> T& by_level(core::AdminLevel level, T& county, T& township, T& village) {
    return level == core::AdminLevel::county     ? county
           : level == core::AdminLevel::township ? township
                                                 : village;
}

} // namespace

const FlatLayer& MapLayers::units(core::AdminLevel level) const {
    return by_level(level, counties, townships, villages);
}

const std::vector<MapUnit>& MapLayers::unit_attributes(core::AdminLevel level) const {
    return by_level(level, county_units, township_units, village_units);
}

FlatLayer& MapLayers::units(core::AdminLevel level) {
    return const_cast<FlatLayer&>(std::as_const(*this).units(level));
}

std::vector<MapUnit>& MapLayers::unit_attributes(core::AdminLevel level) {
    return const_cast<std::vector<MapUnit>&>(std::as_const(*this).unit_attributes(level));
}

void MapLayers::add_unit(const core::AdminUnit& unit, std::span<const unsigned char> wkb) {
    if (wkb.empty()) {
        return;
    }
    try {
        units(unit.level).add_wkb(wkb);
    } catch (const Error& error) {
        throw Error(text("行政区 ", "the boundary of unit ") + unit.code + text(" 的边界：", ": ") +
                    error.what());
    }
    unit_attributes(unit.level).push_back({unit.code, unit.name, unit.parent_code});
}

void MapLayers::add_site(const std::string& project_id, const std::string& site_name,
                         std::span<const unsigned char> wkb) {
    if (wkb.size() < 5) {
        return;
    }
    // The geometry type decides the layer: byte order, then the type's low digits.
    const bool little = wkb[0] == 1;
    const std::uint32_t raw =
        little ? (wkb[1] | wkb[2] << 8 | wkb[3] << 16 | std::uint32_t{wkb[4]} << 24)
               : (wkb[4] | wkb[3] << 8 | wkb[2] << 16 | std::uint32_t{wkb[1]} << 24);
    const std::uint32_t type = (raw & 0x0FFFFFFFU) % 1000;
    const bool point = type == 1 || type == 4, line = type == 2 || type == 5;
    FlatLayer& layer = point ? points : line ? lines : polygons;
    std::vector<MapSite>& sites = point ? point_sites : line ? line_sites : polygon_sites;
    try {
        layer.add_wkb(wkb);
    } catch (const Error& error) {
        throw Error(text("项目 ", "the site '") +
                    (language() == Language::zh ? project_id : site_name) +
                    text(" 的位置“", "' of project ") +
                    (language() == Language::zh ? site_name : project_id) + text("”：", ": ") +
                    error.what());
    }
    sites.push_back({project_id, site_name});
}

void MapLayers::build_indexes() {
    for (FlatLayer* layer : {&counties, &townships, &villages, &points, &lines, &polygons}) {
        layer->build_index();
    }
}

MapLayers MapLayers::read(const store::ProjectStore& store, const AnotherOpening& another) {
    const std::optional<std::string> version = store.map_version();
    if (!version) {
        return read_store(store, another);
    }
    const std::filesystem::path cache = map_cache::file_for(store.location());
    if (cache.empty()) {
        return read_store(store, another);
    }
    if (auto cached = map_cache::load(cache, *version)) {
        return std::move(*cached);
    }
    MapLayers layers = read_store(store, another);
    // Only what one version of the file held: a write that ended while the layers were read
    // may show in some of them and not in others.
    if (store.map_version() == version && map_cache::save(cache, *version, layers)) {
        // The flat layers are then mapped from the file just written: its pages are in the
        // page cache already, and the memory they were decoded into goes back to the allocator
        // for what the program does next (a province's 76 MB). On a virtual machine that is
        // faster than writing the file in the background and keeping both: there, every page
        // a process touches for the first time costs (docs/viewer.md, "Memory is time").
        map_cache::map_saved(cache, *version, layers);
    }
    return layers;
}

MapLayers MapLayers::read_store(const store::ProjectStore& store, const AnotherOpening& another) {
    MapLayers layers;
    const auto read_sites = [&](const store::ProjectStore& from) {
        from.scan_sites([&](const std::string& project_id, const std::string& site_name,
                            std::span<const unsigned char> wkb) {
            layers.add_site(project_id, site_name, wkb);
        });
    };
    // The sites beside the units when the project can be opened again (they fill members of
    // their own): a province's sites took 0.12-0.19 s after 0.55-0.7 s of units on one core,
    // while the engine's core, its tables read, waited for the layers.
    bool sites_read = false;
    core::run_in_parallel(
        [&] {
            std::unique_ptr<store::ProjectStore> second;
            try {
                second = another ? another() : nullptr;
            } catch (const Error&) {
                return; // not to be opened again: the sites are read after the units
            }
            if (second) {
                read_sites(*second);
                sites_read = true;
            }
        },
        [&] {
            // One pass: a unit's attributes are stored after its boundary, so reading them
            // apart would read every boundary twice.
            store.scan_units([&](const core::AdminUnit& unit, std::span<const unsigned char> wkb) {
                layers.add_unit(unit, wkb);
            });
        });
    if (!sites_read) {
        read_sites(store);
    }
    layers.build_indexes();
    return layers;
}

MapLayers MapLayers::read(const store::ProjectStore& store, const Box& window,
                          std::vector<core::AdminUnit>& units) {
    MapLayers layers;
    store.scan_units(window, [&](const core::AdminUnit& unit, std::span<const unsigned char> wkb) {
        units.push_back(unit);
        layers.add_unit(unit, wkb);
    });
    store.scan_sites(window, [&](const std::string& project_id, const std::string& site_name,
                                 std::span<const unsigned char> wkb) {
        layers.add_site(project_id, site_name, wkb);
    });
    layers.build_indexes();
    return layers;
}

} // namespace xj::render
