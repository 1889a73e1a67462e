// `xiangjian record …` and `xiangjian baseline`: data entry through store/entries.h (the
// engine's entry checks against the project as stored, one transaction per entry, each entry
// written to the change log with who recorded it and when), as the viewer's forms make it.

#include "commands.h"
#include "engine_support.h"
#include "xiangjian/core/amounts.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/store/entries.h"
#include "xiangjian/store/open_project.h"
#include "xiangjian/store/portfolio_loader.h"

#include <iostream>

namespace xj::cli {

namespace {

/// The entry the options describe; option-level mistakes (a missing option, an unknown
/// category, a date that is not a date) are refused here, the rest by the entry checks.
store::Entry entry_of(const std::string& kind, const RecordOptions& options, core::Date day) {
    if (kind == "progress") {
        if (!options.quantity && !options.percent) {
            throw UsageError(text("record progress：请给出 --quantity（累计完成量，单位同项目）或 "
                                  "--percent（累计百分比）",
                                  "record progress: give --quantity (cumulative, in the project's "
                                  "unit) or --percent"),
                             "--quantity");
        }
        return store::ProgressEntry{options.project_id, day,          options.quantity,
                                    options.percent,    options.note, {}};
    }
    if (kind == "problem") {
        const auto category = core::parse_term<core::ProblemCategory>(options.category);
        if (!category) {
            throw UsageError(
                text("--category：未知的类别“", "--category: unknown category '") +
                    options.category +
                    text("”（approval 审批、land 用地、construction 建设、environment 环境、"
                         "funding 资金、other 其他）",
                         "' (approval, land, construction, environment, funding, other)"),
                "--category");
        }
        std::optional<core::Date> deadline;
        if (!options.deadline.empty()) {
            deadline = parse_date_option(options.deadline, "--deadline");
        }
        return store::ProblemEntry{options.project_id,  day,           *category,
                                   options.description, options.owner, deadline,
                                   options.problem_id};
    }
    if (kind == "close-problem") {
        if (options.problem_id.empty()) {
            throw UsageError(text("record close-problem：需要 --id（问题编号）",
                                  "record close-problem: --id is required"),
                             "--id");
        }
        return store::CloseProblemEntry{options.problem_id, day, options.resolution};
    }
    if (kind == "visit") {
        return store::VisitEntry{options.project_id, day, options.visitor, options.note};
    }
    if (kind == "milestone") {
        return store::MilestoneEntry{options.project_id, options.seq.value_or(0), day};
    }
    if (kind == "payment") {
        return store::PaymentEntry{options.project_id, day, options.amount_wan.value_or(0),
                                   options.note};
    }
    throw Error(text("record：未知的录入类型“", "record: unknown kind '") + kind + text("”", "'"));
}

} // namespace

int run_record(const std::string& kind, const std::string& project_path,
               const RecordOptions& options) {
    const auto store = xj::store::open_project(project_path, xj::store::Access::update);
    const core::Date day =
        options.date.empty() ? core::today() : parse_date_option(options.date, "--date");
    if ((kind != "close-problem") && options.project_id.empty()) {
        throw UsageError(text("需要 --project（项目编号）", "--project is required"), "--project");
    }
    const store::Entry entry = entry_of(kind, options, day);
    const store::RecordedEntry recorded =
        store::record_entry(*store, entry, recording_user(options.by), core::today());
    for (const auto& warning : recorded.warnings) {
        std::cerr << tr("警告：", "warning: ") << warning << "\n";
    }
    if (const auto* problem = std::get_if<store::ProblemEntry>(&recorded.entry)) {
        std::cout << tr("问题编号：", "problem id: ") << problem->problem_id << "\n";
    }
    std::cout << tr("已记录：", "recorded: ") << recorded.said << tr("（记录人 ", " (by ")
              << recorded.change.recorded_by << tr("）", ")") << "\n";
    return 0;
}

int run_baseline(const std::string& project_path, const std::string& name, const std::string& date,
                 const std::string& by) {
    const auto store = xj::store::open_project(project_path, xj::store::Access::update);
    const core::Portfolio portfolio(store::load_portfolio(*store));
    const core::Date day =
        date.empty() ? as_of_date("", *store) : parse_date_option(date, "--date");
    const core::Baseline baseline = portfolio.freeze_baseline(name, day);
    store::Transaction transaction(*store);
    store->add_baseline(baseline);
    store->log_change({utc_timestamp(), recording_user(by), "baseline", name,
                       "frozen on " + day.iso() + ", " + std::to_string(baseline.projects.size()) +
                           " projects, " + std::to_string(baseline.milestones.size()) +
                           " milestones"});
    transaction.commit();
    std::cout << tr("已冻结计划基线 ", "froze plan baseline ") << name << tr("（", " (")
              << day.iso() << tr("）：", "): ") << baseline.projects.size()
              << tr(" 个项目，", " projects, ") << baseline.milestones.size()
              << tr(" 个节点", " milestones") << "\n";
    return 0;
}

} // namespace xj::cli
