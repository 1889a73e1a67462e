#pragma once

// A project's attributes read from a row of a projects file: which columns hold which field
// (recognised headers, or the options naming them), and the project merged from a row over what
// the project file already holds.

#include "xiangjian/core/project.h"
#include "xiangjian/import/project_import.h"
#include "xiangjian/import/vector_source.h"

#include <optional>
#include <string>
#include <vector>

namespace xj::import::detail {

struct Columns {
    int id = -1, type = -1, name = -1, site = -1, village = -1, village_name = -1, township = -1,
        township_name = -1, leader = -1, unit_name = -1, quantity = -1, unit = -1, content = -1,
        stage = -1, budget = -1, start = -1, finish = -1, measure = -1;
    /// Every column taken, for the report of those that were not.
    std::vector<int> used() const;
};

/// The columns of the source's fields; an error naming the file when the id cannot be found.
Columns find_columns(const SourceData& data, const ProjectImportOptions& options);

/// The project of a row, over `stored` (what the project file holds of it, if anything):
/// what the row leaves empty keeps its stored value.
/// `converted`, when given, says how the row's quantity was converted to its canonical unit
/// ("5800 米 → 5.8 km"), empty when it was not.
/// A project type read from words rather than written as one (安全饮水 as water; the project's
/// name when the file has no type column), for the report to say what it guessed.
struct TypeGuess {
    std::string from; ///< the text the type was read from
    core::ProjectType type = core::ProjectType::other;
    bool from_name = false;
};

core::Project merged_project(const SourceData& data, const SourceFeature& feature, const Columns& c,
                             const core::Project* stored, std::optional<TypeGuess>* guess = nullptr,
                             std::string* converted = nullptr);

} // namespace xj::import::detail
