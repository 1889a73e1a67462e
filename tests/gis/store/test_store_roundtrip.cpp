// Every entity goes into the GeoPackage store and comes back equal; upserts update, history
// does not; a failed transaction leaves the file as it was.

#include "test_support.h"
#include "xiangjian/core/error.h"
#include "xiangjian/gpkg/gpkg_store.h"

#include <algorithm>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <iterator>
#include <ogr_geometry.h>
#include <ogrsf_frmts.h>
#include <set>
#include <sqlite3.h>
#include <thread>

using namespace xj;
using gpkg::GpkgStore;

namespace {

std::unique_ptr<OGRGeometry> from_wkt(const char* wkt) {
    OGRGeometry* geometry = nullptr;
    EXPECT_EQ(OGRGeometryFactory::createFromWkt(wkt, nullptr, &geometry), OGRERR_NONE) << wkt;
    return std::unique_ptr<OGRGeometry>(geometry);
}

core::AdminUnit village() {
    return {"410326209222",
            "杜康村民委员会",
            core::AdminLevel::village,
            "410326209000",
            1630,
            452,
            61,
            true};
}

core::Project road() {
    core::Project p;
    p.id = "RY2018-002";
    p.name = "蔡店乡杜康村至纸坊村通村公路";
    p.type = core::ProjectType::road;
    p.stage = core::Stage::new_start;
    p.measure = core::Measure::quantity;
    p.unit = "km";
    p.planned_quantity = 4.8;
    p.township_code = "410326209000";
    p.village_code = "410326209222";
    p.leader = "张卫东（副县长）";
    p.responsible_unit = "县交通运输局";
    p.budget_wan = 288;
    p.planned_start = core::Date(2018, 4, 10);
    p.planned_finish = core::Date(2018, 10, 31);
    return p;
}

class StoreRoundTrip : public ::testing::Test {
protected:
    void SetUp() override {
        store = GpkgStore::create(dir.file("county.gpkg"));
        const auto township = from_wkt(
            "MULTIPOLYGON (((112.4 34.0, 112.5 34.0, 112.5 34.1, 112.4 34.1, 112.4 34.0)))");
        store->upsert_unit({"410326209000",
                            "蔡店乡",
                            core::AdminLevel::township,
                            "410326000000",
                            {},
                            {},
                            {},
                            false},
                           township->toMultiPolygon());
        store->upsert_unit(village(), nullptr);
        store->upsert_project(road());
    }
    test::TempDir dir;
    std::unique_ptr<GpkgStore> store;
};

} // namespace

TEST_F(StoreRoundTrip, AdminUnitsKeepAttributesChineseNamesAndBoundaries) {
    const auto boundary =
        from_wkt("MULTIPOLYGON (((112.40 34.00, 112.45 34.00, 112.45 34.05, 112.40 34.00)),"
                 "((112.46 34.00, 112.48 34.00, 112.47 34.02, 112.46 34.00),"
                 "(112.465 34.003, 112.47 34.003, 112.468 34.008, 112.465 34.003)))");
    store->upsert_unit(village(), boundary->toMultiPolygon());
    const auto units = store->units();
    ASSERT_EQ(units.size(), 2u);
    EXPECT_EQ(units[1].unit, village());
    ASSERT_TRUE(units[1].boundary);
    EXPECT_TRUE(units[1].boundary->Equals(boundary.get()));
    EXPECT_EQ(units[0].unit.name, "蔡店乡");
    EXPECT_FALSE(units[0].unit.population);
}

TEST_F(StoreRoundTrip, UpsertingAUnitByCodeUpdatesInsteadOfDuplicating) {
    auto changed = village();
    changed.name = "杜康村";
    changed.poor_village = false;
    store->upsert_unit(changed, nullptr);
    const auto units = store->units();
    ASSERT_EQ(units.size(), 2u);
    EXPECT_EQ(units[1].unit, changed);
}

