// `import projects`: sites from spreadsheets and vector files, GCJ-02 phone coordinates, and
// the link of each project to the villages it serves or crosses.

#include "ogr_records.h"
#include "test_support.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/input_errors.h"
#include "xiangjian/core/language.h"
#include "xiangjian/crs/china_offsets.h"
#include "xiangjian/import/project_import.h"
#include "xiangjian/import/unit_import.h"
#include "xiangjian/store/open_project.h"

#include <cmath>
#include <gtest/gtest.h>
#include <map>
#include <ogr_spatialref.h>

using namespace xj;

namespace {

const std::string data_dir = std::string{XJ_TEST_DATA} + "/";

double metres(double lon1, double lat1, double lon2, double lat2) {
    const double x = (lon1 - lon2) * M_PI / 180 * std::cos(lat1 * M_PI / 180);
    const double y = (lat1 - lat2) * M_PI / 180;
    return 6371000.0 * std::hypot(x, y);
}

class ProjectImport : public ::testing::Test {
protected:
    void SetUp() override {
        xj::set_language(xj::Language::en); // the tests read the English messages
        store = xj::store::create_project(dir.file("county.gpkg"));
        import::import_units(*store, data_dir + "units/townships_wgs84.geojson", {});
        import::import_units(*store, data_dir + "units/chengguan_gbk.shp", {});
    }
    void TearDown() override { xj::set_language(xj::Language::zh); }
    import::ImportReport import(const std::string& file,
                                import::ProjectImportOptions options = {}) {
        return import::import_projects(*store, file, options);
} std::map<std::string, core::Project> projects() const {
    std::map<std::string, core::Project> result;
    for (auto& p : store->projects()) {
        result.emplace(p.id, std::move(p));
    }
    return result;
}
std::string write(const std::string& name, const std::string& content) {
    const std::string path = dir.file(name);
    test::write_file(path, content);
    return path;
}
test::TempDir dir;
std::unique_ptr<store::ProjectStore> store;
}; // namespace

} // namespace

TEST_F(ProjectImport, Gcj02PhoneCoordinatesLandWithinHalfAMetreOfTheTruth) {
    // Where the sites really are (WGS 84), and what a web map shows for them (GCJ-02).
    const crs::LonLat truth[] = {{112.4700, 34.1500}, {112.4620, 34.1580}};
    std::string csv = "\xEF\xBB\xBF项目编号,项目名称,项目类型,经度,纬度\n"; // Excel's UTF-8 BOM
    for (int i = 0; i < 2; ++i) {
        const crs::LonLat shown = crs::wgs84_to_gcj02(truth[i]);
        char row[160];
        std::snprintf(row, sizeof row, "G-%d,饮水点%d,饮水,%.8f,%.8f\n", i + 1, i + 1, shown.lon,
                      shown.lat);
        csv += row;
    }
    import::ProjectImportOptions options;
    options.source.source_srs = "EPSG:4326";
    options.source.offset = import::CoordinateOffset::gcj02;
    const auto report = import(write("gcj.csv", csv), options);
    EXPECT_EQ(report.added, 2u);
    const auto sites = xj::test::ogr_sites(*store);
    ASSERT_EQ(sites.size(), 2u);
    for (int i = 0; i < 2; ++i) {
        const OGRPoint* point = sites[static_cast<std::size_t>(i)].geometry->toPoint();
        EXPECT_LT(metres(point->getX(), point->getY(), truth[i].lon, truth[i].lat), 0.5);
        EXPECT_GT(metres(point->getX(), point->getY(), crs::wgs84_to_gcj02(truth[i]).lon,
                         crs::wgs84_to_gcj02(truth[i]).lat),
                  300.0);
    }
    EXPECT_EQ(projects().at("G-1").type, core::ProjectType::water);
    EXPECT_EQ(projects().at("G-1").name, "饮水点1") << "the BOM is not part of the header";
}

