#pragma once

#include "xiangjian/core/admin_unit.h"
#include "xiangjian/core/photo.h"
#include "xiangjian/core/portfolio_data.h"
#include "xiangjian/core/project.h"
#include "xiangjian/core/village_indicator.h"
#include "xiangjian/store/geometry.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace xj::store {

/// How a project is opened: to read it, or to change it (an older schema is then migrated).
enum class Access { read_only, update };

/// An administrative unit with its boundary (a polygon or multipolygon; none when absent).
struct UnitRecord {
    core::AdminUnit unit;
    Geometry boundary;
};

/// Where a project is built: a point (water site, housing), a line (road, dike, pipe) or a
/// polygon (reservoir, PV station). A project may have several sites. The store gives lines
/// and polygons back as their multi types.
struct ProjectSite {
    std::string project_id;
    std::string name;
    Geometry geometry;
};

/// A layer or table of the project as `info` lists it.
struct LayerSummary {
    std::string name;
    std::string geometry_type; ///< "Point", "MultiPolygon" …; empty for a table
    long long features = 0;
    std::string crs; ///< "EPSG:4490"; empty for a table
    Box extent;      ///< of its geometries; empty for a table or an empty layer
};

/// The administrative units counted by level, and the poor villages among them.
struct UnitCounts {
    std::map<core::AdminLevel, long long> by_level;
    long long poor_villages = 0;
};

/// One entry of the change log: data entered by hand is dated and attributed.
struct ChangeRecord {
    std::string recorded_at; ///< UTC, YYYY-MM-DDTHH:MM:SSZ
    std::string recorded_by;
    std::string action;  ///< e.g. "record progress"
    std::string subject; ///< the record: project id, problem id …
    std::string detail;  ///< what was recorded, in words
    friend bool operator==(const ChangeRecord&, const ChangeRecord&) = default;
};

/// The project database. Every front end talks to this interface; the GeoPackage file is the
/// embedded default, a PostGIS server comes later behind the same interface.
///
/// Writes are atomic per call; wrap several in a `Transaction` to make them one unit.
/// Failures throw xj::Error naming the record and the reason.
class ProjectStore {
public:
    ProjectStore() = default;
    ProjectStore(const ProjectStore&) = delete;
    ProjectStore& operator=(const ProjectStore&) = delete;
    virtual ~ProjectStore() = default;

    virtual int schema_version() const = 0;
    virtual std::string location() const = 0; ///< file path or connection, for messages
    /// Rewrites an older project's storage in the layout this program creates, when it differs
    /// (`xiangjian upgrade`): a GeoPackage made with smaller SQLite pages gets 64 KiB ones.
    /// Returns whether it rewrote anything. Not within a transaction.
    virtual bool upgrade_storage() { return false; }
    /// A text that changes whenever what a map reads of the store (the units and sites: their
    /// geometry, codes and names) may have changed, for the map cache: equal texts promise
    /// equal maps. None when the store cannot tell, and a cache must then not be used.
    virtual std::optional<std::string> map_version() const { return std::nullopt; }

    /// What the project holds, for `info`: its layers and tables in their stored order.
    virtual std::vector<LayerSummary> layers() const = 0;
    virtual UnitCounts unit_counts() const = 0;

    virtual void begin_transaction() = 0;
    virtual void commit_transaction() = 0;
    virtual void rollback_transaction() = 0;

    /// Free-form project settings (e.g. the demo's as-of date).
    virtual void set_setting(const std::string& key, const std::string& value) = 0;
    virtual std::string setting(const std::string& key) const = 0; ///< empty when unset

    /// A unit by code, with its boundary (none: the unit has no boundary).
    virtual void upsert_unit(const core::AdminUnit& unit, const Geometry& boundary) = 0;
    /// Adds a unit known to be new (an import that has read every code): no lookup first.
    virtual void add_unit(const core::AdminUnit& unit, const Geometry& boundary) = 0;
    virtual std::vector<UnitRecord> units() const = 0; ///< ordered by code
    /// A unit with its boundary (when the project has it), and the units directly below it (a
    /// township's villages), each by code.
    virtual std::vector<UnitRecord> unit_and_children(const std::string& code) const = 0;
    virtual std::vector<core::AdminUnit> unit_list() const = 0; ///< the same without boundaries
    /// Each unit's code and level, with its boundary as WKB (lon/lat; empty when it has none),
    /// ordered by code: the light read of a spatial join, with no attribute parsed and no
    /// geometry object built. The bytes are valid during the call only.
    using BoundaryVisitor = std::function<void(const std::string& code, core::AdminLevel level,
                                               std::span<const unsigned char> wkb)>;
    virtual void scan_unit_boundaries(const BoundaryVisitor& visit) const = 0;
    /// The units whose boundary's box meets `window` (lon/lat), with the boundary as WKB, by
    /// code: what a map of that window draws, found through the store's spatial index. The
    /// bytes are valid during the call only.
    using UnitVisitor =
        std::function<void(const core::AdminUnit& unit, std::span<const unsigned char> wkb)>;
    virtual void scan_units(const Box& window, const UnitVisitor& visit) const = 0;
    /// Every unit with its boundary as WKB (empty when it has none), by code: a whole map's
    /// units in one pass, attributes and boundaries together.
    virtual void scan_units(const UnitVisitor& visit) const = 0;
    /// These units (those the store holds), by code.
    virtual std::vector<core::AdminUnit> unit_list(std::span<const std::string> codes) const = 0;
    /// The box of every boundary and site: at least that, maybe more (a backend may keep it
    /// as written, not shrunk by deletions); empty when nothing was ever stored.
    virtual Box extent() const = 0;