TEST_F(StoreRoundTrip, UnitsAreWrittenAsGdalWritesThemAndExtendTheLayerExtent) {
    const std::string path = store->location();
    const auto boundary =
        from_wkt("MULTIPOLYGON (((112.40 34.00, 112.45 34.00, 112.45 34.05, 112.40 34.00)),"
                 "((112.46 34.00, 112.48 34.00, 112.47 34.02, 112.46 34.00)))");
    const auto empty = from_wkt("MULTIPOLYGON EMPTY");
    auto unit = village();
    store->upsert_unit(unit, boundary->toMultiPolygon());
    unit.code = "410326209223";
    store->add_unit(unit, empty->toMultiPolygon());
    // The same rows written by GDAL itself, under other codes.
    {
        OGRLayer* layer = store->dataset().GetLayerByName("admin_units");
        ASSERT_NE(layer, nullptr);
        int n = 0;
        for (const OGRGeometry* geometry : {boundary.get(), empty.get()}) {
            OGRFeature feature(layer->GetLayerDefn());
            feature.SetField("code", ("41032620930" + std::to_string(n++)).c_str());
            feature.SetField("name", "对照");
            feature.SetField("level", "village");
            feature.SetGeometry(geometry);
            ASSERT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
        }
    }
    const auto blob = [&](const char* code) {
        return test::sql_scalar(
            path, std::string{"SELECT hex(geom) FROM admin_units WHERE code = '"} + code + "'");
    };
    EXPECT_EQ(blob("410326209222"), blob("410326209300"));
    EXPECT_EQ(blob("410326209223"), blob("410326209301"));
    EXPECT_EQ(blob("410326209223"), "475000118A110000010600000000000000") << "no envelope";
    // The empty boundary extends nothing: the township's box and the village's.
    EXPECT_EQ(test::sql_scalar(path, "SELECT min_x || ' ' || min_y || ' ' || max_x || ' ' || "
                                     "max_y FROM gpkg_contents WHERE table_name = 'admin_units'"),
              "112.4 34.0 112.5 34.1");
    // A boundary taken away is NULL, as OGR writes a feature without geometry.
    store->upsert_unit(village(), nullptr);
    EXPECT_EQ(test::sql_scalar(path, "SELECT geom IS NULL FROM admin_units WHERE code = "
                                     "'410326209222'"),
              "1");
    EXPECT_EQ(test::sql_scalar(path, "SELECT count(*) FROM rtree_admin_units_geom"), "2");
}

TEST_F(StoreRoundTrip, ProjectsKeepEveryField) {
    core::Project reservoir;
    reservoir.id = "RY2018-001";
    reservoir.name = "前坪水库工程";
    reservoir.type = core::ProjectType::reservoir;
    reservoir.stage = core::Stage::continuing;
    reservoir.measure = core::Measure::milestones;
    reservoir.unit = "%";
    reservoir.township_code = "410326209000";
    reservoir.key_project = false;
    store->upsert_project(reservoir);
    const auto projects = store->projects();
    ASSERT_EQ(projects.size(), 2u);
    EXPECT_EQ(projects[0], reservoir);
    EXPECT_EQ(projects[1], road());
}

TEST_F(StoreRoundTrip, SitesOfEveryGeometryKindComeBackInTheirLayer) {
    store->add_site({"RY2018-002", "起点", from_wkt("POINT (112.41 34.01)")});
    store->add_site(
        {"RY2018-002", "路线", from_wkt("LINESTRING (112.41 34.01, 112.42 34.02, 112.43 34.02)")});
    store->add_site(
        {"RY2018-002", "料场",
         from_wkt("POLYGON ((112.41 34.01, 112.42 34.01, 112.42 34.02, 112.41 34.01))")});
    const auto sites = store->sites();
    ASSERT_EQ(sites.size(), 3u);
    EXPECT_EQ(wkbFlatten(sites[0].geometry->getGeometryType()), wkbPoint);
    EXPECT_EQ(wkbFlatten(sites[1].geometry->getGeometryType()), wkbMultiLineString);
    EXPECT_EQ(wkbFlatten(sites[2].geometry->getGeometryType()), wkbMultiPolygon);
    EXPECT_EQ(sites[1].name, "路线");
    EXPECT_NEAR(sites[1].geometry->toMultiLineString()->get_Length(), 0.02414, 1e-4);
    EXPECT_THROW(store->add_site({"RY2018-002", "空", from_wkt("POINT EMPTY")}), Error);
}