TEST_F(ProjectImport, XlsxWithChineseHeadersCreatesProjectsAndLinksVillages) {
    import::ProjectImportOptions options;
    options.source.source_srs = "EPSG:4326";
    const auto report = import(data_dir + "projects/sites.xlsx", options);
    EXPECT_EQ(report.added, 3u);
    const auto all = projects();
    const auto& water = all.at("XLSX-1");
    EXPECT_EQ(water.name, "云梦村安全饮水工程");
    EXPECT_EQ(water.type, core::ProjectType::water);
    EXPECT_EQ(water.measure, core::Measure::quantity);
    EXPECT_DOUBLE_EQ(*water.planned_quantity, 2.0);
    EXPECT_EQ(water.unit, "处");
    EXPECT_EQ(water.planned_start, core::Date(2018, 3, 1));
    EXPECT_EQ(water.leader, "王建国（副县长）");
    EXPECT_EQ(all.at("XLSX-2").type, core::ProjectType::housing);
    EXPECT_EQ(all.at("XLSX-3").type, core::ProjectType::pv);
    const std::string notes = test::joined(report.notes);
    EXPECT_NE(notes.find("project types read from words: "), std::string::npos) << notes;
    EXPECT_NE(notes.find("安全饮水 → water"), std::string::npos) << notes;
    // Each point lies in a village of 城关镇; the project takes that village and township.
    EXPECT_EQ(water.township_code, "410326100000");
    EXPECT_EQ(water.village_code.substr(0, 9), "410326100");
    const auto links = store->project_villages();
    ASSERT_EQ(links.size(), 3u);
    EXPECT_EQ(links[0].matched_by, "point");
}

TEST_F(ProjectImport, GbkCsvWithoutBomIsDetected) {
    import::ProjectImportOptions options;
    options.source.source_srs = "EPSG:4326";
    const auto report = import(data_dir + "projects/sites_gbk.csv", options);
    EXPECT_NE(report.encoding.find("GB18030"), std::string::npos) << report.encoding;
    EXPECT_EQ(projects().at("XLSX-2").name, "东街危房改造");
}

TEST_F(ProjectImport, ALineIsLinkedToEveryVillageItCrossesWithItsLengthInEach) {
    // A road straight across 城关镇, 0.06° of longitude (about 5.5 km) at 34.15° N.
    const std::string road =
        write("road.geojson",
              R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)"
              R"({"项目编号":"R-1","项目名称":"城关镇东西干道","项目类型":"道路"},"geometry":)"
              R"({"type":"LineString","coordinates":[[112.43,34.15],[112.49,34.15]]}}]})");
    const auto report = import(road);
    EXPECT_TRUE(report.unmatched.empty());
    const auto links = store->project_villages();
    ASSERT_GE(links.size(), 2u);
    double total = 0;
    for (const auto& link : links) {
        EXPECT_EQ(link.matched_by, "line");
        ASSERT_TRUE(link.length_m);
        total += *link.length_m;
    }
    const double expected = 0.06 * M_PI / 180 * 6378137 * std::cos(34.15 * M_PI / 180);
    EXPECT_NEAR(total, expected, expected * 0.005) << "the parts add up to the whole line";
    EXPECT_EQ(projects().at("R-1").type, core::ProjectType::road);
    EXPECT_TRUE(projects().at("R-1").village_code.empty()) << "a road crossing villages has none";
    EXPECT_EQ(projects().at("R-1").township_code, "410326100000");
}

TEST_F(ProjectImport, DegreesMinutesSecondsAndSurveyorsXyLandWhereDecimalDegreesDo) {
    // The same site three ways: decimal degrees, as county tables write DMS, and as a survey
    // table gives Gauss–Krüger metres (X the northing, Y the easting with its zone number).
    OGRSpatialReference geographic, zone;
    geographic.importFromEPSG(4490);
    zone.importFromEPSG(4525); // CGCS2000 3° zone 37, zone number before the easting
    geographic.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    zone.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    const std::unique_ptr<OGRCoordinateTransformation> to_zone(
        OGRCreateCoordinateTransformation(&geographic, &zone));
    double easting = 112.47, northing = 34.15;
    ASSERT_TRUE(to_zone->Transform(1, &easting, &northing));
    ASSERT_GT(easting, 37e6);

    import::ProjectImportOptions degrees;
    degrees.source.source_srs = "EPSG:4490";
    const auto dms = import(write("dms.csv", "项目编号,项目类型,经度,纬度\n"
                                             "D-0,饮水,112.47,34.15\n"
                                             "D-1,饮水,东经112°28′12″,北纬34°09′00″\n"
                                             "D-2,饮水,112:28:12,34 9 0\n"),
                            degrees);
    EXPECT_EQ(dms.added, 3u);
    char row[200];
    std::snprintf(row, sizeof row, "项目编号,项目类型,X坐标,Y坐标\nD-3,饮水,%.3f,%.3f\n", northing,
                  easting);
    import::ProjectImportOptions metres_in_zone;
    metres_in_zone.source.source_srs = "EPSG:4525";
    const auto survey = import(write("survey.csv", row), metres_in_zone);
    EXPECT_EQ(survey.added, 1u);
    ASSERT_FALSE(survey.notes.empty());
    EXPECT_NE(survey.notes.front().find("northings"), std::string::npos) << survey.notes.front();

    const auto sites = xj::test::ogr_sites(*store);
    ASSERT_EQ(sites.size(), 4u);
    const std::string village = projects().at("D-0").village_code;
    EXPECT_FALSE(village.empty());
    for (const auto& site : sites) {
        const OGRPoint* point = site.geometry->toPoint();
        EXPECT_LT(metres(point->getX(), point->getY(), 112.47, 34.15), 0.01) << site.project_id;
        EXPECT_EQ(projects().at(site.project_id).village_code, village) << site.project_id;
    }

    // Swapped columns are caught by their hemisphere words, not imported in the sea.
    try {
        import(write("swapped.csv", "项目编号,经度,纬度\nD-4,北纬34°09′,东经112°28′12″\n"),
               degrees);
        ADD_FAILURE() << "swapped columns imported";
    } catch (const InputError& error) {
        EXPECT_NE(std::string{error.what()}.find("row 2"), std::string::npos) << error.what();
        EXPECT_NE(std::string{error.what()}.find("swapped"), std::string::npos) << error.what();
        EXPECT_EQ(error.row(), 2u);
        EXPECT_NE(error.file().find("swapped.csv"), std::string::npos) << error.file();
    }
    EXPECT_EQ(xj::test::ogr_sites(*store).size(), 4u);
}

