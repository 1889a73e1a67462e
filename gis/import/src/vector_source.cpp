#include "xiangjian/import/vector_source.h"

#include "field_match.h"
#include "spreadsheet_layout.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/input_errors.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/text.h"
#include "xiangjian/crs/china_offsets.h"
#include "xiangjian/crs/crs.h"
#include "xiangjian/crs/gauss_kruger.h"
#include "xiangjian/crs/transformation.h"
#include "xiangjian/gdal/gdal_errors.h"
#include "xiangjian/import/coordinate_text.h"
#include "xiangjian/import/text_encoding.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <gdal_priv.h>
#include <iterator>
#include <ogrsf_frmts.h>
#include <span>
#include <sstream>

namespace xj::import {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

/// A sidecar of a shapefile (.dbf, .shx, .prj, .cpg) in either letter case, if present.
std::optional<fs::path> sidecar(const fs::path& shp, const std::string& extension) {
    for (const std::string& candidate : {lower(extension), [&] {
                                             std::string upper = extension;
                                             std::transform(upper.begin(), upper.end(),
                                                            upper.begin(), ::toupper);
                                             return upper;
                                         }()}) {
        fs::path path = shp;
        path.replace_extension(candidate);
        if (fs::exists(path)) {
            return path;
        }
    }
    return std::nullopt;
}

std::string read_small_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    return content.str();
}

/// Columns that hold coordinates in tables as counties write them.
constexpr const char* x_names[] = {"经度", "lon", "lng", "long", "longitude", "x", "东经", "X坐标"};
constexpr const char* y_names[] = {"纬度", "lat", "latitude", "y", "北纬", "Y坐标"};

int find_column(const SourceData& data, const std::string& wanted,
                std::span<const char* const> synonyms) {
    return wanted.empty() ? detail::match_header(data, synonyms) : data.column(wanted);
}

struct RawLayer {
    std::vector<std::string> fields;
    std::vector<bool> is_text;
    std::vector<SourceFeature> features;
    const OGRSpatialReference* srs = nullptr;
};

/// Chooses the encoding of raw text: --encoding, then the .cpg, then detection (valid UTF-8
/// stays UTF-8; anything else is read as GB18030, the superset of GBK and GB2312).
void choose_encoding(SourceData& data, const RawLayer& raw, const SourceOptions& options,
                     const std::optional<fs::path>& cpg, bool raw_bytes) {
    if (!options.encoding.empty() && options.encoding != "auto") {
        data.encoding = normalise_encoding_name(options.encoding);
        if (data.encoding.empty()) {
            throw InputError(data.path + text("：不认识的 --encoding “", ": unknown --encoding '") +
                                 options.encoding +
                                 text("”（可用 auto、UTF-8、GBK 或 GB18030）",
                                      "' (use auto, UTF-8, GBK or GB18030)"),
                             InputPlace{data.path});
        }
        data.encoding_reason = "--encoding";
        return;
    }
    if (cpg) {
        data.encoding = encoding_from_cpg(read_small_file(*cpg));
        if (!data.encoding.empty()) {
            data.encoding_reason = cpg->filename().string();
            return;
        }
    }
    bool all_utf8 = std::all_of(raw.fields.begin(), raw.fields.end(),
                                [](const std::string& name) { return is_valid_utf8(name); });
    for (const auto& feature : raw.features) {
        for (std::size_t i = 0; all_utf8 && i < feature.values.size(); ++i) {
            all_utf8 = !feature.values[i] || is_valid_utf8(*feature.values[i]);
        }
    }
    data.encoding = all_utf8 ? "UTF-8" : "GB18030";
    data.encoding_reason =
        raw_bytes ? (all_utf8 ? text("检测：是有效的 UTF-8", "detected: valid UTF-8")
                              : text("检测：不是有效的 UTF-8", "detected: not valid UTF-8"))
                  : text("格式规定为 UTF-8", "UTF-8 by format");
}

