#include "xiangjian/core/engine_vocabulary.h"

#include <array>

namespace xj::core {

namespace {

constexpr std::array schedule_statuses{
    Term<ScheduleStatus>{ScheduleStatus::not_started, "not_started", "未开工", "not started"},
    Term<ScheduleStatus>{ScheduleStatus::on_schedule, "on_schedule", "正常推进", "on schedule"},
    Term<ScheduleStatus>{ScheduleStatus::behind, "behind", "滞后", "behind schedule"},
    Term<ScheduleStatus>{ScheduleStatus::late, "late", "逾期", "late"},
    Term<ScheduleStatus>{ScheduleStatus::stalled, "stalled", "停滞", "stalled"},
    Term<ScheduleStatus>{ScheduleStatus::done, "done", "已完成", "done"},
};
static_assert(schedule_statuses.size() == schedule_status_count);

constexpr std::array stage_findings{
    Term<StageFinding>{StageFinding::consistent, "consistent", "一致", "consistent"},
    Term<StageFinding>{StageFinding::complete_but_unfinished, "complete_but_unfinished",
                       "已报竣工但未完成", "recorded complete but unfinished"},
    Term<StageFinding>{StageFinding::finished_not_recorded, "finished_not_recorded",
                       "已完成但未报竣工", "finished but not recorded complete"},
    Term<StageFinding>{StageFinding::started_but_preliminary, "started_but_preliminary",
                       "已有进度但仍为前期", "progress recorded but still preliminary"},
};

constexpr std::array double_over_half{
    Term<DoubleOverHalf>{DoubleOverHalf::not_applicable, "not_applicable", "时间未过半",
                         "not applicable"},
    Term<DoubleOverHalf>{DoubleOverHalf::met, "met", "双过半", "met"},
    Term<DoubleOverHalf>{DoubleOverHalf::progress_short, "progress_short", "进度未过半",
                         "progress below half"},
    Term<DoubleOverHalf>{DoubleOverHalf::disbursement_short, "disbursement_short", "支付未过半",
                         "disbursement below half"},
    Term<DoubleOverHalf>{DoubleOverHalf::both_short, "both_short", "进度和支付均未过半",
                         "progress and disbursement below half"},
    Term<DoubleOverHalf>{DoubleOverHalf::no_budget, "no_budget", "无投资额", "no budget recorded"},
};

constexpr std::array percent_bases{
    Term<PercentBasis>{PercentBasis::none, "none", "无进度", "none"},
    Term<PercentBasis>{PercentBasis::quantity, "quantity", "工程量", "quantity"},
    Term<PercentBasis>{PercentBasis::percent, "percent", "形象进度", "reported percent"},
    Term<PercentBasis>{PercentBasis::milestones, "milestones", "节点", "milestones"},
};

constexpr std::array indicator_states{
    Term<IndicatorState>{IndicatorState::met, "met", "已达标", "met"},
    Term<IndicatorState>{IndicatorState::unmet, "unmet", "未达标", "not met"},
    Term<IndicatorState>{IndicatorState::unassessed, "unassessed", "未评估", "not assessed"},
};

constexpr std::array rollup_kinds{
    Term<RollupBy>{RollupBy::project, "project", "项目", "project"},
    Term<RollupBy>{RollupBy::village, "village", "行政村", "village"},
    Term<RollupBy>{RollupBy::township, "township", "乡镇", "township"},
    Term<RollupBy>{RollupBy::county, "county", "县", "county"},
    Term<RollupBy>{RollupBy::type, "type", "项目类型", "project type"},
    Term<RollupBy>{RollupBy::leader, "leader", "分包领导", "leader"},
    Term<RollupBy>{RollupBy::unit, "unit", "责任单位", "responsible unit"},
};

} // namespace

std::span<const Term<ScheduleStatus>> terms(ScheduleStatus) {
    return schedule_statuses;
}
std::span<const Term<StageFinding>> terms(StageFinding) {
    return stage_findings;
}
std::span<const Term<DoubleOverHalf>> terms(DoubleOverHalf) {
    return double_over_half;
}
std::span<const Term<PercentBasis>> terms(PercentBasis) {
    return percent_bases;
}
std::span<const Term<IndicatorState>> terms(IndicatorState) {
    return indicator_states;
}
std::span<const Term<RollupBy>> terms(RollupBy) {
    return rollup_kinds;
}

} // namespace xj::core