TEST_F(ProjectImport, ASpreadsheetWithATitleRowAndTotalsRowsImportsItsProjectsOnly) {
    // Excel as a county office lays it out: a merged title over the header, a 小计 and a
    // 合  计 row among the projects (tests/files/projects/make_titled_xlsx.py).
    import::ProjectImportOptions options;
    options.source.source_srs = "EPSG:4490";
    const auto report = import(data_dir + "projects/sites_titled.xlsx", options);
    EXPECT_EQ(report.read, 3u);
    EXPECT_EQ(report.added, 3u);
    const auto stored = projects();
    ASSERT_EQ(stored.size(), 3u);
    EXPECT_EQ(stored.at("TT-1").name, "云梦村安全饮水工程");
    EXPECT_EQ(stored.at("TT-2").type, core::ProjectType::housing);
    EXPECT_DOUBLE_EQ(*stored.at("TT-3").budget_wan, 300);
    const std::string notes = test::joined(report.notes);
    EXPECT_NE(notes.find("header is row 2"), std::string::npos) << notes;
    EXPECT_NE(notes.find("row 5, 7"), std::string::npos) << notes;

    // Rows are still cited by the numbers the user sees: the bad one is row 4 of the file.
    try {
        import(write("titled.csv", "县重点项目表,,,\n项目编号,项目类型,经度,纬度\n"
                                   "TT-4,饮水,112.47,34.15\nTT-5,饮水,112.47,北京\n"),
               options);
        ADD_FAILURE() << "a bad coordinate imported";
    } catch (const InputError& error) {
        EXPECT_NE(std::string{error.what()}.find("row 4"), std::string::npos) << error.what();
        EXPECT_EQ(error.row(), 4u) << "the row the user sees, below the title";
    }
}

TEST_F(ProjectImport, KmlPlacemarksFromAMapAppAreKeyedByTheirNames) {
    const std::string kml = write("sites.kml",
                                  R"(<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder><name>饮水</name>
<Placemark><name>KM-1</name><Point><coordinates>112.47,34.15,0</coordinates></Point></Placemark>
<Placemark><name>KM-2</name><LineString><coordinates>112.46,34.15,0 112.48,34.16,0</coordinates>
</LineString></Placemark></Folder></Document></kml>)");
    try {
        import(kml);
        ADD_FAILURE() << "a KML without ids imported";
    } catch (const Error& error) {
        EXPECT_NE(std::string{error.what()}.find("--id-field Name"), std::string::npos)
            << error.what();
    }
    import::ProjectImportOptions options;
    options.id_field = "Name";
    const auto report = import(kml, options);
    EXPECT_EQ(report.added, 2u);
    EXPECT_EQ(report.source_crs.rfind("EPSG:4326", 0), 0u) << report.source_crs;
    EXPECT_EQ(projects().count("KM-2"), 1u);
}