void decode_text(SourceData& data, RawLayer& raw) {
    for (std::string& name : raw.fields) {
        std::string decoded;
        // DBF names hold 10 bytes, and writers cut multi-byte characters in half: drop the
        // broken tail rather than refuse the file.
        std::string whole = name;
        while (!to_utf8(whole, data.encoding, decoded) && !whole.empty() &&
               name.size() - whole.size() < 3) {
            whole.pop_back();
        }
        if (!to_utf8(whole, data.encoding, decoded)) {
            throw InputError(data.path + text("：字段名不是有效的 ", ": field name is not valid ") +
                                 data.encoding +
                                 text(" 文字；请用 --encoding 指明文件的编码",
                                      " text; give the file's encoding with --encoding"),
                             InputPlace{data.path});
        }
        if (decoded.rfind("\xEF\xBB\xBF", 0) == 0) { // a BOM before the first CSV header
            decoded.erase(0, 3);
        }
        name = decoded;
    }
    RowErrors errors(data.path);
    for (auto& feature : raw.features) {
        for (std::size_t i = 0; i < feature.values.size(); ++i) {
            if (!feature.values[i] || !raw.is_text[i]) {
                continue;
            }
            std::string decoded;
            if (!to_utf8(*feature.values[i], data.encoding, decoded)) {
                errors.add(InputError(data.cite(feature) + text("，列“", ", field '") +
                                          raw.fields[i] + text("”：不是有效的 ", "': not valid ") +
                                          data.encoding + text(" 文字（按 ", " text (read as ") +
                                          data.encoding + ", " + data.encoding_reason +
                                          text("）；请用 --encoding 指明文件的编码",
                                               "); give the file's encoding with --encoding"),
                                      data.place(feature, raw.fields[i])));
                continue;
            }
            feature.values[i] = std::move(decoded);
        }
    }
    errors.throw_if_any();
}

/// Chinese survey tables name the northing X and the easting Y (X坐标 = 北坐标). Northings in
/// China run from about 2,000 to 6,000 km; eastings stay under 1,000 km, or carry a zone
/// number of 13 to 45 in front: the two cannot be mistaken, so a table whose "x" holds only
/// northings and whose "y" only eastings is read the other way round, and says so.
void swap_survey_axes(SourceData& data, int x, int y) {
    OGREnvelope extent;
    for (const auto& feature : data.features) {
        if (feature.geometry) {
            const OGRPoint* point = feature.geometry->toPoint();
            extent.Merge(point->getX(), point->getY());
        }
    }
    const auto northings = [](double low, double high) { return low >= 1.5e6 && high < 6.5e6; };
    const auto eastings = [](double low, double high) {
        return (low >= 1e5 && high < 1e6) || (low >= 13e6 && high < 46e6);
    };
    if (!extent.IsInit() || !northings(extent.MinX, extent.MaxX) ||
        !eastings(extent.MinY, extent.MaxY)) {
        return;
    }
    for (auto& feature : data.features) {
        if (feature.geometry) {
            OGRPoint* point = feature.geometry->toPoint();
            const double northing = point->getX();
            point->setX(point->getY());
            point->setY(northing);
        }
    }
    data.notes.push_back(
        text("列“", "column '") + data.fields[static_cast<std::size_t>(x)] +
        text("”是北坐标，“", "' holds northings and '") + data.fields[static_cast<std::size_t>(y)] +
        text("”是东坐标（测量的 X 和 Y）：按东坐标 ",
             "' eastings (the surveyors' X and Y): read as easting ") +
        data.fields[static_cast<std::size_t>(y)] + text("、北坐标 ", ", northing ") +
        data.fields[static_cast<std::size_t>(x)]);
}

