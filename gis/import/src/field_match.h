#pragma once

#include "xiangjian/core/date.h"
#include "xiangjian/core/text.h"
#include "xiangjian/import/import_report.h"
#include "xiangjian/import/vector_source.h"

#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace xj::import::detail {

/// The column for a role: the one the user named (an error if absent), else match_header.
int find_field(const SourceData& data, const std::string& named,
               std::initializer_list<const char*> synonyms, const char* option);

/// The first column whose header is one of the synonyms, in their order: ignoring case,
/// whitespace and line breaks, full-width forms, and then a unit in brackets after it
/// ("总投资（万元）" for 总投资), and then without the group name a two-row header put before
/// it ("坐标经度" under a merged "坐标" is 经度); -1 if none.
int match_header(const SourceData& data, std::span<const char* const> synonyms);

/// The columns of the source no importer role took (neither in `used` nor its geometry
/// fields), for the report: "columns not used: 序号, 备注 (…)"; empty when every column is used.
std::string unused_columns(const SourceData& data, std::span<const int> used);

/// What the source has instead, for an error about a missing field: "fields: a, b", or that it
/// has none (an empty layer says so: likely the wrong file or layer).
std::string fields_present(const SourceData& data);

/// A number as county tables write it: 85, 85.5, 85%, 85 %, １２００, 1,200.5 (thousands
/// separated); nothing for anything else (units, words, two numbers).
std::optional<double> parse_number(std::string_view text);

/// A quantity as a ledger writes it: 5.8, or with its unit after it (5.8公里, 35户, 0.3 MW).
struct Quantity {
    double value = 0;
    std::string unit; ///< as written, empty when none
};
/// Nothing when the text does not start with a number, or has digits after its unit.
std::optional<Quantity> quantity_with_unit(std::string_view written);

/// A date as county tables write it (core::Date::parse_loose), or, in a spreadsheet, as the
/// day number Excel stores when a date cell has lost its date format (43315 is 2018-08-03).
std::optional<core::Date> parse_date(const SourceData& data, std::string_view text);

/// Trimmed text of a column, or empty.
std::string cell(const SourceFeature& feature, int column);

/// A report that starts with what was read: source, encoding, CRS, count.
ImportReport report_for(const SourceData& data, bool dry_run);

using core::fixed;

} // namespace xj::import::detail
