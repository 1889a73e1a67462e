// `import units` on boundary files as they arrive from county offices (tests/files/units, made
// by make_unit_fixtures.sh) and on hand-made GeoJSON with the usual geometry faults.

#include "ogr_records.h"
#include "test_support.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/import/unit_import.h"
#include "xiangjian/store/open_project.h"

#include <algorithm>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <map>
#include <ogrsf_frmts.h>

using namespace xj;

namespace {

const std::string units_dir = std::string{XJ_TEST_DATA} + "/units/";

class UnitImport : public ::testing::Test {
protected:
    void SetUp() override {
        xj::set_language(xj::Language::en); // the tests read the English messages
        store = xj::store::create_project(dir.file("county.gpkg"));
    }
    void TearDown() override { xj::set_language(xj::Language::zh); }

    import::ImportReport import(const std::string& file, import::UnitImportOptions options = {}) {
        return import::import_units(*store, file, options);
}

std::map<std::string, xj::test::OgrUnit>
by_code() const {
    std::map<std::string, xj::test::OgrUnit> result;
    for (auto& record : xj::test::ogr_units(*store)) {
        result.emplace(record.unit.code, std::move(record));
    }
    return result;
}

/// The error an import throws, with the store checked unchanged afterwards.
std::string failure(const std::string& file, import::UnitImportOptions options = {}) {
    const auto before = xj::test::ogr_units(*store).size();
    try {
        import(file, options);
    } catch (const Error& error) {
        EXPECT_EQ(xj::test::ogr_units(*store).size(), before)
            << "a failed import changed the project";
        EXPECT_NE(dynamic_cast<const InputError*>(&error), nullptr)
            << "bad input is an InputError: " << error.what();
        return error.what();
    }
    ADD_FAILURE() << file << " imported without error";
    return {};
}

std::string geojson(const std::string& features) {
    const std::string path = dir.file("units.geojson");
    test::write_file(path, R"({"type":"FeatureCollection","features":[)" + features + "]}");
    return path;
}

static std::string square(const std::string& code, const std::string& name, double x, double y,
                          double size) {
    char buffer[512];
    std::snprintf(buffer, sizeof buffer,
                  R"({"type":"Feature","properties":{"code":"%s","name":"%s"},)"
                  R"("geometry":{"type":"Polygon","coordinates":[[[%.6f,%.6f],[%.6f,%.6f],)"
                  R"([%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]}})",
                  code.c_str(), name.c_str(), x, y, x + size, y, x + size, y + size, x, y + size, x,
                  y);
    return buffer;
}

/// A 3×3 block of 0.01° villages with the middle one missing: a gap of about 1 km².
static std::string ring_of_cells() {
    std::string features;
    int n = 0;
    for (int row = 0; row < 3; ++row) {
        for (int col = 0; col < 3; ++col) {
            if (row == 1 && col == 1) {
                continue;
            }
            features += (n ? "," : "") + square("4103261002" + std::to_string(10 + n),
                                                "村" + std::to_string(n), 112.40 + col * 0.01,
                                                34.10 + row * 0.01, 0.01);
            ++n;
        }
    }
    return features;
}

/// Townships × villages 0.005° cells in a block without gaps or overlaps (a bulk: more
/// rows than the store writes before it sets indexes aside). `missing` (1-based) is a
/// feature without geometry; `dx` shifts the block east, `suffix` goes after each name.
std::string grid(int townships, int villages, std::size_t missing = 0, double dx = 0,
                 const std::string& suffix = "") {
    std::string features;
    std::size_t n = 0;
    for (int t = 0; t < townships; ++t) {
        for (int v = 0; v < villages; ++v) {
            char code[16];
            std::snprintf(code, sizeof code, "410326%03d%03d", 300 + t, 200 + v);
            std::string feature = square(code, "村" + std::to_string(n) + suffix,
                                         112.0 + dx + v * 0.005, 34.0 + t * 0.005, 0.005);
            if (++n == missing) {
                feature = feature.substr(0, feature.find("\"geometry\"")) + "\"geometry\":null}";
            }
            features += (features.empty() ? "" : ",") + feature;
        }
    }
    return geojson(features);
}

/// Everything of the units' table, its spatial index and its bookkeeping, as text.
std::string snapshot() const {
    const std::string path = store->location();
    std::string text;
    for (const char* sql :
         {"SELECT group_concat(fid || code || name || quote(geom), ';') FROM (SELECT * FROM "
          "admin_units ORDER BY fid)",
          "SELECT group_concat(id || ' ' || minx || ' ' || maxx || ' ' || miny || ' ' || "
          "maxy, ';') FROM (SELECT * FROM rtree_admin_units_geom ORDER BY id)",
          "SELECT group_concat(name || ':' || sql, ';') FROM (SELECT * FROM sqlite_master "
          "WHERE tbl_name = 'admin_units' ORDER BY name)",
          "SELECT min_x || max_x || min_y || max_y || last_change FROM gpkg_contents WHERE "
          "table_name = 'admin_units'",
          "SELECT group_concat(name || seq) FROM sqlite_sequence"}) {
        text += test::sql_scalar(path, sql) + "\n";
    }
    return text;
}

test::TempDir dir;
std::unique_ptr<store::ProjectStore> store;
}; // namespace

} // namespace

