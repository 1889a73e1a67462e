// What `info` shows of a GeoPackage project: its layers as GDAL sees them, and its units
// counted in SQL (a province holds tens of thousands of boundaries, which need not be read).

#include "sqlite_access.h"
#include "xiangjian/gpkg/gpkg_store.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace xj::gpkg {

namespace {

std::string crs_name(const OGRSpatialReference* srs) {
    if (srs == nullptr) {
        return "-";
    }
    const char* authority = srs->GetAuthorityName(nullptr);
    const char* code = srs->GetAuthorityCode(nullptr);
    if (authority != nullptr && code != nullptr) {
        return std::string{authority} + ":" + code;
    }
    return srs->GetName() != nullptr ? srs->GetName() : "?";
}

} // namespace

std::vector<store::LayerSummary> GpkgStore::layers() const {
    std::vector<store::LayerSummary> result;
    for (OGRLayer* layer : m_dataset->GetLayers()) {
        store::LayerSummary summary;
        summary.name = layer->GetName();
        summary.features = layer->GetFeatureCount();
        if (layer->GetGeomType() != wkbNone) {
            // OGR says "Multi Polygon"; the interface promises the name without spaces.
            summary.geometry_type = OGRGeometryTypeToName(layer->GetGeomType());
            std::erase(summary.geometry_type, ' ');
            summary.crs = crs_name(layer->GetSpatialRef());
            OGREnvelope envelope;
            if (summary.features > 0 && layer->GetExtent(&envelope, TRUE) == OGRERR_NONE) {
                summary.extent = {envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY};
            }
        }
        result.push_back(std::move(summary));
    }
    return result;
}

store::UnitCounts GpkgStore::unit_counts() const {
    store::UnitCounts counts;
    auto row =
        m_sql->prepare("SELECT level, count(*), sum(poor_village) FROM admin_units GROUP BY level");
    while (row.step(m_path + ": counting the units")) {
        if (const auto level = core::parse_term<core::AdminLevel>(row.text(0))) {
            counts.by_level[*level] = row.integer(1).value_or(0);
        }
        counts.poor_villages += row.integer(2).value_or(0);
    }
    return counts;
}

sqlite3* detail::connection_of(const GpkgStore& store) {
    return store.m_sql->handle();
}

} // namespace xj::gpkg
