#include "xiangjian/core/entry_checks.h"

#include "xiangjian/core/error.h"
#include "xiangjian/core/portfolio.h"

#include <cstdio>
#include <optional>

namespace xj::core {

namespace {

std::string number(double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

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
    return as_quantity ? number(*value.quantity) + (project.unit.empty() ? "" : " " + project.unit)
                       : number(*value.percent) + " %";
}

/// Whether `earlier` is above `later`, with the two described when it is.
std::optional<std::string> goes_backwards(const Project& project, const Value& earlier,
                                          const Value& later) {
    const bool by_quantity = earlier.quantity && later.quantity;
    if (by_quantity
            ? *later.quantity < *earlier.quantity - 1e-9
            : earlier.percent && later.percent && *later.percent < *earlier.percent - 1e-9) {
        return show(project, later, by_quantity) + " is below " +
               show(project, earlier, by_quantity);
    }
    return std::nullopt;
}

} // namespace

std::vector<std::string> check_new_report(const Project& project,
                                          std::span<const ProgressReport> history,
                                          const ProgressReport& report) {
    const std::string what =
        "progress report of " + report.report_date.iso() + " for project '" + project.id + "'";
    if (report.project_id != project.id) {
        throw Error(what + ": it names project '" + report.project_id + "'");
    }
    if (!report.cumulative_quantity && !report.percent) {
        throw Error(what + ": gives neither a cumulative quantity nor a percent");
    }
    if (report.cumulative_quantity && !(*report.cumulative_quantity >= 0)) {
        throw Error(what + ": cumulative quantity " + number(*report.cumulative_quantity) +
                    " is negative");
    }
    if (report.percent && !(*report.percent >= 0 && *report.percent <= 100)) {
        throw Error(what + ": percent " + number(*report.percent) + " is not within 0–100");
    }
    const auto value = value_of(project, report);
    const ProgressReport* before = nullptr; // the latest earlier report
    for (const auto& other : history) {
        if (other.report_date == report.report_date) {
            throw Error(what + ": a report for that day exists already");
        }
        if (other.report_date < report.report_date) {
            if (!before || other.report_date >= before->report_date) {
                before = &other;
            }
        } else if (const auto why = goes_backwards(project, value, value_of(project, other))) {
            throw Error(what + ": the later report of " + other.report_date.iso() + " would go " +
                        "backwards (" + *why + "); cumulative values never decrease");
        }
    }
    if (before) {
        if (const auto why = goes_backwards(project, value_of(project, *before), value)) {
            throw Error(what + ": " + *why + " reported on " + before->report_date.iso() +
                        "; cumulative values never decrease");
        }
    }
    std::vector<std::string> warnings;
    if (report.cumulative_quantity && project.planned_quantity &&
        *report.cumulative_quantity > *project.planned_quantity * 1.005) {
        warnings.push_back(what + ": cumulative quantity " + show(project, value, true) +
                           " is above the planned " + number(*project.planned_quantity) + " " +
                           project.unit);
    }
    return warnings;
}

std::vector<std::string> check_new_report(const Portfolio& portfolio,
                                          const ProgressReport& report) {
    const auto index = portfolio.find(report.project_id);
    if (!index) {
        throw Error("progress report of " + report.report_date.iso() + " for project '" +
                    report.project_id + "': no such project");
    }
    return check_new_report(portfolio.projects()[*index], portfolio.reports(*index), report);
}

void check_close_problem(const Problem& problem, Date closed_on) {
    const std::string what = "closing problem '" + problem.id + "' on " + closed_on.iso();
    if (problem.closed_date) {
        throw Error(what + ": it was closed already on " + problem.closed_date->iso());
    }
    if (closed_on < problem.raised_date) {
        throw Error(what + ": that is before it was raised, on " + problem.raised_date.iso());
    }
}

void check_close_problem(const Portfolio& portfolio, std::string_view problem_id, Date closed_on) {
    const auto* problem = portfolio.problem(problem_id);
    if (!problem) {
        throw Error("closing problem '" + std::string{problem_id} + "' on " + closed_on.iso() +
                    ": no such problem");
    }
    check_close_problem(*problem, closed_on);
}

} // namespace xj::core
