#pragma once

// Spreadsheets as county offices lay them out: a title row (often merged across the table)
// above the header, a header on two rows (a group name over its columns), and totals rows
// (合计, 小计) among the projects.

#include "xiangjian/import/vector_source.h"

namespace xj::import::detail {

/// Finds the header below title rows, joins a two-row header, drops totals rows, saying so in
/// data.notes. The rows
/// keep their ordinals, so messages still cite the row numbers the user sees.
void tidy_spreadsheet(SourceData& data);

} // namespace xj::import::detail
