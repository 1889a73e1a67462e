// The project file is a real GeoPackage: GDAL lists every layer with its CRS, and the schema's
// constraints hold whoever writes to it.

#include "test_support.h"
#include "xiangjian/core/error.h"
#include "xiangjian/gpkg/gpkg_store.h"

#include <filesystem>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>
#include <set>

using xj::gpkg::GpkgStore;

namespace {

GDALDatasetUniquePtr open_with_gdal(const std::string& path) {
    const char* const drivers[] = {"GPKG", nullptr};
    return GDALDatasetUniquePtr(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                  drivers, nullptr, nullptr));
}

} // namespace

TEST(GpkgSchema, NewProjectOpensInGdalWithEveryLayerAndItsCrs) {
    xj::test::TempDir dir;
    const std::string path = dir.file("county.gpkg");
    GpkgStore::create(path).reset();

    const auto dataset = open_with_gdal(path);
    ASSERT_TRUE(dataset);
    EXPECT_STREQ(dataset->GetDriver()->GetDescription(), "GPKG");

    std::set<std::string> names;
    for (OGRLayer* layer : dataset->GetLayers()) {
        names.insert(layer->GetName());
    }
    const std::set<std::string> expected{"admin_units",        "project_points",
                                         "project_lines",      "project_polygons",
                                         "projects",           "milestones",
                                         "progress_reports",   "problems",
                                         "site_visits",        "exit_indicators",
                                         "village_indicators", "xj_meta",
                                         "project_villages",   "photos",
                                         "disbursements",      "baselines",
                                         "baseline_projects",  "baseline_milestones",
                                         "change_log"};
    EXPECT_EQ(names, expected);

    const std::pair<const char*, OGRwkbGeometryType> spatial[] = {
        {"admin_units", wkbMultiPolygon},
        {"project_points", wkbPoint},
        {"project_lines", wkbMultiLineString},
        {"project_polygons", wkbMultiPolygon},
        {"photos", wkbPoint}};
    for (const auto& [name, type] : spatial) {
        OGRLayer* layer = dataset->GetLayerByName(name);
        ASSERT_NE(layer, nullptr) << name;
        EXPECT_EQ(layer->GetGeomType(), type) << name;
        const OGRSpatialReference* srs = layer->GetSpatialRef();
        ASSERT_NE(srs, nullptr) << name;
        EXPECT_STREQ(srs->GetAuthorityName(nullptr), "EPSG") << name;
        EXPECT_STREQ(srs->GetAuthorityCode(nullptr), "4490") << name;
        EXPECT_EQ(xj::test::sql_scalar(path, std::string{"SELECT HasSpatialIndex('"} + name +
                                                 "', 'geom')"),
                  "1")
            << name;
    }
    for (const char* table : {"projects", "milestones", "progress_reports", "problems"}) {
        EXPECT_EQ(dataset->GetLayerByName(table)->GetGeomType(), wkbNone) << table;
    }
    // A GeoPackage by its header, and a sound SQLite file.
    EXPECT_EQ(xj::test::sql_scalar(path, "PRAGMA application_id"), "1196444487"); // 'GPKG'
    EXPECT_EQ(xj::test::sql_scalar(path, "PRAGMA integrity_check"), "ok");
    // SQLite's largest page, set while the file was empty: a boundary's geometry fits its row.
    EXPECT_EQ(xj::test::sql_scalar(path, "PRAGMA page_size"), std::to_string(GpkgStore::page_size));
    EXPECT_EQ(GpkgStore::page_size, 65536);
    EXPECT_EQ(xj::test::sql_scalar(path, "SELECT value FROM xj_meta WHERE key = 'schema_version'"),
              std::to_string(xj::gpkg::current_schema_version()));
    EXPECT_EQ(xj::test::sql_scalar(path, "SELECT count(*) FROM exit_indicators"), "10");
}

TEST(GpkgSchema, CreateRefusesAnExistingFileAndLeavesNoPartialFile) {
    xj::test::TempDir dir;
    const std::string path = dir.file("county.gpkg");
    xj::test::write_file(path, "not a project");
    EXPECT_THROW(GpkgStore::create(path), xj::Error);
    EXPECT_FALSE(std::filesystem::exists(path + ".partial"));
    EXPECT_EQ(std::filesystem::file_size(path), 13u); // untouched
}

TEST(GpkgSchema, ConstraintsHoldForWritersOtherThanXiangjian) {
    xj::test::TempDir dir;
    const std::string path = dir.file("county.gpkg");
    GpkgStore::create(path).reset();
    const char* const drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE,
                                                   drivers, nullptr, nullptr));
    ASSERT_TRUE(dataset);
    auto rejected = [&](const std::string& sql) { return xj::test::sql_refused(*dataset, sql); };
    EXPECT_TRUE(rejected("INSERT INTO projects (project_id, name, type, stage, measure) "
                         "VALUES ('P1', '道路', 'bridge', 'new_start', 'milestones')"));
    EXPECT_TRUE(rejected("INSERT INTO projects (project_id, name, type, stage, measure) "
                         "VALUES ('P1', '道路', 'road', 'new_start', 'quantity')"))
        << "a quantity project needs a planned quantity";
    EXPECT_TRUE(rejected("INSERT INTO admin_units (code, name, level) "
                         "VALUES ('41032610020', '短码', 'village')"));
    EXPECT_TRUE(rejected("INSERT INTO projects (project_id, name, type, stage, measure, "
                         "planned_start) VALUES ('P1', '道路', 'road', 'new_start', "
                         "'milestones', '2018/8/3')"))
        << "dates are ISO 8601";
    EXPECT_FALSE(rejected("INSERT INTO projects (project_id, name, type, stage, measure) "
                          "VALUES ('P1', '道路', 'road', 'new_start', 'milestones')"));
    EXPECT_TRUE(rejected("INSERT INTO progress_reports (project_id, report_date, percent) "
                         "VALUES ('P1', '2018-08-03', 120)"));
}
