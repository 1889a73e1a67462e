#include "xiangjian/core/project_day.h"

#include "xiangjian/core/leaders.h"
#include "xiangjian/core/portfolio.h"

#include <algorithm>

namespace xj::core {

Attention attention_of(const ProjectStatus& status) {
    if (status.status == ScheduleStatus::late) {
        return Attention::late;
    }
    if (status.status == ScheduleStatus::stalled) {
        return Attention::stalled;
    }
    if (status.overdue_problems > 0) {
        return Attention::overdue_problems;
    }
    if (status.status == ScheduleStatus::behind) {
        return Attention::behind;
    }
    return Attention::rest;
}

std::vector<const ProjectStatus*> attention_order(std::span<const ProjectStatus* const> statuses) {
    std::vector<const ProjectStatus*> ordered(statuses.begin(), statuses.end());
    std::sort(ordered.begin(), ordered.end(), [](const ProjectStatus* a, const ProjectStatus* b) {
        const auto group_a = attention_of(*a);
        const auto group_b = attention_of(*b);
        if (group_a != group_b) {
            return group_a < group_b;
        }
        const double variance_a = a->schedule_variance.value_or(0);
        const double variance_b = b->schedule_variance.value_or(0);
        if (variance_a != variance_b) {
            return variance_a < variance_b;
        }
        return a->project->id < b->project->id;
    });
    return ordered;
}

std::vector<const ProjectStatus*> attention_order(std::span<const ProjectStatus> statuses) {
    std::vector<const ProjectStatus*> pointers;
    pointers.reserve(statuses.size());
    for (const auto& status : statuses) {
        pointers.push_back(&status);
    }
    return attention_order(std::span<const ProjectStatus* const>{pointers});
}

std::vector<DueMilestone> milestones_due(const Portfolio& portfolio, Date day, int due_soon_days) {
    const Date until = day.plus_days(due_soon_days);
    std::vector<DueMilestone> due;
    const auto projects = portfolio.projects();
    for (std::size_t p = 0; p < projects.size(); ++p) {
        for (const auto& milestone : portfolio.milestones(p)) {
            const auto reached_on = portfolio.reached_on(milestone);
            const bool reached = reached_on && *reached_on <= day;
            if (!reached && milestone.planned_date >= day && milestone.planned_date <= until) {
                due.push_back({&projects[p], milestone.seq, milestone.name, milestone.planned_date,
                               days_between(day, milestone.planned_date)});
            }
        }
    }
    // Projects come by id and milestones by seq, so a stable sort by date is enough.
    std::stable_sort(due.begin(), due.end(), [](const DueMilestone& a, const DueMilestone& b) {
        return a.planned_date < b.planned_date;
    });
    return due;
}

std::vector<DueMilestone> milestones_due(const Portfolio& portfolio, Date day) {
    return milestones_due(portfolio, day, portfolio.settings().due_soon_days);
}

std::vector<WeekSummaryRow> week_summary(const Portfolio& portfolio, Date friday) {
    const Date first = friday.plus_days(-6);
    const auto in_week = [&](Date day) { return first <= day && day <= friday; };
    std::vector<WeekSummaryRow> rows;
    for (const std::string& leader : project_leaders(portfolio.projects())) {
        rows.push_back({leader});
    }
    const auto projects = portfolio.projects();
    for (std::size_t p = 0; p < projects.size(); ++p) {
        const auto row = std::find_if(rows.begin(), rows.end(), [&](const WeekSummaryRow& r) {
            return r.leader == projects[p].leader;
        });
        if (row == rows.end()) {
            continue; // no leader
        }
        ++row->projects;
        const auto visits = portfolio.site_visits(p);
        row->visited += std::any_of(visits.begin(), visits.end(),
                                    [&](const SiteVisit& v) { return in_week(v.visit_date); });
        const auto reports = portfolio.reports(p);
        row->progress_recorded +=
            std::any_of(reports.begin(), reports.end(),
                        [&](const ProgressReport& r) { return in_week(r.report_date); });
        for (const Problem& problem : portfolio.problems(p)) {
            row->problems_raised += in_week(problem.raised_date);
            row->problems_closed += problem.closed_date && in_week(*problem.closed_date);
            row->problems_overdue +=
                problem.open_on(friday) && problem.deadline && *problem.deadline < friday;
        }
    }
    return rows;
}

} // namespace xj::core
