#include "xiangjian/review/shapefile_layer.h"

#include "geometry_check.h"
#include "ogr_values.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/text.h"
#include "xiangjian/crs/crs.h"
#include "xiangjian/crs/transformation.h"
#include "xiangjian/gdal/gdal_errors.h"
#include "xiangjian/geometry/ogr_conversion.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <unistd.h>

namespace xj::review {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t max_text_bytes = 254;

/// A value as the DBF will hold it, as text: what the read-back is compared with.
std::string value_text(const Value& value, const FieldSpec& field, Encoding encoding) {
    return std::visit(
        [&](const auto& v) -> std::string {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, std::monostate>) {
                return "";
            } else if constexpr (std::is_same_v<V, std::string>) {
                return cut_to_bytes(v, max_text_bytes, encoding);
            } else if constexpr (std::is_same_v<V, long long>) {
                return std::to_string(v);
            } else if constexpr (std::is_same_v<V, double>) {
                return core::fixed(v, field.precision);
            } else {
                return v.iso();
            }
        },
        value);
}

/// The DBF width a field needs for every value of the layer (at least 1).
int width_of(const LayerData& layer, std::size_t f, Encoding encoding) {
    std::size_t width = 1;
    for (const Feature& feature : layer.features) {
        const Value& value = feature.values[f];
        if (std::holds_alternative<std::monostate>(value)) {
            continue;
        }
        const std::string text = value_text(value, layer.fields[f], encoding);
        width =
            std::max(width, layer.fields[f].type == FieldType::text ? encoded_size(text, encoding)
                                                                    : text.size());
    }
    return static_cast<int>(std::min(width, max_text_bytes));
}

std::string where(const LayerData& layer, const Feature& feature, const FieldSpec& field) {
    return layer.name + text("：", ": ") + feature.label + text("，字段“", ", field '") +
           field.name + text("”", "'");
}

/// The CRS's EPSG code as GDAL reads it back from a .prj (ESRI WKT), or 0.
int epsg_of(const OGRSpatialReference* srs) {
    if (srs == nullptr) {
        return 0;
    }
    OGRSpatialReference copy(*srs);
    if (copy.AutoIdentifyEPSG() == OGRERR_NONE && copy.GetAuthorityCode(nullptr) != nullptr) {
        return std::atoi(copy.GetAuthorityCode(nullptr));
    }
    int matches = 0;
    int* confidence = nullptr;
    OGRSpatialReferenceH* found = copy.FindMatches(nullptr, &matches, &confidence);
    int code = 0;
    if (matches > 0 && confidence[0] >= 70) {
        const auto* best = OGRSpatialReference::FromHandle(found[0]);
        if (best->GetAuthorityCode(nullptr) != nullptr) {
            code = std::atoi(best->GetAuthorityCode(nullptr));
        }
    }
    OSRFreeSRSArray(found);
    CPLFree(confidence);
    return code;
}

/// Reads the written layer back and compares it with what was meant.
void verify(const LayerData& layer, const std::vector<std::string>& names, const fs::path& file,
            Encoding encoding, int epsg) {
    const std::string context = file.string() + text("：写出后核对：", ": read back: ");
    gdal::GdalErrorCapture errors;
    GDALDatasetUniquePtr dataset(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                   nullptr, nullptr, nullptr));
    if (!dataset || dataset->GetLayerCount() != 1) {
        throw Error(context + text("GDAL 无法打开（", "GDAL cannot open it (") + errors.message() +
                    text("）", ")"));
    }
    OGRLayer* read = dataset->GetLayer(0);
    if (read->GetFeatureCount() != static_cast<GIntBig>(layer.features.size())) {
        throw Error(context + std::to_string(read->GetFeatureCount()) +
                    text(" 个要素，应为 ", " features, not ") +
                    std::to_string(layer.features.size()));
    }
    OGRFeatureDefn* definition = read->GetLayerDefn();
    for (std::size_t f = 0; f < names.size(); ++f) {
        if (definition->GetFieldCount() <= static_cast<int>(f) ||
            names[f] != definition->GetFieldDefn(static_cast<int>(f))->GetNameRef()) {
            throw Error(context + text("字段名“", "field name '") + names[f] +
                        text("”读回不同", "' reads back otherwise"));
        }
    }
    if (layer.geometry != LayerGeometry::none && epsg_of(read->GetSpatialRef()) != epsg) {
        throw Error(context + text("坐标系读回不是 EPSG:", "the CRS does not read back as EPSG:") +
                    std::to_string(epsg));
    }
    read->ResetReading();
    std::size_t at = 0;
    for (auto& row : *read) {
        const Feature& feature = layer.features[at++];
        if (layer.geometry != LayerGeometry::none && !feature.geometry.empty()) {
            const OGRGeometry* geometry = row->GetGeometryRef();
            const std::string why = geometry == nullptr ? text("没有几何", "no geometry")
                                                        : detail::invalid_because(*geometry);
            if (!why.empty()) {
                throw Error(context + feature.label + text("：读回的几何：", ": read back: ") +
                            why);
            }
        }
        for (std::size_t f = 0; f < names.size(); ++f) {
            const std::string meant = value_text(feature.values[f], layer.fields[f], encoding);
            std::string got = row->IsFieldSetAndNotNull(static_cast<int>(f))
                                  ? row->GetFieldAsString(static_cast<int>(f))
                                  : "";
            if (layer.fields[f].type == FieldType::date && got.size() == 10) {
                std::replace(got.begin(), got.end(), '/', '-');
            }
            if (layer.fields[f].type == FieldType::real && !got.empty()) {
                // As the DBF's text is written: a dot, whatever the locale (std::atof would
                // stop at it in one with a decimal comma).
                double number = 0;
                std::from_chars(got.data(), got.data() + got.size(), number);
                got = core::fixed(number, layer.fields[f].precision);
            }
            if (got != meant) {
                throw Error(context + where(layer, feature, layer.fields[f]) +
                            text(" 读回为“", " reads back as '") + got +
                            text("”，应为“", "', not '") + meant + text("”", "'"));
            }
        }
    }
}

} // namespace

