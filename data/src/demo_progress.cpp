#include "demo_progress.h"

#include "seeded_random.h"
#include "xiangjian/core/plan_curve.h"
#include "xiangjian/core/text.h"

#include <algorithm>
#include <cmath>

namespace xj::demo {

namespace {

/// Fraction of planned progress each profile achieves (the rest of the profile is in when
/// reporting stops).
double pace(Profile profile) {
    switch (profile) {
    case Profile::behind:
        return 0.75;
    case Profile::late:
        return 0.5;
    case Profile::stalled:
        return 0.8;
    default:
        return 1.0;
    }
}

/// Counts (sites, households, lamps) are whole; lengths and capacities have two decimals.
double round_down_to_unit(double value, const std::string& unit) {
    const bool continuous = unit == "km" || unit == "MW" || unit == "m³" || unit == "万m³";
    const double step = continuous ? 0.01 : 1.0;
    return std::floor(value / step + 1e-9) * step;
}

std::string format_quantity(double value, const std::string& unit) {
    return core::fixed(value, value == std::floor(value) ? 0 : 2) + " " + unit;
}

double milestone_share(const std::vector<core::Milestone>& milestones, core::Date day) {
    double total = 0;
    double reached = 0;
    for (const auto& milestone : milestones) {
        total += milestone.weight;
        if (milestone.actual_date && *milestone.actual_date <= day) {
            reached += milestone.weight;
        }
    }
    return total > 0 ? std::round(1000.0 * reached / total) / 10.0 : 0.0;
}

void fill_actual_dates(std::vector<core::Milestone>& milestones,
                       const std::vector<core::ProgressReport>& reports) {
    for (auto& milestone : milestones) {
        if (milestone.actual_date || !milestone.target_quantity) {
            continue;
        }
        for (const auto& report : reports) {
            if (report.cumulative_quantity &&
                *report.cumulative_quantity >= *milestone.target_quantity - 1e-9) {
                milestone.actual_date = report.report_date;
                break;
            }
        }
    }
}

} // namespace

std::optional<Profile> parse_profile(std::string_view text) {
    if (text == "done")
        return Profile::done;
    if (text == "on_schedule")
        return Profile::on_schedule;
    if (text == "behind")
        return Profile::behind;
    if (text == "late")
        return Profile::late;
    if (text == "stalled")
        return Profile::stalled;
    if (text == "not_started")
        return Profile::not_started;
    return std::nullopt;
}

ProgressHistory make_progress_history(const core::Project& project, Profile profile,
                                      std::vector<core::Milestone> milestones, core::Date as_of) {
    ProgressHistory history;
    if (profile == Profile::not_started || !project.planned_start) {
        history.milestones = std::move(milestones);
        return history;
    }
    const core::Date start = *project.planned_start;
    const core::Date finish = project.planned_finish.value_or(as_of);
    const core::Date last_report =
        profile == Profile::stalled ? as_of.plus_days(-stall_days) : as_of;
    const core::Date finish_report =
        friday_on_or_after(finish.plus_days(-6)); // Friday on or before

    std::vector<core::PlanPoint> plan;
    core::append_plan_points(
        {project.planned_start, project.planned_finish, project.planned_quantity, project.measure},
        milestones, plan);
    int week = 0;
    double previous = 0;
    for (core::Date day = friday_on_or_after(start); day <= last_report; day = day.plus_days(7)) {
        core::ProgressReport report;
        report.project_id = project.id;
        report.report_date = day;
        report.reported_by = project.responsible_unit;
        if (project.measure == core::Measure::milestones) {
            report.percent = milestone_share(milestones, day);
            report.note = "形象进度 " + std::to_string(static_cast<int>(*report.percent)) + "%";
            history.reports.push_back(report);
            if (*report.percent >= 100.0) {
                break;
            }
            continue;
        }
        const double planned_total = project.planned_quantity.value_or(0);
        // The share the plan asks for on this day, by the engine's own plan curve, so that a
        // profile is what `xiangjian status` reports (behind = 75 % of the plan, and so on).
        const double planned_share =
            core::planned_percent_at(plan, day).value_or(
                100.0 * std::clamp(days_between(start, day) / static_cast<double>(std::max(
                                                                  1, days_between(start, finish))),
                                   0.0, 1.0)) /
            100.0;
        const double jitter =
            1.0 + 0.03 * (uniform(project.id, static_cast<std::uint64_t>(week)) - 0.5);
        double done = pace(profile) * planned_total * planned_share * jitter;
        if (profile == Profile::done && day >= finish_report) {
            done = planned_total;
        }
        done = std::min(planned_total, std::max(previous, round_down_to_unit(done, project.unit)));
        report.cumulative_quantity = done;
        report.note =
            done >= planned_total ? "全部完工" : "累计完成 " + format_quantity(done, project.unit);
        history.reports.push_back(report);
        previous = done;
        ++week;
        if (done >= planned_total) {
            break;
        }
    }
    fill_actual_dates(milestones, history.reports);
    history.milestones = std::move(milestones);
    return history;
}

} // namespace xj::demo
