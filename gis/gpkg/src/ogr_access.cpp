#include "ogr_access.h"

#include "xiangjian/core/error.h"
#include "xiangjian/gdal/gdal_errors.h"

namespace xj::gpkg::detail {

namespace {

int field_index(const OGRFeature& feature, const char* name) {
    const int index = feature.GetFieldIndex(name);
    if (index < 0) {
        throw Error(std::string{"column '"} + name + "' is missing from table '" +
                    feature.GetDefnRef()->GetName() + "'");
    }
    return index;
}

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

OGRLayer& layer(GDALDataset& dataset, const char* name) {
    OGRLayer* found = dataset.GetLayerByName(name);
    if (found == nullptr) {
        throw Error(std::string{"table '"} + name + "' is missing from " +
                    dataset.GetDescription());
    }
    return *found;
}

OGRFeature new_row(GDALDataset& dataset, const char* table) {
    return OGRFeature(layer(dataset, table).GetLayerDefn());
}

void upsert(GDALDataset& dataset, const char* table, const std::string& key_filter,
            OGRFeature& feature, std::string_view what) {
    OGRLayer& target = layer(dataset, table);
    gdal::GdalErrorCapture errors;
    target.SetAttributeFilter(key_filter.c_str());
    target.ResetReading();
    OGRFeatureUniquePtr existing{target.GetNextFeature()};
    target.SetAttributeFilter(nullptr);
    OGRErr result = OGRERR_NONE;
    if (existing) {
        feature.SetFID(existing->GetFID());
        result = target.SetFeature(&feature);
    } else {
        feature.SetFID(OGRNullFID);
        result = target.CreateFeature(&feature);
    }
    if (result != OGRERR_NONE || errors.has_error()) {
        fail(std::string{"cannot write "} + std::string{what} + " to " + table, errors);
    }
}

void insert(GDALDataset& dataset, const char* table, OGRFeature& feature, std::string_view what) {
    OGRLayer& target = layer(dataset, table);
    gdal::GdalErrorCapture errors;
    feature.SetFID(OGRNullFID);
    if (target.CreateFeature(&feature) != OGRERR_NONE || errors.has_error()) {
        fail(std::string{"cannot write "} + std::string{what} + " to " + table, errors);
    }
}

void remove(GDALDataset& dataset, const char* table, const std::string& filter,
            std::string_view what) {
    OGRLayer& target = layer(dataset, table);
    gdal::GdalErrorCapture errors;
    target.SetAttributeFilter(filter.c_str());
    target.ResetReading();
    std::vector<GIntBig> ids;
    for (auto& feature : target) {
        ids.push_back(feature->GetFID());
    }
    target.SetAttributeFilter(nullptr);
    for (const GIntBig id : ids) {
        if (target.DeleteFeature(id) != OGRERR_NONE) {
            fail(std::string{"cannot remove "} + std::string{what} + " from " + table, errors);
        }
    }
}

void set_text(OGRFeature& feature, const char* name, const std::string& value) {
    feature.SetField(field_index(feature, name), value.c_str());
}

void set_nullable_text(OGRFeature& feature, const char* name, const std::string& value) {
    const int index = field_index(feature, name);
    if (value.empty()) {
        feature.SetFieldNull(index);
    } else {
        feature.SetField(index, value.c_str());
    }
}

void set_real(OGRFeature& feature, const char* name, std::optional<double> value) {
    const int index = field_index(feature, name);
    if (value) {
        feature.SetField(index, *value);
    } else {
        feature.SetFieldNull(index);
    }
}

void set_integer(OGRFeature& feature, const char* name, std::optional<long long> value) {
    const int index = field_index(feature, name);
    if (value) {
        feature.SetField(index, static_cast<GIntBig>(*value));
    } else {
        feature.SetFieldNull(index);
    }
}

void set_date(OGRFeature& feature, const char* name, std::optional<core::Date> value) {
    const int index = field_index(feature, name);
    if (value) {
        feature.SetField(index, value->year(), static_cast<int>(value->month()),
                         static_cast<int>(value->day()));
    } else {
        feature.SetFieldNull(index);
    }
}

std::string text(const OGRFeature& feature, const char* name) {
    const int index = field_index(feature, name);
    return feature.IsFieldSetAndNotNull(index) ? feature.GetFieldAsString(index) : "";
}

std::optional<double> real(const OGRFeature& feature, const char* name) {
    const int index = field_index(feature, name);
    if (!feature.IsFieldSetAndNotNull(index)) {
        return std::nullopt;
    }
    return feature.GetFieldAsDouble(index);
}

std::optional<long long> integer(const OGRFeature& feature, const char* name) {
    const int index = field_index(feature, name);
    if (!feature.IsFieldSetAndNotNull(index)) {
        return std::nullopt;
    }
    return feature.GetFieldAsInteger64(index);
}

std::optional<core::Date> date(const OGRFeature& feature, const char* name) {
    const int index = field_index(feature, name);
    if (!feature.IsFieldSetAndNotNull(index)) {
        return std::nullopt;
    }
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, zone = 0;
    if (!feature.GetFieldAsDateTime(index, &year, &month, &day, &hour, &minute, &second, &zone)) {
        throw Error(std::string{"column '"} + name + "' holds '" + feature.GetFieldAsString(index) +
                    "', which is not a date");
    }
    return core::Date(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

core::Date required_date(const OGRFeature& feature, const char* name) {
    if (auto value = date(feature, name)) {
        return *value;
    }
    throw Error(std::string{"column '"} + name + "' is empty in table '" +
                feature.GetDefnRef()->GetName() + "'");
}

} // namespace xj::gpkg::detail
