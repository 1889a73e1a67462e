// The project database schema, as SQL. GDAL's CreateLayer cannot declare CHECK constraints or
// foreign keys, so the tables are created here and registered in gpkg_contents and
// gpkg_geometry_columns exactly as the GeoPackage standard asks; GDAL and QGIS then open them as
// ordinary layers. Dates are GeoPackage DATE columns (ISO 8601 text).

#include "xiangjian/gpkg/schema.h"

#include "xiangjian/core/quantity_unit.h"
#include "xiangjian/core/text.h"

#include <array>
#include <string>
#include <vector>

namespace xj::gpkg {

namespace {

// clang-format off
constexpr std::string_view version_1[] = {
R"sql(CREATE TABLE admin_units (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    geom MULTIPOLYGON,
    code TEXT NOT NULL UNIQUE CHECK (length(code) = 12 AND code NOT GLOB '*[^0-9]*'),
    name TEXT NOT NULL CHECK (name <> ''),
    level TEXT NOT NULL CHECK (level IN ('county', 'township', 'village')),
    parent_code TEXT CHECK (parent_code IS NULL OR length(parent_code) = 12),
    population INTEGER CHECK (population >= 0),
    households INTEGER CHECK (households >= 0),
    poor_households INTEGER CHECK (poor_households >= 0),
    poor_village BOOLEAN NOT NULL DEFAULT 0 CHECK (poor_village IN (0, 1)),
    CHECK (poor_households IS NULL OR households IS NULL OR poor_households <= households)
))sql",
"CREATE INDEX admin_units_parent ON admin_units (parent_code)",
"CREATE INDEX admin_units_level ON admin_units (level)",

R"sql(CREATE TABLE projects (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    project_id TEXT NOT NULL UNIQUE CHECK (project_id <> ''),
    name TEXT NOT NULL CHECK (name <> ''),
    type TEXT NOT NULL CHECK (type IN ('road', 'water', 'dike', 'housing', 'reservoir', 'pv', 'other')),
    stage TEXT NOT NULL CHECK (stage IN ('preliminary', 'new_start', 'continuing', 'completed', 'in_service')),
    measure TEXT NOT NULL CHECK (measure IN ('quantity', 'milestones')),
    unit TEXT NOT NULL DEFAULT '',
    planned_quantity REAL CHECK (planned_quantity > 0),
    township_code TEXT REFERENCES admin_units (code),
    village_code TEXT REFERENCES admin_units (code),
    leader TEXT NOT NULL DEFAULT '',
    responsible_unit TEXT NOT NULL DEFAULT '',
    budget_wan REAL CHECK (budget_wan >= 0),
    planned_start DATE CHECK (planned_start IS NULL OR date(planned_start) IS planned_start),
    planned_finish DATE CHECK (planned_finish IS NULL OR date(planned_finish) IS planned_finish),
    key_project BOOLEAN NOT NULL DEFAULT 1 CHECK (key_project IN (0, 1)),
    CHECK (measure <> 'quantity' OR planned_quantity IS NOT NULL),
    CHECK (planned_finish IS NULL OR planned_start IS NULL OR planned_finish >= planned_start)
))sql",
"CREATE INDEX projects_leader ON projects (leader)",
"CREATE INDEX projects_type ON projects (type)",
"CREATE INDEX projects_township ON projects (township_code)",
"CREATE INDEX projects_village ON projects (village_code)",

R"sql(CREATE TABLE project_points (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    geom POINT,
    project_id TEXT NOT NULL REFERENCES projects (project_id) ON DELETE CASCADE,
    site_name TEXT NOT NULL DEFAULT ''
))sql",
"CREATE INDEX project_points_project ON project_points (project_id)",
R"sql(CREATE TABLE project_lines (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    geom MULTILINESTRING,
    project_id TEXT NOT NULL REFERENCES projects (project_id) ON DELETE CASCADE,
    site_name TEXT NOT NULL DEFAULT ''
))sql",
"CREATE INDEX project_lines_project ON project_lines (project_id)",
R"sql(CREATE TABLE project_polygons (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    geom MULTIPOLYGON,
    project_id TEXT NOT NULL REFERENCES projects (project_id) ON DELETE CASCADE,
    site_name TEXT NOT NULL DEFAULT ''
))sql",
"CREATE INDEX project_polygons_project ON project_polygons (project_id)",

