// Records of the progress engine's inputs added in schema version 4: payments, plan baselines
// (a head row with its projects and milestones) and the change log, through their column maps.

#include "gpkg_rows.h"
#include "xiangjian/core/language.h"

#include <map>
#include <unordered_set>

namespace xj::gpkg {

using namespace detail;

namespace {

const TableMap<core::Disbursement>& payment_map() {
    using D = core::Disbursement;
    static const TableMap<D> map{
        "disbursements",
        {columns::text("project_id", &D::project_id), columns::date("paid_on", &D::date),
         columns::real("amount_wan", &D::amount_wan, 0.0), columns::text("note", &D::note)},
        {},
        "project_id, paid_on, fid",
        [](const D& d) { return "payment to " + d.project_id + " on " + d.date.iso(); },
        {},
        [](const D& d) { return d.project_id + " " + d.date.iso(); }};
    return map;
}

/// A baseline's rows name it; the domain records do not, so these rows carry it along.
struct BaselineHead {
    std::string name;
    core::Date frozen_on;
};
struct BaselineProjectRow {
    std::string baseline;
    core::BaselineProject plan;
};
struct BaselineMilestoneRow {
    std::string baseline;
    core::Milestone milestone;
};

const TableMap<BaselineHead>& head_map() {
    static const TableMap<BaselineHead> map{
        "baselines",
        {columns::text("name", &BaselineHead::name),
         columns::date("frozen_on", &BaselineHead::frozen_on)},
        {},
        "frozen_on, name",
        [](const BaselineHead& head) { return "baseline " + head.name; },
        {},
        [](const BaselineHead& head) { return head.name; }};
    return map;
}

/// A column of a field of the record nested in a row (`plan`, `milestone`).
template <typename Row, typename Record>
Column<Row> nested(Record Row::*record, const Column<Record>& column) {
    return {column.name,
            [record, bind = column.bind](Statement& s, int i, const Row& row) {
                bind(s, i, row.*record);
            },
            [record, read = column.read](const Statement& s, int i, Row& row) {
                read(s, i, row.*record);
            }};
}

const TableMap<BaselineProjectRow>& plan_map() {
    using R = BaselineProjectRow;
    using P = core::BaselineProject;
    static const TableMap<R> map{
        "baseline_projects",
        {columns::text("baseline", &R::baseline),
         nested(&R::plan, columns::text("project_id", &P::project_id)),
         nested(&R::plan, columns::date("planned_start", &P::planned_start)),
         nested(&R::plan, columns::date("planned_finish", &P::planned_finish)),
         nested(&R::plan, columns::real("planned_quantity", &P::planned_quantity))},
        {},
        "baseline, project_id",
        [](const R& row) { return "baseline " + row.baseline + " of " + row.plan.project_id; },
        {},
        [](const R& row) { return row.baseline + " " + row.plan.project_id; }};
    return map;
}

const TableMap<BaselineMilestoneRow>& planned_milestone_map() {
    using R = BaselineMilestoneRow;
    using M = core::Milestone;
    static const TableMap<R> map{
        "baseline_milestones",
        {columns::text("baseline", &R::baseline),
         nested(&R::milestone, columns::text("project_id", &M::project_id)),
         nested(&R::milestone, columns::integer("seq", &M::seq)),
         nested(&R::milestone, columns::text("name", &M::name)),
         nested(&R::milestone, columns::date("planned_date", &M::planned_date)),
         nested(&R::milestone, columns::real("weight", &M::weight, 1.0)),
         nested(&R::milestone, columns::real("target_quantity", &M::target_quantity))},
        {},
        "baseline, project_id, seq",
        [](const R& row) {
            return "baseline " + row.baseline + " milestone " + row.milestone.project_id + "#" +
                   std::to_string(row.milestone.seq);
        },
        {},
        [](const R& row) {
            return row.baseline + " " + row.milestone.project_id + " " +
                   std::to_string(row.milestone.seq);
        }};
    return map;
}

const TableMap<store::ChangeRecord>& change_map() {
    using C = store::ChangeRecord;
    static const TableMap<C> map{
        "change_log",
        {columns::text("recorded_at", &C::recorded_at),
         columns::text("recorded_by", &C::recorded_by), columns::text("action", &C::action),
         columns::text("subject", &C::subject), columns::text("detail", &C::detail)},
        {},
        "fid",
        [](const C& change) { return "the change log entry for " + change.subject; },
        {},
        [](const C& change) { return change.recorded_at + " " + change.subject; }};
    return map;
}

} // namespace

void GpkgStore::add_disbursement(const core::Disbursement& payment) {
    write_row(payment_map(), payment, false);
}

std::vector<core::Disbursement> GpkgStore::disbursements() const {
    return read_rows(payment_map());
}

std::vector<core::Disbursement>
GpkgStore::disbursements(std::span<const std::string> project_ids) const {
    // No index leads with the project (payments are few against reports): one pass, in order.
    const std::unordered_set<std::string_view> wanted(project_ids.begin(), project_ids.end());
    std::vector<core::Disbursement> result;
    if (wanted.empty()) {
        return result;
    }
    const auto& map = payment_map();
    auto row = m_sql->prepare("SELECT " + column_list(map) + " FROM " + map.table + " ORDER BY " +
                              map.order);
    while (row.step(m_path + ": reading " + map.table)) {
        if (wanted.count(row.text_view(0)) != 0) {
            read_into(map, row, 0, result.emplace_back());
        }
    }
    return result;
}

void GpkgStore::add_baseline(const core::Baseline& baseline) {
    {
        auto existing = m_sql->prepare("SELECT 1 FROM baselines WHERE name = ?1");
        existing.text(1, baseline.name);
        if (existing.step(m_path + ": reading baselines")) {
            throw StoreError(text("基线 “", "a baseline named '") + baseline.name +
                                 text("” 已存在；基线从不覆盖，请换一个名称",
                                      "' exists already; baselines are never overwritten, "
                                      "choose another name"),
                             "baselines", baseline.name);
        }
    }
    WriteScope scope(*this);
    write_row(head_map(), BaselineHead{baseline.name, baseline.frozen_on}, false);
    std::vector<BaselineProjectRow> plans;
    for (const auto& plan : baseline.projects) {
        plans.push_back({baseline.name, plan});
    }
    write_rows(plan_map(), std::span<const BaselineProjectRow>(plans), false);
    std::vector<BaselineMilestoneRow> milestones;
    for (const auto& milestone : baseline.milestones) {
        milestones.push_back({baseline.name, milestone});
    }
    write_rows(planned_milestone_map(), std::span<const BaselineMilestoneRow>(milestones), false);
    scope.done();
}

std::vector<core::Baseline> GpkgStore::baselines() const {
    std::vector<core::Baseline> result;
    std::map<std::string, std::size_t> by_name;
    for (const BaselineHead& head : read_rows(head_map())) {
        by_name[head.name] = result.size();
        result.push_back({head.name, head.frozen_on, {}, {}});
    }
    for (BaselineProjectRow& row : read_rows(plan_map())) {
        result[by_name.at(row.baseline)].projects.push_back(std::move(row.plan));
    }
    for (BaselineMilestoneRow& row : read_rows(planned_milestone_map())) {
        result[by_name.at(row.baseline)].milestones.push_back(std::move(row.milestone));
    }
    return result;
}

void GpkgStore::log_change(const store::ChangeRecord& change) {
    write_row(change_map(), change, false);
}

std::vector<store::ChangeRecord> GpkgStore::changes() const {
    return read_rows(change_map());
}

} // namespace xj::gpkg
