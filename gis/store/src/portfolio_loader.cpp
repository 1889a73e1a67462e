#include "xiangjian/store/portfolio_loader.h"

namespace xj::store {

void read_project_wide(const ProjectStore& store, core::PortfolioData& data) {
    data.indicator_rules = store.indicator_rules();
    data.baselines = store.baselines();
    data.settings =
        core::from_settings([&store](const std::string& key) { return store.setting(key); });
}

void read_all_but_reports(const ProjectStore& store, core::PortfolioData& data) {
    data.projects = store.projects();
    data.problems = store.problems();
    data.admin_units = store.unit_list();
    data.village_indicators = store.indicator_assessments();
    data.disbursements = store.disbursements();
    data.milestones = store.milestones();
    data.site_visits = store.site_visits();
    data.project_villages = store.project_villages();
    read_project_wide(store, data);
}

core::PortfolioData load_portfolio(const ProjectStore& store) {
    core::PortfolioData data;
    read_all_but_reports(store, data);
    data.reports = store.progress_reports();
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