TEST_F(UnitImport, GbkShapefileWithoutCpgComesOutInChinese) {
    const auto report = import(units_dir + "chengguan_gbk.shp");
    EXPECT_EQ(report.added, 23u);
    EXPECT_NE(report.encoding.find("GB18030"), std::string::npos) << report.encoding;
    const auto units = by_code();
    EXPECT_EQ(units.at("410326100001").unit.name, "东街社区居民委员会");
    EXPECT_EQ(units.at("410326100201").unit.name, "云梦村村民委员会");
    EXPECT_EQ(units.at("410326100201").unit.parent_code, "410326100000");
    EXPECT_EQ(units.at("410326100201").unit.level, core::AdminLevel::village);
    EXPECT_TRUE(units.at("410326100201").unit.households.has_value()) << "户数 recognised";
    for (const auto& [code, record] : units) {
        EXPECT_TRUE(record.boundary && record.boundary->IsValid()) << code;
    }
}

TEST_F(UnitImport, HonoursACpgAndTheEncodingOption) {
    const auto report = import(units_dir + "chengguan_gbk_cpg.shp");
    EXPECT_NE(report.encoding.find(".cpg"), std::string::npos) << report.encoding;
    EXPECT_EQ(by_code().at("410326100201").unit.name, "云梦村村民委员会");

    import::UnitImportOptions wrong;
    wrong.source.encoding = "UTF-8";
    const std::string message = failure(units_dir + "chengguan_gbk.shp", wrong);
    EXPECT_NE(message.find("chengguan_gbk.shp"), std::string::npos) << message;
    EXPECT_NE(message.find("UTF-8"), std::string::npos) << message;
}

TEST_F(UnitImport, ReimportingChangesNothingAndDryRunWritesNothing) {
    import::UnitImportOptions dry;
    dry.dry_run = true;
    const auto planned = import(units_dir + "chengguan_gbk.shp", dry);
    EXPECT_EQ(planned.added, 23u);
    EXPECT_TRUE(xj::test::ogr_units(*store).empty());

    import(units_dir + "chengguan_gbk.shp");
    const auto again = import(units_dir + "chengguan_gbk_cpg.shp");
    EXPECT_EQ(again.added, 0u);
    EXPECT_EQ(again.updated, 0u);
    EXPECT_EQ(again.unchanged, 23u);
}

TEST_F(UnitImport, Xian1980GaussKrugerLandsWhereTheCgcs2000FileDoes) {
    import(units_dir + "chengguan_gbk.shp");
    const auto reference = by_code();
    const auto report = import(units_dir + "chengguan_xian80.shp");
    EXPECT_NE(report.source_crs.find("2382"), std::string::npos) << report.source_crs;
    ASSERT_FALSE(report.warnings.empty());
    EXPECT_NE(report.warnings[0].find("approximate"), std::string::npos) << report.warnings[0];
    for (const auto& [code, record] : by_code()) {
        OGRPoint a, b;
        reference.at(code).boundary->Centroid(&a);
        record.boundary->Centroid(&b);
        EXPECT_NEAR(a.getX(), b.getX(), 1e-3) << code; // about 100 m
        EXPECT_NEAR(a.getY(), b.getY(), 1e-3) << code;
    }
}

