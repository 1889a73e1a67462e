// The xiangjian command as a user runs it: exit codes, and errors on stderr that name the file
// and what is wrong with it.

#include "cli_run.h"
#include "test_support.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>
#include <set>
#include <sstream>

namespace {

using xj::test::CliRun;
using xj::test::slurp;

class Cli : public ::testing::Test {
protected:
    CliRun run(const std::string& arguments) const { return xj::test::run_cli(dir, arguments); }
    xj::test::TempDir dir;
};

void set_schema_version(const std::string& path, const std::string& version) {
    const char* const drivers[] = {"GPKG", nullptr};
    GDALAllRegister();
    GDALDatasetUniquePtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE,
                                                   drivers, nullptr, nullptr));
    ASSERT_TRUE(dataset);
    dataset->ExecuteSQL(
        ("UPDATE xj_meta SET value = '" + version + "' WHERE key = 'schema_version'").c_str(),
        nullptr, nullptr);
}

} // namespace

TEST_F(Cli, EverySubcommandHasHelp) {
    const CliRun top = run("--help");
    EXPECT_EQ(top.exit_code, 0);
    for (const char* command : {"init", "demo", "info", "upgrade"}) {
        EXPECT_NE(top.out.find(command), std::string::npos) << command;
    }
    const std::pair<const char*, const char*> subcommands[] = {{"init", "PROJECT.gpkg"},
                                                               {"demo", "OUT.gpkg"},
                                                               {"info", "PROJECT.gpkg"},
                                                               {"upgrade", "PROJECT.gpkg"}};
    for (const auto& [command, argument] : subcommands) {
        const CliRun help = run(std::string{command} + " --help");
        EXPECT_EQ(help.exit_code, 0) << command;
        EXPECT_NE(help.out.find(argument), std::string::npos) << command << help.out;
    }
    EXPECT_NE(top.out.find("乡建"), std::string::npos) << "Chinese by default";
    EXPECT_NE(run("--lang en --help").out.find("Xiangjian"), std::string::npos);
}

TEST_F(Cli, TheParserSpeaksTheUsersLanguage) {
    const CliRun help = run("status --help");
    for (const char* word : {"用法", "选项", "位置参数", "必填"}) {
        EXPECT_NE(help.out.find(word), std::string::npos) << word << help.out;
    }
    for (const char* word : {"Usage", "Options", "Positionals", "REQUIRED"}) {
        EXPECT_EQ(help.out.find(word), std::string::npos) << word << help.out;
    }
    const CliRun bare = run("");
    EXPECT_NE(bare.exit_code, 0);
    EXPECT_NE(bare.err.find("需要一个子命令"), std::string::npos) << bare.err;
    const CliRun missing = run("status");
    EXPECT_NE(missing.err.find("缺少 PROJECT.gpkg"), std::string::npos) << missing.err;
    const CliRun bad = run("status --by weather x.gpkg");
    EXPECT_NE(bad.err.find("“weather” 不是可选值"), std::string::npos) << bad.err;
    const CliRun extra = run("info a.gpkg b.gpkg");
    EXPECT_NE(extra.err.find("多余的参数"), std::string::npos) << extra.err;

    const CliRun english = run("--lang en status");
    EXPECT_NE(english.err.find("PROJECT.gpkg is required"), std::string::npos) << english.err;
    EXPECT_NE(run("--lang en status --help").out.find("Usage"), std::string::npos);
}

TEST_F(Cli, InitThenInfoListsEveryLayerWithItsCrs) {
    const std::string path = dir.file("county.gpkg");
    const CliRun init = run("init " + path);
    ASSERT_EQ(init.exit_code, 0) << init.err;
    const CliRun info = run("info " + path);
    ASSERT_EQ(info.exit_code, 0) << info.err;
    for (const char* layer :
         {"admin_units", "project_points", "project_lines", "project_polygons", "projects",
          "milestones", "progress_reports", "problems", "site_visits", "village_indicators"}) {
        EXPECT_NE(info.out.find(layer), std::string::npos) << layer;
    }
    EXPECT_NE(info.out.find("EPSG:4490"), std::string::npos);
    EXPECT_TRUE(info.err.empty()) << info.err;
}

