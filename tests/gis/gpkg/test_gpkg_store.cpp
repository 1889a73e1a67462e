// What the GeoPackage backend writes, byte for byte and row for row: geometry blobs and R-tree
// rows as GDAL would write them, the layer bookkeeping of gpkg_contents, the indexes set aside
// for a bulk load and put back. What any backend must do is in tests/gis/store.

#include "sample_records.h"
#include "test_support.h"
#include "xiangjian/core/error.h"
#include "xiangjian/geometry/ogr_conversion.h"
#include "xiangjian/gpkg/gpkg_store.h"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_geometry.h>
#include <ogrsf_frmts.h>
#include <sqlite3.h>
#include <thread>

using namespace xj;
using gpkg::GpkgStore;
using test::from_wkt;
using test::point;
using test::road;
using test::stored;
using test::village;

namespace {

class GpkgStoreWrites : public ::testing::Test {
protected:
    void SetUp() override {
        store = GpkgStore::create(dir.file("county.gpkg"));
        test::add_township_village_and_road(*store);
    }
    test::TempDir dir;
    std::unique_ptr<GpkgStore> store;
};

} // namespace

TEST_F(GpkgStoreWrites, UnitsAreWrittenAsGdalWritesThemAndExtendTheLayerExtent) {
    const std::string path = store->location();
    const auto boundary =
        from_wkt("MULTIPOLYGON (((112.40 34.00, 112.45 34.00, 112.45 34.05, 112.40 34.00)),"
                 "((112.46 34.00, 112.48 34.00, 112.47 34.02, 112.46 34.00)))");
    const auto empty = from_wkt("MULTIPOLYGON EMPTY");
    auto unit = village();
    store->upsert_unit(unit, geometry::from_ogr(*boundary));
    unit.code = "410326209223";
    store->add_unit(unit, geometry::from_ogr(*empty));
    // The same rows written by GDAL itself, under other codes.
    {
        const char* const drivers[] = {"GPKG", nullptr};
        GDALDatasetUniquePtr gdal(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE,
                                                    drivers, nullptr, nullptr));
        ASSERT_TRUE(gdal);
        OGRLayer* layer = gdal->GetLayerByName("admin_units");
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
    store->upsert_unit(village(), {});
    EXPECT_EQ(test::sql_scalar(path, "SELECT geom IS NULL FROM admin_units WHERE code = "
                                     "'410326209222'"),
              "1");
    EXPECT_EQ(test::sql_scalar(path, "SELECT count(*) FROM rtree_admin_units_geom"), "2");
}

namespace {

/// Rows of the R-tree of a site table, as text ("id minx maxx miny maxy" a row).
std::string rtree_rows(const std::string& path, const std::string& table, const char* where) {
    return test::sql_scalar(path, "SELECT group_concat(id || ' ' || minx || ' ' || maxx || ' ' || "
                                  "miny || ' ' || maxy, ';') FROM (SELECT * FROM rtree_" +
                                      table + "_geom WHERE " + where + " ORDER BY id)");
}

} // namespace

TEST_F(GpkgStoreWrites, TheMapsVersionChangesWithEverySiteAndUnitWrittenAndOnlyThen) {
    const std::string path = store->location();
    const auto triggers = [&] {
        return test::sql_scalar(path, "SELECT count(*) FROM sqlite_master WHERE type = "
                                      "'trigger' AND name LIKE 'xj_map_version_%'");
    };
    EXPECT_EQ(triggers(), "12");
    const auto first = store->map_version();
    ASSERT_TRUE(first.has_value());
    EXPECT_EQ(first->rfind("gpkg map ", 0), 0U) << *first;

    store->set_setting("as_of", "2020-06-30"); // not the map's
    EXPECT_EQ(store->map_version(), first);
    store->add_site({"RY2018-002", "点", point(112.4, 34.0)}); // one statement: its trigger
    const auto second = store->map_version();
    EXPECT_NE(second, first);

    { // enough sites for the triggers to be set aside and the version drawn once at the end
        store::Transaction transaction(*store);
        for (int i = 0; i < 3000; ++i) {
            store->add_site({"RY2018-002", "点 " + std::to_string(i),
                             point(112.40 + i * 0.0000731, 34.00 + (i % 97) * 0.000917)});
        }
        transaction.commit();
    }
    EXPECT_NE(store->map_version(), second);
    EXPECT_EQ(triggers(), "12") << "the triggers set aside are back";
}

