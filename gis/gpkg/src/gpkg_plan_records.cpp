// Records of the progress engine's inputs added in schema version 4: payments, plan baselines
// and the change log.

#include "ogr_access.h"
#include "xiangjian/core/error.h"
#include "xiangjian/gpkg/gpkg_store.h"

#include <map>
#include <ogrsf_frmts.h>

namespace xj::gpkg {

using namespace detail;

void GpkgStore::add_disbursement(const core::Disbursement& payment) {
    OGRFeature feature = new_row(*m_dataset, "disbursements");
    set_text(feature, "project_id", payment.project_id);
    set_date(feature, "paid_on", payment.date);
    set_real(feature, "amount_wan", payment.amount_wan);
    set_text(feature, "note", payment.note);
    insert(*m_dataset, "disbursements", feature,
           "payment to " + payment.project_id + " on " + payment.date.iso());
}

std::vector<core::Disbursement> GpkgStore::disbursements() const {
    std::vector<core::Disbursement> result;
    for_each_row(*m_dataset, "SELECT * FROM disbursements ORDER BY project_id, paid_on, fid",
                 [&](OGRFeature& row) {
                     result.push_back({text(row, "project_id"), required_date(row, "paid_on"),
                                       real(row, "amount_wan").value_or(0), text(row, "note")});
                 });
    return result;
}

void GpkgStore::add_baseline(const core::Baseline& baseline) {
    if (query_text(*m_dataset, "SELECT name FROM baselines WHERE name = " + quote(baseline.name))) {
        throw Error("a baseline named '" + baseline.name +
                    "' exists already; baselines are "
                    "never overwritten, choose another name");
    }
    OGRFeature head = new_row(*m_dataset, "baselines");
    set_text(head, "name", baseline.name);
    set_date(head, "frozen_on", baseline.frozen_on);
    insert(*m_dataset, "baselines", head, "baseline " + baseline.name);
    for (const auto& plan : baseline.projects) {
        OGRFeature row = new_row(*m_dataset, "baseline_projects");
        set_text(row, "baseline", baseline.name);
        set_text(row, "project_id", plan.project_id);
        set_date(row, "planned_start", plan.planned_start);
        set_date(row, "planned_finish", plan.planned_finish);
        set_real(row, "planned_quantity", plan.planned_quantity);
        insert(*m_dataset, "baseline_projects", row,
               "baseline " + baseline.name + " of " + plan.project_id);
    }
    for (const auto& milestone : baseline.milestones) {
        OGRFeature row = new_row(*m_dataset, "baseline_milestones");
        set_text(row, "baseline", baseline.name);
        set_text(row, "project_id", milestone.project_id);
        set_integer(row, "seq", milestone.seq);
        set_text(row, "name", milestone.name);
        set_date(row, "planned_date", milestone.planned_date);
        set_real(row, "weight", milestone.weight);
        set_real(row, "target_quantity", milestone.target_quantity);
        insert(*m_dataset, "baseline_milestones", row,
               "baseline " + baseline.name + " milestone " + milestone.project_id + "#" +
                   std::to_string(milestone.seq));
    }
}

std::vector<core::Baseline> GpkgStore::baselines() const {
    std::vector<core::Baseline> result;
    std::map<std::string, std::size_t> by_name;
    for_each_row(*m_dataset, "SELECT * FROM baselines ORDER BY frozen_on, name",
                 [&](OGRFeature& row) {
                     core::Baseline baseline;
                     baseline.name = text(row, "name");
                     baseline.frozen_on = required_date(row, "frozen_on");
                     by_name[baseline.name] = result.size();
                     result.push_back(std::move(baseline));
                 });
    for_each_row(*m_dataset, "SELECT * FROM baseline_projects ORDER BY baseline, project_id",
                 [&](OGRFeature& row) {
                     result[by_name.at(text(row, "baseline"))].projects.push_back(
                         {text(row, "project_id"), date(row, "planned_start"),
                          date(row, "planned_finish"), real(row, "planned_quantity")});
                 });
    for_each_row(*m_dataset, "SELECT * FROM baseline_milestones ORDER BY baseline, project_id, seq",
                 [&](OGRFeature& row) {
                     core::Milestone milestone;
                     milestone.project_id = text(row, "project_id");
                     milestone.seq = static_cast<int>(integer(row, "seq").value_or(0));
                     milestone.name = text(row, "name");
                     milestone.planned_date = required_date(row, "planned_date");
                     milestone.weight = real(row, "weight").value_or(1.0);
                     milestone.target_quantity = real(row, "target_quantity");
                     result[by_name.at(text(row, "baseline"))].milestones.push_back(
                         std::move(milestone));
                 });
    return result;
}

void GpkgStore::log_change(const store::ChangeRecord& change) {
    OGRFeature feature = new_row(*m_dataset, "change_log");
    set_text(feature, "recorded_at", change.recorded_at);
    set_text(feature, "recorded_by", change.recorded_by);
    set_text(feature, "action", change.action);
    set_text(feature, "subject", change.subject);
    set_text(feature, "detail", change.detail);
    insert(*m_dataset, "change_log", feature, "the change log entry for " + change.subject);
}

std::vector<store::ChangeRecord> GpkgStore::changes() const {
    std::vector<store::ChangeRecord> result;
    for_each_row(*m_dataset, "SELECT * FROM change_log ORDER BY fid", [&](OGRFeature& row) {
        result.push_back({text(row, "recorded_at"), text(row, "recorded_by"), text(row, "action"),
                          text(row, "subject"), text(row, "detail")});
    });
    return result;
}

} // namespace xj::gpkg
