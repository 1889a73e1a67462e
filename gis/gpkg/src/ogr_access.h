#pragma once

// Small helpers between OGR features and the domain records: typed field access by name,
// SQL on the dataset with errors turned into xj::Error, and key-based upserts.

#include "xiangjian/core/date.h"

#include <functional>
#include <ogrsf_frmts.h>
#include <optional>
#include <string>
#include <string_view>

namespace xj::gpkg::detail {

/// A single-quoted SQL string literal.
std::string quote(std::string_view text);

/// Runs a statement that returns no rows. `context` says what was being done, for the error.
void execute(GDALDataset& dataset, const std::string& sql, std::string_view context);

/// Runs a SELECT and calls `row` for each feature of the result.
void for_each_row(GDALDataset& dataset, const std::string& sql,
                  const std::function<void(OGRFeature&)>& row);

/// The first column of the first row, or nullopt when there is none.
std::optional<std::string> query_text(GDALDataset& dataset, const std::string& sql);

OGRLayer& layer(GDALDataset& dataset, const char* name);
/// An empty row of `table`, to fill with the setters below and write with insert() or upsert().
OGRFeature new_row(GDALDataset& dataset, const char* table);

/// Writes `feature` to `table`, replacing the row that `key_filter` (an OGR SQL WHERE clause)
/// finds, or adding one. `what` names the record for error messages.
void upsert(GDALDataset& dataset, const char* table, const std::string& key_filter,
            OGRFeature& feature, std::string_view what);
void insert(GDALDataset& dataset, const char* table, OGRFeature& feature, std::string_view what);
/// Deletes the rows `filter` (an OGR SQL WHERE clause) selects, through the layer so that GDAL's
/// caches and the spatial index stay right.
void remove(GDALDataset& dataset, const char* table, const std::string& filter,
            std::string_view what);

// Typed field access by column name. Empty text and nullopt are written as NULL where the
// column allows it; `set_text` writes empty text as ''.
void set_text(OGRFeature& feature, const char* name, const std::string& value);
void set_nullable_text(OGRFeature& feature, const char* name, const std::string& value);
void set_real(OGRFeature& feature, const char* name, std::optional<double> value);
void set_integer(OGRFeature& feature, const char* name, std::optional<long long> value);
void set_date(OGRFeature& feature, const char* name, std::optional<core::Date> value);

std::string text(const OGRFeature& feature, const char* name);
std::optional<double> real(const OGRFeature& feature, const char* name);
std::optional<long long> integer(const OGRFeature& feature, const char* name);
std::optional<core::Date> date(const OGRFeature& feature, const char* name);
core::Date required_date(const OGRFeature& feature, const char* name);

} // namespace xj::gpkg::detail