int field_index(const LayerData& layer, std::string_view full_name) {
    for (std::size_t f = 0; f < layer.fields.size(); ++f) {
        if (layer.fields[f].name == full_name) {
            return static_cast<int>(f);
        }
    }
    return -1;
}

std::vector<std::string> short_names(const LayerData& layer, Encoding encoding) {
    std::vector<std::string> full;
    for (const FieldSpec& field : layer.fields) {
        full.push_back(field.name);
    }
    return dbf_field_names(full, encoding);
}

std::vector<std::string> check_layer(const LayerData& layer, Encoding encoding) {
    std::vector<std::string> warnings;
    for (const Feature& feature : layer.features) {
        for (std::size_t f = 0; f < layer.fields.size(); ++f) {
            const auto* value = std::get_if<std::string>(&feature.values[f]);
            if (value == nullptr) {
                continue;
            }
            if (const std::string bad = first_unencodable(*value, encoding); !bad.empty()) {
                throw Error(where(layer, feature, layer.fields[f]) +
                            text("：字符“", ": the character '") + bad +
                            text("”无法用 GBK 编码；请改用 --encoding UTF-8，或改用 GBK 中的字",
                                 "' has no GBK code; export with --encoding UTF-8, or use a "
                                 "character GBK has"));
            }
            if (encoded_size(*value, encoding) > max_text_bytes) {
                warnings.push_back(
                    where(layer, feature, layer.fields[f]) +
                    text("：文本超过 254 字节，已截断", ": text over 254 bytes, cut"));
            }
        }
    }
    return warnings;
}

void verify_shapefile(const LayerData& layer, const std::string& folder, Encoding encoding,
                      int epsg) {
    const fs::path base = fs::path(folder) / layer.name;
    verify(layer, short_names(layer, encoding),
           base.string() + (layer.geometry == LayerGeometry::none ? ".dbf" : ".shp"), encoding,
           epsg);
}