TEST_F(UnitImport, EastingsThatFitTheTwinCrsAreRefusedWithTheRightCode) {
    const std::string message = failure(units_dir + "chengguan_wrong_twin.shp");
    EXPECT_NE(message.find("EPSG:2361"), std::string::npos) << message;
    import::UnitImportOptions fixed;
    fixed.source.source_srs = "EPSG:2361";
    EXPECT_EQ(import(units_dir + "chengguan_wrong_twin.shp", fixed).added, 23u);
}

TEST_F(UnitImport, ASourceWithoutCrsNeedsSSrs) {
    const std::string message = failure(units_dir + "chengguan_noprj.shp");
    EXPECT_NE(message.find("no coordinate system"), std::string::npos) << message;
    EXPECT_NE(message.find("--s-srs"), std::string::npos) << message;
    import(units_dir + "chengguan_gbk.shp");
    const auto reference = by_code();
    import::UnitImportOptions given;
    given.source.source_srs = "EPSG:4546";
    import(units_dir + "chengguan_noprj.shp", given);
    for (const auto& [code, record] : by_code()) {
        OGRPoint a, b;
        reference.at(code).boundary->Centroid(&a);
        record.boundary->Centroid(&b);
        EXPECT_NEAR(a.getX(), b.getX(), 1e-6) << code; // same datum: centimetres
        EXPECT_NEAR(a.getY(), b.getY(), 1e-6) << code;
    }
}

TEST_F(UnitImport, BrokenShapefilesAreRefusedByName) {
    const std::pair<const char*, const char*> cases[] = {
        {"chengguan_badprj.shp", "not a coordinate system"},
        {"chengguan_nodbf.shp", ".dbf is missing"},
        {"chengguan_truncated.shp", "chengguan_truncated.shp, feature"},
        {"chengguan_badshx.shp", "chengguan_badshx.shp"},
        {"nowhere.shp", "no such file"},
    };
    for (const auto& [file, expected] : cases) {
        const std::string message = failure(units_dir + file);
        EXPECT_NE(message.find(expected), std::string::npos) << file << ": " << message;
    }
    EXPECT_TRUE(xj::test::ogr_units(*store).empty());
}

TEST_F(UnitImport, GeoJsonInWgs84) {
    const auto report = import(units_dir + "townships_wgs84.geojson");
    EXPECT_EQ(report.added, 14u);
    EXPECT_TRUE(report.warnings.empty()) << report.warnings[0];
    EXPECT_EQ(by_code().at("410326100000").unit.name, "城关镇");
    EXPECT_EQ(by_code().at("410326100000").unit.level, core::AdminLevel::township);
}

TEST_F(UnitImport, RepairsSelfIntersectionsAndReportsThem) {
    const std::string bowtie =
        R"({"type":"Feature","properties":{"code":"410326100201","name":"云梦村"},)"
        R"("geometry":{"type":"Polygon","coordinates":[[[112.40,34.10],[112.42,34.12],)"
        R"([112.42,34.10],[112.40,34.12],[112.40,34.10]]]}})";
    const auto report = import(geojson(bowtie));
    ASSERT_EQ(report.repairs.size(), 1u);
    EXPECT_NE(report.repairs[0].find("feature 1"), std::string::npos) << report.repairs[0];
    EXPECT_NE(report.repairs[0].find("Self-intersection"), std::string::npos) << report.repairs[0];
    const auto units = by_code();
    const OGRMultiPolygon& stored = *units.at("410326100201").boundary;
    EXPECT_TRUE(stored.IsValid());
    EXPECT_EQ(stored.getNumGeometries(), 2);
}

TEST_F(UnitImport, ReportsOverlapsAndGapsBetweenNeighboursInSquareMetres) {
    // The ring of eight cells, and an extra village overlapping the first cell by a quarter.
    std::string features = ring_of_cells();
    features += "," + square("410326100299", "重叠村", 112.405, 34.105, 0.01);
    const auto report = import(geojson(features));
    int overlaps = 0, gaps = 0;
    for (const auto& warning : report.warnings) {
        overlaps += warning.rfind("overlap", 0) == 0;
        gaps += warning.rfind("gap", 0) == 0;
    }
    EXPECT_GE(overlaps, 3) << "the extra village overlaps three cells";
    EXPECT_EQ(gaps, 1) << "the overlap covers a corner of the hole in the middle, not all of it";
}

