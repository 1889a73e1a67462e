#include "xiangjian/store/entries.h"

#include "xiangjian/core/amounts.h"
#include "xiangjian/core/entry_checks.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/text.h"

#include <algorithm>
#include <ctime>

namespace xj::store {

namespace {

/// One project's id as the store's reads by project take it.
std::span<const std::string> just(const std::string& id) {
    return {&id, 1};
}

/// The project as the store holds it now; an EntryError on the project field when it has none.
core::Project stored_project(const ProjectStore& store, const std::string& id) {
    if (id.empty()) {
        throw EntryError(text("请选择项目（项目编号）", "choose a project (project id)"),
                         EntryField::project);
    }
    auto found = store.projects(just(id));
    if (found.empty()) {
        throw EntryError(store.location() + text("：没有项目“", ": no project '") + id +
                             text("”", "'"),
                         EntryField::project);
    }
    return std::move(found.front());
}

/// The next free problem id of a project: ID-Q1, ID-Q2 …
std::string next_problem_id(const std::vector<core::Problem>& all, const std::string& project_id) {
    for (int n = 1;; ++n) {
        std::string id = project_id + "-Q" + std::to_string(n);
        if (std::none_of(all.begin(), all.end(),
                         [&](const core::Problem& problem) { return problem.id == id; })) {
            return id;
        }
    }
}

std::optional<core::Problem> stored_problem(const ProjectStore& store, const std::string& id) {
    for (auto& problem : store.problems()) {
        if (problem.id == id) {
            return std::move(problem);
        }
    }
    return std::nullopt;
}

std::optional<core::Milestone> stored_milestone(const ProjectStore& store,
                                                const std::string& project_id, int seq) {
    for (auto& milestone : store.milestones(just(project_id))) {
        if (milestone.seq == seq) {
            return std::move(milestone);
        }
    }
    return std::nullopt;
}

// One function per kind of entry: checks against the store, writes, and fills what was said.
// Each runs inside the caller's transaction.

void record(ProjectStore& store, ProgressEntry& entry, RecordedEntry& out) {
    const core::Project project = stored_project(store, entry.project_id);
    if (!entry.quantity && !entry.percent) {
        throw EntryError(
            text("请填写累计完成量（单位 ", "give the cumulative quantity (in ") +
                (project.unit.empty() ? text("同项目", "the project's unit") : project.unit) +
                text("）或累计百分比", ") or the cumulative percent"),
            EntryField::quantity);
    }
    const core::ProgressReport report{project.id,    entry.day,  entry.quantity,
                                      entry.percent, entry.note, out.change.recorded_by};
    out.warnings =
        core::check_new_report(project, store.progress_reports(just(project.id)), report);
    store.add_progress_report(report);
    for (core::Photo photo : entry.photos) {
        photo.project_id = project.id;
        store.upsert_photo(photo);
    }
    out.change.subject = project.id;
    out.change.detail =
        entry.day.iso() +
        (entry.quantity ? " quantity " + core::general(*entry.quantity, 10) + " " + project.unit
                        : "") +
        (entry.percent ? " percent " + core::general(*entry.percent, 10) : "") +
        (entry.photos.empty() ? "" : ", " + std::to_string(entry.photos.size()) + " photos");
    out.said =
        text("进度 ", "progress of ") + project.id + " " + entry.day.iso() +
        (entry.quantity
             ? text(" 累计 ", " cumulative ") + core::quantity_text(*entry.quantity, project.unit)
             : "") +
        (entry.percent ? text(" 累计 ", " cumulative ") + core::general(*entry.percent, 10) + " %"
                       : "");
}

void record(ProjectStore& store, VisitEntry& entry, RecordedEntry& out) {
    const core::Project project = stored_project(store, entry.project_id);
    if (entry.visitor.empty()) {
        entry.visitor = out.change.recorded_by;
    }
    const core::SiteVisit visit{project.id, entry.day, entry.visitor, entry.note};
    core::check_new_visit(store.site_visits(just(project.id)), visit);
    store.add_site_visit(visit);
    out.change.subject = project.id;
    out.change.detail = "visit " + entry.day.iso() + " by " + entry.visitor;
    out.said = text("现场督导 ", "site visit to ") + project.id + " " + entry.day.iso() +
               text("，督导人 ", " by ") + entry.visitor;
}

void record(ProjectStore& store, ProblemEntry& entry, RecordedEntry& out) {
    const core::Project project = stored_project(store, entry.project_id);
    const std::vector<core::Problem> all = store.problems();
    if (entry.problem_id.empty()) {
        entry.problem_id = next_problem_id(all, project.id);
    } else if (std::any_of(all.begin(), all.end(),
                           [&](const core::Problem& p) { return p.id == entry.problem_id; })) {
        throw EntryError(store.location() + text("：问题“", ": problem '") + entry.problem_id +
                             text("”已存在", "' exists already"),
                         EntryField::problem);
    }
    core::Problem problem;
    problem.id = entry.problem_id;
    problem.project_id = project.id;
    problem.raised_date = entry.day;
    problem.category = entry.category;
    problem.description = entry.description;
    problem.owner = entry.owner;
    problem.deadline = entry.deadline;
    std::vector<core::Problem> mine;
    std::copy_if(all.begin(), all.end(), std::back_inserter(mine),
                 [&](const core::Problem& p) { return p.project_id == project.id; });
    core::check_new_problem(project, mine, problem);
    store.upsert_problem(problem);
    out.change.subject = problem.id;
    out.change.detail = project.id + " raised " + entry.day.iso() + ", owner " + problem.owner +
                        (problem.deadline ? ", deadline " + problem.deadline->iso() : "") + ": " +
                        problem.description;
    const bool zh = language() == Language::zh;
    out.said = text("项目 ", "problem ") + (zh ? project.id : problem.id) +
               text(" 问题 ", " of project ") + (zh ? problem.id : project.id) +
               text("，登记于 ", ", raised ") + entry.day.iso() + text("，责任人 ", ", owner ") +
               problem.owner +
               (problem.deadline ? text("，期限 ", ", deadline ") + problem.deadline->iso() : "") +
               text("：", ": ") + problem.description;
}

void record(ProjectStore& store, CloseProblemEntry& entry, RecordedEntry& out) {
    if (entry.problem_id.empty()) {
        throw EntryError(text("请选择要销号的问题（问题编号）", "choose the problem to close (id)"),
                         EntryField::problem);
    }
    std::optional<core::Problem> problem = stored_problem(store, entry.problem_id);
    if (!problem) {
        throw EntryError(store.location() + text("：没有问题“", ": no problem '") +
                             entry.problem_id + text("”", "'"),
                         EntryField::problem);
    }
    core::check_close_problem(*problem, entry.day);
    problem->closed_date = entry.day;
    problem->resolution = entry.resolution;
    store.upsert_problem(*problem);
    out.project_id = problem->project_id;
    out.change.subject = problem->id;
    out.change.detail =
        "closed " + entry.day.iso() + (entry.resolution.empty() ? "" : ": " + entry.resolution);
    out.said = text("问题 ", "problem ") + problem->id + text(" 于 ", " closed on ") +
               entry.day.iso() + text(" 销号", "") +
               (entry.resolution.empty() ? "" : text("：", ": ") + entry.resolution);
}

void record(ProjectStore& store, MilestoneEntry& entry, RecordedEntry& out) {
    const core::Project project = stored_project(store, entry.project_id);
    std::optional<core::Milestone> milestone = stored_milestone(store, project.id, entry.seq);
    if (!milestone) {
        throw EntryError(text("项目“", "project '") + project.id +
                             text("”没有节点 ", "' has no milestone ") + std::to_string(entry.seq),
                         EntryField::milestone);
    }
    core::check_milestone_reached(*milestone, entry.day);
    milestone->actual_date = entry.day;
    store.upsert_milestone(*milestone);
    out.change.subject = project.id;
    out.change.detail = "milestone " + std::to_string(entry.seq) + " (" + milestone->name +
                        ") reached " + entry.day.iso();
    out.said = text("项目 ", "milestone ") +
               (language() == Language::zh ? project.id : std::to_string(entry.seq)) +
               text(" 节点 ", " of ") +
               (language() == Language::zh ? std::to_string(entry.seq) : project.id) + "（" +
               milestone->name + "）" + text(" 于 ", " reached on ") + entry.day.iso() +
               text(" 完成", "");
}

void record(ProjectStore& store, PaymentEntry& entry, RecordedEntry& out) {
    const core::Project project = stored_project(store, entry.project_id);
    if (!(entry.amount_wan > 0)) {
        throw EntryError(text("请填写金额（万元，大于 0）", "give the amount (万元, above 0)"),
                         EntryField::amount);
    }
    store.add_disbursement({project.id, entry.day, entry.amount_wan, entry.note});
    out.change.subject = project.id;
    out.change.detail =
        "paid " + entry.day.iso() + " " + core::general(entry.amount_wan, 10) + " 万元";
    out.said = text("支付 ", "payment to ") + project.id + " " + entry.day.iso() + " " +
               core::wan_text(entry.amount_wan);
}

const char* action_of(const Entry& entry) {
    static constexpr const char* actions[] = {"record progress",  "record visit",
                                              "record problem",   "record close-problem",
                                              "record milestone", "record payment"};
    return actions[entry.index()];
}

core::Date day_of(const Entry& entry) {
    return std::visit([](const auto& e) { return e.day; }, entry);
}

std::string what_of(const Entry& entry) {
    return std::visit(
        [](const auto& e) -> std::string {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, CloseProblemEntry>) {
                return text("问题 ", "problem ") + e.problem_id;
            } else {
                return text("项目 ", "project ") + e.project_id;
            }
        },
        entry);
}

/// Undoes one entry inside the caller's transaction; throws when its record is not as the
/// entry left it.
void undo(ProjectStore& store, const Entry& entry) {
    std::visit(
        [&](const auto& e) {
            using E = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<E, ProgressEntry>) {
                store.remove_progress_report(e.project_id, e.day);
                for (const core::Photo& photo : e.photos) {
                    store.remove_photo(photo.path);
                }
            } else if constexpr (std::is_same_v<E, VisitEntry>) {
                store.remove_site_visit({e.project_id, e.day, e.visitor, e.note});
            } else if constexpr (std::is_same_v<E, ProblemEntry>) {
                store.remove_problem(e.problem_id);
            } else if constexpr (std::is_same_v<E, CloseProblemEntry>) {
                std::optional<core::Problem> problem = stored_problem(store, e.problem_id);
                if (!problem || problem->closed_date != e.day) {
                    throw Error(
                        text("问题 ", "problem ") + e.problem_id +
                        text(" 已不是这次销号后的状态，无法撤回",
                             " is no longer as this closing left it; it cannot be withdrawn"));
                }
                problem->closed_date.reset();
                problem->resolution.clear();
                store.upsert_problem(*problem);
            } else if constexpr (std::is_same_v<E, MilestoneEntry>) {
                std::optional<core::Milestone> milestone =
                    stored_milestone(store, e.project_id, e.seq);
                if (!milestone || milestone->actual_date != e.day) {
                    throw Error(
                        text("节点 ", "milestone ") + std::to_string(e.seq) +
                        text(" 已不是这次录入后的状态，无法撤回",
                             " is no longer as this entry left it; it cannot be withdrawn"));
                }
                milestone->actual_date.reset();
                store.upsert_milestone(*milestone);
            } else {
                throw Error(text("支付记录不能在此撤回", "a payment cannot be withdrawn here"));
            }
        },
        entry);
}

} // namespace

std::string utc_timestamp() {
    const std::time_t now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return buffer;
}

RecordedEntry record_entry(ProjectStore& store, const Entry& entry, const std::string& by,
                           core::Date today) {
    RecordedEntry out{entry, {utc_timestamp(), by, action_of(entry), "", ""}, "", "", {}};
    core::check_entry_day(day_of(entry), today, what_of(entry));
    Transaction transaction(store);
    std::visit([&](auto& e) { record(store, e, out); }, out.entry);
    if (out.project_id.empty()) {
        out.project_id = out.change.subject;
    }
    store.log_change(out.change);
    transaction.commit();
    return out;
}

ChangeRecord withdraw_entry(ProjectStore& store, const RecordedEntry& recorded,
                            const std::string& by) {
    ChangeRecord change{utc_timestamp(), by, "withdraw " + recorded.change.action,
                        recorded.change.subject,
                        "withdraws the entry of " + recorded.change.recorded_at + " by " +
                            recorded.change.recorded_by + ": " + recorded.change.detail};
    Transaction transaction(store);
    undo(store, recorded.entry);
    store.log_change(change);
    transaction.commit();
    return change;
}

} // namespace xj::store