std::vector<std::string> write_shapefile(const LayerData& layer, const std::string& folder,
                                         Encoding encoding, int epsg, bool read_back) {
    gdal::initialize_gdal();
    std::vector<std::string> warnings = check_layer(layer, encoding);
    const std::vector<std::string> names = short_names(layer, encoding);
    const fs::path base = fs::path(folder) / layer.name;
    const fs::path main_file =
        base.string() + (layer.geometry == LayerGeometry::none ? ".dbf" : ".shp");
    const std::string context = main_file.string() + text("：", ": ");
    // Written in memory first: GDAL's shapefile writer seeks and writes for every record, two
    // system calls each, which on a file is most of its time; each file then goes to disk in
    // one write.
    static std::atomic<int> serial{0};
    const std::string memory =
        "/vsimem/xj-review-" + std::to_string(::getpid()) + "-" + std::to_string(serial++) + "/";
    const std::string memory_main = memory + main_file.filename().string();
    struct MemoryFolder { // gone however this ends
        std::string path;
        ~MemoryFolder() { VSIRmdirRecursive(path.c_str()); }
    } const memory_folder{memory};
    {
        gdal::GdalErrorCapture errors;
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
        GDALDatasetUniquePtr dataset(
            driver->Create(memory_main.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!dataset) {
            throw Error(context + text("无法创建（", "cannot create it (") + errors.message() +
                        text("）", ")"));
        }
        OGRSpatialReference srs = crs::srs_from_epsg(epsg);
        const char* options[] = {encoding == Encoding::gbk ? "ENCODING=CP936" : "ENCODING=UTF-8",
                                 nullptr};
        OGRLayer* out = dataset->CreateLayer(
            layer.name.c_str(), layer.geometry == LayerGeometry::none ? nullptr : &srs,
            detail::ogr_type(layer.geometry), const_cast<char**>(options));
        if (out == nullptr) {
            throw Error(context + text("无法创建图层（", "cannot create the layer (") +
                        errors.message() + text("）", ")"));
        }
        for (std::size_t f = 0; f < layer.fields.size(); ++f) {
            const FieldSpec& spec = layer.fields[f];
            const OGRFieldType type = spec.type == FieldType::text      ? OFTString
                                      : spec.type == FieldType::integer ? OFTInteger64
                                      : spec.type == FieldType::real    ? OFTReal
                                                                        : OFTDate;
            OGRFieldDefn field(names[f].c_str(), type);
            if (spec.type != FieldType::date) {
                field.SetWidth(width_of(layer, f, encoding) +
                               (spec.type == FieldType::real ? 1 : 0));
            }
            if (spec.type == FieldType::real) {
                field.SetPrecision(spec.precision);
            }
            if (out->CreateField(&field) != OGRERR_NONE) {
                throw Error(context + text("无法创建字段“", "cannot create field '") + names[f] +
                            text("”", "'"));
            }
        }
        std::unique_ptr<OGRCoordinateTransformation> to_target;
        if (layer.geometry != LayerGeometry::none && epsg != crs::storage_epsg) {
            to_target = crs::transformation(crs::storage_epsg, epsg);
        }
        for (const Feature& feature : layer.features) {
            OGRFeature row(out->GetLayerDefn());
            for (std::size_t f = 0; f < layer.fields.size(); ++f) {
                const int i = static_cast<int>(f);
                if (const auto* text_value = std::get_if<std::string>(&feature.values[f])) {
                    row.SetField(i, cut_to_bytes(*text_value, max_text_bytes, encoding).c_str());
                } else {
                    detail::set_value(row, i, feature.values[f]);
                }
            }
            if (layer.geometry != LayerGeometry::none && !feature.geometry.empty()) {
                std::unique_ptr<OGRGeometry> geometry = geometry::to_ogr(feature.geometry);
                if (layer.geometry != LayerGeometry::point) {
                    geometry.reset(OGRGeometryFactory::forceTo(geometry.release(),
                                                               detail::ogr_type(layer.geometry)));
                }
                if (to_target && geometry->transform(to_target.get()) != OGRERR_NONE) {
                    throw Error(context + feature.label +
                                text("：无法转换到 EPSG:", ": cannot be transformed to EPSG:") +
                                std::to_string(epsg));
                }
                row.SetGeometryDirectly(geometry.release());
            }
            if (out->CreateFeature(&row) != OGRERR_NONE) {
                throw Error(context + feature.label +
                            text("：无法写出（", ": cannot be written (") + errors.message() +
                            text("）", ")"));
            }
        }
    }
    // The code page in both places a reader may look: the .cpg (GDAL, QGIS) and the DBF's own
    // language-driver byte (some ArcGIS versions), saying the same thing.
    const std::string stem = memory + layer.name;
    const std::string cpg{cpg_text(encoding)};
    VSILFILE* cpg_file = VSIFOpenL((stem + ".cpg").c_str(), "wb");
    VSIFWriteL(cpg.data(), 1, cpg.size(), cpg_file);
    VSIFCloseL(cpg_file);
    for (const char* extension : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) {
        vsi_l_offset length = 0;
        GByte* bytes = VSIGetMemFileBuffer((stem + extension).c_str(), &length, TRUE);
        if (bytes == nullptr) {
            continue; // a table has no .shp, .shx, .prj
        }
        if (std::string_view{extension} == ".dbf" && length > 29) {
            bytes[29] = ldid(encoding);
        }
        std::ofstream file(base.string() + extension, std::ios::binary | std::ios::trunc);
        file.write(reinterpret_cast<const char*>(bytes), static_cast<std::streamsize>(length));
        CPLFree(bytes);
        if (!file.flush()) {
            throw Error(base.string() + extension + text("：无法写入", ": cannot be written"));
        }
    }
    if (read_back) {
        verify(layer, names, main_file, encoding, epsg);
    }
    return warnings;
}

} // namespace xj::review