TEST_F(UnitImport, FindsAnEnclosedGap) {
    const std::string features = ring_of_cells();
    const auto report = import(geojson(features));
    ASSERT_EQ(report.warnings.size(), 1u);
    const std::string& gap = report.warnings[0];
    EXPECT_EQ(gap.rfind("gap", 0), 0u) << gap;
    // 0.01° × 0.01° at 34.1° N is about 922 m × 1,109 m.
    const double area = std::stod(gap.substr(4));
    EXPECT_NEAR(area, 1.022e6, 0.02e6) << gap;
    EXPECT_NE(gap.find("410326100210"), std::string::npos) << gap;
}

TEST_F(UnitImport, NeighboursWithDifferentVerticesOnTheirBorderAreNoFinding) {
    // 云梦村 has vertices on the border that 杜康村 does not (a T-junction at 34.103 and
    // 34.107), and 杜康村 one that 云梦村 does not: the border is the same line.
    const std::string left =
        R"({"type":"Feature","properties":{"code":"410326100201","name":"云梦村"},)"
        R"("geometry":{"type":"Polygon","coordinates":[[[112.40,34.10],[112.41,34.10],)"
        R"([112.41,34.103],[112.41,34.107],[112.41,34.11],[112.40,34.11],[112.40,34.10]]]}})";
    const std::string right =
        R"({"type":"Feature","properties":{"code":"410326100202","name":"杜康村"},)"
        R"("geometry":{"type":"Polygon","coordinates":[[[112.41,34.10],[112.42,34.10],)"
        R"([112.42,34.11],[112.41,34.11],[112.41,34.105],[112.41,34.10]]]}})";
    const auto report = import(geojson(left + "," + right));
    EXPECT_TRUE(report.warnings.empty()) << report.warnings.front();

    // Moving 杜康村's extra vertex 20 m east opens a gap of about 0.5 × 20 m × 1,109 m.
    std::string gapped = right;
    gapped.replace(gapped.find("[112.41,34.105]"), 15, "[112.4102,34.105]");
    const auto with_gap = import(geojson(left + "," + gapped));
    ASSERT_EQ(with_gap.warnings.size(), 1u);
    EXPECT_EQ(with_gap.warnings[0].rfind("gap", 0), 0u) << with_gap.warnings[0];
    EXPECT_NEAR(std::stod(with_gap.warnings[0].substr(4)), 0.5 * 18.45 * 1109, 300)
        << with_gap.warnings[0];
}

TEST_F(UnitImport, FindsGapsAndOverlapsAcrossTownshipBorders) {
    // Two villages of different townships, the second shifted 0.001° (about 92 m) west so that
    // it overlaps the first by a strip of 92 m × 1,109 m.
    const auto report = import(geojson(square("410326100201", "云梦村", 112.40, 34.10, 0.01) + "," +
                                       square("410326209201", "杜康村", 112.409, 34.10, 0.01)));
    ASSERT_EQ(report.warnings.size(), 1u);
    EXPECT_EQ(report.warnings[0].rfind("overlap", 0), 0u) << report.warnings[0];
    EXPECT_NEAR(std::stod(report.warnings[0].substr(8)), 92.2 * 1109, 0.02 * 92.2 * 1109)
        << report.warnings[0];
}

