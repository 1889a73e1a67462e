#include "xiangjian/render/map_layers.h"

#include "xiangjian/core/error.h"
#include "xiangjian/store/wkb_reader.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace xj::render {

void FlatLayer::add_point(double x, double y) {
    Shape shape{static_cast<std::uint32_t>(m_parts.size()), 1, {}};
    m_parts.push_back({static_cast<std::uint32_t>(m_xy.size() / 2), 1});
    m_xy.push_back(x);
    m_xy.push_back(y);
    shape.box.expand(x, y);
    m_extent.expand(shape.box);
    m_shapes.push_back(shape);
}

void FlatLayer::read_geometry(store::detail::WkbReader& reader, Shape& shape) {
    const auto header = reader.header();
    const auto add_part = [&](std::uint32_t points) {
        const std::size_t first = m_xy.size() / 2;
        reader.coordinates(points, header.dimensions, m_xy);
        if (points > 0) {
            m_parts.push_back({static_cast<std::uint32_t>(first), points});
            ++shape.parts;
        }
    };
    switch (header.type) {
    case 1: // Point; an empty point is NaN, NaN
        add_part(1);
        if (std::isnan(m_xy[m_xy.size() - 2])) {
            m_xy.resize(m_xy.size() - 2);
            m_parts.pop_back();
            --shape.parts;
        }
        break;
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
        throw Error("geometry type " + std::to_string(header.type) +
                    " is not a point, line or polygon");
    }
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
            throw;
        }
    }
    for (std::size_t i = first_point; i < m_xy.size() / 2; ++i) {
        shape.box.expand(m_xy[2 * i], m_xy[2 * i + 1]);
    }
    m_extent.expand(shape.box);
    m_shapes.push_back(shape);
}

void FlatLayer::build_index() {
    m_cell_start.clear();
    m_cell_items.clear();
    if (m_extent.empty()) {
        m_columns = m_rows = 0;
        return;
    }
    // About one shape a cell: a window query then reads little more than what it meets.
    const double width = std::max(m_extent.width(), 1e-9);
    const double height = std::max(m_extent.height(), 1e-9);
    const double cells = std::clamp(static_cast<double>(m_shapes.size()), 1.0, 4.0e6);
    m_columns = std::clamp<std::size_t>(
        static_cast<std::size_t>(std::ceil(std::sqrt(cells * width / height))), 1, 4096);
    m_rows =
        std::clamp<std::size_t>(static_cast<std::size_t>(std::ceil(cells / m_columns)), 1, 4096);
    m_grid_x = m_extent.min_x;
    m_grid_y = m_extent.min_y;
    m_cell_w = width / static_cast<double>(m_columns);
    m_cell_h = height / static_cast<double>(m_rows);

    const auto for_cells = [&](const Box& box, auto&& visit) {
        for (std::size_t r = row_of(box.min_y); r <= row_of(box.max_y); ++r) {
            for (std::size_t c = column_of(box.min_x); c <= column_of(box.max_x); ++c) {
                visit(r * m_columns + c);
            }
        }
    };
    m_cell_start.assign(m_columns * m_rows + 1, 0);
    for (const Shape& shape : m_shapes) {
        if (!shape.box.empty()) {
            for_cells(shape.box, [&](std::size_t cell) { ++m_cell_start[cell + 1]; });
        }
    }
    for (std::size_t c = 1; c < m_cell_start.size(); ++c) {
        m_cell_start[c] += m_cell_start[c - 1];
    }
    m_cell_items.resize(m_cell_start.back());
    std::vector<std::uint32_t> fill(m_cell_start.begin(), m_cell_start.end() - 1);
    for (std::size_t i = 0; i < m_shapes.size(); ++i) {
        if (!m_shapes[i].box.empty()) {
            for_cells(m_shapes[i].box, [&](std::size_t cell) {
                m_cell_items[fill[cell]++] = static_cast<std::uint32_t>(i);
            });
        }
    }
}

std::size_t FlatLayer::column_of(double x) const {
    return std::min(m_columns - 1,
                    static_cast<std::size_t>(std::max(0.0, (x - m_grid_x) / m_cell_w)));
}

std::size_t FlatLayer::row_of(double y) const {
    return std::min(m_rows - 1, static_cast<std::size_t>(std::max(0.0, (y - m_grid_y) / m_cell_h)));
}

void FlatLayer::query(const Box& window, std::vector<std::uint32_t>& out) const {
    if (m_columns == 0 || !window.intersects(m_extent)) {
        return;
    }
    const std::size_t first = out.size();
    const std::size_t r0 = row_of(window.min_y), r1 = row_of(window.max_y);
    const std::size_t c0 = column_of(window.min_x), c1 = column_of(window.max_x);
    for (std::size_t r = r0; r <= r1; ++r) {
        for (std::size_t c = c0; c <= c1; ++c) {
            const std::size_t cell = r * m_columns + c;
            for (std::uint32_t k = m_cell_start[cell]; k < m_cell_start[cell + 1]; ++k) {
                const std::uint32_t item = m_cell_items[k];
                const Box& box = m_shapes[item].box;
                // A shape listed in several cells is reported by one: the cell holding the
                // lower-left corner of its box clipped to the window.
                if (box.intersects(window) && column_of(std::max(box.min_x, window.min_x)) == c &&
                    row_of(std::max(box.min_y, window.min_y)) == r) {
                    out.push_back(item);
                }
            }
        }
    }
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
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
        throw Error("the boundary of unit " + unit.code + ": " + error.what());
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
        throw Error("the site '" + site_name + "' of project " + project_id + ": " + error.what());
    }
    sites.push_back({project_id, site_name});
}

void MapLayers::build_indexes() {
    for (FlatLayer* layer : {&counties, &townships, &villages, &points, &lines, &polygons}) {
        layer->build_index();
    }
}

MapLayers MapLayers::read(const store::ProjectStore& store) {
    MapLayers layers;
    const std::vector<core::AdminUnit> units = store.unit_list(); // by code, as the scan
    std::size_t next = 0;
    store.scan_unit_boundaries(
        [&](const std::string& code, core::AdminLevel, std::span<const unsigned char> wkb) {
            while (next < units.size() && units[next].code < code) {
                ++next;
            }
            if (next < units.size() && units[next].code == code) {
                layers.add_unit(units[next], wkb);
            }
        });
    store.scan_sites(
        [&](const std::string& project_id, const std::string& site_name,
            std::span<const unsigned char> wkb) { layers.add_site(project_id, site_name, wkb); });
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
