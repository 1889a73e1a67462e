// The schema version and the migration path, exercised with explicit migration lists on real
// GeoPackage files.

#include "test_support.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/gpkg/gpkg_store.h"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <map>
#include <ogrsf_frmts.h>

using xj::gpkg::GpkgStore;
using xj::gpkg::Migration;

namespace {

constexpr std::string_view create_notes[] = {
    "CREATE TABLE notes (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, text TEXT NOT NULL)",
    "INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES ('notes', "
    "'attributes', 'notes')",
    "INSERT INTO notes (text) VALUES ('第一条')",
};
constexpr std::string_view add_author[] = {
    "ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT '县发改委'",
};
constexpr std::string_view broken[] = {
    "CREATE TABLE half_done (x INTEGER)",
    "THIS IS NOT SQL",
};

constexpr Migration version_1[] = {{1, "notes", create_notes}};
constexpr Migration version_2[] = {{1, "notes", create_notes}, {2, "note author", add_author}};
constexpr Migration version_2_broken[] = {{1, "notes", create_notes}, {2, "broken", broken}};

} // namespace

TEST(Migrations, OpeningAnOlderFileAppliesTheNewStepsAndKeepsTheData) {
    xj::test::TempDir dir;
    const std::string path = dir.file("old.gpkg");
    EXPECT_EQ(GpkgStore::create(path, version_1)->schema_version(), 1);

    const auto store = GpkgStore::open(path, GpkgStore::Access::update, version_2);
    EXPECT_EQ(store->schema_version(), 2);
    EXPECT_EQ(store->setting("schema_version"), "2");
    EXPECT_EQ(xj::test::sql_scalar(path, "SELECT text || '/' || author FROM notes"),
              "第一条/县发改委");
}

TEST(Migrations, AFailedStepLeavesTheFileAtItsOldVersion) {
    xj::test::TempDir dir;
    const std::string path = dir.file("old.gpkg");
    GpkgStore::create(path, version_1).reset();
    EXPECT_THROW(GpkgStore::open(path, GpkgStore::Access::update, version_2_broken), xj::Error);
    EXPECT_EQ(xj::test::sql_scalar(path, "SELECT value FROM xj_meta WHERE key = 'schema_version'"),
              "1");
    EXPECT_EQ(
        xj::test::sql_scalar(path, "SELECT count(*) FROM sqlite_master WHERE name = 'half_done'"),
        "0");
}

TEST(Migrations, ReadOnlyAccessDoesNotMigrateButSaysHow) {
    xj::test::TempDir dir;
    const std::string path = dir.file("old.gpkg");
    GpkgStore::create(path, version_1).reset();
    try {
        GpkgStore::open(path, GpkgStore::Access::read_only, version_2);
        FAIL() << "an older schema opened read-only";
    } catch (const xj::ProjectFileError& error) {
        EXPECT_NE(std::string{error.what()}.find("xiangjian upgrade"), std::string::npos)
            << error.what();
        EXPECT_EQ(error.reason(), xj::ProjectFileError::Reason::older);
        EXPECT_EQ(error.location(), path);
    }
    EXPECT_EQ(xj::test::sql_scalar(path, "SELECT value FROM xj_meta WHERE key = 'schema_version'"),
              "1");
}

TEST(Migrations, ANewerFileIsRefusedWithBothVersionsNamed) {
    xj::test::TempDir dir;
    const std::string path = dir.file("new.gpkg");
    GpkgStore::create(path, version_2).reset();
    xj::set_language(xj::Language::en); // the English words, here
    try {
        GpkgStore::open(path, GpkgStore::Access::update, version_1);
        FAIL() << "a newer schema opened";
    } catch (const xj::ProjectFileError& error) {
        EXPECT_EQ(error.reason(), xj::ProjectFileError::Reason::newer);
        const std::string message = error.what();
        EXPECT_NE(message.find("newer"), std::string::npos) << message;
        EXPECT_NE(message.find("schema version 2"), std::string::npos) << message;
        EXPECT_NE(message.find("up to 1"), std::string::npos) << message;
    }
    xj::set_language(xj::Language::zh);
}

TEST(Migrations, AVersion1ProjectGainsEveryLaterTable) {
    xj::test::TempDir dir;
    const std::string path = dir.file("v1.gpkg");
    GpkgStore::create(path, xj::gpkg::schema_migrations().first(1)).reset();
    EXPECT_EQ(xj::test::sql_scalar(path, "SELECT count(*) FROM sqlite_master WHERE name = "
                                         "'project_villages'"),
              "0");
    const auto store = GpkgStore::open(path, GpkgStore::Access::update);
    EXPECT_EQ(store->schema_version(), xj::gpkg::current_schema_version());
    EXPECT_TRUE(store->project_villages().empty());
    EXPECT_TRUE(store->photos().empty());
}

