#pragma once

// SQL through GDAL on the project's dataset, with errors turned into xj::Error: the schema's
// set-up and migrations, which run before the store's own connection exists.

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

} // namespace xj::gpkg::detail
