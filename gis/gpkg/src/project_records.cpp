// The projects of a GeoPackage project and the villages they serve, through their column maps;
// and the lookup of rows by project that the reads by project share.

#include "gpkg_rows.h"
#include "sqlite_access.h"
#include "xiangjian/core/error.h"

#include <unordered_set>

namespace xj::gpkg {

using namespace detail;

namespace {

const TableMap<core::Project>& project_map() {
    using P = core::Project;
    static const TableMap<P> map{
        "projects",
        {columns::text("project_id", &P::id), columns::text("name", &P::name),
         columns::term("type", &P::type), columns::term("stage", &P::stage),
         columns::term("measure", &P::measure), columns::text("unit", &P::unit),
         columns::real("planned_quantity", &P::planned_quantity),
         columns::nullable_text("township_code", &P::township_code),
         columns::nullable_text("village_code", &P::village_code),
         columns::text("leader", &P::leader),
         columns::text("responsible_unit", &P::responsible_unit),
         columns::real("budget_wan", &P::budget_wan),
         columns::date("planned_start", &P::planned_start),
         columns::date("planned_finish", &P::planned_finish),
         columns::flag("key_project", &P::key_project, true)},
        {"project_id"},
        "project_id",
        [](const P& p) { return "project " + p.id; },
        {},
        [](const P& p) { return p.id; }};
    return map;
}

const TableMap<core::ProjectVillage>& village_link_map() {
    using V = core::ProjectVillage;
    static const TableMap<V> map{
        "project_villages",
        {columns::text("project_id", &V::project_id),
         columns::text("village_code", &V::village_code),
         columns::text("matched_by", &V::matched_by), columns::real("length_m", &V::length_m),
         columns::real("area_m2", &V::area_m2)},
        {"project_id", "village_code"},
        "project_id, village_code",
        [](const V& v) { return "village " + v.village_code + " of project " + v.project_id; },
        {},
        [](const V& v) { return v.project_id + " " + v.village_code; }};
    return map;
}

} // namespace

void GpkgStore::upsert_project(const core::Project& project) {
    write_row(project_map(), project, true);
}

void GpkgStore::add_project(const core::Project& project) {
    write_row(project_map(), project, false);
}

std::vector<core::Project> GpkgStore::projects() const {
    return read_rows(project_map());
}

std::vector<core::Project> GpkgStore::projects(std::span<const std::string> ids) const {
    return read_rows(project_map(), ids);
}

long long GpkgStore::largest_fid(const char* table) const {
    auto last = m_sql->prepare(std::string{"SELECT max(fid) FROM "} + table);
    if (last.step(m_path + ": reading " + table)) {
        return last.integer(0).value_or(0);
    }
    return 0;
}

std::size_t GpkgStore::row_count(const char* table) const {
    auto count = m_sql->prepare(std::string{"SELECT count(*) FROM "} + table);
    if (count.step(m_path + ": counting " + table)) {
        return static_cast<std::size_t>(count.integer(0).value_or(0));
    }
    return 0;
}

detail::Connection& GpkgStore::reader() const {
    if (!m_reader) {
        m_reader = detail::Connection::open_reader(m_path);
    }
    return *m_reader;
}

GpkgStore::ReadSnapshot::ReadSnapshot(const GpkgStore& store) : m_store(store) {
    if (!m_store.m_in_transaction) {
        m_store.m_sql->execute("SAVEPOINT xj_read", m_store.m_path + ": starting a read");
        m_open = true;
    }
}

GpkgStore::ReadSnapshot::~ReadSnapshot() {
    if (m_open) {
        try {
            m_store.m_sql->execute("RELEASE xj_read", m_store.m_path + ": ending a read");
        } catch (...) { // a destructor must not throw; nothing was written
        }
    }
}

void GpkgStore::for_rows_of_projects(std::span<const std::string> ids, const char* table,
                                     const char* columns, const char* order,
                                     const std::function<void(const Statement&)>& visit) const {
    if (ids.empty()) {
        return;
    }
    // One read transaction for all the lookups: else each statement takes and drops the
    // file's lock (two fcntl calls and an fstat a lookup).
    ReadSnapshot snapshot(*this);
    const std::string context = m_path + ": reading " + table;
    const std::string select = std::string{"SELECT "} + columns + " FROM " + table;
    // An indexed lookup costs a few B-tree pages; a pass over the table, a row. The largest
    // fid bounds the rows (the tables are AUTOINCREMENT) at the cost of one B-tree descent.
    const long long rows = largest_fid(table);
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
    write_rows(village_link_map(), std::span<const core::ProjectVillage>(villages), false);
}

std::vector<core::ProjectVillage>
GpkgStore::project_villages(std::span<const std::string> project_ids) const {
    return read_rows(village_link_map(), project_ids);
}

std::vector<core::ProjectVillage> GpkgStore::project_villages() const {
    return read_rows(village_link_map());
}

std::vector<core::ProjectVillage>
GpkgStore::village_projects(std::span<const std::string> village_codes) const {
    // No index leads with the village: one pass over the links, kept when the village is one
    // of these (a province has some 200,000 links; a window, a few hundred villages).
    const std::unordered_set<std::string_view> wanted(village_codes.begin(), village_codes.end());
    std::vector<core::ProjectVillage> result;
    if (wanted.empty()) {
        return result;
    }
    const auto& map = village_link_map();
    auto row = m_sql->prepare("SELECT village_code, " + column_list(map) + " FROM " + map.table +
                              " ORDER BY " + map.order);
    while (row.step(m_path + ": reading " + map.table)) {
        if (wanted.count(row.text_view(0)) != 0) {
            read_into(map, row, 1, result.emplace_back());
        }
    }
    return result;
}

} // namespace xj::gpkg
