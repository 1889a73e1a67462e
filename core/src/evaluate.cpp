// One project as of a day. Everything here reads only records dated on or before the day, so
// the same question about an earlier day gets the earlier answer.

#include "xiangjian/core/parallel.h"
#include "xiangjian/core/portfolio.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace xj::core {

namespace {

constexpr int no_day = std::numeric_limits<int>::min();
// Sums of weights and quotients of quantities can land a hair under 100.
constexpr double full = 100.0 - 1e-9;

std::optional<Date> day_or_none(int day) {
    return day == no_day ? std::nullopt : std::optional{Date::from_days(day)};
}

ScheduleStatus schedule_status(const ProjectStatus& s, const EngineSettings& settings) {
    const auto& project = *s.project;
    if (s.percent_done >= full) {
        return ScheduleStatus::done;
    }
    const bool nothing_planned_yet = !project.planned_start || *project.planned_start > s.as_of ||
                                     (s.planned_percent && *s.planned_percent <= 0);
    if (s.percent_done <= 0 && nothing_planned_yet && s.overdue_milestones.empty()) {
        return ScheduleStatus::not_started;
    }
    const bool started = (project.planned_start && *project.planned_start <= s.as_of) ||
                         s.percent_done > 0 || s.last_progress_date;
    // Without progress the clock runs from the planned start: a project that never began
    // stalls like one that stopped.
    const auto since = s.last_progress_date ? s.last_progress_date : project.planned_start;
    if (started && since && days_between(*since, s.as_of) > settings.stall_days) {
        return ScheduleStatus::stalled;
    }
    for (const auto& milestone : s.overdue_milestones) {
        if (milestone.days_overdue > settings.late_grace_days) {
            return ScheduleStatus::late;
        }
    }
    if (s.planned_percent && s.spi &&
        s.percent_done < *s.planned_percent - settings.behind_points &&
        *s.spi < settings.behind_spi) {
        return ScheduleStatus::behind;
    }
    return ScheduleStatus::on_schedule;
}

StageFinding stage_finding(Stage stage, double percent) {
    const bool recorded_complete = stage == Stage::completed || stage == Stage::in_service;
    if (recorded_complete && percent < full) {
        return StageFinding::complete_but_unfinished;
    }
    if (!recorded_complete && percent >= full) {
        return StageFinding::finished_not_recorded;
    }
    if (stage == Stage::preliminary && percent > 0) {
        return StageFinding::started_but_preliminary;
    }
    return StageFinding::consistent;
}

DoubleOverHalf double_over_half(const ProjectStatus& s) {
    if (!s.time_elapsed_percent || *s.time_elapsed_percent < 50) {
        return DoubleOverHalf::not_applicable;
    }
    const bool progress_ok = s.percent_done >= 50;
    if (!s.disbursed_percent) {
        return progress_ok ? DoubleOverHalf::no_budget : DoubleOverHalf::progress_short;
    }
    const bool funds_ok = *s.disbursed_percent >= 50;
    if (progress_ok && funds_ok) {
        return DoubleOverHalf::met;
    }
    if (!progress_ok && !funds_ok) {
        return DoubleOverHalf::both_short;
    }
    return progress_ok ? DoubleOverHalf::disbursement_short : DoubleOverHalf::progress_short;
}

std::optional<double> time_elapsed(const Project& project, Date day) {
    if (!project.planned_start || !project.planned_finish) {
        return std::nullopt;
    }
    const int total = days_between(*project.planned_start, *project.planned_finish);
    const int elapsed = days_between(*project.planned_start, day);
    if (total <= 0) {
        return elapsed >= 0 ? 100.0 : 0.0;
    }
    return std::clamp(100.0 * elapsed / total, 0.0, 100.0);
}

} // namespace

std::optional<std::size_t> Portfolio::last_report_on(std::size_t project, Date day) const {
    const auto first = m_report_day.begin() + m_report_begin[project];
    const auto last = m_report_day.begin() + m_report_begin[project + 1];
    const auto after = std::upper_bound(first, last, day.days_since_epoch());
    if (after == first) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(after - m_report_day.begin()) - 1;
}