TEST_F(ProjectImport, AHeaderOnTwoRowsNamesEachColumnByItsGroupAndItsOwnName) {
    // "计划" merged over 开工 and 完工 under a title row (make_titled_xlsx.py): the columns are
    // 计划开工 and 计划完工, as the planned start and finish are recognised.
    import::ProjectImportOptions options;
    options.source.source_srs = "EPSG:4490";
    const auto report = import(data_dir + "projects/sites_two_row_header.xlsx", options);
    EXPECT_EQ(report.added, 2u);
    const auto stored = projects();
    EXPECT_EQ(stored.at("TH-1").planned_start, core::Date(2018, 3, 1));
    EXPECT_EQ(stored.at("TH-1").planned_finish, core::Date(2018, 9, 30));
    EXPECT_EQ(stored.at("TH-2").planned_start, core::Date(2018, 4, 1));
    EXPECT_EQ(stored.at("TH-2").planned_finish, core::Date(2018, 10, 31));
    const std::string notes = test::joined(report.notes);
    EXPECT_NE(notes.find("two rows (2 and 3)"), std::string::npos) << notes;

    // An ordinary table (every column named) keeps its first row as data.
    const auto plain = import(write("plain.csv", "项目编号,项目名称,经度,纬度\n"
                                                 "TH-3,甲,112.47,34.15\n"),
                              options);
    EXPECT_EQ(plain.added, 1u);
    EXPECT_EQ(test::joined(plain.notes).find("two rows"), std::string::npos)
        << test::joined(plain.notes);
}

TEST_F(ProjectImport, CoordinateAndBudgetHeadersWithUnitsAreRecognised) {
    import::ProjectImportOptions options;
    options.source.source_srs = "EPSG:4490";
    const auto report = import(write("units.csv", "项目编号,经度(°),纬度（°）,总投资（万元）\n"
                                                  "HU-1,112.47,34.15,\"1,280.5\"\n"),
                               options);
    EXPECT_EQ(report.added, 1u);
    EXPECT_EQ(xj::test::ogr_sites(*store).size(), 1u);
    EXPECT_DOUBLE_EQ(*projects().at("HU-1").budget_wan, 1280.5);
}

TEST_F(ProjectImport, RoadsGivenAsWktInASpreadsheetAreLinesWithTheirLengthsPerVillage) {
    import::ProjectImportOptions options;
    options.source.source_srs = "EPSG:4490";
    const auto report = import(data_dir + "projects/roads_wkt.xlsx", options);
    EXPECT_EQ(report.added, 2u);
    const auto sites = xj::test::ogr_sites(*store);
    ASSERT_EQ(sites.size(), 2u);
    for (const auto& site : sites) {
        EXPECT_EQ(wkbFlatten(site.geometry->getGeometryType()), wkbMultiLineString);
    }
    // TW-2 runs 0.02° east along 34.15°N: about 1,842 m, all of it in the villages or not.
    double along = 0;
    for (const auto& link : store->project_villages()) {
        if (link.project_id == "TW-2") {
            EXPECT_EQ(link.matched_by, "line");
            along += link.length_m.value_or(0);
        }
    }
    EXPECT_GT(along, 0);
    EXPECT_LT(along, 1.01 * 0.02 * 111320 * std::cos(34.15 * M_PI / 180));
}

TEST_F(ProjectImport, ReimportChangesNothingAndReportsWhatMatchedNothing) {
    const std::string csv = write("sites.csv", "项目编号,项目名称,项目类型,经度,纬度,村代码\n"
                                               "U-1,远处的点,饮水,112.20,33.90,\n"
                                               "U-2,未知村,饮水,112.47,34.15,410326100999\n"
                                               "U-3,云梦村,饮水,112.47,34.15,410326100201\n");
    import::ProjectImportOptions options;
    options.source.source_srs = "EPSG:4490";
    const auto first = import(csv, options);
    EXPECT_EQ(first.added, 3u);
    ASSERT_EQ(first.unmatched.size(), 2u);
    EXPECT_NE(first.unmatched[0].find("row 2"), std::string::npos) << first.unmatched[0];
    EXPECT_NE(first.unmatched[0].find("in no village"), std::string::npos);
    EXPECT_NE(first.unmatched[1].find("410326100999"), std::string::npos);
    EXPECT_EQ(projects().at("U-3").village_code, "410326100201") << "linked by code";

    const auto again = import(csv, options);
    EXPECT_EQ(again.added + again.updated, 0u);
    EXPECT_EQ(again.unchanged, 3u);
}

