#include "xiangjian/review/gpkg_copy.h"

#include "ogr_values.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/crs/crs.h"
#include "xiangjian/gdal/gdal_errors.h"
#include "xiangjian/geometry/ogr_conversion.h"
#include "xiangjian/render/map_output.h"
#include "xiangjian/review/qml_style.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace xj::review {

namespace {

void write_layer(GDALDataset& dataset, const LayerData& layer, const std::string& context) {
    gdal::GdalErrorCapture errors;
    OGRSpatialReference srs = crs::srs_from_epsg(crs::storage_epsg);
    const char* options[] = {"GEOMETRY_NAME=geom", "FID=fid", nullptr};
    OGRLayer* out = dataset.CreateLayer(
        layer.name.c_str(), layer.geometry == LayerGeometry::none ? nullptr : &srs,
        detail::ogr_type(layer.geometry), const_cast<char**>(options));
    if (out == nullptr) {
        throw Error(context + layer.name + text("：无法创建（", ": cannot be created (") +
                    errors.message() + text("）", ")"));
    }
    for (const FieldSpec& spec : layer.fields) {
        OGRFieldDefn field(spec.name.c_str(), spec.type == FieldType::text      ? OFTString
                                              : spec.type == FieldType::integer ? OFTInteger64
                                              : spec.type == FieldType::real    ? OFTReal
                                                                                : OFTDate);
        out->CreateField(&field);
    }
    if (out->StartTransaction() != OGRERR_NONE) {
        throw Error(context + layer.name + text("：无法开始写入", ": cannot start writing"));
    }
    for (const Feature& feature : layer.features) {
        OGRFeature row(out->GetLayerDefn());
        for (std::size_t f = 0; f < feature.values.size(); ++f) {
            detail::set_value(row, static_cast<int>(f), feature.values[f]);
        }
        if (layer.geometry != LayerGeometry::none && !feature.geometry.empty()) {
            std::unique_ptr<OGRGeometry> geometry = geometry::to_ogr(feature.geometry);
            if (layer.geometry != LayerGeometry::point) {
                geometry.reset(OGRGeometryFactory::forceTo(geometry.release(),
                                                           detail::ogr_type(layer.geometry)));
            }
            row.SetGeometryDirectly(geometry.release());
        }
        if (out->CreateFeature(&row) != OGRERR_NONE) {
            throw Error(context + feature.label + text("：无法写出（", ": cannot be written (") +
                        errors.message() + text("）", ")"));
        }
    }
    if (out->CommitTransaction() != OGRERR_NONE) {
        throw Error(context + layer.name + text("：提交失败", ": commit failed"));
    }
}

/// QGIS's own table of styles, as QGIS creates it in a GeoPackage.
void write_styles(GDALDataset& dataset, const std::vector<LayerData>& layers,
                  const std::string& context) {
    OGRLayer* styles = dataset.CreateLayer("layer_styles", nullptr, wkbNone, nullptr);
    if (styles == nullptr) {
        throw Error(context + text("无法创建 layer_styles", "cannot create layer_styles"));
    }
    for (const char* name :
         {"f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName",
          "styleQML", "styleSLD", "description", "owner", "ui"}) {
        OGRFieldDefn field(name, OFTString);
        styles->CreateField(&field);
    }
    OGRFieldDefn use_as_default("useAsDefault", OFTInteger);
    use_as_default.SetSubType(OFSTBoolean);
    styles->CreateField(&use_as_default);
    OGRFieldDefn updated("update_time", OFTDateTime);
    styles->CreateField(&updated);
    for (const LayerData& layer : layers) {
        if (layer.geometry == LayerGeometry::none || layer.features.empty()) {
            continue;
        }
        std::vector<std::string> names;
        for (const FieldSpec& field : layer.fields) {
            names.push_back(field.name); // the GeoPackage keeps the full names
        }
        OGRFeature row(styles->GetLayerDefn());
        row.SetField("f_table_catalog", "");
        row.SetField("f_table_schema", ""); // empty, not NULL: QGIS looks it up so
        row.SetField("f_table_name", layer.name.c_str());
        row.SetField("f_geometry_column", "geom");
        row.SetField("styleName", layer.name.c_str());
        row.SetField("styleQML", qml_style(layer, names).c_str());
        row.SetField("styleSLD", sld_style(layer, names).c_str());
        row.SetField("description", "乡建 Xiangjian");
        row.SetField("useAsDefault", 1);
        if (styles->CreateFeature(&row) != OGRERR_NONE) {
            throw Error(context + text("无法写入样式 ", "cannot write the style of ") + layer.name);
        }
    }
}

} // namespace

std::vector<std::pair<std::string, std::size_t>>
write_review_gpkg(const std::vector<LayerData>& layers, const std::string& out) {
    gdal::initialize_gdal();
    detail::refuse_existing(out);
    const std::string context = out + text("：", ": ");
    std::vector<std::pair<std::string, std::size_t>> written;
    // Under a hidden name beside it, renamed once it reads back whole.
    render::write_atomically(out, [&](const std::string& partial) {
        {
            gdal::GdalErrorCapture errors;
            GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
            GDALDatasetUniquePtr dataset(
                driver->Create(partial.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
            if (!dataset) {
                throw Error(context + text("无法创建（", "cannot create it (") + errors.message() +
                            text("）", ")"));
            }
            for (const LayerData& layer : layers) {
                write_layer(*dataset, layer, context);
                written.emplace_back(layer.name, layer.features.size());
            }
            write_styles(*dataset, layers, context);
        }
        GDALDatasetUniquePtr read(GDALDataset::Open(partial.c_str(), GDAL_OF_VECTOR));
        for (const auto& [name, count] : written) {
            OGRLayer* layer = read ? read->GetLayerByName(name.c_str()) : nullptr;
            if (layer == nullptr || layer->GetFeatureCount() != static_cast<GIntBig>(count)) {
                throw Error(context + name +
                            text("：读回的要素数不符", ": does not read back whole"));
            }
        }
        return true;
    });
    return written;
}

} // namespace xj::review
