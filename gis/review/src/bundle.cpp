#include "xiangjian/review/bundle.h"

#include "ogr_values.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/gdal/gdal_errors.h"
#include "xiangjian/review/qml_style.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

namespace xj::review {

namespace fs = std::filesystem;

namespace {

std::string type_name(FieldType type) {
    switch (type) {
    case FieldType::text:
        return "文本";
    case FieldType::integer:
        return "整数";
    case FieldType::real:
        return "小数";
    case FieldType::date:
        return "日期";
    }
    return "";
}

std::string csv_field(const std::string& value) {
    if (value.find_first_of(",\"\r\n") == std::string::npos) {
        return value;
    }
    std::string quoted = "\"";
    for (const char c : value) {
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return quoted + "\"";
}

void write_file(const fs::path& path, const std::string& content) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << content;
    if (!file.flush()) {
        throw Error(path.string() + text("：无法写入", ": cannot be written"));
    }
}

/// The data dictionary, for Excel on Chinese Windows: UTF-8 with its byte-order mark, CRLF.
std::string dictionary(const std::vector<LayerData>& layers, Encoding encoding) {
    std::string out = "\xEF\xBB\xBF图层,字段,全称,类型,单位,说明\r\n";
    for (const LayerData& layer : layers) {
        const std::vector<std::string> names = short_names(layer, encoding);
        for (std::size_t f = 0; f < layer.fields.size(); ++f) {
            const FieldSpec& field = layer.fields[f];
            out += csv_field(layer.name) + "," + csv_field(names[f]) + "," + csv_field(field.name) +
                   "," + type_name(field.type) + "," + csv_field(field.unit) + "," +
                   csv_field(field.meaning) + "\r\n";
        }
    }
    return out;
}

/// The data dictionary for Excel users, through GDAL's XLSX driver: the rows of the CSV.
void write_dictionary_xlsx(const std::vector<LayerData>& layers, Encoding encoding,
                           const fs::path& path) {
    gdal::GdalErrorCapture errors;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
    GDALDatasetUniquePtr book(
        driver == nullptr ? nullptr : driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* sheet = book ? book->CreateLayer("字段说明", nullptr, wkbNone, nullptr) : nullptr;
    if (sheet == nullptr) {
        throw Error(path.string() + text("：无法创建（", ": cannot create it (") +
                    errors.message() + text("）", ")"));
    }
    for (const char* column : {"图层", "字段", "全称", "类型", "单位", "说明"}) {
        OGRFieldDefn field(column, OFTString);
        sheet->CreateField(&field);
    }
    for (const LayerData& layer : layers) {
        const std::vector<std::string> names = short_names(layer, encoding);
        for (std::size_t f = 0; f < layer.fields.size(); ++f) {
            OGRFeature row(sheet->GetLayerDefn());
            const FieldSpec& field = layer.fields[f];
            const std::string values[] = {
                layer.name, names[f], field.name, type_name(field.type), field.unit, field.meaning};
            for (int i = 0; i < 6; ++i) {
                row.SetField(i, values[i].c_str());
            }
            if (sheet->CreateFeature(&row) != OGRERR_NONE) {
                throw Error(path.string() + text("：无法写入", ": cannot be written"));
            }
        }
    }
}

std::string manifest(const BundleReport& report, const std::vector<LayerData>& layers,
                     const BundleOptions& options) {
    std::string out;
    out += "乡建 Xiangjian 省级审核数据包 (review bundle)\r\n\r\n";
    out += "县 (county): " + options.county + "\r\n";
    if (!options.township.empty()) {
        out += "乡镇 (township): " + options.township + "\r\n";
    }
    out += "截至日期 (as of): " + options.as_of.iso() + "\r\n";
    out +=
        "坐标系 (CRS): EPSG:" + std::to_string(options.epsg) +
        (options.epsg == 4490 ? " CGCS2000 经纬度 (lon/lat)" : " CGCS2000 高斯-克吕格 (metres)") +
        "\r\n";
    out += std::string("编码 (encoding): ") +
           (options.encoding == Encoding::gbk ? "GBK (代码页 936；.cpg 与 DBF 语言驱动 0x4D 一致)"
                                              : "UTF-8 (.cpg)") +
           "\r\n\r\n图层 (layers):\r\n";
    for (const LayerData& layer : layers) {
        std::size_t written = 0;
        for (const auto& [name, count] : report.layers) {
            if (name == layer.name) {
                written = count;
            }
        }
        out += "  " + layer.name + (layer.geometry == LayerGeometry::none ? ".dbf" : ".shp") +
               "  " + std::to_string(written) + " 个要素 (features) — " + layer.title +
               (written == 0 ? "（无要素，未输出 / empty, not written）" : "") + "\r\n";
    }
    out += "\r\n字段说明见 字段说明.csv 与 字段说明.xlsx (the fields: 字段说明.csv, .xlsx)\r\n";
    out += "\r\n警告 (warnings): " + std::to_string(report.warnings.size()) + "\r\n";
    for (const std::string& warning : report.warnings) {
        out += "  " + warning + "\r\n";
    }
    return out;
}

/// The folder's files into a zip at `zip`, flat, through libzip: each name flagged as UTF-8
/// (general-purpose bit 11), which Windows Explorer, 7-Zip and Python read. GDAL's zip writer
/// stores a non-ASCII name as CP437 (村.dbf became ".dbf") with the UTF-8 name only in an extra
/// field that many readers ignore.
void zip_folder(const fs::path& folder, const fs::path& zip) {
    int error = 0;
    zip_t* archive = zip_open(zip.c_str(), ZIP_CREATE | ZIP_EXCL, &error);
    if (archive == nullptr) {
        throw Error(zip.string() + text("：无法创建压缩包", ": cannot create the zip"));
    }
    for (const auto& entry : fs::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        zip_source_t* source = zip_source_file(archive, entry.path().c_str(), 0, -1);
        if (source == nullptr ||
            zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
            if (source != nullptr) {
                zip_source_free(source);
            }
            zip_discard(archive);
            throw Error(zip.string() + text("：无法加入 ", ": cannot add ") + name);
        }
    }
    if (zip_close(archive) != 0) { // the files are read and compressed here
        const std::string why = zip_strerror(archive);
        zip_discard(archive);
        throw Error(zip.string() + text("：写入压缩包失败（", ": writing the zip failed (") + why +
                    text("）", ")"));
    }
}

} // namespace

std::optional<int> parse_review_crs(const std::string& given) {
    std::string code = given;
    for (const std::string prefix : {"EPSG:", "epsg:"}) {
        if (code.rfind(prefix, 0) == 0) {
            code = code.substr(prefix.size());
        }
    }
    if (code.empty() || code.find_first_not_of("0123456789") != std::string::npos ||
        code.size() > 6) {
        return std::nullopt;
    }
    const int epsg = std::stoi(code);
    // CGCS2000 geographic, and its Gauss–Krüger zones (6° and 3°, with and without the zone
    // number in the easting).
    if (epsg == 4490 || (epsg >= 4491 && epsg <= 4554)) {
        return epsg;
    }
    return std::nullopt;
}

BundleReport write_bundle(const std::vector<LayerData>& layers, const std::string& out,
                          const BundleOptions& options) {
    const fs::path destination = fs::absolute(out);
    const bool zipped = destination.extension() == ".zip";
    detail::refuse_existing(out);
    const fs::path parent = destination.parent_path();
    // The hidden place beside the destination: the same file system, so the final move is a
    // rename; made first, so an unwritable destination is said before any work.
    std::string pattern =
        (parent / ("." + destination.filename().string() + ".partial-XXXXXX")).string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        throw Error(parent.string() + text("：无法在此写入（", ": cannot write here (") +
                    std::strerror(errno) + text("）", ")"));
    }
    const fs::path work = pattern;
    BundleReport report;
    try {
        for (const LayerData& layer : layers) { // every check before any file
            const auto warnings = check_layer(layer, options.encoding);
            report.warnings.insert(report.warnings.end(), warnings.begin(), warnings.end());
        }
        report.warnings.clear(); // write_shapefile gives them again, once
        // Each layer is read back on the second core while the next one is written.
        std::vector<std::future<void>> read_backs;
        const auto wait_for_read_backs = [&] {
            for (auto& read_back : read_backs) {
                if (read_back.valid()) {
                    read_back.get(); // rethrows a difference
                }
            }
        };
        for (const LayerData& layer : layers) {
            if (layer.features.empty()) {
                report.layers.emplace_back(layer.name, 0);
                continue;
            }
            // On a throw, the futures of std::async wait for their read-backs as they go, before
            // the folder is removed.
            const auto warnings =
                write_shapefile(layer, work.string(), options.encoding, options.epsg, false);
            read_backs.push_back(std::async(std::launch::async, [&layer, &work, &options] {
                verify_shapefile(layer, work.string(), options.encoding, options.epsg);
            }));
            const std::vector<std::string> names = short_names(layer, options.encoding);
            if (const std::string style = qml_style(layer, names); !style.empty()) {
                write_file(work / (layer.name + ".qml"), style);
                write_file(work / (layer.name + ".sld"), sld_style(layer, names));
            }
            report.warnings.insert(report.warnings.end(), warnings.begin(), warnings.end());
            report.layers.emplace_back(layer.name, layer.features.size());
        }
        wait_for_read_backs();
        write_file(work / "字段说明.csv", dictionary(layers, options.encoding));
        write_dictionary_xlsx(layers, options.encoding, work / "字段说明.xlsx");
        write_file(work / "README.txt", manifest(report, layers, options));
        // mkdtemp made the folder for its owner only; the bundle gets what a new folder gets.
        const mode_t mask = ::umask(0);
        ::umask(mask);
        fs::permissions(work, static_cast<fs::perms>(0777 & ~mask));
        if (zipped) {
            const fs::path partial_zip = work.string() + ".zip"; // beside, not inside
            try {
                zip_folder(work, partial_zip);
                fs::rename(partial_zip, destination);
            } catch (...) {
                std::error_code ignored;
                fs::remove(partial_zip, ignored);
                throw;
            }
            fs::remove_all(work);
        } else {
            fs::rename(work, destination);
        }
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(work, ignored);
        throw;
    }
    return report;
}

} // namespace xj::review