TEST_F(ProjectImport, BadRowsFailTheWholeImport) {
    const std::string csv = write("bad.csv", "项目编号,项目名称,经度,纬度\n"
                                             "B-1,好的,112.47,34.15\n"
                                             "B-2,坏的,112.4x,34.15\n");
    import::ProjectImportOptions options;
    options.source.source_srs = "EPSG:4490";
    try {
        import(csv, options);
        FAIL() << "imported a row with a bad longitude";
    } catch (const Error& error) {
        EXPECT_NE(std::string{error.what()}.find("bad.csv, row 3"), std::string::npos)
            << error.what();
    }
    EXPECT_TRUE(store->projects().empty());

    const std::string no_crs = write("nocrs.csv", "项目编号,经度,纬度\nC-1,112.47,34.15\n");
    try {
        import(no_crs);
        FAIL() << "a table with no CRS was read";
    } catch (const Error& error) {
        EXPECT_NE(std::string{error.what()}.find("--s-srs"), std::string::npos) << error.what();
    }

    import::ProjectImportOptions dry = options;
    dry.dry_run = true;
    const auto planned = import(write("ok.csv", "项目编号,经度,纬度\nD-1,112.47,34.15\n"), dry);
    EXPECT_EQ(planned.added, 1u);
    EXPECT_TRUE(store->projects().empty());
}

TEST_F(ProjectImport, TheFirstBadRowIsReportedEvenWhenAnEarlierProjectCannotBeWritten) {
    import::ProjectImportOptions options;
    options.source.source_srs = "EPSG:4490";
    // Row 2 is readable but its project breaks a constraint of the database (a planned
    // quantity of 0); row 4 has a stage no one knows. Rows are all checked before anything is
    // written, so the bad row is what the user hears about.
    const std::string csv = write("mixed.csv", "项目编号,项目名称,经度,纬度,计划工程量,建设阶段\n"
                                               "Q-1,零工程量,112.47,34.15,0,前期\n"
                                               "Q-2,好的,112.47,34.15,3,前期\n"
                                               "Q-3,坏的,112.47,34.15,3,开挖\n");
    try {
        import(csv, options);
        FAIL() << "imported a row with an unknown stage";
    } catch (const Error& error) {
        EXPECT_NE(std::string{error.what()}.find("mixed.csv, row 4"), std::string::npos)
            << error.what();
        EXPECT_NE(std::string{error.what()}.find("开挖"), std::string::npos) << error.what();
    }
    EXPECT_TRUE(store->projects().empty());

    // Without the bad row, the database's refusal is the error, naming the project.
    const std::string zero = write("zero.csv", "项目编号,项目名称,经度,纬度,计划工程量\n"
                                               "Q-1,零工程量,112.47,34.15,0\n"
                                               "Q-2,好的,112.47,34.15,3\n");
    try {
        import(zero, options);
        FAIL() << "a planned quantity of 0 was stored";
    } catch (const Error& error) {
        EXPECT_NE(std::string{error.what()}.find("project Q-1"), std::string::npos) << error.what();
    }
    EXPECT_TRUE(store->projects().empty());
    EXPECT_TRUE(xj::test::ogr_sites(*store).empty());
}

TEST_F(ProjectImport, AProjectOnSeveralRowsGetsEverySiteAndTheLinksOfAll) {
    import::ProjectImportOptions options;
    options.source.source_srs = "EPSG:4490";
    // P-1's rows are apart, with another project between them: it is written once both are
    // linked, in the order the projects first appear.
    const std::string csv = write("spread.csv", "项目编号,项目名称,点位名称,经度,纬度,村代码\n"
                                                "P-1,供水工程,水源,112.47,34.15,\n"
                                                "P-2,道路,起点,112.47,34.15,\n"
                                                "P-1,,水塔,112.47,34.15,410326100201\n");
    const auto report = import(csv, options);
    EXPECT_EQ(report.added, 2u);
    const auto sites = xj::test::ogr_sites(*store);
    ASSERT_EQ(sites.size(), 3u);
    EXPECT_EQ(sites[0].project_id, "P-1");
    EXPECT_EQ(sites[0].name, "水源");
    EXPECT_EQ(sites[1].name, "水塔");
    EXPECT_EQ(sites[2].project_id, "P-2");
    std::size_t links_of_p1 = 0;
    for (const auto& link : store->project_villages()) {
        links_of_p1 += link.project_id == "P-1" ? 1 : 0;
    }
    EXPECT_GE(links_of_p1, 1u);
    EXPECT_EQ(store->projects()[0].name, "供水工程");
}

TEST_F(ProjectImport, ARowWithoutAnIdFailsTheImportWhereverItIs) {
    import::ProjectImportOptions options;
    options.source.source_srs = "EPSG:4490";
    const std::string csv = write("last.csv", "项目编号,项目名称,经度,纬度\n"
                                              "E-1,好的,112.47,34.15\n"
                                              "E-2,也好,112.47,34.15\n"
                                              ",没有编号,112.47,34.15\n");
    try {
        import(csv, options);
        FAIL() << "a row without a project id was let through";
    } catch (const Error& error) {
        EXPECT_NE(std::string{error.what()}.find("last.csv, row 4"), std::string::npos)
            << error.what();
    }
    EXPECT_TRUE(store->projects().empty());
}

