// Reading and writing the domain records of a GeoPackage project. One pair of functions per
// entity; column names match the schema in schema.cpp.

#include "gpkg_geometry.h"
#include "ogr_access.h"
#include "sqlite_access.h"
#include "xiangjian/core/error.h"
#include "xiangjian/crs/crs.h"
#include "xiangjian/gpkg/gpkg_store.h"

#include <ogrsf_frmts.h>
#include <unordered_set>

namespace xj::gpkg {

using namespace detail;

namespace {

template <typename E> E parse_code(const OGRFeature& row, const char* column) {
    const std::string value = text(row, column);
    if (auto parsed = core::parse_term<E>(value)) {
        return *parsed;
    }
    throw Error(std::string{"unknown "} + column + " '" + value + "'");
}

template <typename E> void set_code(OGRFeature& feature, const char* column, E value) {
    set_text(feature, column, std::string{core::code(value)});
}

template <typename E> E parse_code(const Statement& row, int column, const char* name) {
    const std::string value = row.text(column);
    if (auto parsed = core::parse_term<E>(value)) {
        return *parsed;
    }
    throw Error(std::string{"unknown "} + name + " '" + value + "'");
}

/// The site table for a geometry.
const char* site_table_for(const store::Geometry& geometry) {
    using Type = store::GeometryType;
    switch (geometry.type()) {
    case Type::point:
        return "project_points";
    case Type::line_string:
    case Type::multi_line_string:
        return "project_lines";
    case Type::polygon:
    case Type::multi_polygon:
        return "project_polygons";
    default:
        throw Error(std::string{"a project site must be a point, line or polygon, not a "} +
                    store::wkt_name(geometry.type()));
    }
}

constexpr const char* site_tables[] = {"project_points", "project_lines", "project_polygons"};

} // namespace

// ----------------------------------------------------------------------------------------------

namespace {

constexpr const char* unit_columns =
    "geom, code, name, level, parent_code, population, households, poor_households, poor_village";

/// The statement's parameters for a unit; `blob` must stay alive until it has run.
void bind_unit(Statement& statement, const core::AdminUnit& unit,
               const std::vector<unsigned char>& blob) {
    if (blob.empty()) {
        statement.integer(1, std::nullopt); // no boundary: NULL, as OGR writes it
    } else {
        statement.blob(1, blob);
    }
    statement.text(2, unit.code)
        .text(3, unit.name)
        .text(4, core::code(unit.level))
        .nullable_text(5, unit.parent_code)
        .integer(6, unit.population)
        .integer(7, unit.households)
        .integer(8, unit.poor_households)
        .integer(9, unit.poor_village ? 1 : 0);
}

} // namespace

void GpkgStore::write_unit(const core::AdminUnit& unit, const store::Geometry& boundary,
                           bool known_new) {
    WriteScope scope(*this);
    std::vector<unsigned char> blob;
    if (boundary) {
        blob = gpkg_blob(boundary, crs::storage_epsg, true);
    }
    const std::string context =
        "cannot write unit " + unit.code + " " + unit.name + " to admin_units";
    // An existing unit keeps its row (and fid). Not an UPSERT: its conflict handling would
    // override the INSERT OR REPLACE of the spatial index's update trigger.
    bool updated = false;
    if (!known_new) {
        auto update = m_sql->prepare(
            "UPDATE admin_units SET geom = ?1, name = ?3, level = ?4, parent_code = ?5, "
            "population = ?6, households = ?7, poor_households = ?8, poor_village = ?9 "
            "WHERE code = ?2");
        bind_unit(update, unit, blob);
        update.run(context);
        updated = m_sql->changes() > 0;
    }
    if (!updated) {
        auto insert = m_sql->prepare(std::string{"INSERT INTO admin_units ("} + unit_columns +
                                     ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        bind_unit(insert, unit, blob);
        insert.run(context);
    }
    changed("admin_units", boundary.box());
    // A bulk of units keeps its two small indexes up row by row (the units come nearly in
    // their order) and has only its spatial index rebuilt: rebuilding an index at the commit
    // reads the whole table, boundaries and all, which costs more.
    if (m_in_transaction) {
        m_keep_indexes.insert("admin_units");
    }
    rows_written("admin_units");
    scope.done();
}

void GpkgStore::upsert_unit(const core::AdminUnit& unit, const store::Geometry& boundary) {
    write_unit(unit, boundary, false);
}

void GpkgStore::add_unit(const core::AdminUnit& unit, const store::Geometry& boundary) {
    write_unit(unit, boundary, true);
}

namespace {

constexpr const char* unit_read_columns =
    "code, name, level, parent_code, population, households, poor_households, poor_village";

/// A row that starts with `unit_read_columns`.
core::AdminUnit unit_of(const Statement& row) {
    core::AdminUnit unit;
    unit.code = row.text(0);
    unit.name = row.text(1);
    unit.level = parse_code<core::AdminLevel>(row, 2, "level");
    unit.parent_code = row.text(3);
    unit.population = row.integer(4);
    unit.households = row.integer(5);
    unit.poor_households = row.integer(6);
    unit.poor_village = row.integer(7).value_or(0) != 0;
    return unit;
}

} // namespace

std::vector<core::AdminUnit> GpkgStore::unit_list() const {
    // SQLite directly, not OGR's SQL layer: a province has 50,000 units and the map and the
    // engine both read them.
    std::vector<core::AdminUnit> result;
    auto row = m_sql->prepare(std::string{"SELECT "} + unit_read_columns +
                              " FROM admin_units ORDER BY code");
    while (row.step(m_path + ": reading the units")) {
        result.push_back(unit_of(row));
    }
    return result;
}

std::vector<store::UnitRecord> GpkgStore::units() const {
    std::vector<store::UnitRecord> result;
    auto row = m_sql->prepare(std::string{"SELECT "} + unit_read_columns +
                              ", geom FROM admin_units ORDER BY code");
    while (row.step(m_path + ": reading the units")) {
        store::UnitRecord record{unit_of(row), {}};
        try {
            record.boundary = geometry_of_blob(row.blob(8));
        } catch (const Error& error) {
            throw Error(m_path + ": the boundary of unit " + record.unit.code + " is not WKB (" +
                        error.what() + ")");
        }
        result.push_back(std::move(record));
    }
    return result;
}

void GpkgStore::scan_unit_boundaries(const BoundaryVisitor& visit) const {
    auto row = m_sql->prepare("SELECT code, level, geom FROM admin_units ORDER BY code");
    while (row.step(m_path + ": reading the unit boundaries")) {
        visit(row.text(0), parse_code<core::AdminLevel>(row, 1, "level"), wkb_of_blob(row.blob(2)));
    }
}

// ----------------------------------------------------------------------------------------------

namespace {

constexpr const char* project_columns =
    "project_id, name, type, stage, measure, unit, planned_quantity, township_code, village_code, "
    "leader, responsible_unit, budget_wan, planned_start, planned_finish, key_project";

void bind_project(Statement& statement, const core::Project& project) {
    statement.text(1, project.id)
        .text(2, project.name)
        .text(3, core::code(project.type))
        .text(4, core::code(project.stage))
        .text(5, core::code(project.measure))
        .text(6, project.unit)
        .real(7, project.planned_quantity)
        .nullable_text(8, project.township_code)
        .nullable_text(9, project.village_code)
        .text(10, project.leader)
        .text(11, project.responsible_unit)
        .real(12, project.budget_wan)
        .date(13, project.planned_start)
        .date(14, project.planned_finish)
        .integer(15, project.key_project ? 1 : 0);
}

} // namespace

void GpkgStore::upsert_project(const core::Project& project) {
    WriteScope scope(*this);
    auto statement = m_sql->prepare(
        std::string{"INSERT INTO projects ("} + project_columns +
        ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) "
        "ON CONFLICT (project_id) DO UPDATE SET name = excluded.name, type = excluded.type, "
        "stage = excluded.stage, measure = excluded.measure, unit = excluded.unit, "
        "planned_quantity = excluded.planned_quantity, township_code = excluded.township_code, "
        "village_code = excluded.village_code, leader = excluded.leader, "
        "responsible_unit = excluded.responsible_unit, budget_wan = excluded.budget_wan, "
        "planned_start = excluded.planned_start, planned_finish = excluded.planned_finish, "
        "key_project = excluded.key_project");
    bind_project(statement, project);
    statement.run("cannot write project " + project.id + " to projects");
    changed("projects");
    rows_written("projects");
    scope.done();
}

void GpkgStore::add_project(const core::Project& project) {
    WriteScope scope(*this);
    auto statement = m_sql->prepare(
        std::string{"INSERT INTO projects ("} + project_columns +
        ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
    bind_project(statement, project);
    statement.run("cannot write project " + project.id + " to projects");
    changed("projects");
    rows_written("projects");
    scope.done();
}

namespace {

core::Project project_of(const Statement& row) {
    core::Project project;
    project.id = row.text(0);
    project.name = row.text(1);
    project.type = parse_code<core::ProjectType>(row, 2, "type");
    project.stage = parse_code<core::Stage>(row, 3, "stage");
    project.measure = parse_code<core::Measure>(row, 4, "measure");
    project.unit = row.text(5);
    project.planned_quantity = row.real(6);
    project.township_code = row.text(7);
    project.village_code = row.text(8);
    project.leader = row.text(9);
    project.responsible_unit = row.text(10);
    project.budget_wan = row.real(11);
    project.planned_start = row.date(12, "planned_start");
    project.planned_finish = row.date(13, "planned_finish");
    project.key_project = row.integer(14).value_or(1) != 0;
    return project;
}

} // namespace

void GpkgStore::for_rows_of_projects(std::span<const std::string> ids, const char* table,
                                     const char* columns, const char* order,
                                     const std::function<void(const Statement&)>& visit) const {
    if (ids.empty()) {
        return;
    }
    const std::string context = m_path + ": reading " + table;
    const std::string select = std::string{"SELECT "} + columns + " FROM " + table;
    // An indexed lookup costs a few B-tree pages; a pass over the table, a row. The largest
    // fid bounds the rows (the tables are AUTOINCREMENT) at the cost of one B-tree descent.
    long long rows = 0;
    {
        auto last = m_sql->prepare(std::string{"SELECT max(fid) FROM "} + table);
        if (last.step(context)) {
            rows = last.integer(0).value_or(0);
        }
    }
    if (static_cast<long long>(ids.size()) * 8 < rows) {
        auto row = m_sql->prepare(select + " WHERE project_id = ?1 ORDER BY " + order);
        for (const std::string& id : ids) {
            row.text(1, id);
            while (row.step(context)) {
                visit(row);
            }
            row.reset();
        }
        return;
    }
    const std::unordered_set<std::string_view> wanted(ids.begin(), ids.end());
    auto row = m_sql->prepare(select + " ORDER BY project_id, " + order);
    while (row.step(context)) {
        if (wanted.count(row.text_view(0)) != 0) {
            visit(row);
        }
    }
}

std::vector<core::Project> GpkgStore::projects() const {
    std::vector<core::Project> result;
    auto row = m_sql->prepare(std::string{"SELECT "} + project_columns +
                              " FROM projects ORDER BY project_id");
    while (row.step(m_path + ": reading the projects")) {
        result.push_back(project_of(row));
    }
    return result;
}

std::vector<core::Project> GpkgStore::projects(std::span<const std::string> ids) const {
    std::vector<core::Project> result;
    for_rows_of_projects(ids, "projects", project_columns, "fid",
                         [&](const Statement& row) { result.push_back(project_of(row)); });
    return result;
}

// ----------------------------------------------------------------------------------------------

// ----------------------------------------------------------------------------------------------

void GpkgStore::add_site(const store::ProjectSite& site) {
    if (site.geometry.empty()) {
        throw Error("site '" + site.name + "' of project " + site.project_id + " has no geometry");
    }
    const char* table = site_table_for(site.geometry);
    WriteScope scope(*this);
    const auto blob =
        gpkg_blob(site.geometry, crs::storage_epsg, table != std::string_view{"project_points"});
    auto statement = m_sql->prepare(std::string{"INSERT INTO "} + table +
                                    " (geom, project_id, site_name) VALUES (?1, ?2, ?3)");
    statement.blob(1, blob).text(2, site.project_id).text(3, site.name);
    statement.run("cannot write site '" + site.name + "' of project " + site.project_id + " to " +
                  table);
    changed(table, site.geometry.box());
    rows_written(table);
    scope.done();
}

namespace {

/// A row of `SELECT project_id, site_name, geom` of a site table.
store::ProjectSite site_of(const Statement& row) {
    return {row.text(0), row.text(1), geometry_of_blob(row.blob(2))};
}

/// Steps through the three site tables at once, each ordered by project, and visits their rows
/// by project: a project's points, then its lines, then its polygons.
void merge_site_tables(Connection& sql, const std::string& context,
                       const std::function<void(const Statement&)>& visit) {
    std::vector<Statement> tables;
    std::vector<bool> more;
    for (const char* table : site_tables) {
        tables.push_back(sql.prepare(std::string{"SELECT project_id, site_name, geom FROM "} +
                                     table + " ORDER BY project_id, fid"));
        more.push_back(tables.back().step(context + table));
    }
    for (;;) {
        std::size_t next = tables.size();
        for (std::size_t t = 0; t < tables.size(); ++t) {
            if (more[t] &&
                (next == tables.size() || tables[t].text_view(0) < tables[next].text_view(0))) {
                next = t;
            }
        }
        if (next == tables.size()) {
            return;
        }
        visit(tables[next]);
        more[next] = tables[next].step(context + site_tables[next]);
    }
}

} // namespace

std::vector<store::ProjectSite> GpkgStore::sites() const {
    std::vector<store::ProjectSite> result;
    merge_site_tables(*m_sql, m_path + ": reading ",
                      [&](const Statement& row) { result.push_back(site_of(row)); });
    return result;
}

std::vector<store::ProjectSite> GpkgStore::sites(std::span<const std::string> project_ids) const {
    std::vector<store::ProjectSite> result;
    for (const char* table : site_tables) {
        for_rows_of_projects(project_ids, table, "project_id, site_name, geom", "fid",
                             [&](const Statement& row) { result.push_back(site_of(row)); });
    }
    return result;
}

void GpkgStore::scan_sites(const SiteVisitor& visit) const {
    merge_site_tables(*m_sql, m_path + ": reading ", [&](const Statement& row) {
        visit(row.text(0), row.text(1), wkb_of_blob(row.blob(2)));
    });
}

void GpkgStore::remove_sites(const std::string& project_id) {
    WriteScope scope(*this);
    for (const char* table : site_tables) {
        need_indexes(table);
        m_sql->prepare(std::string{"DELETE FROM "} + table + " WHERE project_id = ?1")
            .text(1, project_id)
            .run("cannot remove sites of project " + project_id + " from " + table);
        if (m_sql->changes() > 0) {
            changed(table);
        }
    }
    scope.done();
}

void GpkgStore::replace_project_villages(const std::string& project_id,
                                         const std::vector<core::ProjectVillage>& villages) {
    WriteScope scope(*this);
    m_sql->prepare("DELETE FROM project_villages WHERE project_id = ?1")
        .text(1, project_id)
        .run("cannot remove villages of project " + project_id + " from project_villages");
    if (m_sql->changes() > 0) {
        changed("project_villages");
    }
    add_project_villages(villages);
    scope.done();
}

void GpkgStore::add_project_villages(const std::vector<core::ProjectVillage>& villages) {
    WriteScope scope(*this);
    for (const auto& village : villages) {
        m_sql
            ->prepare("INSERT INTO project_villages (project_id, village_code, matched_by, "
                      "length_m, area_m2) VALUES (?1, ?2, ?3, ?4, ?5)")
            .text(1, village.project_id)
            .text(2, village.village_code)
            .text(3, village.matched_by)
            .real(4, village.length_m)
            .real(5, village.area_m2)
            .run("cannot write village " + village.village_code + " of project " +
                 village.project_id + " to project_villages");
    }
    if (!villages.empty()) {
        changed("project_villages");
        rows_written("project_villages", villages.size());
    }
    scope.done();
}

std::vector<core::ProjectVillage>
GpkgStore::project_villages(std::span<const std::string> project_ids) const {
    std::vector<core::ProjectVillage> result;
    for_rows_of_projects(
        project_ids, "project_villages", "project_id, village_code, matched_by, length_m, area_m2",
        "village_code", [&](const Statement& row) {
            result.push_back({row.text(0), row.text(1), row.text(2), row.real(3), row.real(4)});
        });
    return result;
}

std::vector<core::ProjectVillage> GpkgStore::project_villages() const {
    std::vector<core::ProjectVillage> result;
    auto row = m_sql->prepare("SELECT project_id, village_code, matched_by, length_m, area_m2 "
                              "FROM project_villages ORDER BY project_id, village_code");
    while (row.step(m_path + ": reading project_villages")) {
        result.push_back({row.text(0), row.text(1), row.text(2), row.real(3), row.real(4)});
    }
    return result;
}

// ----------------------------------------------------------------------------------------------

void GpkgStore::upsert_milestone(const core::Milestone& milestone) {
    OGRFeature feature = new_row(*m_dataset, "milestones");
    set_text(feature, "project_id", milestone.project_id);
    set_integer(feature, "seq", milestone.seq);
    set_text(feature, "name", milestone.name);
    set_date(feature, "planned_date", milestone.planned_date);
    set_date(feature, "actual_date", milestone.actual_date);
    set_real(feature, "weight", milestone.weight);
    set_real(feature, "target_quantity", milestone.target_quantity);
    upsert(*m_dataset, "milestones",
           "project_id = " + quote(milestone.project_id) +
               " AND seq = " + std::to_string(milestone.seq),
           feature, "milestone " + std::to_string(milestone.seq) + " of " + milestone.project_id);
}

std::vector<core::Milestone> GpkgStore::milestones() const {
    std::vector<core::Milestone> result;
    for_each_row(*m_dataset, "SELECT * FROM milestones ORDER BY project_id, seq",
                 [&](OGRFeature& row) {
                     core::Milestone milestone;
                     milestone.project_id = text(row, "project_id");
                     milestone.seq = static_cast<int>(integer(row, "seq").value_or(0));
                     milestone.name = text(row, "name");
                     milestone.planned_date = required_date(row, "planned_date");
                     milestone.actual_date = date(row, "actual_date");
                     milestone.weight = real(row, "weight").value_or(1.0);
                     milestone.target_quantity = real(row, "target_quantity");
                     result.push_back(std::move(milestone));
                 });
    return result;
}

// ----------------------------------------------------------------------------------------------

namespace {

void fill_report(OGRFeature& feature, const core::ProgressReport& report) {
    set_text(feature, "project_id", report.project_id);
    set_date(feature, "report_date", report.report_date);
    set_real(feature, "cumulative_quantity", report.cumulative_quantity);
    set_real(feature, "percent", report.percent);
    set_text(feature, "note", report.note);
    set_text(feature, "reported_by", report.reported_by);
}

} // namespace

void GpkgStore::add_progress_report(const core::ProgressReport& report) {
    OGRFeature feature = new_row(*m_dataset, "progress_reports");
    fill_report(feature, report);
    insert(*m_dataset, "progress_reports", feature,
           "progress report of " + report.project_id + " on " + report.report_date.iso());
}

void GpkgStore::replace_progress_report(const core::ProgressReport& report) {
    OGRFeature feature = new_row(*m_dataset, "progress_reports");
    fill_report(feature, report);
    upsert(*m_dataset, "progress_reports",
           "project_id = " + quote(report.project_id) +
               " AND report_date = " + quote(report.report_date.iso()),
           feature, "progress report of " + report.project_id + " on " + report.report_date.iso());
}

std::vector<core::ProgressReport> GpkgStore::progress_reports() const {
    std::vector<core::ProgressReport> result;
    for_each_row(*m_dataset, "SELECT * FROM progress_reports ORDER BY project_id, report_date",
                 [&](OGRFeature& row) {
                     core::ProgressReport report;
                     report.project_id = text(row, "project_id");
                     report.report_date = required_date(row, "report_date");
                     report.cumulative_quantity = real(row, "cumulative_quantity");
                     report.percent = real(row, "percent");
                     report.note = text(row, "note");
                     report.reported_by = text(row, "reported_by");
                     result.push_back(std::move(report));
                 });
    return result;
}

// ----------------------------------------------------------------------------------------------

void GpkgStore::upsert_problem(const core::Problem& problem) {
    OGRFeature feature = new_row(*m_dataset, "problems");
    set_text(feature, "problem_id", problem.id);
    set_text(feature, "project_id", problem.project_id);
    set_date(feature, "raised_date", problem.raised_date);
    set_code(feature, "category", problem.category);
    set_text(feature, "description", problem.description);
    set_text(feature, "owner", problem.owner);
    set_date(feature, "deadline", problem.deadline);
    set_date(feature, "closed_date", problem.closed_date);
    set_text(feature, "resolution", problem.resolution);
    upsert(*m_dataset, "problems", "problem_id = " + quote(problem.id), feature,
           "problem " + problem.id);
}

std::vector<core::Problem> GpkgStore::problems() const {
    std::vector<core::Problem> result;
    for_each_row(*m_dataset, "SELECT * FROM problems ORDER BY problem_id", [&](OGRFeature& row) {
        core::Problem problem;
        problem.id = text(row, "problem_id");
        problem.project_id = text(row, "project_id");
        problem.raised_date = required_date(row, "raised_date");
        problem.category = parse_code<core::ProblemCategory>(row, "category");
        problem.description = text(row, "description");
        problem.owner = text(row, "owner");
        problem.deadline = date(row, "deadline");
        problem.closed_date = date(row, "closed_date");
        problem.resolution = text(row, "resolution");
        result.push_back(std::move(problem));
    });
    return result;
}

// ----------------------------------------------------------------------------------------------

void GpkgStore::add_site_visit(const core::SiteVisit& visit) {
    OGRFeature feature = new_row(*m_dataset, "site_visits");
    set_text(feature, "project_id", visit.project_id);
    set_date(feature, "visit_date", visit.visit_date);
    set_text(feature, "visitor", visit.visitor);
    set_text(feature, "note", visit.note);
    insert(*m_dataset, "site_visits", feature,
           "visit of " + visit.visitor + " to " + visit.project_id + " on " +
               visit.visit_date.iso());
}

std::vector<core::SiteVisit> GpkgStore::site_visits() const {
    std::vector<core::SiteVisit> result;
    for_each_row(*m_dataset, "SELECT * FROM site_visits ORDER BY visit_date, project_id, visitor",
                 [&](OGRFeature& row) {
                     core::SiteVisit visit;
                     visit.project_id = text(row, "project_id");
                     visit.visit_date = required_date(row, "visit_date");
                     visit.visitor = text(row, "visitor");
                     visit.note = text(row, "note");
                     result.push_back(std::move(visit));
                 });
    return result;
}

// ----------------------------------------------------------------------------------------------

void GpkgStore::upsert_photo(const core::Photo& photo) {
    OGRFeature feature = new_row(*m_dataset, "photos");
    set_text(feature, "path", photo.path);
    set_nullable_text(feature, "taken_at", photo.taken_at);
    set_real(feature, "direction_deg", photo.direction_deg);
    set_nullable_text(feature, "project_id", photo.project_id);
    set_real(feature, "distance_m", photo.distance_m);
    set_text(feature, "flags", photo.flags);
    feature.SetGeometryDirectly(new OGRPoint(photo.lon, photo.lat));
    upsert(*m_dataset, "photos", "path = " + quote(photo.path), feature, "photo " + photo.path);
}

std::vector<core::Photo> GpkgStore::photos() const {
    std::vector<core::Photo> result;
    for_each_row(*m_dataset, "SELECT * FROM photos ORDER BY path", [&](OGRFeature& row) {
        core::Photo photo;
        photo.path = text(row, "path");
        if (const OGRGeometry* geometry = row.GetGeometryRef()) {
            photo.lon = geometry->toPoint()->getX();
            photo.lat = geometry->toPoint()->getY();
        }
        photo.taken_at = text(row, "taken_at");
        photo.direction_deg = real(row, "direction_deg");
        photo.project_id = text(row, "project_id");
        photo.distance_m = real(row, "distance_m");
        photo.flags = text(row, "flags");
        result.push_back(std::move(photo));
    });
    return result;
}

std::vector<core::IndicatorRule> GpkgStore::indicator_rules() const {
    std::vector<core::IndicatorRule> result;
    for_each_row(
        *m_dataset, "SELECT * FROM exit_indicators ORDER BY seq, code", [&](OGRFeature& row) {
            core::IndicatorRule record{
                text(row, "code"), text(row, "label_zh"), text(row, "label_en"), {}};
            // A comma-separated list of project type codes (schema version 4).
            std::string types = text(row, "project_types");
            for (std::size_t at = 0; at < types.size();) {
                const std::size_t comma = std::min(types.find(',', at), types.size());
                if (const auto type =
                        core::parse_term<core::ProjectType>(types.substr(at, comma - at))) {
                    record.project_types.push_back(*type);
                }
                at = comma + 1;
            }
            result.push_back(std::move(record));
        });
    return result;
}

void GpkgStore::add_indicator_assessment(const core::VillageIndicator& assessment) {
    OGRFeature feature = new_row(*m_dataset, "village_indicators");
    set_text(feature, "village_code", assessment.village_code);
    set_text(feature, "indicator", assessment.indicator);
    set_date(feature, "assessed_on", assessment.assessed_on);
    set_integer(feature, "met", assessment.met ? 1 : 0);
    set_text(feature, "note", assessment.note);
    insert(*m_dataset, "village_indicators", feature,
           "indicator " + assessment.indicator + " of village " + assessment.village_code);
}

std::vector<core::VillageIndicator> GpkgStore::indicator_assessments() const {
    std::vector<core::VillageIndicator> result;
    for_each_row(*m_dataset,
                 "SELECT * FROM village_indicators ORDER BY village_code, indicator, assessed_on",
                 [&](OGRFeature& row) {
                     core::VillageIndicator assessment;
                     assessment.village_code = text(row, "village_code");
                     assessment.indicator = text(row, "indicator");
                     assessment.assessed_on = required_date(row, "assessed_on");
                     assessment.met = integer(row, "met").value_or(0) != 0;
                     assessment.note = text(row, "note");
                     result.push_back(std::move(assessment));
                 });
    return result;
}

} // namespace xj::gpkg