std::optional<Portfolio::MilestoneShare> Portfolio::milestone_share_at(std::size_t project,
                                                                       Date day) const {
    if (m_data.projects[project].measure != Measure::milestones) {
        return std::nullopt;
    }
    const auto list = milestones(project);
    if (list.empty()) {
        return std::nullopt; // measured by milestones but has none: the reports decide
    }
    double total = 0;
    for (const auto& milestone : list) {
        total += std::max(0.0, milestone.weight);
    }
    const bool equal_weights = total <= 0; // as in the plan: count them instead
    double reached = 0;
    MilestoneShare share;
    for (const auto& milestone : list) {
        const auto reached_day = reached_on(milestone);
        if (reached_day && *reached_day <= day) {
            reached += equal_weights ? 1.0 : std::max(0.0, milestone.weight);
            if (!share.last_reached || *reached_day > *share.last_reached) {
                share.last_reached = reached_day;
            }
        }
    }
    share.percent = 100.0 * reached / (equal_weights ? static_cast<double>(list.size()) : total);
    return share;
}

Portfolio::Progress Portfolio::progress_at(std::size_t project, Date day) const {
    const auto last = last_report_on(project, day);
    Progress reported;
    if (last) {
        reported = {m_report_percent[*last], m_report_basis[*last]};
    }
    const auto share = milestone_share_at(project, day);
    if (!share || !share->last_reached) {
        // No milestone reached yet: what the sites report is all there is.
        return reported;
    }
    const Progress by_milestones{share->percent, PercentBasis::milestones};
    if (reported.basis == PercentBasis::none) {
        return by_milestones;
    }
    // The latest evidence counts; on the same day, the further of the two.
    const int report_day = m_report_day[*last];
    const int milestone_day = share->last_reached->days_since_epoch();
    if (report_day != milestone_day) {
        return report_day > milestone_day ? reported : by_milestones;
    }
    return reported.percent > by_milestones.percent ? reported : by_milestones;
}

double Portfolio::percent_at(std::size_t project, Date day) const {
    return progress_at(project, day).percent;
}

std::optional<Date> Portfolio::full_since(std::size_t project, Date day) const {
    if (progress_at(project, day).basis == PercentBasis::milestones) {
        return milestone_share_at(project, day)->last_reached; // the last that counts
    }
    const auto first = m_first_full_report[project];
    if (first == std::numeric_limits<std::uint32_t>::max() ||
        m_report_day[first] > day.days_since_epoch()) {
        return std::nullopt;
    }
    return Date::from_days(m_report_day[first]);
}

std::optional<double> Portfolio::planned_percent_at(std::size_t project, Date day,
                                                    const Baseline* baseline) const {
    Plans scratch;
    return xj::core::planned_percent_at(plan_of(plans_for(baseline, scratch), project), day);
}

Evaluation Portfolio::evaluate(Date as_of, const Baseline* baseline) const {
    Evaluation evaluation;
    evaluation.as_of = as_of;
    evaluation.baseline = baseline;
    Plans scratch;
    const auto& plans = plans_for(baseline, scratch);
    const std::size_t count = m_data.projects.size();
    // A province's projects on both cores (evaluations of a Portfolio may run concurrently):
    // 140,000 take 0.15 s on one. Their storage is faulted in on both too.
    const bool on_two_cores = count >= 20000;
    if (on_two_cores) {
        evaluation.projects.reserve(count);
        fault_in_parallel(evaluation.projects.data(), count * sizeof(ProjectStatus));
    }
    evaluation.projects.resize(count);
    const auto range = [&](std::size_t first, std::size_t last) {
        for (std::size_t p = first; p < last; ++p) {
            evaluation.projects[p] = evaluate_with(p, as_of, plan_of(plans, p));
        }
    };
    if (on_two_cores) {
        run_in_parallel([&] { range(count / 2, count); }, [&] { range(0, count / 2); });
    } else {
        range(0, count);
    }
    return evaluation;
}

ProjectStatus Portfolio::evaluate(std::size_t project, Date as_of, const Baseline* baseline) const {
    Plans scratch;
    return evaluate_with(project, as_of, plan_of(plans_for(baseline, scratch), project));
}