TEST_F(StoreRoundTrip, MilestonesReportsProblemsVisitsAndIndicators) {
    const core::Milestone milestone{
        "RY2018-002", 2, "路基完成", core::Date(2018, 7, 31), core::Date(2018, 8, 3), 1.5, 2.4};
    store->upsert_milestone({"RY2018-002", 1, "开工", core::Date(2018, 4, 17), {}, 1.0, 0.0});
    store->upsert_milestone(milestone);
    const core::ProgressReport report{"RY2018-002", core::Date(2018, 8, 3), 2.45,
                                      {},           "累计完成 2.45 km",     "县交通运输局"};
    store->add_progress_report(report);
    const core::Problem problem{"WT-007",
                                "RY2018-002",
                                core::Date(2018, 6, 1),
                                core::ProblemCategory::land,
                                "部分路段占用耕地，群众阻工",
                                "蔡店乡人民政府",
                                core::Date(2018, 6, 30),
                                core::Date(2018, 6, 20),
                                "已协调解决，销号"};
    store->upsert_problem(problem);
    const core::SiteVisit visit{"RY2018-002", core::Date(2018, 8, 3), "张卫东（副县长）",
                                "现场督导"};
    store->add_site_visit(visit);
    const core::VillageIndicator indicator{"410326209222", "road", core::Date(2018, 1, 5), false,
                                           "摸底"};
    store->add_indicator_assessment(indicator);

    const auto milestones = store->milestones();
    ASSERT_EQ(milestones.size(), 2u);
    EXPECT_EQ(milestones[1], milestone);
    EXPECT_FALSE(milestones[0].actual_date);
    ASSERT_EQ(store->progress_reports().size(), 1u);
    EXPECT_EQ(store->progress_reports()[0], report);
    ASSERT_EQ(store->problems().size(), 1u);
    EXPECT_EQ(store->problems()[0], problem);
    ASSERT_EQ(store->site_visits().size(), 1u);
    EXPECT_EQ(store->site_visits()[0], visit);
    ASSERT_EQ(store->indicator_assessments().size(), 1u);
    EXPECT_EQ(store->indicator_assessments()[0], indicator);
    EXPECT_EQ(store->indicator_definitions().size(), 10u);
    EXPECT_EQ(store->indicator_definitions()[0].label_zh, "通硬化路");
    EXPECT_EQ(store->indicator_definitions()[0].project_types,
              std::vector<core::ProjectType>{core::ProjectType::road});
    EXPECT_TRUE(store->indicator_definitions()[3].project_types.empty()) << "文化活动室: none";
    EXPECT_EQ(store->setting("engine.stall_days"), "60") << "thresholds stored in the project";
}

TEST_F(StoreRoundTrip, BadRecordsAreRefusedWithTheirKeyInTheMessage) {
    core::ProgressReport report{"RY2018-002", core::Date(2018, 8, 3), {}, 120.0, "", ""};
    try {
        store->add_progress_report(report);
        FAIL() << "a percent over 100 was stored";
    } catch (const Error& error) {
        EXPECT_NE(std::string{error.what()}.find("RY2018-002"), std::string::npos) << error.what();
    }
    report.percent = 50.0;
    store->add_progress_report(report);
    EXPECT_THROW(store->add_progress_report(report), Error) << "two reports on one day";
    EXPECT_THROW(
        store->upsert_milestone({"NO-SUCH", 1, "开工", core::Date(2018, 4, 17), {}, 1, {}}), Error)
        << "unknown project";
    EXPECT_THROW(store->add_indicator_assessment(
                     {"410326209222", "no_such_indicator", core::Date(2018, 1, 5), true, ""}),
                 Error);
}