/// Spreadsheets with their geometry as WKT text (GDAL reads that of a CSV itself): false when
/// there is no such column.
bool geometries_from_wkt_column(SourceData& data) {
    if (data.driver != "XLSX" && data.driver != "ODS") {
        return false;
    }
    int column = -1;
    for (const char* name : {"WKT", "wkt", "geometry", "geom", "the_geom", "几何"}) {
        if ((column = data.column(name)) >= 0) {
            break;
        }
    }
    if (column < 0) {
        return false;
    }
    for (auto& feature : data.features) {
        const auto& wkt = feature.values[static_cast<std::size_t>(column)];
        if (!wkt || wkt->empty()) {
            continue;
        }
        OGRGeometry* geometry = nullptr;
        if (OGRGeometryFactory::createFromWkt(wkt->c_str(), nullptr, &geometry) != OGRERR_NONE ||
            geometry == nullptr) {
            delete geometry;
            throw InputError(data.cite(feature) + text("，列“", ", column '") +
                                 data.fields[static_cast<std::size_t>(column)] +
                                 text("”：“", "': '") + wkt->substr(0, 40) +
                                 (wkt->size() > 40 ? "…" : "") +
                                 text("”不是 WKT 几何", "' is not WKT geometry"),
                             data.place(feature, data.fields[static_cast<std::size_t>(column)]));
        }
        feature.geometry.reset(geometry);
    }
    data.geometry_fields.push_back(column);
    return true;
}

/// Tables with longitude/latitude columns and no geometry of their own (CSV, XLSX).
void points_from_columns(SourceData& data, const SourceOptions& options) {
    const int x = find_column(data, options.x_column, x_names);
    const int y = find_column(data, options.y_column, y_names);
    if (x < 0 || y < 0) {
        if (!options.x_column.empty() || !options.y_column.empty()) {
            throw InputError(data.path + text("：没有名为“", ": no coordinate column named '") +
                                 (x < 0 ? options.x_column : options.y_column) +
                                 text("”的坐标列", "'"),
                             InputPlace{data.path});
        }
        return;
    }
    RowErrors errors(data.path);
    for (auto& feature : data.features) {
        const auto row = [&] {
            const auto& xs = feature.values[static_cast<std::size_t>(x)];
            const auto& ys = feature.values[static_cast<std::size_t>(y)];
            if ((!xs || xs->empty()) && (!ys || ys->empty())) {
                return;
            }
            std::string why;
            const auto xv = xs ? detail::parse_coordinate(*xs, &why) : std::nullopt;
            const auto yv = ys ? detail::parse_coordinate(*ys, &why) : std::nullopt;
            const std::string& x_name = data.fields[static_cast<std::size_t>(x)];
            const std::string& y_name = data.fields[static_cast<std::size_t>(y)];
            const std::string given = "'" + xs.value_or("") + "'" + text("（列“", " in column '") +
                                      x_name + text("”）和 '", "' and '") + ys.value_or("") + "'" +
                                      text("（列“", " in column '") + y_name + text("”）", "'");
            if (!xv || !yv) {
                throw InputError(data.cite(feature) + text("：坐标 ", ": coordinates ") + given +
                                     text("：", ": ") +
                                     (why.empty()
                                          ? text("不是数字（十进制度，或度分秒如 112°28′30″）",
                                                 "not numbers (decimal degrees, or degrees, "
                                                 "minutes and seconds as in 112°28′30″)")
                                          : why),
                                 data.place(feature, xv ? y_name : x_name));
            }
            const detail::ParsedCoordinate lon = *xv;
            const detail::ParsedCoordinate lat = *yv;
            // A hemisphere word that says so, or decimal degrees the wrong way round: a
            // "latitude" past 90 cannot be one.
            const bool marked =
                lon.axis == detail::Axis::latitude || lat.axis == detail::Axis::longitude;
            if (marked || (std::abs(lat.degrees) > 90 && std::abs(lat.degrees) <= 180 &&
                           std::abs(lon.degrees) <= 90)) {
                throw InputError(
                    data.cite(feature) + text("：", ": ") + given + text("：", ": ") +
                        (marked ? text("经度列里是纬度；是否两列填反了（swapped columns）？",
                                       "a latitude is in the longitude column; are the columns "
                                       "swapped?")
                                : text("纬度超过 90°，经度列里像是纬度；是否两列填反了（swapped "
                                       "columns）？",
                                       "the latitude is past 90° and the longitude column holds a "
                                       "latitude; are the columns swapped?")),
                    data.place(feature, x_name));
            }
            feature.geometry = std::make_unique<OGRPoint>(lon.degrees, lat.degrees);
        };
        try {
            row();
        } catch (const InputError& error) {
            if (options.keep_row_errors) {
                feature.error = error;
            } else {
                errors.add(error);
            }
        }
    }
    errors.throw_if_any();
    data.geometry_fields = {x, y};
    swap_survey_axes(data, x, y);
}

