#pragma once

#include "xiangjian/gis/project_store.h"
#include "xiangjian/gis/schema.h"

#include <memory>
#include <span>
#include <string>

class GDALDataset;

namespace xj::gis {

/// The embedded project database: one GeoPackage file that QGIS opens as is.
class GpkgStore final : public ProjectStore {
public:
    enum class Access { read_only, update };

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

    void begin_transaction() override;
    void commit_transaction() override;
    void rollback_transaction() override;

    void set_setting(const std::string& key, const std::string& value) override;
    std::string setting(const std::string& key) const override;

    void upsert_unit(const core::AdminUnit& unit, const OGRMultiPolygon* boundary) override;
    void add_unit(const core::AdminUnit& unit, const OGRMultiPolygon* boundary) override;
    std::vector<UnitRecord> units() const override;
    std::vector<core::AdminUnit> unit_list() const override;

    void upsert_project(const core::Project& project) override;
    void add_project(const core::Project& project) override;
    std::vector<core::Project> projects() const override;

    void add_site(const ProjectSite& site) override;
    std::vector<ProjectSite> sites() const override;
    void remove_sites(const std::string& project_id) override;

    void replace_project_villages(const std::string& project_id,
                                  const std::vector<core::ProjectVillage>& villages) override;
    void add_project_villages(const std::vector<core::ProjectVillage>& villages) override;
    std::vector<core::ProjectVillage> project_villages() const override;

    void upsert_milestone(const core::Milestone& milestone) override;
    std::vector<core::Milestone> milestones() const override;

    void add_progress_report(const core::ProgressReport& report) override;
    void replace_progress_report(const core::ProgressReport& report) override;
    std::vector<core::ProgressReport> progress_reports() const override;

    void upsert_problem(const core::Problem& problem) override;
    std::vector<core::Problem> problems() const override;

    void add_site_visit(const core::SiteVisit& visit) override;
    std::vector<core::SiteVisit> site_visits() const override;

    void upsert_photo(const core::Photo& photo) override;
    std::vector<core::Photo> photos() const override;

    void add_disbursement(const core::Disbursement& payment) override;
    std::vector<core::Disbursement> disbursements() const override;
    void add_baseline(const core::Baseline& baseline) override;
    std::vector<core::Baseline> baselines() const override;
    void log_change(const ChangeRecord& change) override;
    std::vector<ChangeRecord> changes() const override;
    std::vector<IndicatorDefinitionRecord> indicator_definitions() const override;
    void add_indicator_assessment(const core::VillageIndicator& assessment) override;
    std::vector<core::VillageIndicator> indicator_assessments() const override;

    /// The underlying dataset, for read-only inspection (layer listing, extents).
    GDALDataset& dataset() const { return *m_dataset; }

private:
    struct DatasetCloser {
        void operator()(GDALDataset* dataset) const;
    };
    static std::unique_ptr<GpkgStore> build(const std::string& path,
                                            std::span<const Migration> migrations,
                                            bool with_default_content);
    GpkgStore(std::string path, std::unique_ptr<GDALDataset, DatasetCloser> dataset,
              int schema_version);

    std::string m_path;
    std::unique_ptr<GDALDataset, DatasetCloser> m_dataset;
    int m_schema_version = 0;
    bool m_in_transaction = false;
};

} // namespace xj::gis