TEST(Migrations, Version5ChecksTheSameValuesWithoutInLists) {
    xj::test::TempDir dir;
    const std::string path = dir.file("v3.gpkg");
    GpkgStore::create(path, xj::gpkg::schema_migrations().first(3)).reset();
    {
        const auto store = GpkgStore::open(path, GpkgStore::Access::update,
                                           xj::gpkg::schema_migrations().first(3));
        xj::core::Project project;
        project.id = "P1";
        project.name = "道路";
        project.type = xj::core::ProjectType::road;
        project.measure = xj::core::Measure::milestones;
        store->add_project(project);
    }
    const auto store =
        GpkgStore::open(path, GpkgStore::Access::update, xj::gpkg::schema_migrations().first(5));
    EXPECT_EQ(store->schema_version(), 5);
    ASSERT_EQ(store->projects().size(), 1u) << "the rows stay";
    EXPECT_EQ(xj::test::sql_scalar(path, "PRAGMA integrity_check"), "ok");
    // No list of three or more values is left in a CHECK.
    EXPECT_EQ(xj::test::sql_scalar(path,
                                   "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                   "AND (instr(sql, 'level IN (') OR instr(sql, 'type IN (') "
                                   "OR instr(sql, 'stage IN (') OR instr(sql, 'category IN (') "
                                   "OR instr(sql, 'matched_by IN ('))"),
              "0");

    // The constraints refuse and accept what they did, for any writer.
    const char* const drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE,
                                                   drivers, nullptr, nullptr));
    ASSERT_TRUE(dataset);
    auto rejected = [&](const std::string& sql) { return xj::test::sql_refused(*dataset, sql); };
    EXPECT_TRUE(rejected("INSERT INTO projects (project_id, name, type, stage, measure) VALUES "
                         "('P2', '桥', 'bridge', 'new_start', 'milestones')"));
    EXPECT_TRUE(rejected("INSERT INTO projects (project_id, name, type, stage, measure) VALUES "
                         "('P2', '桥', 'road', 'started', 'milestones')"));
    EXPECT_FALSE(rejected("INSERT INTO projects (project_id, name, type, stage, measure) VALUES "
                          "('P2', '桥', 'road', 'in_service', 'milestones')"));
    EXPECT_TRUE(rejected("INSERT INTO admin_units (code, name, level) VALUES ('410326100201', "
                         "'村', 'hamlet')"));
    EXPECT_FALSE(rejected("INSERT INTO admin_units (code, name, level) VALUES ('410326100201', "
                          "'村', 'village')"));
    EXPECT_TRUE(rejected("INSERT INTO project_villages (project_id, village_code, matched_by) "
                         "VALUES ('P2', '410326100201', 'guess')"));
    EXPECT_FALSE(rejected("INSERT INTO project_villages (project_id, village_code, matched_by) "
                          "VALUES ('P2', '410326100201', 'polygon')"));
    EXPECT_TRUE(rejected("INSERT INTO problems (problem_id, project_id, raised_date, category, "
                         "description) VALUES ('W1', 'P2', '2018-08-03', 'weather', '雨')"));
    EXPECT_FALSE(rejected("INSERT INTO problems (problem_id, project_id, raised_date, category, "
                          "description) VALUES ('W1', 'P2', '2018-08-03', 'funding', '资金')"));
}

TEST(Migrations, Version6AcceptsProjectsMeasuredByPercent) {
    xj::test::TempDir dir;
    const std::string path = dir.file("v5.gpkg");
    GpkgStore::create(path, xj::gpkg::schema_migrations().first(5)).reset();
    const auto store = GpkgStore::open(path, GpkgStore::Access::update);
    EXPECT_EQ(store->schema_version(), xj::gpkg::current_schema_version());
    xj::core::Project project;
    project.id = "P1";
    project.name = "村卫生室";
    project.measure = xj::core::Measure::percent;
    store->add_project(project);
    ASSERT_EQ(store->projects().size(), 1u);
    EXPECT_EQ(store->projects()[0].measure, xj::core::Measure::percent);
    EXPECT_EQ(xj::test::sql_scalar(path, "PRAGMA integrity_check"), "ok");
}

TEST(Migrations, Version7GivesEachUnitOneSpellingAndConvertsItsQuantities) {
    xj::test::TempDir dir;
    const std::string path = dir.file("v6.gpkg");
    {
        const auto store = GpkgStore::create(path, xj::gpkg::schema_migrations().first(6));
        const auto project = [&](const char* id, const char* unit, double quantity) {
            xj::core::Project p;
            p.id = id;
            p.name = id;
            p.unit = unit;
            p.planned_quantity = quantity;
            p.measure = xj::core::Measure::quantity;
            store->add_project(p);
        };
        project("KM", "公里", 3.2);
        project("M", "米", 5800);
        project("GE", " 个 ", 12);
        project("ODD", "吨", 40);
        xj::core::ProgressReport report;
        report.project_id = "M";
        report.report_date = xj::core::Date(2018, 5, 1);
        report.cumulative_quantity = 2900;
        store->add_progress_report(report);
    }
    const auto store = GpkgStore::open(path, GpkgStore::Access::update);
    std::map<std::string, std::pair<std::string, double>> units;
    for (const auto& p : store->projects()) {
        units[p.id] = {p.unit, p.planned_quantity.value_or(0)};
    }
    EXPECT_EQ(units["KM"], std::make_pair(std::string{"km"}, 3.2));
    EXPECT_EQ(units["M"].first, "km");
    EXPECT_DOUBLE_EQ(units["M"].second, 5.8);
    EXPECT_EQ(units["GE"], std::make_pair(std::string{"处"}, 12.0));
    EXPECT_EQ(units["ODD"], std::make_pair(std::string{"吨"}, 40.0)) << "an unknown unit is kept";
    EXPECT_EQ(xj::test::sql_scalar(path, "SELECT cumulative_quantity FROM progress_reports"),
              "2.9");
    EXPECT_EQ(xj::test::sql_scalar(path, "PRAGMA integrity_check"), "ok");
}