TEST_F(ProjectImport, TheHeadersOfCountyLedgersFillEveryField) {
    // 分包县领导, 建设单位, 计划开工时间, 计划完工时间, 建设规模 with its unit, 总投资（万元）,
    // 所属乡镇 and 所在村 by name, 建设性质 (make_ledger_fixtures.py): none may be dropped.
    import::ProjectImportOptions options;
    options.source.source_srs = "EPSG:4326";
    const auto report = import(data_dir + "projects/ledger_gbk.csv", options);
    EXPECT_EQ(report.added, 5u);
    const auto all = projects();
    const auto& water = all.at("LG-1");
    EXPECT_EQ(water.leader, "王建国");
    EXPECT_EQ(water.responsible_unit, "县水利局");
    EXPECT_EQ(water.planned_start, core::Date(2018, 3, 1));
    EXPECT_EQ(water.planned_finish, core::Date(2018, 9, 30));
    EXPECT_DOUBLE_EQ(*water.planned_quantity, 2.0);
    EXPECT_EQ(water.stage, core::Stage::new_start);
    EXPECT_DOUBLE_EQ(*water.budget_wan, 120.0);
    EXPECT_EQ(water.township_code, "410326100000");
    EXPECT_EQ(water.village_code, "410326100204") << "所在村 三角村村民委员会, by name";
    const auto& road = all.at("LG-2");
    EXPECT_EQ(road.planned_finish, core::Date(2018, 10, 31));
    EXPECT_DOUBLE_EQ(*road.planned_quantity, 5.8);
    EXPECT_EQ(road.unit, "km") << "公里";
    EXPECT_EQ(road.stage, core::Stage::continuing);
    EXPECT_EQ(all.at("LG-3").stage, core::Stage::preliminary);
    EXPECT_EQ(all.at("LG-4").stage, core::Stage::completed);
    // No type column: each type guessed from the project's name, and the report says so.
    EXPECT_EQ(water.type, core::ProjectType::water);
    EXPECT_EQ(road.type, core::ProjectType::road);
    EXPECT_EQ(all.at("LG-3").type, core::ProjectType::housing);
    EXPECT_EQ(all.at("LG-4").type, core::ProjectType::pv);
    const std::string notes = test::joined(report.notes);
    EXPECT_NE(notes.find("guessed from their names"), std::string::npos) << notes;
    // The one column no field takes is named.
    ASSERT_EQ(report.warnings.size(), 1u) << test::joined(report.warnings);
    EXPECT_NE(report.warnings[0].find("not used: 备注"), std::string::npos) << report.warnings[0];
    xj::set_language(xj::Language::zh);
    const auto again = import(data_dir + "projects/ledger_gbk.csv", options);
    EXPECT_EQ(again.unchanged, 5u);
    EXPECT_NE(test::joined(again.warnings).find("未使用的列：备注"), std::string::npos)
        << test::joined(again.warnings);
}

TEST_F(ProjectImport, ColumnsNamesAHeaderTheImporterDoesNotKnow) {
    import::ProjectImportOptions options;
    options.source.source_srs = "EPSG:4490";
    options.columns = {{"leader", "县级包联同志"}, {"planned_finish", "要求完成时间"}};
    const auto report = import(write("own.csv", "项目编号,经度,纬度,县级包联同志,要求完成时间\n"
                                                "OW-1,112.47,34.15,王建国,2018-09-30\n"),
                               options);
    EXPECT_EQ(report.added, 1u);
    EXPECT_TRUE(report.warnings.empty()) << test::joined(report.warnings);
    EXPECT_EQ(projects().at("OW-1").leader, "王建国");
    EXPECT_EQ(projects().at("OW-1").planned_finish, core::Date(2018, 9, 30));
    options.columns = {{"boss", "县级包联同志"}};
    EXPECT_THROW(import(write("own2.csv", "项目编号,经度,纬度\nOW-2,112.47,34.15\n"), options),
                 UsageError);
    options.columns = {{"leader", "没有这列"}};
    try {
        import(write("own3.csv", "项目编号,经度,纬度\nOW-3,112.47,34.15\n"), options);
        ADD_FAILURE() << "a --columns header that is not in the file was let through";
    } catch (const InputError& error) {
        EXPECT_NE(std::string{error.what()}.find("没有这列"), std::string::npos) << error.what();
    }
}