TEST_F(StoreRoundTrip, AFailedTransactionLeavesTheDatabaseAsItWas) {
    {
        store::Transaction transaction(*store);
        auto other = road();
        other.id = "RY2018-099";
        store->upsert_project(other);
        store->add_progress_report({"RY2018-099", core::Date(2018, 8, 3), 1.0, {}, "", ""});
        EXPECT_THROW(
            store->add_progress_report({"RY2018-099", core::Date(2018, 8, 3), 1.5, {}, "", ""}),
            Error);
        // no commit: the scope ends as an error would end it
    }
    EXPECT_EQ(store->projects().size(), 1u);
    EXPECT_TRUE(store->progress_reports().empty());

    const std::string path = store->location();
    store.reset();
    const auto reopened = GpkgStore::open(path, GpkgStore::Access::read_only);
    EXPECT_EQ(reopened->projects().size(), 1u);
}

TEST_F(StoreRoundTrip, CommittedWorkSurvivesReopening) {
    {
        store::Transaction transaction(*store);
        store->add_progress_report({"RY2018-002", core::Date(2018, 8, 10), 2.9, {}, "", ""});
        transaction.commit();
    }
    const std::string path = store->location();
    store.reset();
    const auto reopened = GpkgStore::open(path, GpkgStore::Access::read_only);
    ASSERT_EQ(reopened->progress_reports().size(), 1u);
    EXPECT_DOUBLE_EQ(*reopened->progress_reports()[0].cumulative_quantity, 2.9);
}

namespace {

std::unique_ptr<OGRGeometry> point(double lon, double lat) {
    return std::make_unique<OGRPoint>(lon, lat);
}

/// Rows of the R-tree of a site table, as text ("id minx maxx miny maxy" a row).
std::string rtree_rows(const std::string& path, const std::string& table, const char* where) {
    return test::sql_scalar(path, "SELECT group_concat(id || ' ' || minx || ' ' || maxx || ' ' || "
                                  "miny || ' ' || maxy, ';') FROM (SELECT * FROM rtree_" +
                                      table + "_geom WHERE " + where + " ORDER BY id)");
}

} // namespace

TEST_F(StoreRoundTrip, ManySitesInOneTransactionGetTheSpatialIndexTheTriggersWouldGive) {
    // A few sites the ordinary way, one statement each: their R-tree rows come from the trigger.
    for (int i = 0; i < 5; ++i) {
        store->add_site({"RY2018-002", "点", point(112.4 + i * 0.0123457, 34.0 + i * 0.0098765)});
    }
    const std::string path = store->location();
    const std::string by_trigger = rtree_rows(path, "project_points", "id <= 5");
    ASSERT_FALSE(by_trigger.empty());
    {
        store::Transaction transaction(*store);
        for (int i = 0; i < 3000; ++i) {
            store->add_site({"RY2018-002", "点 " + std::to_string(i),
                             point(112.40 + i * 0.0000731, 34.00 + (i % 97) * 0.000917)});
        }
        store->add_site({"RY2018-002", "路线",
                         from_wkt("LINESTRING (112.41 34.01, 112.42 34.02, 112.43 34.02)")});
        transaction.commit();
    }
    EXPECT_EQ(test::sql_scalar(path, "SELECT rtreecheck('rtree_project_points_geom')"), "ok");
    EXPECT_EQ(test::sql_scalar(path, "SELECT count(*) FROM rtree_project_points_geom"), "3005");
    EXPECT_EQ(rtree_rows(path, "project_points", "id <= 5"), by_trigger)
        << "the rebuilt tree holds the boxes the trigger stored";
    // Every box holds its point, rounded outwards to 32-bit floats as SQLite does.
    EXPECT_EQ(test::sql_scalar(
                  path, "SELECT count(*) FROM project_points p JOIN rtree_project_points_geom "
                        "r ON r.id = p.fid WHERE r.minx <= ST_MinX(p.geom) AND r.maxx >= "
                        "ST_MaxX(p.geom) AND r.miny <= ST_MinY(p.geom) AND r.maxy >= "
                        "ST_MaxY(p.geom) AND r.maxx - r.minx < 2e-5 AND r.maxy - r.miny < 1e-5"),
              "3005");
    EXPECT_EQ(test::sql_scalar(path, "SELECT count(*) FROM rtree_project_lines_geom"), "1");
    EXPECT_EQ(test::sql_scalar(path, "SELECT min_x || ' ' || max_y FROM gpkg_contents WHERE "
                                     "table_name = 'project_points'"),
              "112.4 34.088032");

    // The trigger is back: a later site goes into the index by itself.
    store->add_site({"RY2018-002", "后来的点", point(112.7, 34.2)});
    EXPECT_EQ(test::sql_scalar(path, "SELECT count(*) FROM rtree_project_points_geom WHERE "
                                     "maxx >= 112.7 AND maxy >= 34.2"),
              "1");
    EXPECT_EQ(test::sql_scalar(path, "SELECT rtreecheck('rtree_project_points_geom')"), "ok");
}