R"sql(CREATE TABLE milestones (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    project_id TEXT NOT NULL REFERENCES projects (project_id) ON DELETE CASCADE,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    name TEXT NOT NULL CHECK (name <> ''),
    planned_date DATE NOT NULL CHECK (date(planned_date) IS planned_date),
    actual_date DATE CHECK (actual_date IS NULL OR date(actual_date) IS actual_date),
    weight REAL NOT NULL DEFAULT 1 CHECK (weight >= 0),
    target_quantity REAL CHECK (target_quantity >= 0),
    UNIQUE (project_id, seq)
))sql",

R"sql(CREATE TABLE progress_reports (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    project_id TEXT NOT NULL REFERENCES projects (project_id) ON DELETE CASCADE,
    report_date DATE NOT NULL CHECK (date(report_date) IS report_date),
    cumulative_quantity REAL CHECK (cumulative_quantity >= 0),
    percent REAL CHECK (percent BETWEEN 0 AND 100),
    note TEXT NOT NULL DEFAULT '',
    reported_by TEXT NOT NULL DEFAULT '',
    CHECK (cumulative_quantity IS NOT NULL OR percent IS NOT NULL),
    UNIQUE (project_id, report_date)
))sql",

R"sql(CREATE TABLE problems (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    problem_id TEXT NOT NULL UNIQUE CHECK (problem_id <> ''),
    project_id TEXT NOT NULL REFERENCES projects (project_id) ON DELETE CASCADE,
    raised_date DATE NOT NULL CHECK (date(raised_date) IS raised_date),
    category TEXT NOT NULL CHECK (category IN ('approval', 'land', 'construction', 'environment', 'funding', 'other')),
    description TEXT NOT NULL CHECK (description <> ''),
    owner TEXT NOT NULL DEFAULT '',
    deadline DATE CHECK (deadline IS NULL OR (date(deadline) IS deadline AND deadline >= raised_date)),
    closed_date DATE CHECK (closed_date IS NULL OR (date(closed_date) IS closed_date AND closed_date >= raised_date)),
    resolution TEXT NOT NULL DEFAULT ''
))sql",
"CREATE INDEX problems_project ON problems (project_id)",
"CREATE INDEX problems_owner ON problems (owner)",

R"sql(CREATE TABLE site_visits (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    project_id TEXT NOT NULL REFERENCES projects (project_id) ON DELETE CASCADE,
    visit_date DATE NOT NULL CHECK (date(visit_date) IS visit_date),
    visitor TEXT NOT NULL CHECK (visitor <> ''),
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (project_id, visit_date, visitor)
))sql",

R"sql(CREATE TABLE exit_indicators (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    code TEXT NOT NULL UNIQUE CHECK (code <> ''),
    label_zh TEXT NOT NULL,
    label_en TEXT NOT NULL,
    seq INTEGER NOT NULL
))sql",
R"sql(CREATE TABLE village_indicators (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    village_code TEXT NOT NULL REFERENCES admin_units (code),
    indicator TEXT NOT NULL REFERENCES exit_indicators (code),
    assessed_on DATE NOT NULL CHECK (date(assessed_on) IS assessed_on),
    met BOOLEAN NOT NULL CHECK (met IN (0, 1)),
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (village_code, indicator, assessed_on)
))sql",

// Registration, so that GDAL and QGIS list every table as a layer.
R"sql(INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES
    ('admin_units', 'features', 'admin_units', '行政区划：县、乡镇、行政村 (administrative units)', 4490),
    ('project_points', 'features', 'project_points', '项目点位 (project sites: points)', 4490),
    ('project_lines', 'features', 'project_lines', '项目线路：道路、堤防、管线 (project sites: lines)', 4490),
    ('project_polygons', 'features', 'project_polygons', '项目范围：水库、光伏电站 (project sites: polygons)', 4490),
    ('projects', 'attributes', 'projects', '项目 (projects)', NULL),
    ('milestones', 'attributes', 'milestones', '项目节点 (milestones)', NULL),
    ('progress_reports', 'attributes', 'progress_reports', '进度填报 (progress reports)', NULL),
    ('problems', 'attributes', 'problems', '问题清单 (problems)', NULL),
    ('site_visits', 'attributes', 'site_visits', '现场督导 (site visits)', NULL),
    ('exit_indicators', 'attributes', 'exit_indicators', '贫困村退出指标 (exit indicator checklist)', NULL),
    ('village_indicators', 'attributes', 'village_indicators', '村退出指标评估 (village indicator assessments)', NULL))sql",