TEST_F(ProjectImport, CoordinatesUnderAMergedGroupHeaderAreStillCoordinates) {
    // 坐标 merged over 经度 and 纬度 under a title: the columns read 坐标经度 and 坐标纬度.
    import::ProjectImportOptions options;
    options.source.source_srs = "EPSG:4326";
    const auto report = import(data_dir + "projects/ledger_grouped.xlsx", options);
    EXPECT_EQ(report.added, 5u);
    EXPECT_EQ(xj::test::ogr_sites(*store).size(), 5u);
    EXPECT_EQ(projects().at("LG-2").leader, "李志强");
    EXPECT_EQ(projects().at("LG-2").planned_start, core::Date(2018, 4, 1));

    // Coordinates the importer cannot take, and no site: an error, not "no geometry".
    try {
        import(write("nosite.csv", "项目编号,东经坐标,北纬坐标\nNS-1,112.47,34.15\n"), options);
        ADD_FAILURE() << "a table with coordinates imported without sites";
    } catch (const InputError& error) {
        EXPECT_EQ(error.column(), "东经坐标");
        EXPECT_NE(std::string{error.what()}.find("--x-field"), std::string::npos) << error.what();
    }
    EXPECT_EQ(projects().count("NS-1"), 0u);
}

TEST_F(ProjectImport, SwappedDecimalDegreesAreSaidToBeSwappedWithTheirRow) {
    import::ProjectImportOptions options;
    options.source.source_srs = "EPSG:4326";
    try {
        import(write("swapped_decimal.csv", "项目编号,经度,纬度\n"
                                            "SW-1,112.47,34.15\n"
                                            "SW-2,33.94,112.34\n"),
               options);
        ADD_FAILURE() << "swapped decimal columns imported";
    } catch (const InputError& error) {
        EXPECT_EQ(error.row(), 3u);
        EXPECT_EQ(error.column(), "经度");
        EXPECT_NE(std::string{error.what()}.find("swapped"), std::string::npos) << error.what();
        EXPECT_EQ(std::string{error.what()}.find("not degrees"), std::string::npos) << error.what();
    }
    EXPECT_TRUE(store->projects().empty());
}

TEST_F(ProjectImport, AVillageCodeThatContradictsTheSiteIsSaidAndAnUnknownOneFallsBack) {
    // 112.47, 34.15 lies in 三角村 (410326100204).
    import::ProjectImportOptions options;
    options.source.source_srs = "EPSG:4490";
    const auto report = import(write("codes.csv", "项目编号,经度,纬度,村代码\n"
                                                  "VC-1,112.47,34.15,410326100205\n"
                                                  "VC-2,112.47,34.15,410326100999\n"),
                               options);
    EXPECT_EQ(report.added, 2u);
    ASSERT_EQ(report.warnings.size(), 1u) << test::joined(report.warnings);
    const std::string& contradiction = report.warnings[0];
    EXPECT_NE(contradiction.find("codes.csv, row 2"), std::string::npos) << contradiction;
    EXPECT_NE(contradiction.find("河西村村民委员会 (410326100205)"), std::string::npos)
        << contradiction;
    EXPECT_NE(contradiction.find("三角村村民委员会 (410326100204)"), std::string::npos)
        << contradiction;
    EXPECT_EQ(projects().at("VC-1").village_code, "410326100205") << "linked by the code";
    ASSERT_EQ(report.unmatched.size(), 1u) << test::joined(report.unmatched);
    EXPECT_NE(report.unmatched[0].find("row 3"), std::string::npos) << report.unmatched[0];
    EXPECT_NE(report.unmatched[0].find("410326100999"), std::string::npos);
    EXPECT_NE(report.unmatched[0].find("linked where the site lies"), std::string::npos);
    EXPECT_EQ(projects().at("VC-2").village_code, "410326100204") << "falls back to the site";
}