OGREnvelope extent_of(const std::vector<SourceFeature>& features) {
    OGREnvelope extent;
    for (const auto& feature : features) {
        if (feature.geometry && !feature.geometry->IsEmpty()) {
            OGREnvelope one;
            feature.geometry->getEnvelope(&one);
            extent.Merge(one);
        }
    }
    return extent;
}

std::string describe(const OGRSpatialReference& srs) {
    const char* authority = srs.GetAuthorityName(nullptr);
    const char* code = srs.GetAuthorityCode(nullptr);
    std::string text = srs.GetName() != nullptr ? srs.GetName() : "unnamed CRS";
    if (authority != nullptr && code != nullptr) {
        text = std::string{authority} + ":" + code + " (" + text + ")";
    }
    return text;
}

int epsg_of(const OGRSpatialReference& srs) {
    OGRSpatialReference copy(srs);
    const char* authority = copy.GetAuthorityName(nullptr);
    if (authority == nullptr) {
        copy.AutoIdentifyEPSG();
        authority = copy.GetAuthorityName(nullptr);
    }
    if (authority != nullptr && std::string{authority} == "EPSG") {
        if (const char* code = copy.GetAuthorityCode(nullptr)) {
            return std::atoi(code);
        }
    }
    // A .prj written by ArcGIS names the CRS but carries no code: ask PROJ which one it is.
    int confidence_count = 0;
    int* confidence = nullptr;
    OGRSpatialReferenceH* matches = copy.FindMatches(nullptr, &confidence_count, &confidence);
    int result = 0;
    if (matches != nullptr && confidence_count > 0 && confidence[0] >= 70) {
        const auto* best = OGRSpatialReference::FromHandle(matches[0]);
        if (const char* code = best->GetAuthorityCode(nullptr)) {
            result = std::atoi(code);
        }
    }
    OSRFreeSRSArray(matches);
    CPLFree(confidence);
    return result;
}

/// The CRS the coordinates are in, after every check that can catch a wrong one.
OGRSpatialReference source_crs(SourceData& data, const RawLayer& raw, const SourceOptions& options,
                               const std::optional<fs::path>& prj) {
    OGRSpatialReference srs;
    if (!options.source_srs.empty()) {
        if (srs.SetFromUserInput(options.source_srs.c_str()) != OGRERR_NONE) {
            throw UsageError(
                text("--s-srs “", "--s-srs '") + options.source_srs +
                    text("”不是 PROJ 认识的坐标系", "' is not a coordinate system PROJ knows"),
                "--s-srs");
        }
    } else if (raw.srs != nullptr) {
        srs = *raw.srs;
    } else {
        const OGREnvelope extent = extent_of(data.features);
        if (prj) {
            throw InputError(prj->string() +
                                 text(" 不是 GDAL 能读的坐标系；请用 --s-srs 指明坐标系（",
                                      " is not a coordinate system GDAL can read; give the CRS "
                                      "with --s-srs (") +
                                 crs::guess_crs_from_coordinates(extent.MinX, extent.MinY,
                                                                 extent.MaxX, extent.MaxY) +
                                 ")",
                             InputPlace{prj->string()});
        }
        throw InputError(
            data.path + text("：没有坐标系", ": has no coordinate system") +
                (data.driver == "ESRI Shapefile" ? text("（没有 .prj）", " (no .prj)")
                                                 : std::string{}) +
                text("；请用 --s-srs 指明：", "; give it with --s-srs: ") +
                crs::guess_crs_from_coordinates(extent.MinX, extent.MinY, extent.MaxX, extent.MaxY),
            InputPlace{data.path});
    }
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    data.source_crs = describe(srs);

    const OGREnvelope extent = extent_of(data.features);
    if (!extent.IsInit()) {
        return srs;
    }
    // With room for rounding: Natural Earth's world outline reaches 180 + 6e-14.
    constexpr double slack = 1e-7; // degrees, about a centimetre
    if (srs.IsGeographic() && (extent.MinX < -180 - slack || extent.MaxX > 180 + slack ||
                               extent.MinY < -90 - slack || extent.MaxY > 90 + slack)) {
        throw InputError(
            data.path + text("：坐标系是 ", ": the CRS is ") + data.source_crs +
                text("，单位是度，但坐标不是度；",
                     ", in degrees, but the coordinates are not degrees; ") +
                crs::guess_crs_from_coordinates(extent.MinX, extent.MinY, extent.MaxX, extent.MaxY),
            InputPlace{data.path});
    }
    if (srs.IsProjected()) {
        if (const auto gk = crs::gauss_kruger_crs(epsg_of(srs))) {
            const std::string problem =
                crs::check_gauss_kruger_eastings(*gk, extent.MinX, extent.MaxX);
            if (!problem.empty()) {
                throw InputError(data.path + ": " + problem, InputPlace{data.path});
            }
        }
    }
    return srs;
}

