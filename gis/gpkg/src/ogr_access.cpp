#include "ogr_access.h"

#include "xiangjian/core/error.h"
#include "xiangjian/gdal/gdal_errors.h"

namespace xj::gpkg::detail {

namespace {

[[noreturn]] void fail(std::string_view context, const gdal::GdalErrorCapture& errors) {
    throw Error(std::string{context} + ": " + errors.message());
}

} // namespace

std::string quote(std::string_view text) {
    std::string result = "'";
    for (const char c : text) {
        result += c;
        if (c == '\'') {
            result += '\'';
        }
    }
    result += '\'';
    return result;
}

void execute(GDALDataset& dataset, const std::string& sql, std::string_view context) {
    gdal::GdalErrorCapture errors;
    OGRLayer* result = dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result != nullptr) {
        dataset.ReleaseResultSet(result);
    }
    if (errors.has_error()) {
        fail(context, errors);
    }
}

void for_each_row(GDALDataset& dataset, const std::string& sql,
                  const std::function<void(OGRFeature&)>& row) {
    gdal::GdalErrorCapture errors;
    OGRLayer* result = dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (result == nullptr) {
        fail("query failed (" + sql + ")", errors);
    }
    struct Release {
        GDALDataset& dataset;
        OGRLayer* layer;
        ~Release() { dataset.ReleaseResultSet(layer); }
    } release{dataset, result};
    for (auto& feature : *result) {
        row(*feature);
    }
}

std::optional<std::string> query_text(GDALDataset& dataset, const std::string& sql) {
    std::optional<std::string> value;
    for_each_row(dataset, sql, [&](OGRFeature& feature) {
        if (!value && feature.GetFieldCount() > 0 && feature.IsFieldSetAndNotNull(0)) {
            value = feature.GetFieldAsString(0);
        }
    });
    return value;
}

} // namespace xj::gpkg::detail
