#pragma once

// What a theme says about each village and project as of a day, computed from the progress
// engine: the village fill class and the project symbol. No drawing here.

#include "xiangjian/core/date.h"
#include "xiangjian/core/project_status.h"
#include "xiangjian/render/symbology.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace xj::core {
class Portfolio;
struct RollupRow;
} // namespace xj::core

namespace xj::render {

struct ProjectSymbol {
    Colour colour;
    MarkerShape shape = MarkerShape::circle;
    core::ProjectType type = core::ProjectType::other;
    /// The project's name in the Portfolio that evaluated it (as ProjectStatus::project points
    /// there): not a copy, which was a province's 140,000 allocations a day.
    std::string_view name;
    /// The project's index in the Portfolio's projects: the same project in every snapshot of a
    /// session, whichever layers its sites are drawn in.
    std::uint32_t project = 0;
    bool key_project = false;
    int category = 0; ///< the status or stage the colour stands for (legend counts)
};

/// One line of a legend.
struct LegendItem {
    /// A village class, a project class or type, or a boundary (category 0 township, 1 county).
    enum class Kind { fill, marker, line } kind = Kind::fill;
    Colour colour;
    MarkerShape shape = MarkerShape::circle;
    std::string label_zh;
    std::string label_en;
    int count = 0; ///< villages or projects in the class
    /// What the line stands for, so that a map counts what it shows: a status or stage
    /// (category), a project type (the shapes' lines, without a count), else a village fill.
    int category = -1;
    int type = -1;
};

struct ThemeData {
    Theme theme = Theme::progress;
    core::Date as_of;
    /// Village code → fill. Villages not listed get no_data_fill() (themes of villages) or
    /// neutral_village_fill() (themes of projects).
    std::unordered_map<std::string, Colour> village_fill;
    Colour default_village_fill;
    /// Each project's symbol by its index in the Portfolio that evaluated it (as
    /// ProjectStatus::index): a province's 140,000 in one array instead of a map of their ids
    /// (14 MB and 0.07 s to build each day). Empty when the theme has no projects.
    std::vector<ProjectSymbol> projects;
    /// That Portfolio, which knows each project's index by its id.
    const core::Portfolio* portfolio = nullptr;
    /// The symbol of the project with this id; null when the evaluation has no such project.
    const ProjectSymbol* symbol(std::string_view project_id) const;
    /// Counted over the whole evaluation; a map counts what it shows (MapRenderer).
    std::vector<LegendItem> village_legend;
    std::vector<LegendItem> project_legend;
};

/// The theme's colours for every village and project of the evaluation. `village_rollup`: the
/// evaluation's roll-up by village when the caller has it already (it is computed otherwise).
ThemeData theme_data(const core::Portfolio& portfolio, const core::Evaluation& evaluation,
                     Theme theme, const std::vector<core::RollupRow>* village_rollup = nullptr);

/// theme_data() in two halves that share nothing, for callers that make them on two cores:
/// the villages' fills and legend (theme, as_of, village_fill, default_village_fill,
/// village_legend) …
void village_fills(const core::Portfolio& portfolio, const core::Evaluation& evaluation,
                   Theme theme, const std::vector<core::RollupRow>* village_rollup,
                   ThemeData& data);
/// … and the projects' symbols and legend (projects, portfolio, project_legend).
void project_symbols(const core::Portfolio& portfolio, const core::Evaluation& evaluation,
                     Theme theme, ThemeData& data);

} // namespace xj::render
