// `xiangjian export shapefile` on the demo county, as the office runs it and as the province
// opens what it sends.

#include "cli_run.h"
#include "test_support.h"

#include <filesystem>
#include <fstream>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

namespace {

using xj::test::CliRun;

class ExportCommands : public ::testing::Test {
protected:
    void SetUp() override {
        path = dir.file("ruyang.gpkg");
        ASSERT_EQ(run("demo " + path).exit_code, 0);
    }
    CliRun run(const std::string& arguments) const { return xj::test::run_cli(dir, arguments); }
    xj::test::TempDir dir;
    std::string path;
};

} // namespace

TEST_F(ExportCommands, TheDemoGoesUpAsAGbkZipInItsGaussKrugerZone) {
    const std::string zip = dir.file("汝阳县-2018-08-31.zip");
    const CliRun done =
        run("export shapefile " + path + " --out " + zip + " --encoding GBK --crs EPSG:4546");
    ASSERT_EQ(done.exit_code, 0) << done.err;
    EXPECT_NE(done.out.find("村 220"), std::string::npos) << done.out;
    GDALAllRegister();
    GDALDatasetUniquePtr villages(
        GDALDataset::Open(("/vsizip/" + zip + "/村.shp").c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(villages);
    OGRLayer* layer = villages->GetLayer(0);
    EXPECT_EQ(layer->GetFeatureCount(), 220);
    EXPECT_STREQ(layer->GetSpatialRef()->GetAuthorityCode(nullptr), "4546");
    bool found = false;
    for (auto& feature : *layer) {
        if (std::string{feature->GetFieldAsString(0)} == "410326209222") {
            found = std::string{feature->GetFieldAsString(1)} == "杜康村村民委员会";
        }
    }
    EXPECT_TRUE(found);
    GDALDatasetUniquePtr problems(
        GDALDataset::Open(("/vsizip/" + zip + "/问题.dbf").c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(problems);
    EXPECT_GT(problems->GetLayer(0)->GetFeatureCount(), 0);

    // QGIS finds each layer's style beside it: villages graduated by the progress the map
    // colours them by, projects categorized by status, with our colours.
    VSILFILE* qml = VSIFOpenL(("/vsizip/" + zip + "/村.qml").c_str(), "rb");
    ASSERT_NE(qml, nullptr);
    std::string style(20000, '\0');
    style.resize(VSIFReadL(style.data(), 1, style.size(), qml));
    VSIFCloseL(qml);
    // Graduated on the progress or -1: villages without projects (NULL) have a range of their
    // own, else QGIS leaves them undrawn.
    EXPECT_NE(style.find("type=\"graduatedSymbol\" attr=\"coalesce(&quot;地图进度&quot;, -1)\""),
              std::string::npos);
    EXPECT_NE(style.find("<range lower=\"-1\" upper=\"-1\" symbol=\"0\" label=\"无项目\""),
              std::string::npos);
    EXPECT_NE(style.find("name=\"行政区划代码\""), std::string::npos); // the full name, an alias
    // The SLD for ArcGIS and GeoServer: an explicit rule for the villages without projects,
    // no ElseFilter (QGIS ignores it).
    VSILFILE* sld = VSIFOpenL(("/vsizip/" + zip + "/村.sld").c_str(), "rb");
    ASSERT_NE(sld, nullptr);
    std::string encoding(20000, '\0');
    encoding.resize(VSIFReadL(encoding.data(), 1, encoding.size(), sld));
    VSIFCloseL(sld);
    EXPECT_NE(encoding.find("<ogc:PropertyIsNull>"), std::string::npos);
    EXPECT_EQ(encoding.find("ElseFilter"), std::string::npos);
    EXPECT_NE(encoding.find("version=\"1.1.0\""), std::string::npos);

    // The same name again is refused: an export never overwrites.
    const CliRun again = run("--lang en export shapefile " + path + " --out " + zip);
    EXPECT_EQ(again.exit_code, 1);
    EXPECT_NE(again.err.find("exists already"), std::string::npos) << again.err;
}

TEST_F(ExportCommands, ATownshipAloneAndOptionsThatAreNotCgcs2000OrAnEncoding) {
    const CliRun township =
        run("export shapefile " + path + " --out " + dir.file("刘店镇") + " --township 刘店镇");
    ASSERT_EQ(township.exit_code, 0) << township.err;
    EXPECT_NE(township.out.find("村 12"), std::string::npos) << township.out;
    EXPECT_TRUE(std::filesystem::exists(dir.file("刘店镇/README.txt")));
    const CliRun wgs84 =
        run("--lang en export shapefile " + path + " --out " + dir.file("x") + " --crs EPSG:4326");
    EXPECT_NE(wgs84.exit_code, 0);
    EXPECT_NE(wgs84.err.find("CGCS2000"), std::string::npos) << wgs84.err;
    const CliRun latin = run("--lang en export shapefile " + path + " --out " + dir.file("x") +
                             " --encoding latin1");
    EXPECT_NE(latin.exit_code, 0);
    EXPECT_FALSE(std::filesystem::exists(dir.file("x")));
}

TEST_F(ExportCommands, CheckSaysWhatStopsAnExportAndTheExportStopsOnIt) {
    const CliRun clean = run("--lang en check " + path + " --encoding GBK");
    ASSERT_EQ(clean.exit_code, 0) << clean.err;
    EXPECT_NE(clean.out.find("checks passed"), std::string::npos) << clean.out;
    {
        // A village filed under another township, and one whose name GBK cannot hold.
        GDALAllRegister();
        GDALDatasetUniquePtr project(
            GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        ASSERT_TRUE(project);
        project->ExecuteSQL("UPDATE admin_units SET parent_code = '410326101000' WHERE code = "
                            "'410326209222'",
                            nullptr, "SQLITE");
        project->ExecuteSQL("UPDATE admin_units SET name = '𬱖村' WHERE code = '410326100201'",
                            nullptr, "SQLITE");
        // A project whose village lies in another township than its own.
        project->ExecuteSQL("UPDATE projects SET village_code = '410326209222' WHERE project_id "
                            "= 'RY2018-003'",
                            nullptr, "SQLITE");
    }
    const CliRun utf8 = run("--lang en check " + path);
    EXPECT_EQ(utf8.exit_code, 1);
    EXPECT_NE(utf8.err.find("410326209222: the code is not under its parent 410326101000"),
              std::string::npos)
        << utf8.err;
    EXPECT_EQ(utf8.err.find("𬱖"), std::string::npos) << utf8.err; // UTF-8 holds it
    EXPECT_NE(utf8.err.find("project RY2018-003: village 410326209222 is not under its township"),
              std::string::npos)
        << utf8.err;
    const CliRun gbk = run("--lang en check " + path + " --encoding GBK");
    EXPECT_NE(gbk.err.find("'𬱖' has no GBK code"), std::string::npos) << gbk.err;
    const CliRun export_gbk = run("--lang en export shapefile " + path + " --out " +
                                  dir.file("review") + " --encoding GBK");
    EXPECT_EQ(export_gbk.exit_code, 1);
    EXPECT_NE(export_gbk.err.find("not ready for review"), std::string::npos) << export_gbk.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("review")));
}

TEST_F(ExportCommands, ALayerGoesToTheWebAsGeoJsonInWgs84) {
    const std::string out = dir.file("村.geojson");
    const CliRun done = run("export geojson " + path + " --layer villages --out " + out);
    ASSERT_EQ(done.exit_code, 0) << done.err;
    std::ifstream file(out);
    const std::string json{std::istreambuf_iterator<char>(file), {}};
    EXPECT_EQ(json.find("\"crs\""), std::string::npos); // RFC 7946: WGS 84, said by no member
    EXPECT_NE(json.find("\"行政区划代码\": \"410326209222\""), std::string::npos);
    GDALAllRegister();
    GDALDatasetUniquePtr read(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(read);
    OGRLayer* layer = read->GetLayer(0);
    EXPECT_EQ(layer->GetFeatureCount(), 220);
    OGREnvelope box;
    ASSERT_EQ(layer->GetExtent(&box), OGRERR_NONE);
    EXPECT_GT(box.MinX, 111.9); // lon/lat of 汝阳县, not metres
    EXPECT_LT(box.MaxY, 34.5);
    const CliRun help = run("--lang en export geojson --help");
    EXPECT_NE(help.out.find("WGS 84"), std::string::npos) << help.out;
    const CliRun unknown =
        run("--lang en export geojson " + path + " --layer roads --out " + dir.file("x.geojson"));
    EXPECT_NE(unknown.exit_code, 0);
    EXPECT_NE(unknown.err.find("villages, points, lines or polygons"), std::string::npos);
}

TEST_F(ExportCommands, TheRollUpsGoToExcelAsXlsxOrAsCsvItReadsRight) {
    const CliRun xlsx = run("export table " + path + " --out " + dir.file("乡镇.xlsx"));
    ASSERT_EQ(xlsx.exit_code, 0) << xlsx.err;
    GDALAllRegister();
    GDALDatasetUniquePtr book(GDALDataset::Open(dir.file("乡镇.xlsx").c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(book);
    OGRLayer* sheet = book->GetLayer(0);
    const OGRFieldType count_type = sheet->GetLayerDefn()->GetFieldDefn(2)->GetType();
    EXPECT_TRUE(count_type == OFTInteger || count_type == OFTInteger64); // 项目数: a number
    GIntBig projects = 0;
    for (auto& row : *sheet) {
        projects += row->GetFieldAsInteger64(2);
    }
    EXPECT_EQ(projects, 36); // every project of the demo in one township's row
    const CliRun csv =
        run("export table " + path + " --out " + dir.file("领导.csv") + " --by leader");
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    std::ifstream file(dir.file("领导.csv"), std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(file), {}};
    EXPECT_EQ(text.rfind("\xEF\xBB\xBF分组,代码,项目数", 0), 0u) << text.substr(0, 80);
    EXPECT_NE(text.find("张卫东（副县长）"), std::string::npos);
    EXPECT_NE(text.find("\r\n"), std::string::npos);
}

TEST_F(ExportCommands, AStandaloneGeoPackageCarriesItsStylesForQgis) {
    const std::string out = dir.file("review.gpkg");
    const CliRun done = run("export gpkg " + path + " --out " + out);
    ASSERT_EQ(done.exit_code, 0) << done.err;
    EXPECT_EQ(xj::test::sql_scalar(out, "SELECT count(*) FROM \"村\""), "220");
    // QGIS finds a layer's default style by an empty (not NULL) schema, the table and the
    // geometry column, and reads only styleQML.
    EXPECT_EQ(xj::test::sql_scalar(out, "SELECT count(*) FROM layer_styles WHERE f_table_schema "
                                        "= '' AND f_geometry_column = 'geom' AND useAsDefault"),
              "4");
    EXPECT_EQ(xj::test::sql_scalar(out, "SELECT styleQML LIKE '%graduatedSymbol%地图进度%' FROM "
                                        "layer_styles WHERE f_table_name = '村'"),
              "1");
    EXPECT_NE(run("export gpkg " + path + " --out " + out).exit_code, 0); // never overwrites
}

TEST_F(ExportCommands, KilledHalfWayItLeavesNoBundleAndChangesNothingThatWasThere) {
    // The reviewer's folder holds last month's bundle; this month's is killed at several points
    // of its run (SIGKILL: no clean-up of ours runs).
    std::filesystem::create_directory(dir.file("上报"));
    std::ofstream(dir.file("上报/八月.txt")) << "last month's bundle";
    for (const char* delay : {"0.1", "0.3", "0.5", "0.7", "0.9", "1.2", "2"}) {
        for (const std::string name : {"九月.zip", "九月"}) {
            const std::string out = dir.file("上报/" + name);
            const std::string command = std::string{"timeout -s KILL "} + delay + " " + XJ_CLI +
                                        " export shapefile " + path + " --out " + out +
                                        " --encoding GBK > /dev/null 2>&1";
            ASSERT_NE(std::system(command.c_str()), -1);
            if (std::filesystem::exists(out)) {
                // It was moved into place before the kill (perhaps killed while leaving): then
                // it is whole.
                const std::string readme =
                    name == "九月" ? out + "/README.txt" : "/vsizip/" + out + "/README.txt";
                VSIStatBufL stat;
                EXPECT_EQ(VSIStatL(readme.c_str(), &stat), 0) << delay << " " << name;
                std::filesystem::remove_all(out);
            }
            // Only hidden partial work may be left beside it, never a visible half bundle.
            for (const auto& entry : std::filesystem::directory_iterator(dir.file("上报"))) {
                const std::string file = entry.path().filename().string();
                EXPECT_TRUE(file == "八月.txt" || file.front() == '.') << file;
            }
        }
    }
    EXPECT_EQ(xj::test::slurp(dir.file("上报/八月.txt")), "last month's bundle");
}