/// Moves every vertex from GCJ-02 or BD-09 back to WGS 84 (OGR's point iterators write back).
class OffsetRemover : public OGRDefaultGeometryVisitor {
public:
    explicit OffsetRemover(CoordinateOffset offset) : m_offset(offset) {}
    using OGRDefaultGeometryVisitor::visit;
    void visit(OGRPoint* point) override {
        if (point->IsEmpty()) {
            return;
        }
        const crs::LonLat in{point->getX(), point->getY()};
        const crs::LonLat out =
            m_offset == CoordinateOffset::gcj02 ? crs::gcj02_to_wgs84(in) : crs::bd09_to_wgs84(in);
        point->setX(out.lon);
        point->setY(out.lat);
    }

private:
    CoordinateOffset m_offset;
};

void remove_offset(SourceData& data, const OGRSpatialReference& srs, CoordinateOffset offset) {
    if (offset == CoordinateOffset::none) {
        return;
    }
    if (!srs.IsGeographic()) {
        throw InputError(
            data.path +
                text("：GCJ-02 和 BD-09 是经纬度，但来源坐标系是 ",
                     ": GCJ-02 and BD-09 are longitude/latitude, but the source CRS is ") +
                data.source_crs,
            InputPlace{data.path});
    }
    OffsetRemover remover(offset);
    for (auto& feature : data.features) {
        if (feature.geometry) {
            feature.geometry->accept(&remover);
        }
    }
    data.source_crs += offset == CoordinateOffset::gcj02
                           ? text("，已去除 GCJ-02 偏移", ", GCJ-02 offset removed")
                           : text("，已去除 BD-09 偏移", ", BD-09 offset removed");
}

