// Opening, creating and migrating the GeoPackage project file. The entity reads and writes are
// in gpkg_records.cpp.

#include "xiangjian/gpkg/gpkg_store.h"

#include "ogr_access.h"
#include "rtree_bulk.h"
#include "sqlite_access.h"
#include "xiangjian/core/engine_settings.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/portfolio_data.h"
#include "xiangjian/core/village_indicator.h"
#include "xiangjian/crs/crs.h"
#include "xiangjian/gdal/gdal_errors.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cpl_conv.h>
#include <filesystem>
#include <fstream>
#include <gdal_priv.h>
#include <optional>
#include <set>
#include <string_view>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <vector>

namespace xj::gpkg {

namespace {

constexpr const char* meta_table = "xj_meta";

GDALDatasetUniquePtr open_dataset(const std::string& path, GpkgStore::Access access) {
    if (!std::filesystem::exists(path)) {
        throw ProjectFileError(path + text("：没有这个文件", ": no such file"), path,
                               ProjectFileError::Reason::missing);
    }
    const char* const drivers[] = {"GPKG", nullptr};
    const unsigned flags =
        GDAL_OF_VECTOR | (access == GpkgStore::Access::update ? GDAL_OF_UPDATE : GDAL_OF_READONLY);
    gdal::GdalErrorCapture errors;
    GDALDataset* dataset = GDALDataset::Open(path.c_str(), flags, drivers, nullptr, nullptr);
    if (dataset == nullptr) {
        std::string reason =
            errors.has_error() ? errors.message() : text("GDAL 无法读取", "GDAL cannot read it");
        throw ProjectFileError(path + text("：不是 GeoPackage 文件（", ": not a GeoPackage (") +
                                   reason + text("）", ")"),
                               path, ProjectFileError::Reason::not_a_geopackage);
    }
    return GDALDatasetUniquePtr{dataset};
}

int stored_schema_version(GDALDataset& dataset, const std::string& path) {
    const auto has_meta = detail::query_text(
        dataset, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'xj_meta'");
    if (!has_meta || *has_meta == "0") {
        throw ProjectFileError(
            path + text("：是 GeoPackage 文件，但不是乡建项目库（没有 xj_meta 表）",
                        ": a GeoPackage, but not a Xiangjian project (it has no xj_meta table)"),
            path, ProjectFileError::Reason::not_a_project);
    }
    const auto version =
        detail::query_text(dataset, "SELECT value FROM xj_meta WHERE key = 'schema_version'");
    if (!version) {
        throw ProjectFileError(path + text("：xj_meta 表中没有 schema_version（文件已损坏）",
                                           ": the xj_meta table has no schema_version"),
                               path, ProjectFileError::Reason::damaged);
    }
    try {
        return std::stoi(*version);
    } catch (const std::exception&) {
        throw ProjectFileError(path + text("：schema_version “", ": schema_version '") + *version +
                                   text("” 不是数字", "' is not a number"),
                               path, ProjectFileError::Reason::damaged);
    }
}

void register_storage_crs(GDALDataset& dataset) {
    const OGRSpatialReference srs = crs::srs_from_epsg(crs::storage_epsg);
    char* wkt = nullptr;
    srs.exportToWkt(&wkt);
    const std::string definition = wkt;
    CPLFree(wkt);
    detail::execute(dataset,
                    "INSERT OR IGNORE INTO gpkg_spatial_ref_sys (srs_name, srs_id, organization, "
                    "organization_coordsys_id, definition, description) VALUES ("
                    "'China Geodetic Coordinate System 2000', 4490, 'EPSG', 4490, " +
                        detail::quote(definition) + ", 'CGCS2000 geographic (storage CRS)')",
                    "registering EPSG:4490");
}

void create_meta_table(GDALDataset& dataset) {
    detail::execute(dataset,
                    "CREATE TABLE xj_meta (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "
                    "key TEXT NOT NULL UNIQUE, value TEXT NOT NULL)",
                    "creating xj_meta");
    detail::execute(dataset,
                    "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) "
                    "VALUES ('xj_meta', 'attributes', 'xj_meta', "
                    "'乡建项目设置与模式版本 (Xiangjian settings, schema version)')",
                    "registering xj_meta");
    detail::execute(dataset, "INSERT INTO xj_meta (key, value) VALUES ('schema_version', '0')",
                    "writing the schema version");
}

/// Applies every migration newer than `from`, each in its own transaction with its version bump.
void migrate(GDALDataset& dataset, const std::string& path, int from,
             std::span<const Migration> migrations) {
    // A migration may rewrite the schema table (CHECK constraints changed in place).
    auto* db = static_cast<sqlite3*>(dataset.GetInternalHandle("SQLITE_HANDLE"));
    std::optional<detail::DefensiveOff> schema_writes;
    if (db != nullptr) {
        schema_writes.emplace(db);
    }
    for (const Migration& migration : migrations) {
        if (migration.version <= from) {
            continue;
        }
        const std::string context =
            path + text("：升级到模式版本 ", ": schema migration to version ") +
            std::to_string(migration.version) + " (" + std::string{migration.description} + ")";
        if (dataset.StartTransaction(FALSE) != OGRERR_NONE) {
            throw Error(context + text("：无法开始事务", ": cannot start a transaction"));
        }
        try {
            for (const std::string_view statement : migration.statements) {
                detail::execute(dataset, std::string{statement}, context);
            }
            detail::execute(dataset,
                            "UPDATE xj_meta SET value = '" + std::to_string(migration.version) +
                                "' WHERE key = 'schema_version'",
                            context);
        } catch (...) {
            dataset.RollbackTransaction();
            throw;
        }
        if (dataset.CommitTransaction() != OGRERR_NONE) {
            throw Error(context + text("：提交失败", ": commit failed"));
        }
    }
}

/// GDAL only knows the tables it saw when the file was opened, so spatial indexes for tables
/// made by a migration are added after reopening.
void ensure_spatial_indexes(GDALDataset& dataset) {
    std::vector<std::pair<std::string, std::string>> columns;
    detail::for_each_row(dataset, "SELECT table_name, column_name FROM gpkg_geometry_columns",
                         [&](OGRFeature& row) {
                             columns.emplace_back(row.GetFieldAsString(0), row.GetFieldAsString(1));
                         });
    for (const auto& [table, column] : columns) {
        const auto has =
            detail::query_text(dataset, "SELECT HasSpatialIndex(" + detail::quote(table) + ", " +
                                            detail::quote(column) + ")");
        if (!has || *has != "1") {
            detail::execute(dataset,
                            "SELECT CreateSpatialIndex(" + detail::quote(table) + ", " +
                                detail::quote(column) + ")",
                            "creating the spatial index of " + table);
        }
    }
}

/// The unit list (code, name, level … of every unit, without boundaries) from an index that
/// covers it. In the table those columns come after each boundary, so SQLite reads the whole
/// boundary (its overflow pages) to reach them: for a province, 0.1 s and 120 MB read for
/// 3 MB of names. Made by any opening for writing, not by a schema version, so that a file
/// without it still opens for reading, and older programs ignore it.
void ensure_unit_list_index(GDALDataset& dataset) {
    if (detail::query_text(dataset, "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                    "AND name = 'admin_units'") != "1") {
        return; // a file made by a test's own migrations
    }
    detail::execute(dataset,
                    "CREATE INDEX IF NOT EXISTS admin_units_list ON admin_units (code, name, "
                    "level, parent_code, population, households, poor_households, poor_village)",
                    "indexing the unit list");
}

/// False for a file on NFS, SMB/CIFS or a FUSE mount (sshfs and the like).
bool on_local_filesystem(const std::string& path) {
    struct statfs info {};
    if (statfs(path.c_str(), &info) != 0) {
        return false;
    }
    constexpr unsigned long nfs = 0x6969, smb = 0x517B, cifs = 0xFF534D42, smb2 = 0xFE534D42,
                            fuse = 0x65735546;
    const auto type = static_cast<unsigned long>(info.f_type);
    return type != nfs && type != smb && type != cifs && type != smb2 && type != fuse;
}

void seed_default_indicators(GDALDataset& dataset) {
    int seq = 1;
    for (const auto& indicator : core::default_exit_indicators()) {
        detail::execute(dataset,
                        "INSERT INTO exit_indicators (code, label_zh, label_en, seq) VALUES (" +
                            detail::quote(indicator.code) + ", " +
                            detail::quote(indicator.label_zh) + ", " +
                            detail::quote(indicator.label_en) + ", " + std::to_string(seq++) + ")",
                        "writing the default exit indicators");
        std::string types; // the project types serving it (column added in version 4)
        for (const auto type : core::default_indicator_project_types(indicator.code)) {
            if (!types.empty())
                types += ',';
            types += core::code(type);
        }
        detail::execute(dataset,
                        "UPDATE exit_indicators SET project_types = " + detail::quote(types) +
                            " WHERE code = " + detail::quote(indicator.code),
                        "writing the project types of the default exit indicators");
    }
    // The engine's thresholds, stored so that a county can see and change them.
    for (const auto& [key, value] : core::to_settings(core::EngineSettings{})) {
        detail::execute(dataset,
                        "INSERT OR REPLACE INTO xj_meta (key, value) VALUES (" +
                            detail::quote(key) + ", " + detail::quote(value) + ")",
                        "writing the engine settings");
    }
}

} // namespace

GpkgStore::GpkgStore(std::string path, GDALDatasetUniquePtr dataset, int schema_version)
    : m_path(std::move(path)), m_dataset(std::move(dataset)), m_schema_version(schema_version) {
    auto* db = static_cast<sqlite3*>(m_dataset->GetInternalHandle("SQLITE_HANDLE"));
    if (db == nullptr) {
        throw Error(m_path + ": GDAL gives no access to the GeoPackage's SQLite connection");
    }
    m_sql = std::make_unique<detail::Connection>(db);
}

GpkgStore::~GpkgStore() {
    if (m_in_transaction) {
        m_dataset->RollbackTransaction();
    }
    m_sql.reset();
}

void GpkgStore::changed(const char* table, const store::Box& grown) {
    m_changed[table].expand(grown);
}

GpkgStore::WriteScope::WriteScope(GpkgStore& store) : m_store(store) {
    if (!m_store.m_in_transaction) {
        m_store.m_sql->execute("SAVEPOINT xj_write", m_store.m_path + ": starting a write");
        m_open = true;
    }
}

void GpkgStore::WriteScope::done() {
    if (m_open) {
        m_store.write_contents();
        m_store.m_sql->execute("RELEASE xj_write", m_store.m_path + ": committing a write");
        m_open = false;
    }
}

GpkgStore::WriteScope::~WriteScope() {
    if (m_open) {
        m_store.m_changed.clear();
        try {
            m_store.m_sql->execute("ROLLBACK TO xj_write; RELEASE xj_write",
                                   m_store.m_path + ": undoing a write");
        } catch (...) { // a destructor must not throw; the write's own error is what matters
        }
    }
}

void GpkgStore::rows_written(const char* table, std::size_t rows) {
    if (!m_in_transaction) {
        return;
    }
    std::size_t& count = m_rows_written[table];
    const std::size_t before = count;
    count += rows;
    // Looked at when the count passes 1024, 2048, 4096 …: rebuilding reads the whole table,
    // so it pays when the new rows are a good part of it.
    const bool indexes = m_deferred_indexes.count(table) == 0 && m_keep_indexes.count(table) == 0;
    const bool rtree = m_deferred_rtrees.count(table) == 0;
    if (count < 1024 || std::bit_floor(count) == std::bit_floor(std::max<std::size_t>(before, 1)) ||
        (!indexes && !rtree)) {
        return;
    }
    const std::string context = m_path + ": deferring the indexes of " + table;
    {
        auto rows_now = m_sql->prepare(std::string{"SELECT count(*) FROM \""} + table + "\"");
        if (!rows_now.step(context) ||
            rows_now.integer(0).value_or(0) > 4 * static_cast<long long>(count)) {
            return;
        }
    }
    // The table's own indexes (not those of its UNIQUE constraints, which have no SQL), and
    // the triggers that keep its spatial index as rows come and go.
    std::vector<std::pair<std::string, std::string>> index_sql, trigger_sql; // name, SQL
    {
        auto index = m_sql->prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                    "AND tbl_name = ?1 AND sql IS NOT NULL");
        index.text(1, table);
        while (indexes && index.step(context)) {
            index_sql.emplace_back(index.text(0), index.text(1));
        }
        // All of them: an upsert fires the update triggers, each a row-by-row R-tree write
        // (GDAL names them update1 … update4, later versions update5 … update7). And those
        // that draw the map's version anew at each row (schema 8): the rows before this drew it
        // already, and it is drawn once more when they come back before the commit.
        const std::string rtree_prefix = std::string{"rtree_"} + table + "_geom_";
        const std::string map_prefix = std::string{map_version_trigger_prefix} + table + "_";
        auto trigger = m_sql->prepare(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1 AND "
            "(substr(name, 1, ?2) = ?3 OR substr(name, 1, ?4) = ?5) ORDER BY name");
        trigger.text(1, table)
            .integer(2, static_cast<long long>(rtree_prefix.size()))
            .text(3, rtree_prefix)
            .integer(4, static_cast<long long>(map_prefix.size()))
            .text(5, map_prefix);
        while (rtree && trigger.step(context)) {
            trigger_sql.emplace_back(trigger.text(0), trigger.text(1));
        }
    }
    std::vector<std::string>& deferred_indexes = m_deferred_indexes[table];
    for (auto& [name, sql] : index_sql) {
        m_sql->execute("DROP INDEX \"" + name + "\"", context);
        deferred_indexes.push_back(std::move(sql));
    }
    if (!trigger_sql.empty()) {
        std::vector<std::string>& deferred_triggers = m_deferred_rtrees[table];
        for (auto& [name, sql] : trigger_sql) {
            m_sql->execute("DROP TRIGGER \"" + name + "\"", context);
            deferred_triggers.push_back(std::move(sql));
        }
    }
}

void GpkgStore::restore_indexes(const std::string& table) {
    const auto found = m_deferred_indexes.find(table);
    if (found == m_deferred_indexes.end()) {
        return;
    }
    const std::string context = m_path + ": rebuilding the indexes of " + table;
    for (const std::string& index : found->second) {
        m_sql->execute(index, context);
    }
    m_deferred_indexes.erase(found);
}

void GpkgStore::need_indexes(const std::string& table) {
    if (m_in_transaction) {
        // Lookups by key need the B-tree indexes; the spatial index can wait for the commit.
        restore_indexes(table);
        m_keep_indexes.insert(table);
    }
}

void GpkgStore::restore_all_indexes() {
    while (!m_deferred_indexes.empty()) {
        restore_indexes(m_deferred_indexes.begin()->first);
    }
    bool map_changed = false;
    for (const auto& [table, triggers] : m_deferred_rtrees) {
        detail::rebuild_rtree(*m_sql, table, "geom");
        for (const std::string& trigger : triggers) {
            m_sql->execute(trigger, m_path + ": restoring the spatial index triggers of " + table);
            map_changed =
                map_changed || trigger.find(map_version_trigger_prefix) != std::string::npos;
        }
    }
    if (map_changed) { // what the set-aside triggers would have done, row after row
        m_sql->execute(map_version_update, m_path + ": drawing the map's version anew");
    }
    m_deferred_rtrees.clear();
    m_rows_written.clear();
    m_keep_indexes.clear();
}

void GpkgStore::write_contents() {
    for (const auto& [table, extent] : m_changed) {
        const std::string context = m_path + ": updating gpkg_contents of " + table;
        if (!extent.empty()) {
            m_sql
                ->prepare("UPDATE gpkg_contents SET "
                          "min_x = CASE WHEN min_x IS NULL OR min_x > ?2 THEN ?2 ELSE min_x END, "
                          "max_x = CASE WHEN max_x IS NULL OR max_x < ?3 THEN ?3 ELSE max_x END, "
                          "min_y = CASE WHEN min_y IS NULL OR min_y > ?4 THEN ?4 ELSE min_y END, "
                          "max_y = CASE WHEN max_y IS NULL OR max_y < ?5 THEN ?5 ELSE max_y END, "
                          "last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                          "WHERE table_name = ?1")
                .text(1, table)
                .real(2, extent.min_x)
                .real(3, extent.max_x)
                .real(4, extent.min_y)
                .real(5, extent.max_y)
                .run(context);
        } else {
            m_sql
                ->prepare("UPDATE gpkg_contents SET last_change = "
                          "strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE table_name = ?1")
                .text(1, table)
                .run(context);
        }
    }
    m_changed.clear();
}

std::unique_ptr<GpkgStore> GpkgStore::create(const std::string& path) {
    return build(path, schema_migrations(), true);
}

std::unique_ptr<GpkgStore> GpkgStore::open(const std::string& path, Access access) {
    return open(path, access, schema_migrations());
}

std::unique_ptr<GpkgStore> GpkgStore::create(const std::string& path,
                                             std::span<const Migration> migrations) {
    return build(path, migrations, false);
}

std::unique_ptr<GpkgStore> GpkgStore::build(const std::string& path,
                                            std::span<const Migration> migrations,
                                            bool with_default_content) {
    gdal::initialize_gdal();
    if (std::filesystem::exists(path)) {
        throw ProjectFileError(path + text("：文件已存在（乡建从不覆盖项目库文件）",
                                           ": already exists (Xiangjian never overwrites a "
                                           "project file)"),
                               path, ProjectFileError::Reason::exists);
    }
    // Built under a temporary name and renamed at the end: a failed creation leaves nothing.
    const std::string partial = path + ".partial";
    std::filesystem::remove(partial);
    try {
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
        if (driver == nullptr) {
            throw Error(
                text("GDAL 没有 GeoPackage 驱动", "GDAL was built without the GeoPackage driver"));
        }
        gdal::GdalErrorCapture errors;
        GDALDatasetUniquePtr dataset{
            driver->Create(partial.c_str(), 0, 0, 0, GDT_Unknown, nullptr)};
        if (!dataset) {
            throw Error(path + text("：无法创建（", ": cannot create (") + errors.message() +
                        text("）", ")"));
        }
        // SQLite's largest page, 64 KiB, while the file is still empty (VACUUM rewrites it in
        // the new size). A boundary's geometry (2-20 KB) then sits in its row's page instead
        // of a chain of 4 KiB overflow pages read one system call each, and a scan of a table
        // reads a sixteenth as many pages: a province's map layers are read in 0.22 s instead
        // of 0.41 s. Journalled writes copy whole pages, 64 KiB each: a day's entry changes a
        // handful.
        detail::execute(*dataset, "PRAGMA page_size = " + std::to_string(page_size),
                        "setting the page size");
        detail::execute(*dataset, "VACUUM", "setting the page size");
        register_storage_crs(*dataset);
        create_meta_table(*dataset);
        migrate(*dataset, path, 0, migrations);
        if (with_default_content) {
            seed_default_indicators(*dataset);
        }
        dataset.reset();
        std::filesystem::rename(partial, path);
    } catch (...) {
        std::filesystem::remove(partial);
        throw;
    }
    return open(path, Access::update, migrations);
}

std::unique_ptr<GpkgStore> GpkgStore::open(const std::string& path, Access access,
                                           std::span<const Migration> migrations) {
    gdal::initialize_gdal();
    GDALDatasetUniquePtr dataset = open_dataset(path, access);
    int version = stored_schema_version(*dataset, path);
    const int known = migrations.empty() ? 0 : migrations.back().version;
    if (version > known) {
        throw ProjectFileError(
            path +
                text("：由更新版本的乡建写入（模式版本 ",
                     ": written by a newer Xiangjian (schema version ") +
                std::to_string(version) + text("，本程序最高支持 ", "; this program knows up to ") +
                std::to_string(known) +
                text("）。请升级乡建后再打开。", "). Update Xiangjian to open it."),
            path, ProjectFileError::Reason::newer);
    }
    if (version < known) {
        if (access == Access::read_only) {
            throw ProjectFileError(
                path + text("：模式版本 ", ": schema version ") + std::to_string(version) +
                    text(" 低于本程序的 ", " is older than this program's ") +
                    std::to_string(known) +
                    text("；请先运行 “xiangjian upgrade ", "; run 'xiangjian upgrade ") + path +
                    text("”", "' first"),
                path, ProjectFileError::Reason::older);
        }
        migrate(*dataset, path, version, migrations);
        version = known;
        dataset.reset();
        dataset = open_dataset(path, access);
    }
    // Two people on one office share: a write waits up to 10 s for the other's to end, and a
    // read for a commit under way, instead of failing at once with "database is locked".
    detail::execute(*dataset, "PRAGMA busy_timeout = 10000", "waiting for other writers");
    if (access == Access::update) {
        ensure_spatial_indexes(*dataset);
        ensure_unit_list_index(*dataset);
        detail::execute(*dataset, "PRAGMA foreign_keys = ON", "enabling foreign keys");
        // Statement journals (a statement's own undo: every upsert, every delete with its
        // triggers) and the sorts of CREATE INDEX in memory, not in temporary files.
        detail::execute(*dataset, "PRAGMA temp_store = MEMORY", "keeping temporary data in memory");
        // Room for an import's changed pages (64 MiB, not SQLite's 2): with less, SQLite
        // writes them out mid-transaction and reads them back (20,000 roads with their
        // village links: 0.66 -> 0.50 s of writing).
        detail::execute(*dataset, "PRAGMA cache_size = -65536", "sizing the page cache");
        // Pages read straight from the file's mapping instead of copied by a read() each: an
        // import's scan of a province's boundaries (100 MB) takes 0.18 s instead of 0.28 s,
        // and the key lookups of its writes stop paying a system call per page. Writes still
        // go through the journal; SQLite caps the size at what it was built with. Not for
        // reading only: a map reads each page once, gains nothing measurable, and its three
        // connections would each count the mapped file in the process's resident size. Not on
        // a network share either, where SQLite advises against mapping.
        if (on_local_filesystem(path)) {
            detail::execute(*dataset, "PRAGMA mmap_size = 2147418112", "mapping the file");
        }
    }
    return std::unique_ptr<GpkgStore>(new GpkgStore(path, std::move(dataset), version));
}

bool GpkgStore::upgrade_storage() {
    if (m_in_transaction) {
        throw Error(m_path +
                    text("：事务中不能重写文件", ": cannot rewrite the file within a transaction"));
    }
    const std::string context = m_path + text("：改用 64 KiB 页", ": changing to 64 KiB pages");
    long long current = 0;
    {
        auto size = m_sql->prepare("PRAGMA page_size");
        if (size.step(context)) {
            current = size.integer(0).value_or(0);
        }
    }
    if (current >= page_size) {
        return false;
    }
    // VACUUM copies the database into the new page size and writes it back through the
    // journal: all or nothing, as any transaction; it waits for other connections to finish.
    m_sql->execute("PRAGMA page_size = " + std::to_string(page_size), context);
    m_sql->execute("VACUUM", context);
    return true;
}

std::optional<std::string> GpkgStore::map_version() const {
    // From schema 8 the file keeps a version of its units and sites, drawn anew by triggers on
    // every change to them (schema.cpp), whoever writes: progress recorded since leaves it as
    // it was. Every one of the triggers must be there: a table dropped and made again (by
    // another program) comes back without them, and its changes would go unseen.
    const std::string context = m_path + ": reading the map's version";
    std::set<std::string> present;
    auto trigger = m_sql->prepare(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, ?1) = ?2");
    trigger.integer(1, static_cast<long long>(std::string_view{map_version_trigger_prefix}.size()))
        .text(2, map_version_trigger_prefix);
    while (trigger.step(context)) {
        present.insert(trigger.text(0));
    }
    const auto triggers = map_version_triggers();
    if (std::all_of(triggers.begin(), triggers.end(),
                    [&](const MapVersionTrigger& kept) { return present.count(kept.name) > 0; })) {
        auto version = m_sql->prepare("SELECT value FROM xj_meta WHERE key = 'map_version'");
        if (version.step(context) && !version.is_null(0)) {
            return "gpkg map " + version.text(0);
        }
    }
    return file_version();
}

std::optional<std::string> GpkgStore::file_version() const {
    // SQLite counts the transactions that changed a file in its header (the file change
    // counter, bytes 24-27, big-endian) in the rollback-journal mode GDAL and this store use.
    // With the file's identity, size and modification time, that tells a changed file from the
    // one a cache was made of, whoever changed it: this program, QGIS, sqlite3. Nothing is
    // promised for a file in WAL mode (its commits leave the header alone until a checkpoint),
    // one with a journal beside it (a write under way, or one interrupted that the next opening
    // rolls back), or one on a network share, whose times are not to be trusted.
    if (!on_local_filesystem(m_path)) {
        return std::nullopt;
    }
    for (const char* beside : {"-wal", "-journal"}) {
        std::error_code error;
        if (std::filesystem::exists(m_path + beside, error) || error) {
            return std::nullopt;
        }
    }
    struct stat file_status {};
    std::array<unsigned char, 100> header{};
    std::ifstream file(m_path, std::ios::binary);
    if (::stat(m_path.c_str(), &file_status) != 0 ||
        !file.read(reinterpret_cast<char*>(header.data()), header.size())) {
        return std::nullopt;
    }
    constexpr int write_version = 18, read_version = 19, change_counter = 24;
    if (header[write_version] != 1 || header[read_version] != 1) { // 2: WAL
        return std::nullopt;
    }
    const std::uint32_t changes = std::uint32_t{header[change_counter]} << 24 |
                                  std::uint32_t{header[change_counter + 1]} << 16 |
                                  std::uint32_t{header[change_counter + 2]} << 8 |
                                  std::uint32_t{header[change_counter + 3]};
    return "gpkg " + std::to_string(file_status.st_dev) + ' ' + std::to_string(file_status.st_ino) +
           ' ' + std::to_string(file_status.st_size) + ' ' +
           std::to_string(file_status.st_mtim.tv_sec) + '.' +
           std::to_string(file_status.st_mtim.tv_nsec) + ' ' + std::to_string(changes);
}

void GpkgStore::begin_transaction() {
    if (m_in_transaction) {
        throw Error(m_path + text("：已有未结束的事务", ": a transaction is already open"));
    }
    gdal::GdalErrorCapture errors;
    if (m_dataset->StartTransaction(FALSE) != OGRERR_NONE) {
        throw Error(m_path + text("：无法开始事务（", ": cannot start a transaction (") +
                    errors.message() + text("）", ")"));
    }
    m_in_transaction = true;
    // The write lock now, not at the first write: a transaction that first reads (an entry's
    // checks against the project's records) and then writes would otherwise fail at once,
    // without waiting, when another connection started writing in between; and what it read
    // could be changed under it.
    try {
        m_sql->execute("UPDATE xj_meta SET value = value WHERE key = 'schema_version'",
                       m_path + text("：等待写入", ": waiting to write"));
    } catch (const Error& error) {
        rollback_transaction();
        throw StoreError(m_path +
                             text("：项目正由他人写入（另一窗口或程序），请稍后再试（",
                                  ": the project is being changed by someone else (another "
                                  "window or program); try again in a moment (") +
                             error.what() + text("）", ")"),
                         "xj_meta", "schema_version");
    }
}

void GpkgStore::commit_transaction() {
    try {
        restore_all_indexes();
        write_contents();
    } catch (...) {
        rollback_transaction();
        throw;
    }
    gdal::GdalErrorCapture errors;
    m_in_transaction = false;
    if (m_dataset->CommitTransaction() != OGRERR_NONE) {
        m_dataset->RollbackTransaction();
        throw Error(m_path + text("：提交失败（", ": commit failed (") + errors.message() +
                    text("）", ")"));
    }
}

void GpkgStore::rollback_transaction() {
    m_changed.clear();
    m_rows_written.clear();
    m_deferred_indexes.clear();
    m_deferred_rtrees.clear();
    m_keep_indexes.clear();
    m_in_transaction = false;
    m_dataset->RollbackTransaction();
}

void GpkgStore::set_setting(const std::string& key, const std::string& value) {
    WriteScope scope(*this);
    m_sql
        ->prepare("INSERT INTO xj_meta (key, value) VALUES (?1, ?2) "
                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .text(1, key)
        .text(2, value)
        .run(m_path + ": setting " + key);
    changed("xj_meta");
    scope.done();
}

std::string GpkgStore::setting(const std::string& key) const {
    // A prepared statement, not OGR's SQL layer: the engine reads six settings each time.
    auto row = m_sql->prepare("SELECT value FROM xj_meta WHERE key = ?1");
    row.text(1, key);
    return row.step(m_path + ": reading the setting " + key) ? row.text(0) : std::string{};
}

} // namespace xj::gpkg
