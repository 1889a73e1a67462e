#include "xiangjian/store/geometry.h"

#include "xiangjian/core/error.h"
#include "xiangjian/store/wkb_reader.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <string>

namespace xj::store {

void Box::expand(double x, double y) {
    min_x = std::min(min_x, x);
    min_y = std::min(min_y, y);
    max_x = std::max(max_x, x);
    max_y = std::max(max_y, y);
}

void Box::expand(const Box& other) {
    if (!other.empty()) {
        expand(other.min_x, other.min_y);
        expand(other.max_x, other.max_y);
    }
}

const char* wkt_name(GeometryType type) {
    switch (type) {
    case GeometryType::point:
        return "POINT";
    case GeometryType::line_string:
        return "LINESTRING";
    case GeometryType::polygon:
        return "POLYGON";
    case GeometryType::multi_point:
        return "MULTIPOINT";
    case GeometryType::multi_line_string:
        return "MULTILINESTRING";
    case GeometryType::multi_polygon:
        return "MULTIPOLYGON";
    case GeometryType::collection:
        return "GEOMETRYCOLLECTION";
    }
    return "GEOMETRY";
}

namespace {

/// Walks one geometry and its members, widening the box and the Z range by each coordinate.
class Extent {
public:
    Box box;
    double min_z = std::numeric_limits<double>::infinity();
    double max_z = -std::numeric_limits<double>::infinity();

    void read(detail::WkbReader& reader) {
        const auto header = reader.header();
        switch (header.type) {
        case 1: // a point: NaN ordinates when empty
            coordinates(reader, 1, header);
            break;
        case 2:
            coordinates(reader, reader.u32(), header);
            break;
        case 3:
            for (std::uint32_t rings = reader.u32(); rings > 0; --rings) {
                coordinates(reader, reader.u32(), header);
            }
            break;
        case 4:
        case 5:
        case 6:
        case 7:
            for (std::uint32_t members = reader.u32(); members > 0; --members) {
                read(reader);
            }
            break;
        default:
            throw Error("WKB geometry type " + std::to_string(header.type) +
                        " is not a point, line, polygon or collection of them");
        }
    }

private:
    void coordinates(detail::WkbReader& reader, std::uint32_t n,
                     const detail::WkbReader::Header& header) {
        for (std::uint32_t i = 0; i < n; ++i) {
            const double x = reader.real();
            const double y = reader.real();
            const double z = header.z ? reader.real() : 0.0;
            if (header.m) {
                reader.real();
            }
            if (x == x && y == y) { // NaN: the empty point
                box.expand(x, y);
                if (header.z) {
                    min_z = std::min(min_z, z);
                    max_z = std::max(max_z, z);
                }
            }
        }
    }
};

} // namespace

Geometry::Geometry(std::vector<unsigned char> wkb) : m_wkb(std::move(wkb)) {
    if (m_wkb.empty()) {
        return;
    }
    detail::WkbReader reader(m_wkb);
    const auto header = detail::WkbReader(m_wkb).header();
    if (header.type < 1 || header.type > 7) {
        throw Error("WKB geometry type " + std::to_string(header.type) +
                    " is not a point, line, polygon or collection of them");
    }
    Extent extent;
    extent.read(reader);
    if (!reader.at_end()) {
        throw Error("WKB with " + std::to_string(m_wkb.size()) +
                    " bytes has bytes after its geometry");
    }
    m_type = static_cast<GeometryType>(header.type);
    m_has_z = header.z;
    m_has_m = header.m;
    m_box = extent.box;
    m_min_z = extent.min_z;
    m_max_z = extent.max_z;
}

Geometry Geometry::point(double x, double y) {
    std::vector<unsigned char> wkb(21);
    wkb[0] = std::endian::native == std::endian::little ? 1 : 0;
    const std::uint32_t type = 1;
    std::memcpy(wkb.data() + 1, &type, 4);
    std::memcpy(wkb.data() + 5, &x, 8);
    std::memcpy(wkb.data() + 13, &y, 8);
    return Geometry(std::move(wkb));
}

std::optional<std::pair<double, double>> Geometry::z_range() const {
    if (!m_has_z || m_min_z > m_max_z) {
        return std::nullopt;
    }
    return std::pair{m_min_z, m_max_z};
}

} // namespace xj::store
