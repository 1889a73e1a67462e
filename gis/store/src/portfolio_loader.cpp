#include "xiangjian/store/portfolio_loader.h"

#include <span>

namespace xj::store {

namespace {

/// What holds for the whole project, whatever part of it is read: the checklist, the baselines
/// and the engine settings.
void read_project_wide(const ProjectStore& store, core::PortfolioData& data) {
    data.indicator_rules = store.indicator_rules();
    data.baselines = store.baselines();
    data.settings =
        core::from_settings([&store](const std::string& key) { return store.setting(key); });
}

} // namespace

std::span<const TableRead> portfolio_tables() {
    static constexpr TableRead tables[] = {
        [](const ProjectStore& store, core::PortfolioData& data) {
            data.reports = store.progress_reports();
        },
        [](const ProjectStore& store, core::PortfolioData& data) {
            data.projects = store.projects();
        },
        [](const ProjectStore& store, core::PortfolioData& data) {
            data.project_villages = store.project_villages();
        },
        [](const ProjectStore& store, core::PortfolioData& data) {
            data.admin_units = store.unit_list();
        },
        [](const ProjectStore& store, core::PortfolioData& data) {
            data.milestones = store.milestones();
        },
        [](const ProjectStore& store, core::PortfolioData& data) {
            data.site_visits = store.site_visits();
        },
        [](const ProjectStore& store, core::PortfolioData& data) {
            data.problems = store.problems();
        },
        [](const ProjectStore& store, core::PortfolioData& data) {
            data.disbursements = store.disbursements();
        },
        [](const ProjectStore& store, core::PortfolioData& data) {
            data.village_indicators = store.indicator_assessments();
        },
        read_project_wide,
    };
    return tables;
}

core::PortfolioData load_portfolio(const ProjectStore& store) {
    core::PortfolioData data;
    for (const TableRead read : portfolio_tables()) {
        read(store, data);
    }
    return data;
}

core::PortfolioData load_portfolio(const ProjectStore& store, const PortfolioScope& scope) {
    core::PortfolioData data;
    const std::span<const std::string> ids = scope.project_ids;
    data.projects = store.projects(ids);
    data.milestones = store.milestones(ids);
    data.reports = store.progress_reports(ids);
    data.problems = store.problems(ids);
    data.site_visits = store.site_visits(ids);
    data.project_villages = store.project_villages(ids);
    data.disbursements = store.disbursements(ids);
    data.admin_units = scope.units;
    std::vector<std::string> villages;
    for (const core::AdminUnit& unit : scope.units) {
        if (unit.level == core::AdminLevel::village) {
            villages.push_back(unit.code);
        }
    }
    data.village_indicators = store.indicator_assessments(villages);
    read_project_wide(store, data);
    return data;
}

} // namespace xj::store