    virtual void upsert_project(const core::Project& project) = 0;
    virtual void add_project(const core::Project& project) = 0; ///< known to be new: no lookup
    virtual std::vector<core::Project> projects() const = 0;    ///< ordered by id
    /// Those of these projects the store holds, in any order: an import reads what it will
    /// merge over, not the whole table.
    virtual std::vector<core::Project> projects(std::span<const std::string> ids) const = 0;

    virtual void add_site(const ProjectSite& site) = 0;
    /// Every site, by project id; a project's points, then its lines, then its polygons, each
    /// in the order they were added.
    virtual std::vector<ProjectSite> sites() const = 0;
    /// The sites of these projects: a project's sites in the order of sites(), projects in
    /// any order.
    virtual std::vector<ProjectSite> sites(std::span<const std::string> project_ids) const = 0;
    virtual void remove_sites(const std::string& project_id) = 0;
    /// Every site as WKB (lon/lat) in the order of sites(): the light read of a map, with no
    /// geometry object built. The bytes are valid during the call only.
    using SiteVisitor =
        std::function<void(const std::string& project_id, const std::string& site_name,
                           std::span<const unsigned char> wkb)>;
    virtual void scan_sites(const SiteVisitor& visit) const = 0;
    /// The sites whose box meets `window`, in the same order.
    virtual void scan_sites(const Box& window, const SiteVisitor& visit) const = 0;

    /// The villages a project serves or crosses, replacing what was recorded before.
    virtual void replace_project_villages(const std::string& project_id,
                                          const std::vector<core::ProjectVillage>& villages) = 0;
    /// For a project that has none yet.
    virtual void add_project_villages(const std::vector<core::ProjectVillage>& villages) = 0;
    virtual std::vector<core::ProjectVillage> project_villages() const = 0;
    /// The village links of these projects: a project's by village code, projects in any order.
    virtual std::vector<core::ProjectVillage>
    project_villages(std::span<const std::string> project_ids) const = 0;
    /// The links to these villages: which projects serve them. By project, then village.
    virtual std::vector<core::ProjectVillage>
    village_projects(std::span<const std::string> village_codes) const = 0;

    // The history of the projects. Each read comes whole, in the order given, or for some
    // projects only: then a project's records in that order, projects in any order.

    virtual void upsert_milestone(const core::Milestone& milestone) = 0; ///< key: project, seq
    virtual std::vector<core::Milestone> milestones() const = 0;         ///< by project, seq
    virtual std::vector<core::Milestone>
    milestones(std::span<const std::string> project_ids) const = 0;

    /// Reports are history: a second report for the same project and day is an error.
    virtual void add_progress_report(const core::ProgressReport& report) = 0;
    /// Corrects the report of that project and day (an import of a corrected table).
    virtual void replace_progress_report(const core::ProgressReport& report) = 0;
    virtual std::vector<core::ProgressReport> progress_reports() const = 0; ///< by project, day
    virtual std::vector<core::ProgressReport>
    progress_reports(std::span<const std::string> project_ids) const = 0;

    virtual void upsert_problem(const core::Problem& problem) = 0; ///< key: problem id
    virtual std::vector<core::Problem> problems() const = 0;       ///< by problem id
    virtual std::vector<core::Problem> problems(std::span<const std::string> project_ids) const = 0;

    virtual void add_site_visit(const core::SiteVisit& visit) = 0;
    virtual std::vector<core::SiteVisit> site_visits() const = 0; ///< by day, project, visitor
    virtual std::vector<core::SiteVisit>
    site_visits(std::span<const std::string> project_ids) const = 0;

    virtual void upsert_photo(const core::Photo& photo) = 0; ///< key: path
    virtual std::vector<core::Photo> photos() const = 0;

    // Withdrawing a mistaken entry: the record goes, the change log keeps the entry and its
    // withdrawal. Each throws a StoreError when the project holds no such record.
    virtual void remove_progress_report(const std::string& project_id, core::Date day) = 0;
    virtual void remove_site_visit(const core::SiteVisit& visit) = 0; ///< project, day, visitor
    virtual void remove_problem(const std::string& problem_id) = 0;
    virtual void remove_photo(const std::string& path) = 0;

    /// The village exit checklist, in its order, with the project types serving each item.
    virtual std::vector<core::IndicatorRule> indicator_rules() const = 0;

    virtual void add_disbursement(const core::Disbursement& payment) = 0;
    virtual std::vector<core::Disbursement> disbursements() const = 0; ///< by project, date
    virtual std::vector<core::Disbursement>
    disbursements(std::span<const std::string> project_ids) const = 0;

    /// Stores a frozen plan; a baseline of that name already stored is an error.
    virtual void add_baseline(const core::Baseline& baseline) = 0;
    virtual std::vector<core::Baseline> baselines() const = 0; ///< by freeze date

    virtual void log_change(const ChangeRecord& change) = 0;
    virtual std::vector<ChangeRecord> changes() const = 0; ///< oldest first
    virtual void add_indicator_assessment(const core::VillageIndicator& assessment) = 0;
    virtual std::vector<core::VillageIndicator> indicator_assessments() const = 0;
    /// The assessments of these villages, in the order of indicator_assessments().
    virtual std::vector<core::VillageIndicator>
    indicator_assessments(std::span<const std::string> village_codes) const = 0;
};

/// Scoped transaction: rolls back unless commit() was called.
class Transaction {
public:
    explicit Transaction(ProjectStore& store) : m_store(store) { m_store.begin_transaction(); }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction() {
        if (!m_done) {
            try {
                m_store.rollback_transaction();
            } catch (...) { // a destructor must not throw; the original error is what matters
            }
        }
    }
    void commit() {
        m_store.commit_transaction();
        m_done = true;
    }

private:
    ProjectStore& m_store;
    bool m_done = false;
};

} // namespace xj::store