TEST_F(ProjectImport, EveryBadRowIsReportedAndNothingWritten) {
    import::ProjectImportOptions options;
    options.source.source_srs = "EPSG:4490";
    const std::string csv = write("two_bad.csv", "项目编号,经度,纬度,计划开工,计划完工\n"
                                                 "TB-1,112.47,34.15,2018-13-01,2018-09-30\n"
                                                 "TB-2,112.47,34.15,2018-03-01,2018-09-30\n"
                                                 ",112.47,34.15,2018-03-01,2018-09-30\n"
                                                 "TB-4,112.47,34.15,2018-03-01,九月底\n");
    try {
        import(csv, options);
        ADD_FAILURE() << "bad rows imported";
    } catch (const InputErrors& errors) {
        ASSERT_EQ(errors.total(), 3u) << errors.what();
        EXPECT_EQ(errors.errors()[0].row(), 2u);
        EXPECT_EQ(errors.errors()[0].column(), "计划开工");
        EXPECT_EQ(errors.errors()[1].row(), 4u);
        EXPECT_EQ(errors.errors()[2].row(), 5u);
        EXPECT_EQ(errors.errors()[2].column(), "计划完工");
    }
    EXPECT_TRUE(store->projects().empty());
    EXPECT_TRUE(xj::test::ogr_sites(*store).empty());

    // Coordinates too: each bad one is named.
    try {
        import(write("two_bad_points.csv", "项目编号,经度,纬度\n"
                                           "TC-1,112.4x,34.15\n"
                                           "TC-2,112.47,34.15\n"
                                           "TC-3,33.94,112.34\n"),
               options);
        ADD_FAILURE() << "bad coordinates imported";
    } catch (const InputErrors& errors) {
        ASSERT_EQ(errors.total(), 2u) << errors.what();
        EXPECT_EQ(errors.errors()[0].row(), 2u);
        EXPECT_EQ(errors.errors()[1].row(), 4u);
    }
    // Bad coordinates in one row and a bad date in another: both.
    try {
        import(write("mixed_bad.csv", "项目编号,经度,纬度,计划开工\n"
                                      "TD-1,33.94,112.34,2018-01-01\n"
                                      "TD-2,112.47,34.15,2018-13-01\n"),
               options);
        ADD_FAILURE() << "bad rows imported";
    } catch (const InputErrors& errors) {
        ASSERT_EQ(errors.total(), 2u) << errors.what();
        EXPECT_EQ(errors.errors()[0].column(), "经度");
        EXPECT_EQ(errors.errors()[1].column(), "计划开工");
    }
    EXPECT_TRUE(store->projects().empty());
}

TEST_F(ProjectImport, UnitsAreSpelledOneWayADimensionAndAnUnknownOneIsReported) {
    import::ProjectImportOptions options;
    options.source.source_srs = "EPSG:4490";
    const auto report = import(write("units_mixed.csv", "项目编号,经度,纬度,建设规模,单位\n"
                                                        "UM-1,112.47,34.15,3.1,km\n"
                                                        "UM-2,112.47,34.15,2.4,公里\n"
                                                        "UM-3,112.47,34.15,5800,米\n"
                                                        "UM-4,112.47,34.15,0.3,兆瓦\n"
                                                        "UM-5,112.47,34.15,7,个\n"
                                                        "UM-6,112.47,34.15,2,眼\n"),
                               options);
    EXPECT_EQ(report.added, 6u);
    const auto all = projects();
    EXPECT_EQ(all.at("UM-1").unit, "km");
    EXPECT_EQ(all.at("UM-2").unit, "km");
    EXPECT_EQ(all.at("UM-3").unit, "km");
    EXPECT_DOUBLE_EQ(*all.at("UM-3").planned_quantity, 5.8);
    EXPECT_EQ(all.at("UM-4").unit, "MW");
    EXPECT_EQ(all.at("UM-5").unit, "处");
    EXPECT_EQ(all.at("UM-6").unit, "眼") << "kept as written";
    // What was converted and what is unknown are both said.
    ASSERT_EQ(report.warnings.size(), 2u) << test::joined(report.warnings);
    EXPECT_NE(report.warnings[0].find("row 4 (UM-3): planned quantity 5800.00 米 → 5.800 km"),
              std::string::npos)
        << report.warnings[0];
    EXPECT_NE(report.warnings[1].find("row 7"), std::string::npos) << report.warnings[1];
    EXPECT_NE(report.warnings[1].find("unit '眼'"), std::string::npos) << report.warnings[1];
}

TEST_F(ProjectImport, TownshipsAndVillagesNamedRatherThanCodedAreFoundOrSaidToBeUnknown) {
    import::ProjectImportOptions options;
    options.source.source_srs = "EPSG:4490";
    const auto report = import(write("named.csv", "项目编号,所属乡镇,所在村\n"
                                                  "NM-1,城关镇,河西村村民委员会\n"
                                                  "NM-2,上店镇,\n"
                                                  "NM-3,无此镇,\n"),
                               options);
    EXPECT_EQ(report.added, 3u);
    const auto all = projects();
    EXPECT_EQ(all.at("NM-1").township_code, "410326100000");
    EXPECT_EQ(all.at("NM-2").township_code, "410326101000");
    EXPECT_EQ(all.at("NM-3").township_code, "");
    EXPECT_EQ(all.at("NM-1").village_code, "410326100205") << "a row without a site, by name";
    const std::string unmatched = test::joined(report.unmatched);
    EXPECT_NE(unmatched.find("NM-3: township '无此镇' is not a township of the project"),
              std::string::npos)
        << unmatched;
}