R"sql(INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) VALUES
    ('admin_units', 'geom', 'MULTIPOLYGON', 4490, 0, 0),
    ('project_points', 'geom', 'POINT', 4490, 0, 0),
    ('project_lines', 'geom', 'MULTILINESTRING', 4490, 0, 0),
    ('project_polygons', 'geom', 'MULTIPOLYGON', 4490, 0, 0))sql",
};
// clang-format on

// clang-format off
constexpr std::string_view version_2[] = {
R"sql(CREATE TABLE project_villages (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    project_id TEXT NOT NULL REFERENCES projects (project_id) ON DELETE CASCADE,
    village_code TEXT NOT NULL REFERENCES admin_units (code),
    matched_by TEXT NOT NULL CHECK (matched_by IN ('code', 'point', 'line', 'polygon')),
    length_m REAL CHECK (length_m >= 0),
    area_m2 REAL CHECK (area_m2 >= 0),
    UNIQUE (project_id, village_code)
))sql",
"CREATE INDEX project_villages_village ON project_villages (village_code)",
R"sql(INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES
    ('project_villages', 'attributes', 'project_villages', '项目涉及的行政村 (villages each project serves or crosses)'))sql",
};
// clang-format on

// clang-format off
constexpr std::string_view version_3[] = {
R"sql(CREATE TABLE photos (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    geom POINT,
    path TEXT NOT NULL UNIQUE,
    taken_at TEXT CHECK (taken_at IS NULL OR taken_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]'), -- EXIF local time, no zone
    direction_deg REAL CHECK (direction_deg >= 0 AND direction_deg <= 360),
    project_id TEXT REFERENCES projects (project_id) ON DELETE SET NULL,
    distance_m REAL CHECK (distance_m >= 0),
    flags TEXT NOT NULL DEFAULT ''
))sql",
"CREATE INDEX photos_project ON photos (project_id)",
R"sql(INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES
    ('photos', 'features', 'photos', '现场照片 (geotagged site photos)', 4490))sql",
R"sql(INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id, z, m) VALUES
    ('photos', 'geom', 'POINT', 4490, 0, 0))sql",
};
// clang-format on

// clang-format off
constexpr std::string_view version_4[] = {
R"sql(CREATE TABLE disbursements (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    project_id TEXT NOT NULL REFERENCES projects (project_id) ON DELETE CASCADE,
    paid_on DATE NOT NULL CHECK (date(paid_on) IS paid_on),
    amount_wan REAL NOT NULL CHECK (amount_wan > 0),
    note TEXT NOT NULL DEFAULT ''
))sql",
"CREATE INDEX disbursements_project ON disbursements (project_id, paid_on)",
R"sql(CREATE TABLE baselines (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    name TEXT NOT NULL UNIQUE CHECK (name <> ''),
    frozen_on DATE NOT NULL CHECK (date(frozen_on) IS frozen_on)
))sql",
R"sql(CREATE TABLE baseline_projects (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    baseline TEXT NOT NULL REFERENCES baselines (name) ON DELETE CASCADE,
    project_id TEXT NOT NULL, -- no foreign key: a baseline outlives a project it planned
    planned_start DATE CHECK (planned_start IS NULL OR date(planned_start) IS planned_start),
    planned_finish DATE CHECK (planned_finish IS NULL OR date(planned_finish) IS planned_finish),
    planned_quantity REAL CHECK (planned_quantity > 0),
    UNIQUE (baseline, project_id)
))sql",
R"sql(CREATE TABLE baseline_milestones (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    baseline TEXT NOT NULL REFERENCES baselines (name) ON DELETE CASCADE,
    project_id TEXT NOT NULL,
    seq INTEGER NOT NULL CHECK (seq >= 1),
    name TEXT NOT NULL,
    planned_date DATE NOT NULL CHECK (date(planned_date) IS planned_date),
    weight REAL NOT NULL CHECK (weight >= 0),
    target_quantity REAL CHECK (target_quantity >= 0),
    UNIQUE (baseline, project_id, seq)
))sql",
R"sql(CREATE TABLE change_log (
    fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    recorded_at TEXT NOT NULL CHECK (recorded_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-6][0-9]Z'),
    recorded_by TEXT NOT NULL CHECK (recorded_by <> ''),
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
))sql",
"ALTER TABLE exit_indicators ADD COLUMN project_types TEXT NOT NULL DEFAULT ''",
"UPDATE exit_indicators SET project_types = 'road' WHERE code = 'road'",
"UPDATE exit_indicators SET project_types = 'water' WHERE code = 'water'",
"UPDATE exit_indicators SET project_types = 'housing' WHERE code = 'housing'",
"UPDATE exit_indicators SET project_types = 'pv' WHERE code = 'power'",
R"sql(INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES
    ('disbursements', 'attributes', 'disbursements', '资金支付 (payments per project)'),
    ('baselines', 'attributes', 'baselines', '计划基线 (frozen plans)'),
    ('baseline_projects', 'attributes', 'baseline_projects', '基线项目计划 (planned dates per baseline)'),
    ('baseline_milestones', 'attributes', 'baseline_milestones', '基线节点 (milestones per baseline)'),
    ('change_log', 'attributes', 'change_log', '变更记录 (who recorded what, when)'))sql",
};
// clang-format on

