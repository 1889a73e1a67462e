// The sites of a GeoPackage project: one table per geometry kind (project_points,
// project_lines, project_polygons), read back merged by project.

#include "gpkg_geometry.h"
#include "sqlite_access.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/crs/crs.h"
#include "xiangjian/gpkg/gpkg_store.h"

#include <functional>

namespace xj::gpkg {

using namespace detail;

namespace {

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
        throw Error(text("项目点位只能是点、线或面，不能是 ",
                         "a project site must be a point, line or polygon, not a ") +
                    store::wkt_name(geometry.type()));
    }
}

constexpr const char* site_tables[] = {"project_points", "project_lines", "project_polygons"};

} // namespace

void GpkgStore::add_site(const store::ProjectSite& site) {
    if (site.geometry.empty()) {
        throw StoreError(text("项目 ", "project ") + site.project_id +
                             text(" 的点位 “", ": site '") + site.name +
                             text("” 没有几何图形", "' has no geometry"),
                         "project_points", site.project_id);
    }
    const char* table = nullptr;
    try {
        table = site_table_for(site.geometry);
    } catch (const Error& error) {
        throw StoreError(error.what(), "project_points", site.project_id);
    }
    WriteScope scope(*this);
    const auto blob =
        gpkg_blob(site.geometry, crs::storage_epsg, table != std::string_view{"project_points"});
    auto statement = m_sql->prepare(std::string{"INSERT INTO "} + table +
                                    " (geom, project_id, site_name) VALUES (?1, ?2, ?3)");
    statement.blob(1, blob).text(2, site.project_id).text(3, site.name);
    try {
        statement.run(text("无法写入项目 ", "cannot write the site of project ") + site.project_id +
                      " (" + site.name + text("）到 ", ") to ") + table);
    } catch (const Error& error) {
        throw StoreError(error.what(), table, site.project_id);
    }
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
/// by project: a project's points, then its lines, then its polygons. With a window, only the
/// rows whose box in the table's spatial index meets it.
void merge_site_tables(Connection& sql, const std::string& context, const store::Box* window,
                       const std::function<void(const Statement&)>& visit) {
    std::vector<Statement> tables;
    std::vector<bool> more;
    for (const char* table : site_tables) {
        std::string select = std::string{"SELECT project_id, site_name, geom FROM "} + table;
        if (window != nullptr) {
            select += std::string{" WHERE fid IN (SELECT id FROM rtree_"} + table +
                      "_geom WHERE minx <= ?3 AND maxx >= ?1 AND miny <= ?4 AND maxy >= ?2)";
        }
        tables.push_back(sql.prepare(select + " ORDER BY project_id, fid"));
        if (window != nullptr) {
            tables.back()
                .real(1, window->min_x)
                .real(2, window->min_y)
                .real(3, window->max_x)
                .real(4, window->max_y);
        }
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
    merge_site_tables(*m_sql, m_path + ": reading ", nullptr,
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
    merge_site_tables(*m_sql, m_path + ": reading ", nullptr, [&](const Statement& row) {
        visit(row.text(0), row.text(1), wkb_of_blob(row.blob(2)));
    });
}

void GpkgStore::scan_sites(const store::Box& window, const SiteVisitor& visit) const {
    if (window.empty()) {
        return;
    }
    merge_site_tables(
        *m_sql, m_path + ": reading a window of ", &window,
        [&](const Statement& row) { visit(row.text(0), row.text(1), wkb_of_blob(row.blob(2))); });
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

} // namespace xj::gpkg