TEST_F(UnitImport, BadRecordsNameTheFeature) {
    EXPECT_NE(failure(geojson(square("4103261002", "短码村", 112.4, 34.1, 0.01))).find("feature 1"),
              std::string::npos);
    EXPECT_NE(failure(geojson(square("410326100201", "甲", 112.4, 34.1, 0.01) + "," +
                              square("410326100201", "乙", 112.5, 34.1, 0.01)))
                  .find("appears again (first at feature 1)"),
              std::string::npos);
    EXPECT_NE(failure(geojson(square("410326100201", "远", 2.0, 48.0, 0.01))).find("outside China"),
              std::string::npos);
    EXPECT_NE(failure(geojson("")).find("the layer is empty"), std::string::npos);
    EXPECT_NE(failure(geojson(R"({"type":"Feature","properties":{"名":"x"},"geometry":null})"))
                  .find("fields: 名"),
              std::string::npos);
    // Degrees that pass ±180 by rounding only (as Natural Earth's outline does) are degrees.
    const std::string rounded = failure(
        geojson(R"({"type":"Feature","properties":{"code":"410326100201","name":"远"},"geometry":)"
                R"({"type":"Polygon","coordinates":[[[179.99,60],[180.00000000000006,60],)"
                R"([180.00000000000006,60.01],[179.99,60]]]}})"));
    EXPECT_NE(rounded.find("outside China"), std::string::npos) << rounded;
    EXPECT_EQ(rounded.find("not degrees"), std::string::npos) << rounded;
    EXPECT_NE(
        failure(geojson(square("410326100201", "远", 179.99, 60.0, 0.02))).find("not degrees"),
        std::string::npos);
    EXPECT_NE(
        failure(
            geojson(
                R"({"type":"Feature","properties":{"code":"410326100201","name":"空"},"geometry":null})"))
            .find("no geometry"),
        std::string::npos);
    EXPECT_NE(failure(geojson(square("410326100201", "", 112.4, 34.1, 0.01))).find("name is empty"),
              std::string::npos);
}

TEST_F(UnitImport, Beijing1954WithZonePrefixAndWebMercatorLandInPlace) {
    import(units_dir + "chengguan_gbk.shp");
    const auto reference = by_code();
    for (const char* file : {"chengguan_beijing54.shp", "chengguan_webmercator.geojson"}) {
        const auto report = import(units_dir + file);
        EXPECT_EQ(report.read, 23u) << file;
        for (const auto& [code, record] : by_code()) {
            OGRPoint a, b;
            reference.at(code).boundary->Centroid(&a);
            record.boundary->Centroid(&b);
            EXPECT_NEAR(a.getX(), b.getX(), 1e-3) << file << " " << code;
            EXPECT_NEAR(a.getY(), b.getY(), 1e-3) << file << " " << code;
        }
    }
}

TEST_F(UnitImport, ABulkGetsItsIndexesBackAndASpatialIndexGdalFiltersWith) {
    const std::string path = store->location();
    const std::string schema = test::sql_scalar(
        path, "SELECT group_concat(name || ':' || sql, ';') FROM (SELECT * FROM sqlite_master "
              "WHERE tbl_name = 'admin_units' ORDER BY name)");
    const auto report = import(grid(40, 50));
    EXPECT_EQ(report.added, 2000u);
    EXPECT_TRUE(report.warnings.empty()) << report.warnings.front();
    EXPECT_EQ(test::sql_scalar(path, "SELECT group_concat(name || ':' || sql, ';') FROM (SELECT * "
                                     "FROM sqlite_master WHERE tbl_name = 'admin_units' ORDER BY "
                                     "name)"),
              schema)
        << "the indexes and the spatial index triggers are back";
    EXPECT_EQ(test::sql_scalar(path, "PRAGMA integrity_check"), "ok");
    EXPECT_EQ(test::sql_scalar(path, "SELECT rtreecheck('rtree_admin_units_geom')"), "ok");
    EXPECT_EQ(test::sql_scalar(path, "SELECT count(*) FROM rtree_admin_units_geom"), "2000");
    EXPECT_EQ(test::sql_scalar(path, "SELECT min_x || ' ' || min_y || ' ' || max_x || ' ' || "
                                     "max_y FROM gpkg_contents WHERE table_name = 'admin_units'"),
              "112.0 34.0 112.25 34.2");
    EXPECT_EQ(test::sql_scalar(path, "SELECT count(*) FROM admin_units WHERE parent_code = "
                                     "'410326307000' AND level = 'village'"),
              "50");

    // GDAL finds the units by place through the spatial index: the 2 × 2 cells around
    // (112.1, 34.1), and nothing where there is none.
    GDALDatasetUniquePtr dataset(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr));
    ASSERT_TRUE(dataset);
    OGRLayer* layer = dataset->GetLayerByName("admin_units");
    ASSERT_NE(layer, nullptr);
    layer->SetSpatialFilterRect(112.099, 34.099, 112.101, 34.101);
    std::vector<std::string> found;
    for (const auto& feature : *layer) {
        found.push_back(feature->GetFieldAsString("code"));
    }
    std::sort(found.begin(), found.end());
    EXPECT_EQ(found, (std::vector<std::string>{"410326319219", "410326319220", "410326320219",
                                               "410326320220"}));
    layer->SetSpatialFilterRect(113.0, 35.0, 113.1, 35.1);
    EXPECT_EQ(layer->GetFeatureCount(), 0);
}