// SQLite checks `x IN ('a', 'b', 'c')` in a CHECK constraint by building a temporary B-tree
// of the list for every row written (about half the cost of writing a row of `projects`); the
// same test as comparisons joined by OR costs next to nothing. The constraints mean exactly
// what they meant (NULL passes both). CHECK text can be changed in place
// (sqlite.org/lang_altertable.html, "other kinds of table schema changes"); the index made and
// dropped at the end moves the schema cookie on, so that every connection reads the new text.
// clang-format off
constexpr std::string_view version_5[] = {
"PRAGMA writable_schema = ON",
R"sql(UPDATE sqlite_master SET sql = replace(sql,
    'level IN (''county'', ''township'', ''village'')',
    '(level = ''county'' OR level = ''township'' OR level = ''village'')')
    WHERE type = 'table' AND name = 'admin_units')sql",
R"sql(UPDATE sqlite_master SET sql = replace(replace(sql,
    'type IN (''road'', ''water'', ''dike'', ''housing'', ''reservoir'', ''pv'', ''other'')',
    '(type = ''road'' OR type = ''water'' OR type = ''dike'' OR type = ''housing'' OR type = ''reservoir'' OR type = ''pv'' OR type = ''other'')'),
    'stage IN (''preliminary'', ''new_start'', ''continuing'', ''completed'', ''in_service'')',
    '(stage = ''preliminary'' OR stage = ''new_start'' OR stage = ''continuing'' OR stage = ''completed'' OR stage = ''in_service'')')
    WHERE type = 'table' AND name = 'projects')sql",
R"sql(UPDATE sqlite_master SET sql = replace(sql,
    'category IN (''approval'', ''land'', ''construction'', ''environment'', ''funding'', ''other'')',
    '(category = ''approval'' OR category = ''land'' OR category = ''construction'' OR category = ''environment'' OR category = ''funding'' OR category = ''other'')')
    WHERE type = 'table' AND name = 'problems')sql",
R"sql(UPDATE sqlite_master SET sql = replace(sql,
    'matched_by IN (''code'', ''point'', ''line'', ''polygon'')',
    '(matched_by = ''code'' OR matched_by = ''point'' OR matched_by = ''line'' OR matched_by = ''polygon'')')
    WHERE type = 'table' AND name = 'project_villages')sql",
"PRAGMA writable_schema = OFF",
"CREATE INDEX xj_schema_cookie ON xj_meta (value)",
"DROP INDEX xj_schema_cookie",
};
// clang-format on

// A project may be measured by the reported percent (形象进度) too: the CHECK of `measure`
// gains the value, changed in place as in version 5.
// clang-format off
constexpr std::string_view version_6[] = {
"PRAGMA writable_schema = ON",
R"sql(UPDATE sqlite_master SET sql = replace(sql,
    'measure IN (''quantity'', ''milestones'')',
    '(measure = ''quantity'' OR measure = ''percent'' OR measure = ''milestones'')')
    WHERE type = 'table' AND name = 'projects')sql",
"PRAGMA writable_schema = OFF",
"CREATE INDEX xj_schema_cookie ON xj_meta (value)",
"DROP INDEX xj_schema_cookie",
};
// clang-format on