void reproject(SourceData& data, const OGRSpatialReference& from) {
    const OGRSpatialReference to = crs::srs_from_epsg(crs::storage_epsg);
    std::unique_ptr<OGRCoordinateTransformation> transform;
    if (!from.IsSame(&to)) {
        // Ask for a real datum transformation first; PROJ knows none for Xi'an 1980 or
        // Beijing 1954 to CGCS2000, and the user must hear that the result is approximate.
        OGRCoordinateTransformationOptions exact;
        exact.SetBallparkAllowed(false);
        std::string why;
        transform = crs::find_transformation(from, to, exact);
        if (!transform) {
            transform = crs::find_transformation(from, to, {}, &why);
            // WGS 84 and CGCS2000 agree within decimetres, below phone GPS precision.
            const char* datum = from.GetAttrValue("DATUM");
            data.approximate_datum = datum == nullptr || std::string{datum} != "WGS_1984";
        }
        if (!transform) {
            throw InputError(data.path +
                                 text("：PROJ 没有从 ", ": PROJ has no transformation from ") +
                                 data.source_crs + text(" 到 CGCS2000 的转换（", " to CGCS2000 (") +
                                 why + text("）", ")"),
                             InputPlace{data.path});
        }
    }
    OGREnvelope extent; // of the data, as it is checked
    for (auto& feature : data.features) {
        if (!feature.geometry || feature.geometry->IsEmpty()) {
            continue;
        }
        if (transform && feature.geometry->transform(transform.get()) != OGRERR_NONE) {
            throw InputError(data.cite(feature) +
                                 text("：PROJ 无法把它从 ", ": PROJ cannot transform it from ") +
                                 data.source_crs + text(" 转换到 CGCS2000", " to CGCS2000"),
                             data.place(feature));
        }
        feature.geometry->assignSpatialReference(nullptr);
        OGREnvelope box;
        feature.geometry->getEnvelope(&box);
        if (box.MinX < 73 || box.MaxX > 136 || box.MinY < 3 || box.MaxY > 54) {
            const std::string where = core::fixed(box.MinX, 5) + "–" + core::fixed(box.MaxX, 5) +
                                      " °E, " + core::fixed(box.MinY, 5) + "–" +
                                      core::fixed(box.MaxY, 5) + " °N";
            throw InputError(data.cite(feature) +
                                 text("：在中国境外（CGCS2000 下 ", ": lies outside China (") +
                                 where + text("，按 ", " in CGCS2000, read as ") + data.source_crs +
                                 text(" 读取）；坐标系对吗？", "); is the CRS right?"),
                             data.place(feature));
        }
        extent.Merge(box);
    }
    if (extent.IsInit()) {
        data.suggested_gk_epsg = crs::gauss_kruger_3deg_epsg((extent.MinX + extent.MaxX) / 2);
    }
}

RawLayer read_layer(SourceData& data, OGRLayer& layer) {
    RawLayer raw;
    const OGRFeatureDefn* definition = layer.GetLayerDefn();
    for (int i = 0; i < definition->GetFieldCount(); ++i) {
        raw.fields.emplace_back(definition->GetFieldDefn(i)->GetNameRef());
        raw.is_text.push_back(definition->GetFieldDefn(i)->GetType() == OFTString);
    }
    raw.srs = layer.GetSpatialRef();
    data.layer = layer.GetName();

    gdal::GdalErrorCapture errors;
    layer.ResetReading();
    std::size_t ordinal = 0;
    while (true) {
        OGRFeatureUniquePtr feature{layer.GetNextFeature()};
        if (errors.has_error()) {
            throw InputError(data.path + ", feature " + std::to_string(ordinal + 1) +
                                 ": GDAL cannot read it (" + errors.message() + ")",
                             InputPlace{data.path});
        }
        if (!feature) {
            break;
        }
        SourceFeature record;
        record.fid = feature->GetFID();
        record.ordinal = ++ordinal;
        for (int i = 0; i < feature->GetFieldCount(); ++i) {
            if (feature->IsFieldSetAndNotNull(i)) {
                record.values.emplace_back(feature->GetFieldAsString(i));
            } else {
                record.values.emplace_back(std::nullopt);
            }
        }
        record.geometry.reset(feature->StealGeometry());
        raw.features.push_back(std::move(record));
    }
    const GIntBig declared = layer.GetFeatureCount(FALSE);
    if (declared >= 0 && static_cast<std::size_t>(declared) != raw.features.size()) {
        throw InputError(data.path + ": the file declares " + std::to_string(declared) +
                             " features but " + std::to_string(raw.features.size()) +
                             " could be read (truncated, or its index disagrees with it)",
                         InputPlace{data.path});
    }
    return raw;
}

} // namespace

int SourceData::column(const std::string& name) const {
    const auto found = std::find(fields.begin(), fields.end(), name);
    return found == fields.end() ? -1 : static_cast<int>(found - fields.begin());
}