TEST_F(UnitImport, ABulkReimportedChangesNothingAndAChangedOneUpdatesTheSameRows) {
    const std::string path = store->location();
    import(grid(40, 50));
    const std::string imported = snapshot();
    const auto again = import(grid(40, 50));
    EXPECT_EQ(again.added + again.updated, 0u);
    EXPECT_EQ(again.unchanged, 2000u);
    EXPECT_EQ(snapshot(), imported) << "a re-import writes nothing, not even the extent";

    import::UnitImportOptions dry;
    dry.dry_run = true;
    EXPECT_EQ(import(grid(40, 50, 0, 1.0, "新"), dry).updated, 2000u);
    EXPECT_EQ(snapshot(), imported) << "a dry run writes nothing";

    // Every village renamed and moved 1° east: updated in place, found where it is now.
    const auto moved = import(grid(40, 50, 0, 1.0, "新"));
    EXPECT_EQ(moved.updated, 2000u);
    EXPECT_EQ(moved.added, 0u);
    EXPECT_EQ(test::sql_scalar(path, "SELECT count(*) || ' ' || max(fid) FROM admin_units"),
              "2000 2000");
    EXPECT_EQ(by_code().at("410326300200").unit.name, "村0新");
    EXPECT_EQ(test::sql_scalar(path, "SELECT rtreecheck('rtree_admin_units_geom')"), "ok");
    EXPECT_EQ(test::sql_scalar(path, "SELECT count(*) FROM rtree_admin_units_geom WHERE minx >= "
                                     "112.99 AND maxx <= 113.26"),
              "2000");
    EXPECT_EQ(test::sql_scalar(path, "SELECT count(*) FROM admin_units a JOIN "
                                     "rtree_admin_units_geom r ON r.id = a.fid WHERE r.minx <= "
                                     "ST_MinX(a.geom) AND r.maxx >= ST_MaxX(a.geom)"),
              "2000");
    EXPECT_EQ(test::sql_scalar(path, "PRAGMA integrity_check"), "ok");
}

TEST_F(UnitImport, EveryBadBoundaryIsReportedInOneRun) {
    const std::string file = geojson(
        square("410326100201", "甲", 112.40, 34.1, 0.01) + "," +
        R"({"type":"Feature","properties":{"code":"410326100202","name":"乙"},"geometry":null},)" +
        square("410326100203", "丙", 112.42, 34.1, 0.01) + "," +
        R"({"type":"Feature","properties":{"code":"410326100204","name":"丁"},"geometry":null})");
    const std::string message = failure(file);
    EXPECT_NE(message.find("2 errors"), std::string::npos) << message;
    EXPECT_NE(message.find("feature 2"), std::string::npos) << message;
    EXPECT_NE(message.find("feature 4"), std::string::npos) << message;
    EXPECT_TRUE(xj::test::ogr_units(*store).empty()) << "nothing written";
}

TEST_F(UnitImport, AnImportThatFailsPartWayThroughABulkLeavesTheProjectAsItWas) {
    import(units_dir + "chengguan_gbk.shp");
    const std::string before = snapshot();
    // Feature 1800 has no geometry: found after some 1,800 rows were written, with the
    // indexes set aside.
    const std::string message = failure(grid(40, 50, 1800));
    EXPECT_NE(message.find("feature 1800"), std::string::npos) << message;
    EXPECT_NE(message.find("no geometry"), std::string::npos) << message;
    EXPECT_EQ(snapshot(), before);
    EXPECT_EQ(test::sql_scalar(store->location(), "SELECT rtreecheck('rtree_admin_units_geom')"),
              "ok");
    // And the store takes the next import as usual.
    EXPECT_EQ(import(grid(40, 50)).added, 2000u);
    EXPECT_EQ(test::sql_scalar(store->location(), "SELECT count(*) FROM rtree_admin_units_geom"),
              "2023");
}