TEST_F(StoreRoundTrip, ARolledBackBulkOfSitesLeavesTheSpatialIndexAsItWas) {
    const std::string path = store->location();
    {
        store::Transaction transaction(*store);
        for (int i = 0; i < 2500; ++i) {
            store->add_site({"RY2018-002", "点", point(112.4 + i * 0.00001, 34.0)});
        }
        // no commit: the scope ends as an error would end it
    }
    EXPECT_TRUE(store->sites().empty());
    store->add_site({"RY2018-002", "点", point(112.45, 34.05)});
    EXPECT_EQ(test::sql_scalar(path, "SELECT count(*) FROM rtree_project_points_geom"), "1");
    EXPECT_EQ(test::sql_scalar(path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                     "AND name = 'rtree_project_points_geom_insert'"),
              "1");
}

TEST_F(StoreRoundTrip, SitesAreWrittenAsGdalWritesThemAndExtendTheLayerExtent) {
    store->add_site({"RY2018-002", "起点", from_wkt("POINT (112.41 34.01)")});
    store->add_site(
        {"RY2018-002", "路线", from_wkt("LINESTRING Z (112.41 34.01 5, 112.42 34.02 6)")});
    store->add_site(
        {"RY2018-002", "料场",
         from_wkt("POLYGON ((112.41 34.01, 112.42 34.01, 112.42 34.02, 112.41 34.01))")});
    const std::string path = store->location();
    // Byte for byte what GDAL writes (GeoPackage header: no envelope for a point, XYZ for 3D,
    // XY otherwise; then ISO WKB; lines and polygons as Multi…).
    EXPECT_EQ(test::sql_scalar(path, "SELECT hex(geom) FROM project_points"),
              "475000018A11000001010000000AD7A3703D1A5C40E17A14AE47014140");
    EXPECT_EQ(test::sql_scalar(path, "SELECT hex(geom) FROM project_lines"),
              "475000058A1100000AD7A3703D1A5C407B14AE47E11A5C40E17A14AE47014140C3F5285C8F024140"
              "0000000000001440000000000000184001ED0300000100000001EA030000020000000AD7A3703D1A"
              "5C40E17A14AE4701414000000000000014407B14AE47E11A5C40C3F5285C8F024140000000000000"
              "1840");
    EXPECT_EQ(test::sql_scalar(path, "SELECT hex(geom) FROM project_polygons"),
              "475000038A1100000AD7A3703D1A5C407B14AE47E11A5C40E17A14AE47014140C3F5285C8F024140"
              "010600000001000000010300000001000000040000000AD7A3703D1A5C40E17A14AE470141407B14"
              "AE47E11A5C40E17A14AE470141407B14AE47E11A5C40C3F5285C8F0241400AD7A3703D1A5C40E17A"
              "14AE47014140");
    EXPECT_EQ(test::sql_scalar(path, "SELECT min_x || ' ' || min_y || ' ' || max_x || ' ' || "
                                     "max_y FROM gpkg_contents WHERE table_name = 'project_lines'"),
              "112.41 34.01 112.42 34.02");
    EXPECT_NE(test::sql_scalar(path, "SELECT last_change FROM gpkg_contents WHERE table_name = "
                                     "'project_polygons'"),
              test::sql_scalar(path, "SELECT last_change FROM gpkg_contents WHERE table_name = "
                                     "'photos'"));
    const auto sites = store->sites();
    ASSERT_EQ(sites.size(), 3u);
    EXPECT_TRUE(sites[1].geometry->Is3D());
    ASSERT_NE(sites[0].geometry->getSpatialReference(), nullptr);
    EXPECT_STREQ(sites[0].geometry->getSpatialReference()->GetAuthorityCode(nullptr), "4490");
}

