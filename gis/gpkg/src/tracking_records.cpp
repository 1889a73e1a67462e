// The history of a GeoPackage project's projects — milestones, progress reports, problems, site
// visits, photos — and the village checklist with its assessments, through their column maps.

#include "gpkg_geometry.h"
#include "gpkg_rows.h"
#include "xiangjian/crs/crs.h"

#include <algorithm>

namespace xj::gpkg {

using namespace detail;

namespace {

const TableMap<core::Milestone>& milestone_map() {
    using M = core::Milestone;
    static const TableMap<M> map{
        "milestones",
        {columns::text("project_id", &M::project_id), columns::integer("seq", &M::seq),
         columns::text("name", &M::name), columns::date("planned_date", &M::planned_date),
         columns::date("actual_date", &M::actual_date), columns::real("weight", &M::weight, 1.0),
         columns::real("target_quantity", &M::target_quantity)},
        {"project_id", "seq"},
        "project_id, seq",
        [](const M& m) { return "milestone " + std::to_string(m.seq) + " of " + m.project_id; },
        {},
        [](const M& m) { return m.project_id + " " + std::to_string(m.seq); }};
    return map;
}

const TableMap<core::ProgressReport>& report_map() {
    using R = core::ProgressReport;
    static const TableMap<R> map{
        "progress_reports",
        {columns::text("project_id", &R::project_id), columns::date("report_date", &R::report_date),
         columns::real("cumulative_quantity", &R::cumulative_quantity),
         columns::real("percent", &R::percent), columns::text("note", &R::note),
         columns::text("reported_by", &R::reported_by)},
        {"project_id", "report_date"},
        "project_id, report_date",
        [](const R& r) {
            return "progress report of " + r.project_id + " on " + r.report_date.iso();
        },
        {},
        [](const R& r) { return r.project_id + " " + r.report_date.iso(); }};
    return map;
}

const TableMap<core::Problem>& problem_map() {
    using P = core::Problem;
    static const TableMap<P> map{
        "problems",
        {columns::text("problem_id", &P::id), columns::text("project_id", &P::project_id),
         columns::date("raised_date", &P::raised_date), columns::term("category", &P::category),
         columns::text("description", &P::description), columns::text("owner", &P::owner),
         columns::date("deadline", &P::deadline), columns::date("closed_date", &P::closed_date),
         columns::text("resolution", &P::resolution)},
        {"problem_id"},
        "problem_id",
        [](const P& p) { return "problem " + p.id; },
        {},
        [](const P& p) { return p.id; }};
    return map;
}

const TableMap<core::SiteVisit>& visit_map() {
    using V = core::SiteVisit;
    static const TableMap<V> map{
        "site_visits",
        {columns::text("project_id", &V::project_id), columns::date("visit_date", &V::visit_date),
         columns::text("visitor", &V::visitor), columns::text("note", &V::note)},
        {"project_id", "visit_date", "visitor"},
        "visit_date, project_id, visitor",
        [](const V& v) {
            return "visit of " + v.visitor + " to " + v.project_id + " on " + v.visit_date.iso();
        },
        {},
        [](const V& v) { return v.project_id + " " + v.visit_date.iso() + " " + v.visitor; }};
    return map;
}

/// A photo's position: a point in the photos layer.
Column<core::Photo> photo_position() {
    return {"geom",
            [](Statement& s, int i, const core::Photo& photo) {
                s.copied_blob(i, gpkg_blob(store::Geometry::point(photo.lon, photo.lat),
                                           crs::storage_epsg, false));
            },
            [](const Statement& s, int i, core::Photo& photo) {
                const store::Geometry point = geometry_of_blob(s.blob(i));
                if (!point.empty()) {
                    photo.lon = point.box().min_x;
                    photo.lat = point.box().min_y;
                }
            }};
}

const TableMap<core::Photo>& photo_map() {
    using P = core::Photo;
    static const TableMap<P> map{"photos",
                                 {columns::text("path", &P::path), photo_position(),
                                  columns::nullable_text("taken_at", &P::taken_at),
                                  columns::real("direction_deg", &P::direction_deg),
                                  columns::nullable_text("project_id", &P::project_id),
                                  columns::real("distance_m", &P::distance_m),
                                  columns::text("flags", &P::flags)},
                                 {"path"},
                                 "path",
                                 [](const P& p) { return "photo " + p.path; },
                                 [](const P& p) {
                                     store::Box box;
                                     box.expand(p.lon, p.lat);
                                     return box;
                                 },
                                 [](const P& p) { return p.path; }};
    return map;
}

const TableMap<core::VillageIndicator>& assessment_map() {
    using V = core::VillageIndicator;
    static const TableMap<V> map{
        "village_indicators",
        {columns::text("village_code", &V::village_code), columns::text("indicator", &V::indicator),
         columns::date("assessed_on", &V::assessed_on), columns::flag("met", &V::met, false),
         columns::text("note", &V::note)},
        {"village_code", "indicator", "assessed_on"},
        "village_code, indicator, assessed_on",
        [](const V& v) { return "indicator " + v.indicator + " of village " + v.village_code; },
        {},
        [](const V& v) { return v.village_code + " " + v.indicator + " " + v.assessed_on.iso(); }};
    return map;
}

/// The project types serving a checklist item: codes separated by commas (schema version 4).
std::vector<core::ProjectType> project_types(std::string_view list) {
    std::vector<core::ProjectType> types;
    for (std::size_t at = 0; at < list.size();) {
        const std::size_t comma = std::min(list.find(',', at), list.size());
        if (const auto type = core::parse_term<core::ProjectType>(list.substr(at, comma - at))) {
            types.push_back(*type);
        }
        at = comma + 1;
    }
    return types;
}

} // namespace

void GpkgStore::upsert_milestone(const core::Milestone& milestone) {
    write_row(milestone_map(), milestone, true);
}

std::vector<core::Milestone> GpkgStore::milestones() const {
    return read_rows(milestone_map());
}

std::vector<core::Milestone> GpkgStore::milestones(std::span<const std::string> project_ids) const {
    return read_rows(milestone_map(), project_ids);
}

void GpkgStore::add_progress_report(const core::ProgressReport& report) {
    write_row(report_map(), report, false);
}

void GpkgStore::replace_progress_report(const core::ProgressReport& report) {
    write_row(report_map(), report, true);
}

std::vector<core::ProgressReport> GpkgStore::progress_reports() const {
    return read_rows(report_map());
}

std::vector<core::ProgressReport>
GpkgStore::progress_reports(std::span<const std::string> project_ids) const {
    return read_rows(report_map(), project_ids);
}

void GpkgStore::upsert_problem(const core::Problem& problem) {
    write_row(problem_map(), problem, true);
}

std::vector<core::Problem> GpkgStore::problems() const {
    return read_rows(problem_map());
}

std::vector<core::Problem> GpkgStore::problems(std::span<const std::string> project_ids) const {
    return read_rows(problem_map(), project_ids);
}

void GpkgStore::add_site_visit(const core::SiteVisit& visit) {
    write_row(visit_map(), visit, false);
}

void GpkgStore::remove_progress_report(const std::string& project_id, core::Date day) {
    core::ProgressReport report;
    report.project_id = project_id;
    report.report_date = day;
    delete_row(report_map(), report);
}

void GpkgStore::remove_site_visit(const core::SiteVisit& visit) {
    delete_row(visit_map(), visit);
}

void GpkgStore::remove_problem(const std::string& problem_id) {
    core::Problem problem;
    problem.id = problem_id;
    delete_row(problem_map(), problem);
}

void GpkgStore::remove_photo(const std::string& path) {
    core::Photo photo;
    photo.path = path;
    delete_row(photo_map(), photo);
}

std::vector<core::SiteVisit> GpkgStore::site_visits() const {
    return read_rows(visit_map());
}

std::vector<core::SiteVisit>
GpkgStore::site_visits(std::span<const std::string> project_ids) const {
    return read_rows(visit_map(), project_ids);
}

void GpkgStore::upsert_photo(const core::Photo& photo) {
    write_row(photo_map(), photo, true);
}

std::vector<core::Photo> GpkgStore::photos() const {
    return read_rows(photo_map());
}

std::vector<core::IndicatorRule> GpkgStore::indicator_rules() const {
    std::vector<core::IndicatorRule> result;
    auto row = m_sql->prepare("SELECT code, label_zh, label_en, project_types FROM "
                              "exit_indicators ORDER BY seq, code");
    while (row.step(m_path + ": reading exit_indicators")) {
        result.push_back({row.text(0), row.text(1), row.text(2), project_types(row.text_view(3))});
    }
    return result;
}

void GpkgStore::add_indicator_assessment(const core::VillageIndicator& assessment) {
    write_row(assessment_map(), assessment, false);
}

std::vector<core::VillageIndicator> GpkgStore::indicator_assessments() const {
    return read_rows(assessment_map());
}

std::vector<core::VillageIndicator>
GpkgStore::indicator_assessments(std::span<const std::string> village_codes) const {
    std::vector<std::string> sorted(village_codes.begin(), village_codes.end());
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    const auto& map = assessment_map();
    std::vector<core::VillageIndicator> result;
    // UNIQUE (village_code, indicator, assessed_on) leads with the village: a lookup each,
    // under one lock.
    ReadSnapshot snapshot(*this);
    auto row = m_sql->prepare("SELECT " + column_list(map) + " FROM " + map.table +
                              " WHERE village_code = ?1 ORDER BY " + map.order);
    for (const std::string& code : sorted) {
        row.text(1, code);
        while (row.step(m_path + ": reading " + map.table)) {
            read_into(map, row, 0, result.emplace_back());
        }
        row.reset();
    }
    return result;
}

} // namespace xj::gpkg
