#include "xiangjian/core/entry_checks.h"

#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/portfolio.h"
#include "xiangjian/core/text.h"

#include <optional>

namespace xj::core {

namespace {

/// A report's cumulative value in a form two reports can be compared in: the quantity when
/// both have one, else the percent (computed from the quantity when needed).
struct Value {
    std::optional<double> quantity;
    std::optional<double> percent;
};

Value value_of(const Project& project, const ProgressReport& report) {
    Value value{report.cumulative_quantity, report.percent};
    if (!value.percent && report.cumulative_quantity && project.planned_quantity &&
        *project.planned_quantity > 0) {
        value.percent = *report.cumulative_quantity / *project.planned_quantity * 100.0;
    }
    return value;
}

std::string show(const Project& project, const Value& value, bool as_quantity) {
    return as_quantity ? general(*value.quantity) + (project.unit.empty() ? "" : " " + project.unit)
                       : general(*value.percent) + " %";
}

/// Whether `earlier` is above `later`, with the two described when it is.
std::optional<std::string> goes_backwards(const Project& project, const Value& earlier,
                                          const Value& later) {
    const bool by_quantity = earlier.quantity && later.quantity;
    if (by_quantity
            ? *later.quantity < *earlier.quantity - 1e-9
            : earlier.percent && later.percent && *later.percent < *earlier.percent - 1e-9) {
        return show(project, later, by_quantity) + text(" 低于 ", " is below ") +
               show(project, earlier, by_quantity);
    }
    return std::nullopt;
}

std::string report_name(Date day, const std::string& project_id) {
    return text("项目“", "progress report of ") +
           (language() == Language::zh ? project_id : day.iso()) + text("”", " for project '") +
           (language() == Language::zh ? day.iso() : project_id) + text(" 的进度报告", "'");
}

std::string closing_name(const std::string& problem_id, Date day) {
    return text("问题“", "closing problem '") + problem_id + text("”于 ", "' on ") + day.iso() +
           text(" 销号", "");
}

} // namespace

std::vector<std::string> check_new_report(const Project& project,
                                          std::span<const ProgressReport> history,
                                          const ProgressReport& report) {
    const std::string what = report_name(report.report_date, project.id);
    if (report.project_id != project.id) {
        throw EntryError(what + text("：报告所属项目为“", ": it names project '") +
                             report.project_id + text("”", "'"),
                         EntryField::project);
    }
    if (!report.cumulative_quantity && !report.percent) {
        throw EntryError(what + text("：既无累计完成量也无百分比",
                                     ": gives neither a cumulative quantity nor a percent"),
                         EntryField::quantity);
    }
    if (report.cumulative_quantity && !(*report.cumulative_quantity >= 0)) {
        throw EntryError(what + text("：累计完成量 ", ": cumulative quantity ") +
                             general(*report.cumulative_quantity) + text(" 为负数", " is negative"),
                         EntryField::quantity);
    }
    if (report.percent && !(*report.percent >= 0 && *report.percent <= 100)) {
        throw EntryError(what + text("：百分比 ", ": percent ") + general(*report.percent) +
                             text(" 不在 0–100 之间", " is not within 0–100"),
                         EntryField::percent);
    }
    const auto value = value_of(project, report);
    // A value that goes backwards is the quantity's fault when one was given.
    const EntryField value_field =
        report.cumulative_quantity ? EntryField::quantity : EntryField::percent;
    const ProgressReport* before = nullptr; // the latest earlier report
    for (const auto& other : history) {
        if (other.report_date == report.report_date) {
            throw EntryError(what +
                                 text("：当天已有报告", ": a report for that day exists already"),
                             EntryField::date);
        }
        if (other.report_date < report.report_date) {
            if (!before || other.report_date >= before->report_date) {
                before = &other;
            }
        } else if (const auto why = goes_backwards(project, value, value_of(project, other))) {
            throw EntryError(what + text("：会使 ", ": the later report of ") +
                                 other.report_date.iso() +
                                 text(" 的后续报告倒退（", " would go backwards (") + *why +
                                 text("）；累计值只增不减", "); cumulative values never decrease"),
                             value_field);
        }
    }
    if (before) {
        if (const auto why = goes_backwards(project, value_of(project, *before), value)) {
            throw EntryError(
                what + text("：", ": ") + *why + text("（", " reported on ") +
                    before->report_date.iso() +
                    text(" 的报告）；累计值只增不减", "; cumulative values never decrease"),
                value_field);
        }
    }
    std::vector<std::string> warnings;
    if (report.cumulative_quantity && project.planned_quantity &&
        *report.cumulative_quantity > *project.planned_quantity * 1.005) {
        warnings.push_back(what + text("：累计完成量 ", ": cumulative quantity ") +
                           show(project, value, true) +
                           text(" 超过计划量 ", " is above the planned ") +
                           general(*project.planned_quantity) + " " + project.unit);
    }
    return warnings;
}

std::vector<std::string> check_new_report(const Portfolio& portfolio,
                                          const ProgressReport& report) {
    const auto index = portfolio.find(report.project_id);
    if (!index) {
        throw EntryError(report_name(report.report_date, report.project_id) +
                             text("：没有该项目", ": no such project"),
                         EntryField::project);
    }
    return check_new_report(portfolio.projects()[*index], portfolio.reports(*index), report);
}

void check_close_problem(const Problem& problem, Date closed_on) {
    const std::string what = closing_name(problem.id, closed_on);
    if (problem.closed_date) {
        throw EntryError(what + text("：该问题已于 ", ": it was closed already on ") +
                             problem.closed_date->iso() + text(" 销号", ""),
                         EntryField::problem);
    }
    if (closed_on < problem.raised_date) {
        throw EntryError(what + text("：早于问题登记日期 ", ": that is before it was raised, on ") +
                             problem.raised_date.iso(),
                         EntryField::date);
    }
}

void check_close_problem(const Portfolio& portfolio, std::string_view problem_id, Date closed_on) {
    const auto* problem = portfolio.problem(problem_id);
    if (!problem) {
        throw EntryError(closing_name(std::string{problem_id}, closed_on) +
                             text("：没有该问题", ": no such problem"),
                         EntryField::problem);
    }
    check_close_problem(*problem, closed_on);
}

void check_entry_day(Date day, Date today, std::string_view what) {
    if (today < day) {
        throw EntryError(
            std::string{what} + text("：日期 ", ": the date ") + day.iso() +
                text(" 晚于今天（", " is after today (") + today.iso() +
                text("）；录入的是已发生的事", "); an entry records what has happened"),
            EntryField::date);
    }
}

void check_new_problem(const Project& project, std::span<const Problem> problems,
                       const Problem& problem) {
    const std::string what =
        text("项目“", "problem of project '") + project.id + text("”的问题", "'");
    if (problem.description.empty()) {
        throw EntryError(
            what + text("：请写明问题（描述）", ": say what the problem is (description)"),
            EntryField::description);
    }
    if (problem.owner.empty()) {
        throw EntryError(what + text("：请写明责任人", ": say who must solve it (owner)"),
                         EntryField::owner);
    }
    if (problem.deadline && *problem.deadline < problem.raised_date) {
        throw EntryError(
            what + text("：期限 ", ": the deadline ") + problem.deadline->iso() +
                text(" 早于问题登记日期（", " is before the day the problem is raised (") +
                problem.raised_date.iso() + text("）", ")"),
            EntryField::deadline);
    }
    for (const Problem& stored : problems) {
        if (stored.project_id == project.id && stored.raised_date == problem.raised_date &&
            stored.description == problem.description && stored.id != problem.id) {
            throw EntryError(what + text("：同一问题（", ": the same problem (") + project.id +
                                 ", " + problem.raised_date.iso() + text("，“", ", '") +
                                 problem.description +
                                 text("”）已登记为 ", "') is recorded already as ") + stored.id,
                             EntryField::description);
        }
    }
}

void check_milestone_reached(const Milestone& milestone, Date reached_on) {
    if (milestone.actual_date) {
        throw EntryError(text("项目“", "milestone ") +
                             (language() == Language::zh ? milestone.project_id
                                                         : std::to_string(milestone.seq)) +
                             text("”节点 ", " of project '") +
                             (language() == Language::zh ? std::to_string(milestone.seq)
                                                         : milestone.project_id) +
                             text("（", "' (") + milestone.name +
                             text("）已于 ", ") was reached already on ") +
                             milestone.actual_date->iso() + text(" 完成", "") +
                             text("，不能再记为 ", ", not on ") + reached_on.iso(),
                         EntryField::milestone);
    }
}

void check_new_visit(std::span<const SiteVisit> visits, const SiteVisit& visit) {
    const std::string what =
        text("现场督导 ", "site visit to ") + visit.project_id + " " + visit.visit_date.iso();
    if (visit.visitor.empty()) {
        throw EntryError(what + text("：请写明督导人", ": say who visited"), EntryField::visitor);
    }
    for (const SiteVisit& stored : visits) {
        if (stored.project_id == visit.project_id && stored.visit_date == visit.visit_date &&
            stored.visitor == visit.visitor) {
            throw EntryError(what + text("：", ": ") + visit.visitor +
                                 text(" 当天的督导已记录", "'s visit that day is recorded already"),
                             EntryField::visitor);
        }
    }
}

} // namespace xj::core
