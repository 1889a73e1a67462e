#pragma once

// A project's attributes read from a row of a projects file: which columns hold which field
// (recognised headers, or the options naming them), and the project merged from a row over what
// the project file already holds.

#include "xiangjian/core/project.h"
#include "xiangjian/import/project_import.h"
#include "xiangjian/import/vector_source.h"

namespace xj::import::detail {

struct Columns {
    int id, type, name, site, village, township, leader, unit_name, quantity, unit, stage, budget,
        start, finish, measure;
};

/// The columns of the source's fields; an error naming the file when the id cannot be found.
Columns find_columns(const SourceData& data, const ProjectImportOptions& options);

/// The project of a row, over `stored` (what the project file holds of it, if anything):
/// what the row leaves empty keeps its stored value.
core::Project merged_project(const SourceData& data, const SourceFeature& feature, const Columns& c,
                             const core::Project* stored);

} // namespace xj::import::detail