std::string SourceData::cite(const SourceFeature& feature) const {
    // Spreadsheets are cited by the row number their users see (the header is row 1).
    if (driver == "CSV" || driver == "XLSX" || driver == "ODS") {
        return path + text("，第 ", ", row ") + std::to_string(feature.ordinal + 1) +
               text(" 行", "");
    }
    return path + text("，第 ", ", feature ") + std::to_string(feature.ordinal) +
           text(" 个要素", "");
}

InputPlace SourceData::place(const SourceFeature& feature, std::string column) const {
    const bool table = driver == "CSV" || driver == "XLSX" || driver == "ODS";
    return InputPlace(path, table ? feature.ordinal + 1 : feature.ordinal, std::move(column));
}

/// GDAL before 3.9 cuts a CSV header at a line break inside a quoted name, losing every
/// column after it (GDAL issue 9172); Excel writes one for a header cell typed with Alt+Enter
/// ("填报\n日期"). Such a file is read from a copy in memory whose header has those breaks
/// as spaces; any other file is read where it is.
class CsvHeaderFix {
public:
    explicit CsvHeaderFix(const std::string& path) : m_open(path) {
        std::ifstream in(path, std::ios::binary);
        std::string bytes; // the header, as far as it goes
        bool quoted = false, fixed = false;
        for (char c = 0; in.get(c);) {
            if (c == '"') {
                quoted = !quoted; // "" inside quotes toggles twice
            } else if ((c == '\n' || c == '\r') && quoted) {
                c = ' ';
                fixed = true;
            }
            bytes += c;
            if (c == '\n') {
                break; // the end of the header
            }
        }
        if (!fixed) {
            return;
        }
        bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        static std::atomic<int> copies{0};
        m_copy = "/vsimem/xiangjian-csv-" + std::to_string(copies++) + "/" +
                 fs::path(path).filename().string();
        auto* buffer = static_cast<GByte*>(CPLMalloc(bytes.size()));
        std::memcpy(buffer, bytes.data(), bytes.size());
        VSIFCloseL(VSIFileFromMemBuffer(m_copy.c_str(), buffer, bytes.size(), TRUE));
        m_open = m_copy;
    }
    ~CsvHeaderFix() {
        if (!m_copy.empty()) {
            VSIUnlink(m_copy.c_str());
        }
    }
    CsvHeaderFix(const CsvHeaderFix&) = delete;
    CsvHeaderFix& operator=(const CsvHeaderFix&) = delete;
    const std::string& path_to_open() const { return m_open; }

private:
    std::string m_open;
    std::string m_copy;
};