TEST_F(StoreRoundTrip, IndexesSetAsideForABulkComeBackWhenALookupNeedsThemAndAtTheCommit) {
    const std::string path = store->location();
    const std::string schema_before =
        test::sql_scalar(path, "SELECT group_concat(name || ':' || sql, ';') FROM (SELECT * FROM "
                               "sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name)");
    {
        store::Transaction transaction(*store);
        for (int i = 0; i < 3000; ++i) {
            auto project = road();
            project.id = "BULK-" + std::to_string(i);
            store->add_project(project);
            store->add_site({project.id, "点", point(112.4 + i * 0.00001, 34.0)});
            store->add_project_villages(
                {{project.id, "410326209222", "point", std::nullopt, std::nullopt}});
        }
        // A lookup by project in the middle of the bulk: the index it needs is there again.
        store->remove_sites("BULK-7");
        store->add_site({"BULK-7", "新点", point(112.6, 34.2)});
        transaction.commit();
    }
    EXPECT_EQ(test::sql_scalar(path, "SELECT group_concat(name || ':' || sql, ';') FROM (SELECT * "
                                     "FROM sqlite_master WHERE type IN ('index', 'trigger') "
                                     "ORDER BY name)"),
              schema_before);
    EXPECT_EQ(test::sql_scalar(path, "PRAGMA integrity_check"), "ok");
    EXPECT_EQ(test::sql_scalar(path, "SELECT rtreecheck('rtree_project_points_geom')"), "ok");
    EXPECT_EQ(test::sql_scalar(path, "SELECT site_name FROM project_points WHERE project_id = "
                                     "'BULK-7'"),
              "新点");
    EXPECT_EQ(test::sql_scalar(path, "SELECT count(*) FROM projects WHERE type = 'road'"), "3001");
    EXPECT_EQ(test::sql_scalar(path, "SELECT count(*) FROM project_villages WHERE village_code = "
                                     "'410326209222'"),
              "3000");
}

TEST_F(StoreRoundTrip, ReadsByProjectIdGiveWhatTheWholeReadsGiveOfThoseProjects) {
    // 40 projects with two sites and two links each; RY2018-002 (from SetUp) has none.
    {
        store::Transaction transaction(*store);
        for (int i = 0; i < 40; ++i) {
            auto project = road();
            project.id = "ID-" + std::to_string(100 + i);
            project.name = "项目" + std::to_string(i);
            store->add_project(project);
            store->add_site({project.id, "终点", point(112.41 + i * 0.001, 34.02)});
            store->add_site({project.id, "起点", point(112.40 + i * 0.001, 34.01)});
            store->add_project_villages(
                {{project.id, "410326209222", "point", std::nullopt, std::nullopt},
                 {project.id, "410326209000", "code", std::nullopt, std::nullopt}});
        }
        transaction.commit();
    }
    const auto all_projects = store->projects();
    const auto all_sites = store->sites();
    const auto all_links = store->project_villages();
    // Few ids against the tables (one lookup each) and many (one pass), with ids the store
    // does not hold, an id given twice and one of a project without sites.
    for (const std::vector<std::string>& ids :
         {std::vector<std::string>{"ID-103", "NOPE", "ID-117"},
          std::vector<std::string>{"ID-103", "ID-103", "RY2018-002", "ID-139", "ID-100", "ID-101",
                                   "ID-102", "ID-104", "ID-105", "ID-106", "NOPE"}}) {
        const std::set<std::string> wanted(ids.begin(), ids.end());
        auto projects = store->projects(ids);
        std::sort(projects.begin(), projects.end(),
                  [](const auto& a, const auto& b) { return a.id < b.id; });
        std::vector<core::Project> expected_projects;
        std::copy_if(all_projects.begin(), all_projects.end(),
                     std::back_inserter(expected_projects),
                     [&](const auto& p) { return wanted.count(p.id) != 0; });
        EXPECT_EQ(projects, expected_projects);

        // A project's sites in their stored order (the order an import compares them in).
        auto sites = store->sites(ids);
        std::stable_sort(sites.begin(), sites.end(),
                         [](const auto& a, const auto& b) { return a.project_id < b.project_id; });
        std::vector<const store::ProjectSite*> expected_sites;
        for (const auto& site : all_sites) {
            if (wanted.count(site.project_id) != 0) {
                expected_sites.push_back(&site);
            }
        }
        ASSERT_EQ(sites.size(), expected_sites.size());
        for (std::size_t i = 0; i < sites.size(); ++i) {
            EXPECT_EQ(sites[i].project_id, expected_sites[i]->project_id);
            EXPECT_EQ(sites[i].name, expected_sites[i]->name);
            EXPECT_TRUE(sites[i].geometry->Equals(expected_sites[i]->geometry.get()));
        }

        auto links = store->project_villages(ids);
        std::stable_sort(links.begin(), links.end(),
                         [](const auto& a, const auto& b) { return a.project_id < b.project_id; });
        std::vector<core::ProjectVillage> expected_links;
        std::copy_if(all_links.begin(), all_links.end(), std::back_inserter(expected_links),
                     [&](const auto& link) { return wanted.count(link.project_id) != 0; });
        EXPECT_EQ(links, expected_links);
    }
    EXPECT_EQ(store->projects(std::vector<std::string>{"ID-117"}).at(0).name, "项目17");
    EXPECT_EQ(store->sites(std::vector<std::string>{"ID-117"}).at(0).name, "终点");
    EXPECT_TRUE(store->projects(std::vector<std::string>{}).empty());
}