// One unit per dimension: projects imported before the importers normalised their units
// (公里 beside km, 米 for a road, 个 beside 处) get the canonical spelling of core/quantity_unit,
// and where the unit changes scale (米 → km) their planned, target, reported and baseline
// quantities are converted with it. Built from the same list the importers use; a unit
// Xiangjian does not know is left as written.
std::span<const std::string_view> version_7() {
    static const std::vector<std::string> statements = [] {
        std::vector<std::string> sql{"CREATE TEMP TABLE xj_units (written TEXT PRIMARY KEY, "
                                     "unit TEXT NOT NULL, factor REAL NOT NULL)"};
        for (const core::UnitSpelling& spelling : core::unit_spellings()) {
            sql.push_back("INSERT INTO temp.xj_units VALUES ('" + std::string{spelling.written} +
                          "', '" + std::string{spelling.unit} + "', " +
                          core::general(spelling.factor, 17) + ")");
        }
        // The projects whose unit is spelt otherwise, or scaled, with what they become.
        sql.push_back("CREATE TEMP TABLE xj_unit_changes AS SELECT p.project_id, u.unit, u.factor "
                      "FROM projects p JOIN temp.xj_units u "
                      "ON replace(lower(trim(p.unit)), ' ', '') = u.written "
                      "WHERE p.unit IS NOT u.unit OR u.factor <> 1");
        const auto scale = [&](const std::string& table, const std::string& column) {
            sql.push_back("UPDATE " + table + " SET " + column + " = " + column +
                          " * (SELECT factor FROM temp.xj_unit_changes c "
                          "WHERE c.project_id = " +
                          table + ".project_id) WHERE " + column +
                          " IS NOT NULL AND project_id IN (SELECT project_id FROM "
                          "temp.xj_unit_changes WHERE factor <> 1)");
        };
        scale("milestones", "target_quantity");
        scale("progress_reports", "cumulative_quantity");
        scale("baseline_projects", "planned_quantity");
        scale("baseline_milestones", "target_quantity");
        scale("projects", "planned_quantity");
        sql.push_back("UPDATE projects SET unit = (SELECT unit FROM temp.xj_unit_changes c "
                      "WHERE c.project_id = projects.project_id) "
                      "WHERE project_id IN (SELECT project_id FROM temp.xj_unit_changes)");
        sql.push_back("DROP TABLE temp.xj_unit_changes");
        sql.push_back("DROP TABLE temp.xj_units");
        return sql;
    }();
    static const std::vector<std::string_view> views(statements.begin(), statements.end());
    return views;
}

// A version of what a map draws (the units and the sites, their geometry and names), drawn
// anew at random by triggers on every insert, update and delete, whichever program makes it:
// the viewer's map cache (render/map_cache.h) stays valid while only the tracking tables
// change, as they do every day. Random rather than counted, so that two copies of a project
// edited apart never reach the same version with different maps.
std::span<const std::string_view> version_8() {
    static const std::vector<std::string> statements = [] {
        std::vector<std::string> sql{
            "INSERT INTO xj_meta (key, value) VALUES ('map_version', lower(hex(randomblob(8))))",
        };
        for (const MapVersionTrigger& trigger : map_version_triggers()) {
            sql.push_back("CREATE TRIGGER " + trigger.name + " AFTER " + trigger.change + " ON " +
                          trigger.table + " BEGIN " + map_version_update + "; END");
        }
        return sql;
    }();
    static const std::vector<std::string_view> views(statements.begin(), statements.end());
    return views;
}

const std::array<Migration, 8>& migrations() {
    static const std::array<Migration, 8> all{
        Migration{1, "initial schema", version_1},
        Migration{2, "villages served or crossed by each project", version_2},
        Migration{3, "geotagged site photos", version_3},
        Migration{4, "payments, plan baselines, change log, indicator project types", version_4},
        Migration{5, "CHECK constraints as comparisons, not IN lists", version_5},
        Migration{6, "projects measured by the reported percent", version_6},
        Migration{7, "one spelling per unit (km, 处, MW …), quantities converted with it",
                  version_7()},
        Migration{8, "a version of the map's units and sites, kept by triggers", version_8()},
    };
    return all;
}

} // namespace

std::span<const MapVersionTrigger> map_version_triggers() {
    static const std::vector<MapVersionTrigger> triggers = [] {
        std::vector<MapVersionTrigger> all;
        for (const char* table :
             {"admin_units", "project_points", "project_lines", "project_polygons"}) {
            for (const char* change : {"insert", "update", "delete"}) {
                all.push_back({std::string{map_version_trigger_prefix} + table + "_" + change,
                               table, change});
            }
        }
        return all;
    }();
    return triggers;
}

std::span<const Migration> schema_migrations() {
    return migrations();
}
int current_schema_version() {
    return migrations().back().version;
}

} // namespace xj::gpkg
