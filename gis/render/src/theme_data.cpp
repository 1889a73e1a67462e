#include "xiangjian/render/theme_data.h"

#include "xiangjian/core/portfolio.h"
#include "xiangjian/core/rollup.h"
#include "xiangjian/core/village_exit.h"

#include <set>

namespace xj::render {

namespace {

std::vector<LegendItem> fill_legend(std::span<const FillClass> classes,
                                    const std::vector<int>& counts) {
    std::vector<LegendItem> items;
    for (std::size_t i = 0; i < classes.size(); ++i) {
        items.push_back({LegendItem::Kind::fill, classes[i].fill, MarkerShape::circle,
                         std::string{classes[i].label_zh}, std::string{classes[i].label_en},
                         counts[i]});
    }
    return items;
}

/// Villages of the project with no fill of their own (no projects, no assessments).
int villages_without(const core::Portfolio& portfolio, const ThemeData& data) {
    int count = 0;
    for (const core::AdminUnit& unit : portfolio.admin_units()) {
        count += unit.level == core::AdminLevel::village && !data.village_fill.contains(unit.code)
                     ? 1
                     : 0;
    }
    return count;
}

void villages_by_progress(const core::Portfolio& portfolio, const core::Evaluation& evaluation,
                          const std::vector<core::RollupRow>* given, ThemeData& data) {
    std::vector<int> counts(progress_classes().size(), 0);
    std::vector<core::RollupRow> computed;
    if (given == nullptr) {
        computed = core::rollup(portfolio, evaluation, core::RollupBy::village);
    }
    const auto& rows = given != nullptr ? *given : computed;
    data.village_fill.reserve(rows.size());
    for (const core::RollupRow& row : rows) {
        // The county's own measure of a place: budget-weighted where budgets are known.
        const double percent = row.budget_weighted_percent.value_or(row.mean_percent);
        const int cls = progress_class(percent);
        data.village_fill[row.key] = progress_classes()[static_cast<std::size_t>(cls)].fill;
        ++counts[static_cast<std::size_t>(cls)];
    }
    data.default_village_fill = no_data_fill();
    data.village_legend = fill_legend(progress_classes(), counts);
    data.village_legend.push_back({LegendItem::Kind::fill, no_data_fill(), MarkerShape::circle,
                                   "无项目", "no projects", villages_without(portfolio, data)});
}

void villages_by_indicators(const core::Portfolio& portfolio, const core::Evaluation& evaluation,
                            ThemeData& data) {
    std::vector<int> counts(indicator_classes().size(), 0);
    for (const core::VillageExit& village : core::village_exit(portfolio, evaluation)) {
        int assessed = 0;
        for (const core::IndicatorStatus& indicator : village.indicators) {
            assessed += indicator.state != core::IndicatorState::unassessed ? 1 : 0;
        }
        if (assessed == 0) {
            continue; // nothing known: drawn as no data, not as "none met"
        }
        const int cls = indicator_class(village.met, static_cast<int>(village.indicators.size()));
        data.village_fill[village.village_code] =
            indicator_classes()[static_cast<std::size_t>(cls)].fill;
        ++counts[static_cast<std::size_t>(cls)];
    }
    data.default_village_fill = no_data_fill();
    data.village_legend = fill_legend(indicator_classes(), counts);
    data.village_legend.push_back({LegendItem::Kind::fill, no_data_fill(), MarkerShape::circle,
                                   "未评估", "not assessed", villages_without(portfolio, data)});
}

} // namespace

void village_fills(const core::Portfolio& portfolio, const core::Evaluation& evaluation,
                   Theme theme, const std::vector<core::RollupRow>* village_rollup,
                   ThemeData& data) {
    data.theme = theme;
    data.as_of = evaluation.as_of;
    data.default_village_fill = neutral_village_fill();
    if (theme == Theme::progress) {
        villages_by_progress(portfolio, evaluation, village_rollup, data);
    } else if (theme == Theme::indicators) {
        villages_by_indicators(portfolio, evaluation, data);
    }
}

const ProjectSymbol* ThemeData::symbol(std::string_view project_id) const {
    if (portfolio == nullptr) {
        return nullptr;
    }
    const auto index = portfolio->find(project_id);
    return index && *index < projects.size() ? &projects[*index] : nullptr;
}

void project_symbols(const core::Portfolio& portfolio, const core::Evaluation& evaluation,
                     Theme theme, ThemeData& data) {
    data.portfolio = &portfolio;
    std::vector<int> counts(
        theme == Theme::stage ? core::terms(core::Stage{}).size() : core::schedule_status_count, 0);
    std::set<core::ProjectType> types;
    data.projects.resize(evaluation.projects.size());
    for (const core::ProjectStatus& status : evaluation.projects) {
        const core::Project& project = *status.project;
        ProjectSymbol symbol;
        symbol.type = project.type;
        symbol.shape = marker_shape(project.type);
        symbol.name = project.name;
        symbol.project = static_cast<std::uint32_t>(status.index);
        symbol.key_project = project.key_project;
        if (theme == Theme::stage) {
            symbol.category = static_cast<int>(project.stage);
            symbol.colour = stage_colour(project.stage);
        } else {
            symbol.category = static_cast<int>(status.status);
            symbol.colour =
                theme == Theme::status ? status_colour(status.status) : neutral_symbol_colour();
        }
        ++counts[static_cast<std::size_t>(symbol.category)];
        types.insert(project.type);
        data.projects[status.index] = symbol;
    }

    if (theme == Theme::status) {
        for (const auto& term : core::terms(core::ScheduleStatus{})) {
            data.project_legend.push_back(
                {LegendItem::Kind::marker, status_colour(term.value), MarkerShape::circle,
                 std::string{term.label_zh}, std::string{term.label_en},
                 counts[static_cast<std::size_t>(term.value)], static_cast<int>(term.value)});
        }
    } else if (theme == Theme::stage) {
        for (const auto& term : core::terms(core::Stage{})) {
            data.project_legend.push_back(
                {LegendItem::Kind::marker, stage_colour(term.value), MarkerShape::circle,
                 std::string{term.label_zh}, std::string{term.label_en},
                 counts[static_cast<std::size_t>(term.value)], static_cast<int>(term.value)});
        }
    }
    // The shapes: one line per project type on the map.
    for (const core::ProjectType type : types) {
        const auto& term = core::term(type);
        data.project_legend.push_back({LegendItem::Kind::marker, neutral_symbol_colour(),
                                       marker_shape(type), std::string{term.label_zh},
                                       std::string{term.label_en}, 0, -1, static_cast<int>(type)});
    }
}

ThemeData theme_data(const core::Portfolio& portfolio, const core::Evaluation& evaluation,
                     Theme theme, const std::vector<core::RollupRow>* village_rollup) {
    ThemeData data;
    village_fills(portfolio, evaluation, theme, village_rollup, data);
    project_symbols(portfolio, evaluation, theme, data);
    return data;
}

} // namespace xj::render
