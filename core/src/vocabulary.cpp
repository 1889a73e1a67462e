#include "xiangjian/core/vocabulary.h"

#include <array>

namespace xj::core {

namespace {

constexpr std::array admin_levels{
    Term<AdminLevel>{AdminLevel::county, "county", "县", "county"},
    Term<AdminLevel>{AdminLevel::township, "township", "乡镇", "township"},
    Term<AdminLevel>{AdminLevel::village, "village", "行政村", "village"},
};

constexpr std::array project_types{
    Term<ProjectType>{ProjectType::road, "road", "道路", "road"},
    Term<ProjectType>{ProjectType::water, "water", "饮水", "drinking water"},
    Term<ProjectType>{ProjectType::dike, "dike", "堤防", "river dike"},
    Term<ProjectType>{ProjectType::housing, "housing", "住房", "housing"},
    Term<ProjectType>{ProjectType::reservoir, "reservoir", "水库", "reservoir"},
    Term<ProjectType>{ProjectType::pv, "pv", "光伏", "photovoltaic"},
    Term<ProjectType>{ProjectType::other, "other", "其他", "other"},
};

constexpr std::array stages{
    Term<Stage>{Stage::preliminary, "preliminary", "前期", "preliminary"},
    Term<Stage>{Stage::new_start, "new_start", "新开工", "new start"},
    Term<Stage>{Stage::continuing, "continuing", "续建", "continuing"},
    Term<Stage>{Stage::completed, "completed", "竣工", "completed"},
    Term<Stage>{Stage::in_service, "in_service", "投用", "in service"},
};

constexpr std::array measures{
    Term<Measure>{Measure::quantity, "quantity", "按工程量", "by quantity"},
    Term<Measure>{Measure::percent, "percent", "按形象进度", "by reported percent"},
    Term<Measure>{Measure::milestones, "milestones", "按节点", "by milestones"},
};

constexpr std::array problem_categories{
    Term<ProblemCategory>{ProblemCategory::approval, "approval", "审批", "approval"},
    Term<ProblemCategory>{ProblemCategory::land, "land", "用地", "land use"},
    Term<ProblemCategory>{ProblemCategory::construction, "construction", "建设", "construction"},
    Term<ProblemCategory>{ProblemCategory::environment, "environment", "环境", "environment"},
    Term<ProblemCategory>{ProblemCategory::funding, "funding", "资金", "funding"},
    Term<ProblemCategory>{ProblemCategory::other, "other", "其他", "other"},
};

} // namespace

std::span<const Term<AdminLevel>> terms(AdminLevel) {
    return admin_levels;
}
std::span<const Term<ProjectType>> terms(ProjectType) {
    return project_types;
}
std::span<const Term<Stage>> terms(Stage) {
    return stages;
}
std::span<const Term<Measure>> terms(Measure) {
    return measures;
}
std::span<const Term<ProblemCategory>> terms(ProblemCategory) {
    return problem_categories;
}

} // namespace xj::core
