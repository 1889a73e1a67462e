#include "xiangjian/core/portfolio_data.h"

namespace xj::core {

std::vector<ProjectType> default_indicator_project_types(std::string_view indicator_code) {
    // Only mappings nobody would dispute; a clinic or a cultural centre is "other" in the
    // project types, and "other" serves no indicator in particular.
    if (indicator_code == "road") {
        return {ProjectType::road};
    }
    if (indicator_code == "water") {
        return {ProjectType::water};
    }
    if (indicator_code == "housing") {
        return {ProjectType::housing};
    }
    if (indicator_code == "power") {
        return {ProjectType::pv};
    }
    return {};
}

std::vector<IndicatorRule> default_indicator_rules() {
    std::vector<IndicatorRule> rules;
    for (const auto& definition : default_exit_indicators()) {
        rules.push_back(IndicatorRule{
            std::string{definition.code}, std::string{definition.label_zh},
            std::string{definition.label_en}, default_indicator_project_types(definition.code)});
    }
    return rules;
}

} // namespace xj::core
