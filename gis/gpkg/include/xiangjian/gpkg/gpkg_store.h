#pragma once

#include "xiangjian/gpkg/schema.h"
#include "xiangjian/store/project_store.h"

#include <functional>
#include <gdal_priv.h>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <vector>

struct sqlite3;

namespace xj::gpkg {

class GpkgStore;

namespace detail {
class Connection;
class Statement;
template <typename Record> struct TableMap;
/// The store's own SQLite connection: for the backend's tests of SQLite settings on a live
/// store, nothing else.
sqlite3* connection_of(const GpkgStore& store);
} // namespace detail

/// The embedded project database: one GeoPackage file that QGIS opens as is.
class GpkgStore final : public store::ProjectStore {
public:
    using Access = store::Access;
    /// The SQLite page size of the projects this program creates: SQLite's largest (build()
    /// says why). Files made by other programs or older versions keep theirs.
    static constexpr int page_size = 65536;

    /// Creates a new project file; refuses to overwrite an existing file.
    static std::unique_ptr<GpkgStore> create(const std::string& path);
    /// Opens a project file. With Access::update an older schema is migrated in place (one
    /// transaction); a newer schema than this program knows is refused.
    static std::unique_ptr<GpkgStore> open(const std::string& path, Access access = Access::update);

    /// As above, with an explicit migration list (tests exercise the migration path with it).
    static std::unique_ptr<GpkgStore> create(const std::string& path,
                                             std::span<const Migration> migrations);
    static std::unique_ptr<GpkgStore> open(const std::string& path, Access access,
                                           std::span<const Migration> migrations);

    ~GpkgStore() override;

    int schema_version() const override { return m_schema_version; }
    std::string location() const override { return m_path; }
    bool upgrade_storage() override;
    std::optional<std::string> map_version() const override;
    /// A version of the whole file, for one older than schema 8 or without the map's triggers:
    /// its identity, size and time and SQLite's count of its changes.
    std::optional<std::string> file_version() const;
    std::vector<store::LayerSummary> layers() const override;
    store::UnitCounts unit_counts() const override;

    void begin_transaction() override;
    void commit_transaction() override;
    void rollback_transaction() override;

    void set_setting(const std::string& key, const std::string& value) override;
    std::string setting(const std::string& key) const override;

    void upsert_unit(const core::AdminUnit& unit, const store::Geometry& boundary) override;
    void add_unit(const core::AdminUnit& unit, const store::Geometry& boundary) override;
    std::vector<store::UnitRecord> units() const override;
    std::vector<store::UnitRecord> unit_and_children(const std::string& code) const override;
    std::vector<core::AdminUnit> unit_list() const override;
    void scan_unit_boundaries(const BoundaryVisitor& visit) const override;
    void scan_units(const store::Box& window, const UnitVisitor& visit) const override;
    void scan_units(const UnitVisitor& visit) const override;
    std::vector<core::AdminUnit> unit_list(std::span<const std::string> codes) const override;
    store::Box extent() const override;
    void scan_sites(const SiteVisitor& visit) const override;
    void scan_sites(const store::Box& window, const SiteVisitor& visit) const override;

    void upsert_project(const core::Project& project) override;
    void add_project(const core::Project& project) override;
    std::vector<core::Project> projects() const override;
    std::vector<core::Project> projects(std::span<const std::string> ids) const override;

    void add_site(const store::ProjectSite& site) override;
    std::vector<store::ProjectSite> sites() const override;
    std::vector<store::ProjectSite> sites(std::span<const std::string> project_ids) const override;
    void remove_sites(const std::string& project_id) override;

    void replace_project_villages(const std::string& project_id,
                                  const std::vector<core::ProjectVillage>& villages) override;
    void add_project_villages(const std::vector<core::ProjectVillage>& villages) override;
    std::vector<core::ProjectVillage> project_villages() const override;
    std::vector<core::ProjectVillage>
    project_villages(std::span<const std::string> project_ids) const override;
    std::vector<core::ProjectVillage>
    village_projects(std::span<const std::string> village_codes) const override;

    void upsert_milestone(const core::Milestone& milestone) override;
    std::vector<core::Milestone> milestones() const override;
    std::vector<core::Milestone>
    milestones(std::span<const std::string> project_ids) const override;

    void add_progress_report(const core::ProgressReport& report) override;
    void replace_progress_report(const core::ProgressReport& report) override;
    std::vector<core::ProgressReport> progress_reports() const override;
    std::vector<core::ProgressReport>
    progress_reports(std::span<const std::string> project_ids) const override;

    void upsert_problem(const core::Problem& problem) override;
    std::vector<core::Problem> problems() const override;
    std::vector<core::Problem> problems(std::span<const std::string> project_ids) const override;

    void add_site_visit(const core::SiteVisit& visit) override;
    std::vector<core::SiteVisit> site_visits() const override;
    std::vector<core::SiteVisit>
    site_visits(std::span<const std::string> project_ids) const override;

    void upsert_photo(const core::Photo& photo) override;
    std::vector<core::Photo> photos() const override;

    void remove_progress_report(const std::string& project_id, core::Date day) override;
    void remove_site_visit(const core::SiteVisit& visit) override;
    void remove_problem(const std::string& problem_id) override;
    void remove_photo(const std::string& path) override;