TEST_F(StoreRoundTrip, TheSpatialIndexIsPackedEvenWhenSqliteIsInDefensiveMode) {
    // Newer GDALs may open GeoPackages in SQLite's defensive mode, which refuses writes to an
    // R-tree's shadow tables unless lifted.
    auto* db = static_cast<sqlite3*>(store->dataset().GetInternalHandle("SQLITE_HANDLE"));
    ASSERT_NE(db, nullptr);
    int defensive = 0;
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, &defensive);
    ASSERT_EQ(defensive, 1);
    {
        store::Transaction transaction(*store);
        for (int i = 0; i < 2000; ++i) {
            store->add_site({"RY2018-002", "点", point(112.4 + i * 0.00001, 34.0)});
        }
        transaction.commit();
    }
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
    EXPECT_EQ(defensive, 1) << "and it is on again";
    const std::string path = store->location();
    EXPECT_EQ(test::sql_scalar(path, "SELECT count(*) FROM rtree_project_points_geom"), "2000");
    EXPECT_EQ(test::sql_scalar(path, "SELECT rtreecheck('rtree_project_points_geom')"), "ok");
}

TEST_F(StoreRoundTrip, AWriteOutsideATransactionIsOneUnitWithItsLayerBookkeeping) {
    const std::string path = store->location();
    const std::string before = test::sql_scalar(
        path, "SELECT last_change FROM gpkg_contents WHERE table_name = 'project_villages'");
    // The second village is unknown: the foreign key refuses it, and the first goes too.
    EXPECT_THROW(store->add_project_villages(
                     {{"RY2018-002", "410326209222", "code", std::nullopt, std::nullopt},
                      {"RY2018-002", "410326209999", "code", std::nullopt, std::nullopt}}),
                 Error);
    EXPECT_TRUE(store->project_villages().empty());
    EXPECT_EQ(test::sql_scalar(path, "SELECT last_change FROM gpkg_contents WHERE table_name = "
                                     "'project_villages'"),
              before);
    std::this_thread::sleep_for(std::chrono::milliseconds(5)); // last_change counts in ms
    store->add_project_villages(
        {{"RY2018-002", "410326209222", "code", std::nullopt, std::nullopt}});
    EXPECT_EQ(store->project_villages().size(), 1u);
    EXPECT_NE(test::sql_scalar(path, "SELECT last_change FROM gpkg_contents WHERE table_name = "
                                     "'project_villages'"),
              before);
}
