// `xiangjian record …` and `xiangjian baseline`: data entry through the engine's own checks
// (core/entry_checks.h), one transaction per entry, each entry written to the change log with
// who recorded it and when.

#include "commands.h"
#include "engine_support.h"
#include "xiangjian/core/amounts.h"
#include "xiangjian/core/entry_checks.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/store/open_project.h"
#include "xiangjian/store/portfolio_loader.h"

#include <iostream>

namespace xj::cli {

namespace {

std::string number_text(double value) {
    return json_number(value);
}

const core::Project& known_project(const core::Portfolio& portfolio, const std::string& id,
                                   const std::string& path) {
    if (id.empty()) {
        throw UsageError(text("需要 --project（项目编号）", "--project is required"), "--project");
    }
    const core::Project* project = portfolio.project(id);
    if (project == nullptr) {
        throw Error(path + text("：没有项目“", ": no project '") + id + text("”", "'"));
    }
    return *project;
}

/// The next free problem id of a project: ID-Q1, ID-Q2 …
std::string next_problem_id(const core::Portfolio& portfolio, const std::string& project_id) {
    for (int n = 1;; ++n) {
        std::string id = project_id + "-Q" + std::to_string(n);
        if (portfolio.problem(id) == nullptr) {
            return id;
        }
    }
}

} // namespace

int run_record(const std::string& kind, const std::string& project_path,
               const RecordOptions& options) {
    const auto store = xj::store::open_project(project_path, xj::store::Access::update);
    const core::Portfolio portfolio(store::load_portfolio(*store));
    const core::Date day =
        options.date.empty() ? core::today() : parse_date_option(options.date, "--date");
    store::ChangeRecord change{utc_timestamp(), recording_user(options.by), "record " + kind, "",
                               ""};

    // The change log keeps its detail in one language (an audit trail); the user reads `said`.
    std::string said;
    store::Transaction transaction(*store);
    if (kind == "progress") {
        const core::Project& project = known_project(portfolio, options.project_id, project_path);
        if (!options.quantity && !options.percent) {
            throw Error(
                text("record progress：请给出 --quantity（累计完成量，单位 ",
                     "record progress: give --quantity (cumulative, in ") +
                (project.unit.empty() ? text("同项目", "the project's unit") : project.unit) +
                text("）或 --percent（累计百分比）", ") or --percent"));
        }
        core::ProgressReport report{project.id,      day,          options.quantity,
                                    options.percent, options.note, change.recorded_by};
        for (const auto& warning : core::check_new_report(portfolio, report)) {
            std::cerr << tr("警告：", "warning: ") << warning << "\n";
        }
        store->add_progress_report(report);
        change.subject = project.id;
        change.detail =
            day.iso() +
            (options.quantity ? " quantity " + number_text(*options.quantity) + " " + project.unit
                              : "") +
            (options.percent ? " percent " + number_text(*options.percent) : "");
        said =
            text("进度 ", "progress of ") + project.id + " " + day.iso() +
            (options.quantity ? text(" 累计 ", " cumulative ") +
                                    core::quantity_text(*options.quantity, project.unit)
                              : "") +
            (options.percent ? text(" 累计 ", " cumulative ") + number_text(*options.percent) + " %"
                             : "");
    } else if (kind == "problem") {
        const core::Project& project = known_project(portfolio, options.project_id, project_path);
        core::Problem problem;
        problem.id = options.problem_id.empty() ? next_problem_id(portfolio, project.id)
                                                : options.problem_id;
        if (portfolio.problem(problem.id) != nullptr) {
            throw Error(project_path + text("：问题“", ": problem '") + problem.id +
                        text("”已存在", "' exists already"));
        }
        if (options.description.empty() || options.owner.empty()) {
            throw Error(text("record problem：需要 --description（问题描述）和 --owner（责任人）",
                             "record problem: --description and --owner are required"));
        }
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
        for (const auto& stored : portfolio.problems()) {
            if (stored.project_id == project.id && stored.raised_date == day &&
                stored.description == options.description) {
                throw Error(project_path + text("：同一问题（", ": the same problem (") +
                            project.id + ", " + day.iso() + text("，“", ", '") +
                            options.description +
                            text("”）已登记为 ", "') is recorded already as ") + stored.id);
            }
        }
        problem.project_id = project.id;
        problem.raised_date = day;
        problem.category = *category;
        problem.description = options.description;
        problem.owner = options.owner;
        if (!options.deadline.empty()) {
            problem.deadline = parse_date_option(options.deadline, "--deadline");
            if (*problem.deadline < day) {
                throw UsageError(text("--deadline ", "--deadline ") + problem.deadline->iso() +
                                     text(" 早于问题登记日期（", " is before the day the problem "
                                                                 "is raised (") +
                                     day.iso() + text("）", ")"),
                                 "--deadline");
            }
        }
        store->upsert_problem(problem);
        change.subject = problem.id;
        change.detail = project.id + " raised " + day.iso() + ", owner " + problem.owner +
                        (problem.deadline ? ", deadline " + problem.deadline->iso() : "") + ": " +
                        problem.description;
        std::cout << tr("问题编号：", "problem id: ") << problem.id << "\n";
        said = text("项目 ", "problem ") + (language() == Language::zh ? project.id : problem.id) +
               text(" 问题 ", " of project ") +
               (language() == Language::zh ? problem.id : project.id) +
               text("，登记于 ", ", raised ") + day.iso() + text("，责任人 ", ", owner ") +
               problem.owner +
               (problem.deadline ? text("，期限 ", ", deadline ") + problem.deadline->iso() : "") +
               text("：", ": ") + problem.description;
    } else if (kind == "close-problem") {
        if (options.problem_id.empty()) {
            throw Error(text("record close-problem：需要 --id（问题编号）",
                             "record close-problem: --id is required"));
        }
        core::check_close_problem(portfolio, options.problem_id, day);
        core::Problem problem = *portfolio.problem(options.problem_id);
        problem.closed_date = day;
        problem.resolution = options.resolution;
        store->upsert_problem(problem);
        change.subject = problem.id;
        said = text("问题 ", "problem ") + problem.id + text(" 于 ", " closed on ") + day.iso() +
               text(" 销号", "") +
               (options.resolution.empty() ? "" : text("：", ": ") + options.resolution);
        change.detail =
            "closed " + day.iso() + (options.resolution.empty() ? "" : ": " + options.resolution);
    } else if (kind == "visit") {
        const core::Project& project = known_project(portfolio, options.project_id, project_path);
        const std::string visitor = options.visitor.empty() ? change.recorded_by : options.visitor;
        store->add_site_visit({project.id, day, visitor, options.note});
        change.subject = project.id;
        change.detail = "visit " + day.iso() + " by " + visitor;
        said = text("现场督导 ", "site visit to ") + project.id + " " + day.iso() +
               text("，督导人 ", " by ") + visitor;
    } else if (kind == "payment") {
        const core::Project& project = known_project(portfolio, options.project_id, project_path);
        if (!options.amount_wan || *options.amount_wan <= 0) {
            throw Error(text("record payment：需要 --amount（万元，大于 0）",
                             "record payment: --amount (万元, above 0) is required"));
        }
        store->add_disbursement({project.id, day, *options.amount_wan, options.note});
        change.subject = project.id;
        change.detail = "paid " + day.iso() + " " + number_text(*options.amount_wan) + " 万元";
        said = text("支付 ", "payment to ") + project.id + " " + day.iso() + " " +
               core::wan_text(*options.amount_wan);
    } else {
        throw Error(text("record：未知的录入类型“", "record: unknown kind '") + kind +
                    text("”", "'"));
    }
    store->log_change(change);
    transaction.commit();
    std::cout << tr("已记录：", "recorded: ") << said << tr("（记录人 ", " (by ")
              << change.recorded_by << tr("）", ")") << "\n";
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
