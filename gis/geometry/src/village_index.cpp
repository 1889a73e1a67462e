// The village index's face: villages added as OGR geometries or WKB, and the queries of a
// thread (Query) or of the index itself. The data and the point-in-polygon test are in
// village_data.cpp, the GEOS side in village_query_geos.cpp, lines in line_cutting.cpp.

#include "village_query.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"

#include <cmath>

namespace xj::geometry {

using namespace detail;

VillageIndex::VillageIndex(int projected_epsg) : m_impl(std::make_unique<Impl>()) {
    m_impl->metric_epsg = projected_epsg;
}

VillageIndex::VillageIndex(const std::vector<Village>& villages, int projected_epsg)
    : VillageIndex(projected_epsg) {
    for (const Village& village : villages) {
        add(village.code, *village.boundary);
    }
}

VillageIndex::~VillageIndex() = default;

void VillageIndex::add(const std::string& code, const OGRGeometry& boundary) {
    Impl& d = *m_impl;
    const auto first_polygon = static_cast<std::uint32_t>(d.polygons.size());
    switch (wkbFlatten(boundary.getGeometryType())) {
    case wkbPolygon:
        d.add_polygon(*boundary.toPolygon());
        break;
    case wkbMultiPolygon:
        for (const OGRPolygon* polygon : *boundary.toMultiPolygon()) {
            d.add_polygon(*polygon);
        }
        break;
    default: {
        std::unique_ptr<OGRGeometry> multi(
            OGRGeometryFactory::forceToMultiPolygon(boundary.clone()));
        if (multi && wkbFlatten(multi->getGeometryType()) == wkbMultiPolygon) {
            for (const OGRPolygon* polygon : *multi->toMultiPolygon()) {
                d.add_polygon(*polygon);
            }
        }
    }
    }
    d.finish_shape(code, first_polygon);
}

void VillageIndex::add_wkb(const std::string& code, std::span<const unsigned char> wkb) {
    Impl& d = *m_impl;
    store::detail::WkbReader reader(wkb);
    const auto header = reader.header();
    const auto first_polygon = static_cast<std::uint32_t>(d.polygons.size());
    if (header.type == 3) {
        d.read_polygon(reader, header.dimensions);
    } else if (header.type == 6) {
        const std::uint32_t count = reader.u32();
        for (std::uint32_t i = 0; i < count; ++i) {
            const auto part = reader.header();
            if (part.type != 3) {
                throw Error(text("行政村 ", "the boundary of village ") + code +
                            text(" 的边界不是面", " is not made of polygons"));
            }
            d.read_polygon(reader, part.dimensions);
        }
    } else {
        OGRGeometry* geometry = nullptr;
        if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &geometry, wkb.size()) !=
            OGRERR_NONE) {
            delete geometry;
            throw Error(text("行政村 ", "the boundary of village ") + code +
                        text(" 的边界不是几何图形", " is not a geometry"));
        }
        const std::unique_ptr<OGRGeometry> owned(geometry);
        add(code, *owned);
        return;
    }
    d.finish_shape(code, first_polygon);
}

void VillageIndex::measure_in(int projected_epsg) {
    m_impl->metric_epsg = projected_epsg;
}

std::size_t VillageIndex::size() const {
    return m_impl->codes.size();
}

VillageIndex::Query::Query(const VillageIndex& index) {
    index.m_impl->prepare();
    m_state = std::make_unique<State>(*index.m_impl);
}

VillageIndex::Query::~Query() = default;

std::optional<std::string> VillageIndex::Query::containing(double lon, double lat) {
    State& q = *m_state;
    const Impl& d = q.d;
    if (!std::isfinite(lon) || !std::isfinite(lat)) {
        return std::nullopt; // GEOS refuses such points: they are in no village
    }
    // A point's candidates: the villages whose box holds it, in the order they were added
    // (on a shared boundary, the first added wins).
    std::vector<std::uint32_t> found;
    d.grid.query(store::Box{lon, lat, lon, lat}, found);
    for (const std::uint32_t v : found) {
        if (q.contains(v, lon, lat)) {
            return d.codes[v];
        }
    }
    return std::nullopt;
}

std::vector<VillageIndex::Share> VillageIndex::Query::along(const OGRGeometry& line) {
    return m_state->shares(line, false);
}

std::vector<VillageIndex::Share> VillageIndex::Query::under(const OGRGeometry& polygon) {
    return m_state->shares(polygon, true);
}

VillageIndex::Query& VillageIndex::own_query() const {
    if (!m_impl->own_query) {
        m_impl->own_query = std::make_unique<Query>(*this);
    }
    return *m_impl->own_query;
}

std::optional<std::string> VillageIndex::containing(double lon, double lat) const {
    return own_query().containing(lon, lat);
}

std::vector<VillageIndex::Share> VillageIndex::along(const OGRGeometry& line) const {
    return own_query().along(line);
}

std::vector<VillageIndex::Share> VillageIndex::under(const OGRGeometry& polygon) const {
    return own_query().under(polygon);
}

} // namespace xj::geometry