TEST_F(Cli, AMissingFileIsNamedOnStderr) {
    const CliRun result = run("info " + dir.file("nowhere.gpkg"));
    EXPECT_NE(result.exit_code, 0);
    EXPECT_NE(result.err.find("nowhere.gpkg"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("没有这个文件"), std::string::npos) << result.err;
    EXPECT_TRUE(result.out.empty());
}

TEST_F(Cli, AFileThatIsNotAGeoPackageIsSaidToBeSo) {
    const std::string path = dir.file("villages.gpkg");
    xj::test::write_file(path, "code,name\n410326100201,云梦村\n");
    const CliRun result = run("info " + path);
    EXPECT_NE(result.exit_code, 0);
    EXPECT_NE(result.err.find("villages.gpkg"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("不是 GeoPackage 文件"), std::string::npos) << result.err;
}

TEST_F(Cli, AGeoPackageThatIsNotAProjectIsSaidToBeSo) {
    const std::string path = dir.file("plain.gpkg");
    GDALAllRegister();
    GDALDatasetUniquePtr dataset(GetGDALDriverManager()->GetDriverByName("GPKG")->Create(
        path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    dataset->CreateLayer("roads", nullptr, wkbLineString, nullptr);
    dataset.reset();
    const CliRun result = run("info " + path);
    EXPECT_NE(result.exit_code, 0);
    EXPECT_NE(result.err.find("不是乡建项目库"), std::string::npos) << result.err;
}

TEST_F(Cli, ANewerSchemaIsRefusedAndTheFileLeftAlone) {
    const std::string path = dir.file("future.gpkg");
    ASSERT_EQ(run("init " + path).exit_code, 0);
    set_schema_version(path, "99");
    const std::string before = slurp(path);
    for (const char* command : {"info ", "upgrade "}) {
        const CliRun result = run(command + path);
        EXPECT_NE(result.exit_code, 0) << command;
        EXPECT_NE(result.err.find("更新版本的乡建"), std::string::npos) << result.err;
        EXPECT_NE(result.err.find("99"), std::string::npos) << result.err;
    }
    EXPECT_EQ(slurp(path), before);
}

TEST_F(Cli, InitAndDemoNeverOverwriteUnlessAsked) {
    const std::string path = dir.file("county.gpkg");
    xj::test::write_file(path, "keep me");
    for (const char* command : {"--lang en init ", "--lang en demo "}) {
        const CliRun result = run(command + path);
        EXPECT_NE(result.exit_code, 0) << command;
        EXPECT_NE(result.err.find("already exists"), std::string::npos) << result.err;
    }
    const CliRun chinese = run("demo " + path);
    EXPECT_NE(chinese.err.find("文件已存在"), std::string::npos) << chinese.err;
    EXPECT_NE(run("init " + path).err.find("文件已存在"), std::string::npos);
    EXPECT_EQ(slurp(path), "keep me");
    const CliRun replaced = run("demo --overwrite " + path);
    EXPECT_EQ(replaced.exit_code, 0) << replaced.err;
    EXPECT_NE(replaced.out.find("行政村 220"), std::string::npos) << replaced.out;
}

TEST_F(Cli, ANewProjectMustBeAGpkgFile) {
    for (const char* command : {"init ", "demo "}) {
        const CliRun notes = run(command + dir.file("notes.txt"));
        EXPECT_NE(notes.exit_code, 0) << command;
        EXPECT_NE(notes.err.find("notes.txt"), std::string::npos) << notes.err;
        EXPECT_NE(notes.err.find(".gpkg"), std::string::npos) << notes.err;
        EXPECT_NE(notes.err.find("不能是 .txt"), std::string::npos) << notes.err;
        EXPECT_FALSE(std::filesystem::exists(dir.file("notes.txt"))) << command;
    }
    EXPECT_NE(run("--lang en init " + dir.file("county")).err.find("must end in .gpkg"),
              std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(dir.file("county")));
    EXPECT_EQ(run("init " + dir.file("COUNTY.GPKG")).exit_code, 0);
}

TEST_F(Cli, UnknownSubcommandsAndMissingArgumentsFail) {
    EXPECT_NE(run("frobnicate").exit_code, 0);
    EXPECT_NE(run("info").exit_code, 0);
    EXPECT_NE(run("").exit_code, 0);
}

TEST_F(Cli, EnglishIsAvailable) {
    const std::string path = dir.file("county.gpkg");
    ASSERT_EQ(run("init " + path).exit_code, 0);
    const CliRun result = run("--lang en info " + path);
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_NE(result.out.find("Project file"), std::string::npos) << result.out;
    const CliRun error = run("--lang en info " + dir.file("nowhere.gpkg"));
    EXPECT_NE(error.err.find("error:"), std::string::npos) << error.err;
}

TEST_F(Cli, ImportsReportOnStdoutAndFailuresNameTheFile) {
    const std::string path = dir.file("county.gpkg");
    ASSERT_EQ(run("init " + path).exit_code, 0);
    const std::string units = std::string{XJ_TEST_DATA} + "/units/";
    const CliRun imported = run("import units " + path + " " + units + "chengguan_gbk.shp");
    EXPECT_EQ(imported.exit_code, 0) << imported.err;
    EXPECT_NE(imported.out.find("新增 23"), std::string::npos) << imported.out;
    EXPECT_NE(imported.out.find("GB18030"), std::string::npos) << imported.out;
    EXPECT_TRUE(imported.err.empty()) << "no progress bar when stderr is not a terminal";

    const CliRun twin = run("import units " + path + " " + units + "chengguan_wrong_twin.shp");
    EXPECT_EQ(twin.exit_code, 1);
    EXPECT_NE(twin.err.find("chengguan_wrong_twin.shp"), std::string::npos) << twin.err;
    EXPECT_NE(twin.err.find("EPSG:2361"), std::string::npos) << twin.err;

    const CliRun dry = run("import projects --dry-run --coords gcj02 " + path + " " +
                           std::string{XJ_TEST_DATA} + "/projects/sites.xlsx");
    EXPECT_EQ(dry.exit_code, 0) << dry.err;
    EXPECT_NE(dry.out.find("试运行"), std::string::npos) << dry.out;

    const CliRun help = run("import projects --help");
    for (const char* header : {"分包县领导", "计划开工时间", "计划完工时间", "建设内容", "所在村",
                               "建设性质", "--columns"}) {
        EXPECT_NE(help.out.find(header), std::string::npos) << header << "\n" << help.out;
    }
    const CliRun ledger = run("import projects --coords wgs84 " + path + " " +
                              std::string{XJ_TEST_DATA} + "/projects/ledger_gbk.csv");
    EXPECT_EQ(ledger.exit_code, 0) << ledger.err;
    EXPECT_NE(ledger.out.find("新增 5"), std::string::npos) << ledger.out;
    EXPECT_NE(ledger.out.find("未使用的列：备注"), std::string::npos) << ledger.out;
    EXPECT_NE(ledger.out.find("警告 1"), std::string::npos) << ledger.out;

    const CliRun table = run("import progress " + path + " " + std::string{XJ_TEST_DATA} +
                             "/tables/progress_gbk.csv");
    EXPECT_EQ(table.exit_code, 1);
    EXPECT_NE(table.err.find("RY2018-00"), std::string::npos) << table.err;
    EXPECT_NE(table.err.find("，第 2 行，列“项目编号”：项目“RY2018-002”不在项目库中"),
              std::string::npos)
        << table.err;
    EXPECT_NE(table.err.find("4 处有误"), std::string::npos) << table.err;
}

class CliEngine : public Cli {
protected:
    void SetUp() override {
        path = dir.file("ruyang.gpkg");
        ASSERT_EQ(run("demo " + path).exit_code, 0);
    }
    std::string path;
};

TEST_F(CliEngine, StatusAsJsonCsvAndAnAlignedChineseTable) {
    const CliRun json = run("status " + path + " --format json");
    ASSERT_EQ(json.exit_code, 0) << json.err;
    EXPECT_NE(json.out.find("\"as_of\": \"2018-08-31\""), std::string::npos) << "demo as-of";
    std::size_t projects = 0;
    for (std::size_t at = 0; (at = json.out.find("\"project_id\"", at)) != std::string::npos;
         ++at) {
        ++projects;
    }
    EXPECT_EQ(projects, 36u);

    const CliRun csv = run("status " + path + " --format csv --status late");
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_EQ(csv.out.rfind("project_id,name,type,stage,leader", 0), 0u);
    const auto lines = std::count(csv.out.begin(), csv.out.end(), '\n');
    EXPECT_EQ(lines, 1 + 7) << "header and the seven late projects\n" << csv.out;

    const CliRun table = run("status " + path + " --by township");
    ASSERT_EQ(table.exit_code, 0) << table.err;
    EXPECT_NE(table.out.find("城关镇"), std::string::npos);
    EXPECT_NE(table.out.find("正常推进"), std::string::npos);
    EXPECT_NE(run("--lang en status " + path + " --by type").out.find("on schedule"),
              std::string::npos);
    EXPECT_NE(run("status " + path + " --by nowhere").exit_code, 0);
}

TEST_F(CliEngine, RecordedProgressIsCheckedDatedAttributedAndHistoryKept) {
    // RY2018-002 (4.8 km) had 3.35 km by 2018-08-31.
    const std::string before = run("status " + path + " --format csv").out;
    const CliRun backwards = run("record progress " + path +
                                 " --project RY2018-002 --date 2018-09-07 --quantity 1.0 --by 王");
    EXPECT_NE(backwards.exit_code, 0);
    EXPECT_NE(backwards.err.find("RY2018-002"), std::string::npos) << backwards.err;
    EXPECT_EQ(run("status " + path + " --format csv").out, before) << "nothing written";

    const CliRun ok = run("record progress " + path +
                          " --project RY2018-002 --date 2018-09-07 --quantity 4.8 --by 王");
    ASSERT_EQ(ok.exit_code, 0) << ok.err;
    const CliRun after = run("status " + path + " --as-of 2018-09-07 --format json");
    const auto at = after.out.find("\"project_id\": \"RY2018-002\"");
    ASSERT_NE(at, std::string::npos);
    EXPECT_NE(after.out.find("\"status\": \"done\"", at), std::string::npos);
    EXPECT_EQ(run("status " + path + " --format csv").out, before)
        << "as of 2018-08-31 the answer is the earlier one";

    GDALAllRegister();
    const char* const drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr dataset(
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR, drivers, nullptr, nullptr));
    OGRLayer* log = dataset->GetLayerByName("change_log");
    ASSERT_NE(log, nullptr);
    ASSERT_EQ(log->GetFeatureCount(), 1);
    const OGRFeatureUniquePtr entry(log->GetNextFeature());
    EXPECT_STREQ(entry->GetFieldAsString("recorded_by"), "王");
    EXPECT_STREQ(entry->GetFieldAsString("action"), "record progress");
}

TEST_F(CliEngine, ProblemsAreRaisedAndClosedAndTheProjectDayPutsTheUrgentFirst) {
    const CliRun raised =
        run("record problem " + path +
            " --project RY2018-002 --date 2018-08-31 --category land "
            "--description 征地未完成 --owner 蔡店乡人民政府 --deadline 2018-09-14");
    ASSERT_EQ(raised.exit_code, 0) << raised.err;
    EXPECT_NE(raised.out.find("RY2018-002-Q1"), std::string::npos) << raised.out;
    const CliRun twice =
        run("record problem " + path +
            " --project RY2018-002 --date 2018-08-31 --category land "
            "--description 征地未完成 --owner 蔡店乡人民政府 --deadline 2018-09-14");
    EXPECT_NE(twice.exit_code, 0) << "the same problem recorded twice";
    EXPECT_NE(twice.err.find("已登记为 RY2018-002-Q1"), std::string::npos) << twice.err;
    EXPECT_NE(
        run("record close-problem " + path + " --id RY2018-002-Q1 --date 2018-08-01").exit_code, 0)
        << "closed before it was raised";

    const CliRun day = run("project-day " + path + " --leader 张卫东（副县长） --date 2018-08-31");
    ASSERT_EQ(day.exit_code, 0) << day.err;
    const auto late = day.out.find("RY2018-011"); // late
    const auto done = day.out.find("RY2018-005"); // done
    const auto with_problem = day.out.find("RY2018-002");
    ASSERT_NE(late, std::string::npos) << day.out;
    EXPECT_LT(late, done);
    EXPECT_LT(late, with_problem);
    EXPECT_NE(day.out.find("征地未完成", with_problem), std::string::npos) << day.out;

    ASSERT_EQ(run("record close-problem " + path +
                  " --id RY2018-002-Q1 --date 2018-09-10 --resolution 已完成征地")
                  .exit_code,
              0);
    const CliRun later =
        run("project-day " + path + " --leader 张卫东（副县长） --date 2018-09-14");
    EXPECT_EQ(later.out.find("征地未完成"), std::string::npos) << later.out;
    EXPECT_NE(run("project-day " + path + " --leader 无此人").exit_code, 0);
}

TEST_F(CliEngine, ABaselineKeepsTheOldPlan) {
    ASSERT_EQ(run("baseline " + path + " 年初计划 --date 2018-01-01").exit_code, 0);
    EXPECT_NE(run("baseline " + path + " 年初计划").exit_code, 0) << "never overwritten";
    const CliRun against = run("status " + path + " --baseline 年初计划 --format json");
    ASSERT_EQ(against.exit_code, 0) << against.err;
    EXPECT_NE(against.out.find("\"baseline\": \"年初计划\""), std::string::npos);
    EXPECT_NE(run("status " + path + " --baseline 无").exit_code, 0);
}

TEST_F(Cli, RenderDrawsTheDemoInItsGaussKrugerZoneAndSaysWhatItDrew) {
    const std::string project = dir.file("ruyang.gpkg");
    ASSERT_EQ(run("demo " + project).exit_code, 0);
    const CliRun png = run("render " + project + " --out " + dir.file("map.png") +
                           " --size 800x600 --theme status --timings");
    ASSERT_EQ(png.exit_code, 0) << png.err;
    EXPECT_NE(png.out.find("CM 111E"), std::string::npos) << png.out; // Ruyang is at 112.4°E
    EXPECT_NE(png.out.find("220 个村"), std::string::npos) << png.out;
    EXPECT_NE(png.err.find("绘制："), std::string::npos) << png.err;
    const std::string bytes = slurp(dir.file("map.png"));
    ASSERT_GT(bytes.size(), 24U);
    EXPECT_EQ(bytes.substr(1, 3), "PNG");
    // Width and height from the PNG header, big-endian at bytes 16 and 20.
    const auto be32 = [&](std::size_t at) {
        return (static_cast<unsigned char>(bytes[at]) << 24) |
               (static_cast<unsigned char>(bytes[at + 1]) << 16) |
               (static_cast<unsigned char>(bytes[at + 2]) << 8) |
               static_cast<unsigned char>(bytes[at + 3]);
    };
    EXPECT_EQ(be32(16), 800);
    EXPECT_EQ(be32(20), 600);

    for (const std::string& window :
         {std::string{"--township 410326103000"}, std::string{"--project RY2018-030"},
          std::string{"--bbox 112.3,34.0,112.6,34.2"}}) {
        const CliRun part = run("render " + project + " --out " + dir.file("part.pdf") + " " +
                                window + " --as-of 2018-05-31");
        EXPECT_EQ(part.exit_code, 0) << window << part.err;
    }
    const CliRun english = run("--lang en render " + project + " --out " + dir.file("m.svg") +
                               " --theme indicators --layers villages,boundaries,labels");
    EXPECT_EQ(english.exit_code, 0) << english.err;
    EXPECT_NE(english.out.find("wrote"), std::string::npos);
}

TEST_F(Cli, RenderTakesATownshipByNameOrCodeAndListsTheTownshipsOfAnUnknownOne) {
    const std::string project = dir.file("ruyang.gpkg");
    ASSERT_EQ(run("demo " + project).exit_code, 0);
    std::set<std::string> outputs;
    for (const char* township : {"付店镇", "付店", "410326102", "410326102000"}) {
        const CliRun part = run("render " + project + " --out " + dir.file("t.png") +
                                " --size 400x300 --township " + township);
        EXPECT_EQ(part.exit_code, 0) << township << ": " << part.err;
        outputs.insert(part.out);
    }
    EXPECT_EQ(outputs.size(), 1U) << "the same map each way";
    for (const char* unknown : {"付店乡", "410326999", "4103261020", "镇"}) {
        const CliRun wrong =
            run("render " + project + " --out " + dir.file("u.png") + " --township " + unknown);
        EXPECT_EQ(wrong.exit_code, 1) << unknown;
        EXPECT_NE(wrong.err.find(unknown), std::string::npos) << wrong.err;
        for (const char* township : {"城关镇 410326100", "付店镇 410326102", "大安工业园区"}) {
            EXPECT_NE(wrong.err.find(township), std::string::npos) << wrong.err;
        }
    }
    EXPECT_FALSE(std::filesystem::exists(dir.file("u.png")));
}

TEST_F(Cli, RenderOfAnEmptyWindowSaysSoAndWhereTheProjectIs) {
    const std::string project = dir.file("ruyang.gpkg");
    ASSERT_EQ(run("demo " + project).exit_code, 0);
    const CliRun empty =
        run("render " + project + " --out " + dir.file("e.png") + " --bbox 10,10,11,11");
    EXPECT_EQ(empty.exit_code, 0) << empty.err;
    EXPECT_NE(empty.out.find("0 个村，0 处项目点位"), std::string::npos) << empty.out;
    EXPECT_NE(empty.err.find("此范围内没有本项目的村、边界或项目点位"), std::string::npos)
        << empty.err;
    EXPECT_NE(empty.err.find("--bbox 112."), std::string::npos) << empty.err;
    const CliRun full = run("render " + project + " --out " + dir.file("f.png"));
    EXPECT_EQ(full.err.find("此范围内没有"), std::string::npos) << full.err;
}

TEST_F(Cli, AMapOrSheetIntoAMissingFolderSaysSoAndNothingElse) {
    const std::string project = dir.file("ruyang.gpkg");
    ASSERT_EQ(run("demo " + project).exit_code, 0);
    for (const std::string& command :
         {"render " + project + " --out " + dir.file("missing/m.pdf"),
          "sheet " + project + " --leader 郑晓东 --out " + dir.file("missing/s.pdf")}) {
        const CliRun result = run(command);
        EXPECT_EQ(result.exit_code, 1) << command;
        EXPECT_NE(result.err.find("文件夹不存在"), std::string::npos) << result.err;
        EXPECT_EQ(result.err.find("QPainter"), std::string::npos) << "Qt's own warning leaked";
    }
}

TEST_F(Cli, RenderRefusesWhatItCannotDrawAndNamesTheReason) {
    const std::string project = dir.file("ruyang.gpkg");
    ASSERT_EQ(run("demo " + project).exit_code, 0);
    const std::pair<std::string, std::string> cases[] = {
        {"--out " + dir.file("m.bmp"), "m.bmp"},
        {"--out " + dir.file("m.png") + " --township 410326999000", "410326999000"},
        {"--out " + dir.file("m.png") + " --project NO-SUCH", "NO-SUCH"},
        {"--out " + dir.file("m.png") + " --size 10x", "--size"},
        {"--out " + dir.file("m.png") + " --bbox 113,34,112,35", "--bbox"},
        {"--out " + dir.file("m.png") + " --layers villages,rivers", "rivers"},
        {"--out " + dir.file("m.png") + " --crs EPSG:4326", "EPSG:4326"},
        {"--out " + dir.file("m.png") + " --basemap " + project, project},
    };
    for (const auto& [arguments, named] : cases) {
        const CliRun result = run("render " + project + " " + arguments);
        EXPECT_EQ(result.exit_code, 1) << arguments;
        EXPECT_NE(result.err.find(named), std::string::npos) << arguments << ": " << result.err;
    }
    EXPECT_FALSE(std::filesystem::exists(dir.file("m.png")));
}

TEST_F(Cli, SheetWritesOnePagePerProjectOfTheLeaderOnTheFridayOfTheAsOfDay) {
    const std::string project = dir.file("ruyang.gpkg");
    ASSERT_EQ(run("demo " + project).exit_code, 0);
    const CliRun day = run("project-day " + project + " --leader 刘红梅（副县长） --format json");
    ASSERT_EQ(day.exit_code, 0) << day.err;
    std::size_t projects = 0;
    for (std::size_t at = day.out.find("\"project_id\""); at != std::string::npos;
         at = day.out.find("\"project_id\"", at + 1)) {
        ++projects;
    }
    ASSERT_GT(projects, 0U);
    const CliRun sheet =
        run("sheet " + project + " --leader 刘红梅（副县长） --out " + dir.file("sheet.pdf"));
    ASSERT_EQ(sheet.exit_code, 0) << sheet.err;
    EXPECT_NE(sheet.out.find(std::to_string(projects) + " 页"), std::string::npos) << sheet.out;
    EXPECT_NE(sheet.out.find("2018-08-31"), std::string::npos) << "the demo's day is a Friday";
    // The text is the characters drawn (not ⽬ for 目), the map's names included; the same in
    // a map's PDF.
    const CliRun map = run("render " + project + " --out " + dir.file("map.pdf"));
    ASSERT_EQ(map.exit_code, 0) << map.err;
    for (const auto& [file, words] :
         {std::pair{std::string{"sheet.pdf"}, std::string{"项目日现场记录单"}},
          std::pair{std::string{"map.pdf"}, std::string{"村级项目进度"}},
          std::pair{std::string{"map.pdf"}, std::string{"付店镇"}}}) {
        const std::string text_file = dir.file(file + ".txt");
        ASSERT_EQ(
            std::system(
                ("pdftotext -enc UTF-8 '" + dir.file(file) + "' '" + text_file + "'").c_str()),
            0);
        EXPECT_NE(slurp(text_file).find(words), std::string::npos) << file << ": " << words;
    }
    const CliRun nobody = run("sheet " + project + " --leader 无名氏 --out " + dir.file("x.pdf"));
    EXPECT_EQ(nobody.exit_code, 1);
    EXPECT_NE(nobody.err.find("刘红梅"), std::string::npos) << "lists the leaders: " << nobody.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("x.pdf")));
}
