// The xiangjian command as a user runs it: exit codes, and errors on stderr that name the file
// and what is wrong with it.

#include "test_support.h"

#include <fstream>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <sstream>
#include <sys/wait.h>

namespace {

struct CliRun {
    int exit_code = -1;
    std::string out;
    std::string err;
};

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

class Cli : public ::testing::Test {
protected:
    CliRun run(const std::string& arguments) const {
        const std::string out = dir.file("stdout.txt");
        const std::string err = dir.file("stderr.txt");
        const std::string command = std::string{"env -u XIANGJIAN_LANG "} + XJ_CLI + " " +
                                    arguments + " > " + out + " 2> " + err;
        const int status = std::system(command.c_str());
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
    }
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
    EXPECT_NE(result.err.find("no such file"), std::string::npos) << result.err;
    EXPECT_TRUE(result.out.empty());
}

TEST_F(Cli, AFileThatIsNotAGeoPackageIsSaidToBeSo) {
    const std::string path = dir.file("villages.gpkg");
    xj::test::write_file(path, "code,name\n410326100201,云梦村\n");
    const CliRun result = run("info " + path);
    EXPECT_NE(result.exit_code, 0);
    EXPECT_NE(result.err.find("villages.gpkg"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("not a GeoPackage"), std::string::npos) << result.err;
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
    EXPECT_NE(result.err.find("not a Xiangjian project"), std::string::npos) << result.err;
}

TEST_F(Cli, ANewerSchemaIsRefusedAndTheFileLeftAlone) {
    const std::string path = dir.file("future.gpkg");
    ASSERT_EQ(run("init " + path).exit_code, 0);
    set_schema_version(path, "99");
    const std::string before = slurp(path);
    for (const char* command : {"info ", "upgrade "}) {
        const CliRun result = run(command + path);
        EXPECT_NE(result.exit_code, 0) << command;
        EXPECT_NE(result.err.find("newer"), std::string::npos) << result.err;
        EXPECT_NE(result.err.find("99"), std::string::npos) << result.err;
    }
    EXPECT_EQ(slurp(path), before);
}

TEST_F(Cli, InitAndDemoNeverOverwriteUnlessAsked) {
    const std::string path = dir.file("county.gpkg");
    xj::test::write_file(path, "keep me");
    for (const char* command : {"init ", "demo "}) {
        const CliRun result = run(command + path);
        EXPECT_NE(result.exit_code, 0) << command;
        EXPECT_NE(result.err.find("already exists"), std::string::npos) << result.err;
    }
    EXPECT_EQ(slurp(path), "keep me");
    const CliRun replaced = run("demo --overwrite " + path);
    EXPECT_EQ(replaced.exit_code, 0) << replaced.err;
    EXPECT_NE(replaced.out.find("行政村 220"), std::string::npos) << replaced.out;
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

    const CliRun table = run("import progress " + path + " " + std::string{XJ_TEST_DATA} +
                             "/tables/progress_gbk.csv");
    EXPECT_EQ(table.exit_code, 1);
    EXPECT_NE(table.err.find("RY2018-00"), std::string::npos) << table.err;
    EXPECT_NE(table.err.find("is not in the project file"), std::string::npos) << table.err;
}
