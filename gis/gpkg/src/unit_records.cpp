// The administrative units of a GeoPackage project: attributes and boundary in one row of
// admin_units, written with the store's own statements as GDAL would write them.

#include "gpkg_geometry.h"
#include "sqlite_access.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/crs/crs.h"
#include "xiangjian/gpkg/gpkg_store.h"

#include <algorithm>

namespace xj::gpkg {

using namespace detail;

namespace {

template <typename E> E parse_code(const Statement& row, int column, const char* name) {
    const std::string_view value = row.text_view(column);
    if (auto parsed = core::parse_term<E>(value)) {
        return *parsed;
    }
    throw Error(text("未知的", "unknown ") + name + " '" + std::string{value} + "'");
}

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
    const auto run = [&](Statement& statement) {
        try {
            statement.run(context);
        } catch (const Error& error) {
            throw StoreError(error.what(), "admin_units", unit.code);
        }
    };
    // An existing unit keeps its row (and fid). Not an UPSERT: its conflict handling would
    // override the INSERT OR REPLACE of the spatial index's update trigger.
    bool updated = false;
    if (!known_new) {
        auto update = m_sql->prepare(
            "UPDATE admin_units SET geom = ?1, name = ?3, level = ?4, parent_code = ?5, "
            "population = ?6, households = ?7, poor_households = ?8, poor_village = ?9 "
            "WHERE code = ?2");
        bind_unit(update, unit, blob);
        run(update);
        updated = m_sql->changes() > 0;
    }
    if (!updated) {
        auto insert = m_sql->prepare(std::string{"INSERT INTO admin_units ("} + unit_columns +
                                     ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        bind_unit(insert, unit, blob);
        run(insert);
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
    // engine both read them. Served by the covering index admin_units_list where the file has
    // it (ensure_unit_list_index), without reading a boundary.
    std::vector<core::AdminUnit> result;
    auto row = m_sql->prepare(std::string{"SELECT "} + unit_read_columns +
                              " FROM admin_units ORDER BY code");
    while (row.step(m_path + ": reading the units")) {
        result.push_back(unit_of(row));
    }
    return result;
}

std::vector<store::UnitRecord> GpkgStore::units() const {
    return unit_records("", {});
}

std::vector<store::UnitRecord> GpkgStore::unit_and_children(const std::string& code) const {
    // Both by index: the code is UNIQUE, the parent indexed (admin_units_parent).
    std::vector<store::UnitRecord> result = unit_records(" WHERE code = ?1", code);
    for (auto& child : unit_records(" WHERE parent_code = ?1", code)) {
        result.push_back(std::move(child));
    }
    return result;
}

std::vector<store::UnitRecord> GpkgStore::unit_records(const char* where,
                                                       const std::string& parameter) const {
    std::vector<store::UnitRecord> result;
    auto row = m_sql->prepare(std::string{"SELECT "} + unit_read_columns +
                              ", geom FROM admin_units" + where + " ORDER BY code");
    if (*where != '\0') {
        row.text(1, parameter);
    }
    while (row.step(m_path + ": reading the units")) {
        store::UnitRecord record{unit_of(row), {}};
        try {
            record.boundary = geometry_of_blob(row.blob(8));
        } catch (const Error& error) {
            throw StoreError(m_path + text("：行政单元 ", ": the boundary of unit ") +
                                 record.unit.code + text(" 的边界不是 WKB（", " is not WKB (") +
                                 error.what() + text("）", ")"),
                             "admin_units", record.unit.code);
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

void GpkgStore::scan_units(const store::Box& window, const UnitVisitor& visit) const {
    if (window.empty()) {
        return;
    }
    auto row = m_sql->prepare(std::string{"SELECT "} + unit_read_columns +
                              ", geom FROM admin_units WHERE fid IN (SELECT id FROM "
                              "rtree_admin_units_geom WHERE minx <= ?3 AND maxx >= ?1 AND "
                              "miny <= ?4 AND maxy >= ?2) ORDER BY code");
    row.real(1, window.min_x).real(2, window.min_y).real(3, window.max_x).real(4, window.max_y);
    while (row.step(m_path + ": reading the units of a window")) {
        visit(unit_of(row), wkb_of_blob(row.blob(8)));
    }
}

void GpkgStore::scan_units(const UnitVisitor& visit) const {
    auto row = m_sql->prepare(std::string{"SELECT "} + unit_read_columns +
                              ", geom FROM admin_units ORDER BY code");
    while (row.step(m_path + ": reading the units")) {
        visit(unit_of(row), wkb_of_blob(row.blob(8)));
    }
}

std::vector<core::AdminUnit> GpkgStore::unit_list(std::span<const std::string> codes) const {
    std::vector<std::string> sorted(codes.begin(), codes.end());
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    std::vector<core::AdminUnit> result;
    ReadSnapshot snapshot(*this); // one lock for all the lookups
    auto row = m_sql->prepare(std::string{"SELECT "} + unit_read_columns +
                              " FROM admin_units WHERE code = ?1");
    for (const std::string& code : sorted) {
        row.text(1, code);
        while (row.step(m_path + ": reading the units")) {
            result.push_back(unit_of(row));
        }
        row.reset();
    }
    return result;
}

store::Box GpkgStore::extent() const {
    // The layers' extents as gpkg_contents keeps them (every write widens them; GDAL's too): one
    // row each, where the spatial indexes would be read whole. They may be larger than what is
    // left after deletions, as the GeoPackage standard allows.
    store::Box box;
    auto row = m_sql->prepare(
        "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name IN "
        "('admin_units', 'project_points', 'project_lines', 'project_polygons') AND min_x IS NOT "
        "NULL AND min_y IS NOT NULL AND max_x IS NOT NULL AND max_y IS NOT NULL");
    while (row.step(m_path + ": reading the extent")) {
        box.expand(*row.real(0), *row.real(1));
        box.expand(*row.real(2), *row.real(3));
    }
    return box;
}

} // namespace xj::gpkg