SourceData read_vector_source(const std::string& path, const SourceOptions& options) {
    gdal::initialize_gdal();
    SourceData data;
    data.path = path;
    const bool virtual_path = path.rfind("/vsi", 0) == 0;
    if (!virtual_path && !fs::exists(path)) {
        throw InputError(path + text("：文件不存在", ": no such file"), InputPlace{path});
    }
    const std::string extension = lower(fs::path(path).extension().string());
    const bool shapefile = extension == ".shp";
    std::optional<fs::path> cpg;
    std::optional<fs::path> prj;
    if (shapefile && !virtual_path) {
        if (!sidecar(path, ".dbf")) {
            throw InputError(path +
                                 text("：缺少 .dbf（shapefile 的属性——代码、名称——在 FILE.shp 旁的 "
                                      "FILE.dbf 里）",
                                      ": the .dbf is missing (a shapefile's attributes — codes, "
                                      "names — are in FILE.dbf beside FILE.shp)"),
                             InputPlace{path});
        }
        if (!sidecar(path, ".shx")) {
            throw InputError(path + text("：缺少 .shx 索引（请把 FILE.shx 和 FILE.shp 一起拷贝；"
                                         "`ogr2ogr --config SHAPE_RESTORE_SHX YES` 可以重建）",
                                         ": the .shx index is missing (copy FILE.shx along with "
                                         "FILE.shp; `ogr2ogr --config SHAPE_RESTORE_SHX YES` can "
                                         "rebuild it)"),
                             InputPlace{path});
        }
        cpg = sidecar(path, ".cpg");
        prj = sidecar(path, ".prj");
    }

    // Shapefile and CSV text is read as raw bytes (GDAL would otherwise guess from the DBF
    // language byte, which Chinese files rarely set right) and decoded here.
    CPLStringList open_options;
    if (shapefile) {
        open_options.SetNameValue("ENCODING", "");
    }
    if (extension == ".csv" || extension == ".txt") {
        open_options.SetNameValue("GEOM_POSSIBLE_NAMES", "WKT,wkt,geometry,geom,the_geom,几何");
        open_options.SetNameValue("KEEP_GEOM_COLUMNS", "NO");
        open_options.SetNameValue("AUTODETECT_TYPE", "NO");
    }
    // Every table we read has a header row; GDAL's guess fails when all cells are text. GDAL
    // 3.6 offers this as configuration only, so it is set for this thread during the open.
    CPLConfigOptionSetter xlsx_headers("OGR_XLSX_HEADERS", "FORCE", true);
    CPLConfigOptionSetter ods_headers("OGR_ODS_HEADERS", "FORCE", true);
    std::optional<CsvHeaderFix> csv_copy;
    if (extension == ".csv" && !virtual_path) {
        csv_copy.emplace(path);
    }
    gdal::GdalErrorCapture errors;
    GDALDatasetUniquePtr dataset(GDALDataset::Open(
        csv_copy ? csv_copy->path_to_open().c_str() : path.c_str(),
        GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, open_options.List(), nullptr));
    if (!dataset) {
        throw InputError(
            path + text("：GDAL 无法把它当作矢量数据读取", ": GDAL cannot read it as vector data") +
                (errors.has_error() ? " (" + errors.message() + ")" : std::string{}),
            InputPlace{path});
    }
    data.driver = dataset->GetDriver()->GetDescription();
    const bool raw_bytes = shapefile || data.driver == "CSV";

    OGRLayer* layer = nullptr;
    if (!options.layer.empty()) {
        layer = dataset->GetLayerByName(options.layer.c_str());
    } else if (dataset->GetLayerCount() == 1) {
        layer = dataset->GetLayer(0);
    }
    if (layer == nullptr) {
        std::string names;
        for (OGRLayer* each : dataset->GetLayers()) {
            names += (names.empty() ? "" : ", ") + std::string{each->GetName()};
        }
        throw InputError(
            path + ": " +
                (options.layer.empty()
                     ? text("有 ", "has ") + std::to_string(dataset->GetLayerCount()) +
                           text(" 个图层；请用 --layer 选一个", " layers; choose one with --layer")
                     : text("没有图层“", "has no layer '") + options.layer + text("”", "'")) +
                text("（图层：", " (layers: ") + (names.empty() ? text("无", "none") : names) +
                text("）", ")"),
            InputPlace{path});
    }

    RawLayer raw = read_layer(data, *layer);
    choose_encoding(data, raw, options, cpg, raw_bytes);
    decode_text(data, raw);
    data.fields = std::move(raw.fields);
    data.features = std::move(raw.features);
    if (data.driver == "CSV" || data.driver == "XLSX" || data.driver == "ODS") {
        detail::tidy_spreadsheet(data);
    }

    const bool has_geometry = std::any_of(data.features.begin(), data.features.end(),
                                          [](const auto& f) { return f.geometry != nullptr; });
    if (!has_geometry && !geometries_from_wkt_column(data)) {
        points_from_columns(data, options);
    }
    if (std::none_of(data.features.begin(), data.features.end(),
                     [](const auto& f) { return f.geometry != nullptr; })) {
        data.source_crs = "none (no geometry)";
        return data;
    }
    // Points built from coordinate columns are in no CRS the layer declares: only --s-srs
    // (or --coords) can say what they are.
    raw.srs = has_geometry ? raw.srs : nullptr;
    const OGRSpatialReference srs = source_crs(data, raw, options, prj);
    remove_offset(data, srs, options.offset);
    reproject(data, srs);
    return data;
}

} // namespace xj::import