TEST_F(GpkgStoreWrites, ManySitesInOneTransactionGetTheSpatialIndexTheTriggersWouldGive) {
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
                         stored("LINESTRING (112.41 34.01, 112.42 34.02, 112.43 34.02)")});
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

TEST_F(GpkgStoreWrites, ARolledBackBulkOfSitesLeavesTheSpatialIndexAsItWas) {
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

TEST_F(GpkgStoreWrites, SitesAreWrittenAsGdalWritesThemAndExtendTheLayerExtent) {
    store->add_site({"RY2018-002", "起点", stored("POINT (112.41 34.01)")});
    store->add_site(
        {"RY2018-002", "路线", stored("LINESTRING Z (112.41 34.01 5, 112.42 34.02 6)")});
    store->add_site({"RY2018-002", "料场",
                     stored("POLYGON ((112.41 34.01, 112.42 34.01, 112.42 34.02, 112.41 34.01))")});
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
}

TEST_F(GpkgStoreWrites, IndexesSetAsideForABulkComeBackWhenALookupNeedsThemAndAtTheCommit) {
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

TEST_F(GpkgStoreWrites, TheSpatialIndexIsPackedEvenWhenSqliteIsInDefensiveMode) {
    // Newer GDALs may open GeoPackages in SQLite's defensive mode, which refuses writes to an
    // R-tree's shadow tables unless lifted.
    sqlite3* db = gpkg::detail::connection_of(*store);
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

TEST_F(GpkgStoreWrites, AWriteOutsideATransactionIsOneUnitWithItsLayerBookkeeping) {
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

TEST_F(GpkgStoreWrites, ALargeTableIsReadOnTwoConnectionsWholeAndInOrder) {
    // Over 200,000 rows: read in two halves on two connections, each row put in its place.
    constexpr int projects = 40, reports_each = 5'001;
    {
        store::Transaction transaction(*store);
        for (int p = 0; p < projects; ++p) {
            auto project = road();
            project.id = "P" + std::to_string(1000 + p);
            store->add_project(project);
        }
        // Recorded day by day, the projects interleaved, as a county's reports come in.
        for (int day = 0; day < reports_each; ++day) {
            for (int p = projects - 1; p >= 0; --p) {
                store->add_progress_report({"P" + std::to_string(1000 + p),
                                            core::Date(2000, 1, 1).plus_days(day),
                                            day * 0.001,
                                            {},
                                            day % 97 == 0 ? "第" + std::to_string(day) + "天" : "",
                                            ""});
            }
        }
        transaction.commit();
    }
    const auto reports = store->progress_reports();
    ASSERT_EQ(reports.size(), static_cast<std::size_t>(projects * reports_each));
    for (std::size_t i = 0; i < reports.size(); ++i) {
        const int p = static_cast<int>(i) / reports_each, day = static_cast<int>(i) % reports_each;
        ASSERT_EQ(reports[i].project_id, "P" + std::to_string(1000 + p)) << i;
        ASSERT_EQ(reports[i].report_date, core::Date(2000, 1, 1).plus_days(day)) << i;
        ASSERT_DOUBLE_EQ(*reports[i].cumulative_quantity, day * 0.001) << i;
        ASSERT_EQ(reports[i].note, day % 97 == 0 ? "第" + std::to_string(day) + "天" : "") << i;
    }
    // Inside a transaction, on its one connection, with a row of its own not yet committed.
    store::Transaction transaction(*store);
    store->add_progress_report({"P1000", core::Date(1999, 12, 31), 0.0, {}, "补报", ""});
    const auto within = store->progress_reports();
    ASSERT_EQ(within.size(), reports.size() + 1);
    EXPECT_EQ(within[0].note, "补报");
    EXPECT_EQ(within[1], reports[0]);
    EXPECT_EQ(within.back(), reports.back());
}

TEST_F(GpkgStoreWrites, TheUnitListComesFromAnIndexAndAFileWithoutItStillReads) {
    const std::string path = store->location();
    const auto before = store->unit_list();
    store.reset();
    // The plan SQLite makes for the store's own query: the index alone, no boundary read.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
    const auto plan = [&] {
        std::string detail;
        sqlite3_stmt* statement = nullptr;
        EXPECT_EQ(sqlite3_prepare_v2(db,
                                     "EXPLAIN QUERY PLAN SELECT code, name, level, parent_code, "
                                     "population, households, poor_households, poor_village "
                                     "FROM admin_units ORDER BY code",
                                     -1, &statement, nullptr),
                  SQLITE_OK);
        while (sqlite3_step(statement) == SQLITE_ROW) {
            detail += reinterpret_cast<const char*>(sqlite3_column_text(statement, 3));
        }
        sqlite3_finalize(statement);
        return detail;
    };
    EXPECT_NE(plan().find("COVERING INDEX admin_units_list"), std::string::npos) << plan();
    // A file written before the index (or by another program) opens read-only as it is.
    ASSERT_EQ(sqlite3_exec(db, "DROP INDEX admin_units_list", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
    EXPECT_EQ(GpkgStore::open(path, GpkgStore::Access::read_only)->unit_list(), before);
    EXPECT_EQ(test::sql_scalar(path, "SELECT count(*) FROM sqlite_master WHERE name = "
                                     "'admin_units_list'"),
              "0");
    // The next opening for writing puts it back.
    GpkgStore::open(path, GpkgStore::Access::update).reset();
    EXPECT_EQ(test::sql_scalar(path, "SELECT count(*) FROM sqlite_master WHERE name = "
                                     "'admin_units_list'"),
              "1");
    EXPECT_EQ(GpkgStore::open(path, GpkgStore::Access::read_only)->unit_list(), before);
}

TEST_F(GpkgStoreWrites, UpgradeRewritesAFileOfSmallPagesInLargeOnesKeepingEveryRecord) {
    const std::string path = store->location();
    store->add_site({road().id, "村道", stored("LINESTRING (112.41 34.01, 112.44 34.03)")});
    const auto units_before = store->units();
    const auto sites_before = store->sites();
    ASSERT_FALSE(units_before.empty());
    ASSERT_FALSE(sites_before.empty());
    store.reset();
    // As an older version made it: SQLite's default 4 KiB pages.
    {
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
        ASSERT_EQ(sqlite3_exec(db, "PRAGMA page_size = 4096; VACUUM", nullptr, nullptr, nullptr),
                  SQLITE_OK);
        sqlite3_close(db);
    }
    ASSERT_EQ(test::sql_scalar(path, "PRAGMA page_size"), "4096");

    store = GpkgStore::open(path);
    EXPECT_TRUE(store->upgrade_storage());
    EXPECT_EQ(test::sql_scalar(path, "PRAGMA page_size"), std::to_string(GpkgStore::page_size));
    EXPECT_EQ(test::sql_scalar(path, "PRAGMA integrity_check"), "ok");
    const auto units_after = store->units();
    ASSERT_EQ(units_after.size(), units_before.size());
    for (std::size_t i = 0; i < units_before.size(); ++i) {
        EXPECT_EQ(units_after[i].unit, units_before[i].unit);
        EXPECT_EQ(units_after[i].boundary, units_before[i].boundary) << units_before[i].unit.code;
    }
    const auto sites_after = store->sites();
    ASSERT_EQ(sites_after.size(), sites_before.size());
    for (std::size_t i = 0; i < sites_before.size(); ++i) {
        EXPECT_EQ(sites_after[i].project_id, sites_before[i].project_id);
        EXPECT_EQ(sites_after[i].geometry, sites_before[i].geometry) << sites_before[i].name;
    }
    EXPECT_FALSE(store->upgrade_storage()); // nothing left to do
    // Still a GeoPackage that GDAL reads, spatial index and all.
    EXPECT_EQ(test::sql_scalar(path, "PRAGMA application_id"), "1196444487");
    EXPECT_EQ(test::sql_scalar(path, "SELECT HasSpatialIndex('admin_units', 'geom')"), "1");

    store->begin_transaction();
    EXPECT_THROW(store->upgrade_storage(), Error);
    store->rollback_transaction();
}
