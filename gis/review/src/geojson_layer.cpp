#include "xiangjian/review/geojson_layer.h"

#include "ogr_values.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/crs/transformation.h"
#include "xiangjian/gdal/gdal_errors.h"
#include "xiangjian/geometry/ogr_conversion.h"
#include "xiangjian/render/map_output.h"

#include <cmath>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace xj::review {

std::optional<std::size_t> geojson_layer_index(const std::string& name) {
    const std::pair<const char*, const char*> names[] = {
        {"村", "villages"}, {"项目点", "points"}, {"项目线", "lines"}, {"项目面", "polygons"}};
    for (std::size_t i = 0; i < std::size(names); ++i) {
        if (name == names[i].first || name == names[i].second) {
            return i; // review_layers() gives them first, in this order
        }
    }
    return std::nullopt;
}

std::size_t write_geojson(const LayerData& layer, const std::string& out) {
    gdal::initialize_gdal();
    detail::refuse_existing(out);
    const std::string context = out + text("：", ": ");
    // Under a hidden name beside it, renamed once it reads back whole.
    render::write_atomically(out, [&](const std::string& partial) {
        gdal::GdalErrorCapture errors;
        {
            GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GeoJSON");
            GDALDatasetUniquePtr dataset(
                driver->Create(partial.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
            if (!dataset) {
                throw Error(context + text("无法创建（", "cannot create it (") + errors.message() +
                            text("）", ")"));
            }
            OGRSpatialReference wgs84;
            wgs84.importFromEPSG(4326);
            wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            const char* options[] = {"RFC7946=YES", "WRITE_NAME=NO", nullptr};
            OGRLayer* json = dataset->CreateLayer(layer.name.c_str(), &wgs84, wkbUnknown,
                                                  const_cast<char**>(options));
            for (const FieldSpec& spec : layer.fields) {
                OGRFieldDefn field(spec.name.c_str(), spec.type == FieldType::integer ? OFTInteger64
                                                      : spec.type == FieldType::real  ? OFTReal
                                                                                      : OFTString);
                json->CreateField(&field);
            }
            const auto to_wgs84 = crs::transformation(4490, 4326);
            for (const Feature& feature : layer.features) {
                OGRFeature row(json->GetLayerDefn());
                for (std::size_t f = 0; f < feature.values.size(); ++f) {
                    const int i = static_cast<int>(f);
                    if (const auto* number = std::get_if<double>(&feature.values[f])) {
                        // To the field's decimals, as the shapefile has it.
                        const double scale = std::pow(10.0, layer.fields[f].precision);
                        row.SetField(i, std::round(*number * scale) / scale);
                    } else {
                        detail::set_value(row, i, feature.values[f], true); // ISO dates
                    }
                }
                if (!feature.geometry.empty()) {
                    std::unique_ptr<OGRGeometry> geometry = geometry::to_ogr(feature.geometry);
                    geometry->transform(to_wgs84.get());
                    row.SetGeometryDirectly(geometry.release());
                }
                if (json->CreateFeature(&row) != OGRERR_NONE) {
                    throw Error(context + feature.label +
                                text("：无法写出（", ": cannot be written (") + errors.message() +
                                text("）", ")"));
                }
            }
        }
        GDALDatasetUniquePtr read(GDALDataset::Open(partial.c_str(), GDAL_OF_VECTOR));
        if (!read ||
            read->GetLayer(0)->GetFeatureCount() != static_cast<GIntBig>(layer.features.size())) {
            throw Error(context + text("写出后读回的要素数不符", "does not read back whole"));
        }
        return true;
    });
    return layer.features.size();
}

} // namespace xj::review