    void add_disbursement(const core::Disbursement& payment) override;
    std::vector<core::Disbursement> disbursements() const override;
    std::vector<core::Disbursement>
    disbursements(std::span<const std::string> project_ids) const override;
    void add_baseline(const core::Baseline& baseline) override;
    std::vector<core::Baseline> baselines() const override;
    void log_change(const store::ChangeRecord& change) override;
    std::vector<store::ChangeRecord> changes() const override;
    std::vector<core::IndicatorRule> indicator_rules() const override;
    void add_indicator_assessment(const core::VillageIndicator& assessment) override;
    std::vector<core::VillageIndicator> indicator_assessments() const override;
    std::vector<core::VillageIndicator>
    indicator_assessments(std::span<const std::string> village_codes) const override;

private:
    friend sqlite3* detail::connection_of(const GpkgStore& store);

    static std::unique_ptr<GpkgStore> build(const std::string& path,
                                            std::span<const Migration> migrations,
                                            bool with_default_content);
    GpkgStore(std::string path, GDALDatasetUniquePtr dataset, int schema_version);

    /// A unit through a prepared statement: a plain insert when `known_new`, else an upsert by
    /// code that keeps the row of a unit already there.
    void write_unit(const core::AdminUnit& unit, const store::Geometry& boundary, bool known_new);

    /// A table written with the store's own statements: GDAL keeps gpkg_contents (extent,
    /// last change) up to date for what it writes itself; for these rows the store does,
    /// just before the commit.
    void changed(const char* table, const store::Box& grown = {});
    void write_contents();
    /// One call's writes as one unit (with their gpkg_contents update) when no transaction
    /// is open: a savepoint, released by done(), rolled back if the call throws first.
    class WriteScope {
    public:
        explicit WriteScope(GpkgStore& store);
        WriteScope(const WriteScope&) = delete;
        WriteScope& operator=(const WriteScope&) = delete;
        ~WriteScope();
        void done();

    private:
        GpkgStore& m_store;
        bool m_open = false;
    };
    /// Bulk loads: counts the rows written to `table` in this transaction; once they are many,
    /// and many against the table, its own indexes and the triggers of its spatial index are
    /// dropped (inside the transaction) and built again in one pass at the commit, from
    /// sorted keys and boxes, instead of row by row. A rollback undoes both.
    void rows_written(const char* table, std::size_t rows = 1);
    /// Before a lookup by key in `table`: its B-tree indexes back, and kept for the
    /// transaction (its spatial index is still rebuilt at the commit).
    void need_indexes(const std::string& table);
    void restore_indexes(const std::string& table);
    void restore_all_indexes();
    /// Visits the rows of `table` (`SELECT columns FROM table`) whose project_id is one of
    /// `ids`, ordered by `order` within a project: one indexed lookup per id when they are few
    /// against the table, one pass over it when they are many.
    void for_rows_of_projects(std::span<const std::string> ids, const char* table,
                              const char* columns, const char* order,
                              const std::function<void(const detail::Statement&)>& visit) const;

    /// The units of `SELECT … FROM admin_units` + `where` (with ?1 bound to `parameter`).
    std::vector<store::UnitRecord> unit_records(const char* where,
                                                const std::string& parameter) const;
    /// The largest fid of a table: its rows, at most (its fids count up from 1).
    long long largest_fid(const char* table) const;
    std::size_t row_count(const char* table) const;
    /// Several reads of one call as one state of the file, when no transaction is open: a read
    /// transaction (a savepoint), ended with the scope.
    class ReadSnapshot {
    public:
        explicit ReadSnapshot(const GpkgStore& store);
        ReadSnapshot(const ReadSnapshot&) = delete;
        ReadSnapshot& operator=(const ReadSnapshot&) = delete;
        ~ReadSnapshot();

    private:
        const GpkgStore& m_store;
        bool m_open = false;
    };
    /// A second connection of the store's own, read-only, opened on first use: a large table is
    /// read on two cores, half on each connection.
    detail::Connection& reader() const;

    // The records of a table through its column map (gpkg_rows.h): inserted, or upserted by
    // the map's key, as one unit; read whole in the map's order, or those of some projects.
    template <typename Record>
    void write_rows(const detail::TableMap<Record>& map, std::span<const Record> records,
                    bool upsert);
    template <typename Record>
    void write_row(const detail::TableMap<Record>& map, const Record& record, bool upsert) {
        write_rows(map, std::span<const Record>(&record, 1), upsert);
    }
    /// Deletes the row with the record's key; throws a StoreError naming it when there is none.
    template <typename Record>
    void delete_row(const detail::TableMap<Record>& map, const Record& record);
    template <typename Record>
    std::vector<Record> read_rows(const detail::TableMap<Record>& map) const;
    template <typename Record>
    std::vector<Record> read_rows(const detail::TableMap<Record>& map,
                                  std::span<const std::string> project_ids) const;
    template <typename Record>
    void read_into(const detail::TableMap<Record>& map, const detail::Statement& row, int first,
                   Record& record) const;

    std::string m_path;
    GDALDatasetUniquePtr m_dataset;
    /// GDAL's own SQLite connection; declared after the dataset so that its statements are
    /// finalized before GDAL closes it.
    std::unique_ptr<detail::Connection> m_sql;
    mutable std::unique_ptr<detail::Connection> m_reader;
    std::map<std::string, store::Box> m_changed;       ///< table → extent grown (or none)
    std::map<std::string, std::size_t> m_rows_written; ///< in this transaction, by table
    /// Set aside in this transaction, by table: CREATE INDEX, and the CREATE TRIGGERs that keep
    /// its R-tree (rebuilt at the commit).
    std::map<std::string, std::vector<std::string>> m_deferred_indexes;
    std::map<std::string, std::vector<std::string>> m_deferred_rtrees;
    std::set<std::string> m_keep_indexes; ///< looked up in this transaction
    int m_schema_version = 0;
    bool m_in_transaction = false;
};

} // namespace xj::gpkg
