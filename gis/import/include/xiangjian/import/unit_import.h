#pragma once

#include "xiangjian/core/vocabulary.h"
#include "xiangjian/import/import_report.h"
#include "xiangjian/import/vector_source.h"
#include "xiangjian/store/project_store.h"

#include <optional>

namespace xj::import {

struct UnitImportOptions {
    SourceOptions source;
    std::optional<core::AdminLevel> level; ///< else told by each code
    std::string code_field;                ///< else recognised (代码, XZQDM, code …)
    std::string name_field;                ///< else recognised (名称, XZQMC, name …)
    std::string parent_field;              ///< else derived from the code
    /// Overlaps and gaps smaller than this are ignored: reprojection alone leaves slivers of a
    /// few square metres between neighbours whose shared edges have different vertices.
    double overlap_tolerance_m2 = 10.0;
    /// The overlap and gap check costs far more than the import itself on a province
    /// (see bench/); --no-coverage-check skips it.
    bool check_coverage = true;
    bool dry_run = false;
};

/// Imports administrative-unit polygons: upsert by 12-digit code in one transaction (any error
/// leaves the project as it was), invalid polygons repaired and reported, overlaps and gaps
/// between neighbours reported. Re-importing the same file changes nothing.
ImportReport import_units(store::ProjectStore& store, const std::string& path,
                          const UnitImportOptions& options, const ProgressCallback& progress = {});

} // namespace xj::import
