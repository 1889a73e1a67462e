#include "xiangjian/gis/portfolio_loader.h"

namespace xj::gis {

core::PortfolioData load_portfolio(const ProjectStore& store) {
    core::PortfolioData data;
    data.projects = store.projects();
    data.milestones = store.milestones();
    data.reports = store.progress_reports();
    data.problems = store.problems();
    data.site_visits = store.site_visits();
    data.project_villages = store.project_villages();
    data.admin_units = store.unit_list();
    for (const auto& definition : store.indicator_definitions()) {
        data.indicator_rules.push_back(
            {definition.code, definition.label_zh, definition.label_en, definition.project_types});
    }
    data.village_indicators = store.indicator_assessments();
    data.disbursements = store.disbursements();
    data.baselines = store.baselines();
    data.settings =
        core::from_settings([&store](const std::string& key) { return store.setting(key); });
    return data;
}

} // namespace xj::gis