ProjectStatus Portfolio::evaluate_with(std::size_t index, Date as_of,
                                       std::span<const PlanPoint> plan) const {
    const auto& project = m_data.projects[index];
    const auto& settings = m_data.settings;
    ProjectStatus s;
    s.project = &project;
    s.index = index;
    s.as_of = as_of;

    // Progress.
    const auto last = last_report_on(index, as_of);
    const auto share = milestone_share_at(index, as_of);
    const auto progress = progress_at(index, as_of);
    s.percent_done = progress.percent;
    s.percent_basis = progress.basis;
    if (last) {
        const auto& report = m_data.reports[*last];
        s.last_report_date = report.report_date;
        s.days_since_report = days_between(report.report_date, as_of);
        if (report.cumulative_quantity) {
            s.done_quantity = report.cumulative_quantity;
        }
    }
    if (!s.done_quantity && project.planned_quantity) {
        s.done_quantity = s.percent_done * *project.planned_quantity / 100.0;
    }

    // Against the plan.
    s.planned_percent = xj::core::planned_percent_at(plan, as_of);
    if (s.planned_percent) {
        s.schedule_variance = s.percent_done - *s.planned_percent;
        if (*s.planned_percent > 0) {
            s.spi = s.percent_done / *s.planned_percent;
        }
        if (project.planned_quantity) {
            s.planned_quantity_to_date = *s.planned_percent * *project.planned_quantity / 100.0;
        }
    }
    int progress_day = last ? m_report_progress_day[*last] : no_day;
    for (const auto& milestone : milestones(index)) {
        const auto reached_day = reached_on(milestone);
        const bool reached = reached_day && *reached_day <= as_of;
        if (!reached && milestone.planned_date < as_of) {
            s.overdue_milestones.push_back({milestone.seq, milestone.name, milestone.planned_date,
                                            days_between(milestone.planned_date, as_of)});
        }
        if (reached && !milestone.actual_date) {
            s.inferred_milestones.push_back({milestone.seq, milestone.name, *reached_day});
        }
        // For a project measured by milestones, reaching one is progress.
        if (reached && share) {
            progress_day = std::max(progress_day, reached_day->days_since_epoch());
        }
    }
    s.last_progress_date = day_or_none(progress_day);

    const auto visits = site_visits(index);
    const auto visit =
        std::upper_bound(visits.begin(), visits.end(), as_of,
                         [](Date day, const SiteVisit& v) { return day < v.visit_date; });
    if (visit != visits.begin()) {
        s.last_visit_date = (visit - 1)->visit_date;
    }

    // Forecast: the recent rate of progress, carried forward to 100 %.
    if (s.percent_done >= full) {
        s.forecast_finish = full_since(index, as_of);
    } else {
        const int window = settings.forecast_window_days;
        const double rate = (s.percent_done - percent_at(index, as_of.plus_days(-window))) / window;
        if (rate > 0) {
            // The small epsilon keeps an exact quotient (112.0000001) from rounding a day up.
            const double days = std::ceil((100.0 - s.percent_done) / rate - 1e-9);
            s.forecast_finish = as_of.plus_days(static_cast<int>(days));
        }
    }

    s.status = schedule_status(s, settings);
    s.stage_finding = stage_finding(project.stage, s.percent_done);

    // Money and time.
    s.budget_wan = project.budget_wan;
    const auto payments = disbursements(index);
    const auto paid =
        std::upper_bound(payments.begin(), payments.end(), as_of,
                         [](Date day, const Disbursement& d) { return day < d.date; });
    if (paid != payments.begin()) {
        s.disbursed_wan =
            m_disbursed_cumulative[m_disbursement_begin[index] +
                                   static_cast<std::size_t>(paid - payments.begin()) - 1];
    }
    if (project.budget_wan && *project.budget_wan > 0) {
        s.disbursed_percent = 100.0 * s.disbursed_wan / *project.budget_wan;
    }
    s.time_elapsed_percent = time_elapsed(project, as_of);
    s.double_over_half = double_over_half(s);

    for (const auto& problem : problems(index)) {
        if (problem.raised_date > as_of) {
            break; // by raised date: the rest did not exist yet
        }
        if (problem.open_on(as_of)) {
            ++s.open_problems;
            s.overdue_problems += problem.deadline && *problem.deadline < as_of;
        } else {
            ++s.closed_problems;
        }
    }
    return s;
}

} // namespace xj::core
