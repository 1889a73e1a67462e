// The engine commands as a user runs them (issue 12): nothing a user gives is dropped or
// misread, and what the product guesses it says.

#include "cli_run.h"
#include "test_support.h"

#include <algorithm>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace {

using xj::test::CliRun;
using xj::test::slurp;

class EngineCommands : public ::testing::Test {
protected:
    void SetUp() override {
        path = dir.file("ruyang.gpkg");
        ASSERT_EQ(run("demo " + path).exit_code, 0);
    }
    CliRun run(const std::string& arguments) const { return xj::test::run_cli(dir, arguments); }
    /// The JSON object of one project in `status --format json`.
    std::string project_json(const std::string& arguments, const std::string& id) const {
        const CliRun json = run("status " + path + " --format json " + arguments);
        const auto at = json.out.find("\"project_id\": \"" + id + "\"");
        if (at == std::string::npos) {
            return {};
        }
        return json.out.substr(at,
                               json.out.find('}', json.out.find("\"overdue_problems\"", at)) - at);
    }
    xj::test::TempDir dir;
    std::string path;
};

} // namespace

TEST_F(EngineCommands, TheMeasureIsSetByCommandAndStatusSaysWhichProducedTheFigure) {
    // The reservoir is measured by milestones, the last reached on 2018-07-30 (51 %); a site
    // report of 55 % a week after the demo's day is the latest evidence.
    EXPECT_NE(project_json("", "RY2018-001").find("\"percent_done\": 51,"), std::string::npos);
    const CliRun record = run("record progress " + path +
                              " --project RY2018-001 --date 2018-09-07 --percent 55 --by 王");
    ASSERT_EQ(record.exit_code, 0) << record.err;
    const std::string after = project_json("--as-of 2018-09-07", "RY2018-001");
    EXPECT_NE(after.find("\"percent_done\": 55,"), std::string::npos) << after;
    EXPECT_NE(after.find("\"percent_basis\": \"percent\""), std::string::npos) << after;

    // RY2018-002 (4.8 km) measured by the reported percent reads what the sites say.
    const CliRun set = run("project set-measure " + path + " RY2018-002 percent --by 王");
    ASSERT_EQ(set.exit_code, 0) << set.err;
    EXPECT_NE(set.out.find("按形象进度"), std::string::npos) << set.out;
    const CliRun table = run("status " + path);
    EXPECT_NE(table.out.find("依据"), std::string::npos) << table.out;

    const CliRun no_quantity = run("project set-measure " + path + " RY2018-001 quantity");
    EXPECT_EQ(no_quantity.exit_code, 1);
    EXPECT_NE(no_quantity.err.find("计划工程量"), std::string::npos) << no_quantity.err;
    EXPECT_NE(run("project set-measure " + path + " RY2018-002 guess").exit_code, 0);
    EXPECT_NE(run("project set-measure " + path + " RY2099-999 percent").exit_code, 0);
}

TEST_F(EngineCommands, AStartedProjectIsNotLateOnItsStartAndTheInferenceIsSaid) {
    // RY2018-036: 开工 planned 2018-10-22, no actual date; the site reports 5 % on 2018-11-01.
    const CliRun record = run("record progress " + path +
                              " --project RY2018-036 --date 2018-11-01 --percent 5 --by 王");
    ASSERT_EQ(record.exit_code, 0) << record.err;
    const std::string json = project_json("--as-of 2018-11-20", "RY2018-036");
    EXPECT_NE(json.find("\"overdue_milestones\": []"), std::string::npos) << json;
    EXPECT_NE(json.find("\"reached_on\": \"2018-11-01\""), std::string::npos) << json;
    const CliRun table = run("status " + path + " --as-of 2018-11-20");
    EXPECT_NE(table.out.find("推定"), std::string::npos) << table.out;
}

TEST_F(EngineCommands, LeadersAreFoundByTheNamePeopleType) {
    const CliRun full = run("status " + path + " --leader 张卫东（副县长） --format csv");
    const CliRun typed = run("status " + path + " --leader 张卫东 --format csv");
    ASSERT_EQ(typed.exit_code, 0) << typed.err;
    EXPECT_EQ(typed.out, full.out);
    EXPECT_EQ(std::count(typed.out.begin(), typed.out.end(), '\n'), 1 + 3) << typed.out;

    const CliRun day = run("project-day " + path + " --leader 张卫东 --date 2018-08-31");
    ASSERT_EQ(day.exit_code, 0) << day.err;
    EXPECT_NE(day.out.find("张卫东（副县长）"), std::string::npos) << day.out;
    EXPECT_NE(day.out.find("RY2018-011"), std::string::npos) << day.out;

    const CliRun unknown = run("status " + path + " --leader 张伟");
    EXPECT_EQ(unknown.exit_code, 1);
    EXPECT_NE(unknown.err.find("李志强（常务副县长）"), std::string::npos) << unknown.err;
    EXPECT_NE(run("project-day " + path + " --leader 张伟").exit_code, 0);
}

TEST_F(EngineCommands, SettingsAreListedShownAndSetByCommandAndChecked) {
    const CliRun list = run("config " + path);
    ASSERT_EQ(list.exit_code, 0) << list.err;
    for (const char* key : {"as_of = 2018-08-31", "county_code", "display_crs",
                            "engine.stall_days = 60", "engine.behind_spi"}) {
        EXPECT_NE(list.out.find(key), std::string::npos) << key << "\n" << list.out;
    }
    ASSERT_EQ(run("config " + path + " engine.stall_days 30 --by 王").exit_code, 0);
    EXPECT_EQ(run("config " + path + " engine.stall_days").out, "30\n");
    const CliRun negative = run("config " + path + " engine.stall_days -5");
    EXPECT_EQ(negative.exit_code, 1);
    EXPECT_NE(negative.err.find("engine.stall_days"), std::string::npos) << negative.err;
    EXPECT_EQ(run("config " + path + " engine.stall_days").out, "30\n") << "left as it was";
    EXPECT_NE(run("config " + path + " no_such_key 1").exit_code, 0);
    EXPECT_NE(run("config " + path + " county_code 41032").exit_code, 0);
    EXPECT_NE(run("config " + path + " display_crs EPSG:999999").exit_code, 0);
    ASSERT_EQ(run("config " + path + " county_code 410326").exit_code, 0);
    EXPECT_EQ(run("config " + path + " county_code").out, "410326000000\n");

    // A Sunday as-of day, written as people write dates: project-day answers for the Friday
    // after it, as its help says.
    ASSERT_EQ(run("config " + path + " as_of 2018/9/2").exit_code, 0);
    EXPECT_EQ(run("config " + path + " as_of").out, "2018-09-02\n");
    const CliRun day = run("project-day " + path + " --leader 张卫东");
    ASSERT_EQ(day.exit_code, 0) << day.err;
    EXPECT_NE(day.out.find("2018-09-07"), std::string::npos) << day.out;
    EXPECT_NE(run("project-day --help").out.find("星期五"), std::string::npos);
}

TEST_F(EngineCommands, StatusSaysWhenTheDataEndsLongBeforeTheDay) {
    const CliRun late = run("status " + path + " --as-of 2018-12-31");
    ASSERT_EQ(late.exit_code, 0) << late.err;
    EXPECT_NE(late.out.find("2018-08-31"), std::string::npos) << late.out;
    EXPECT_NE(late.out.find("数据"), std::string::npos) << late.out;
    const CliRun json = run("status " + path + " --as-of 2018-12-31 --format json");
    EXPECT_NE(json.out.find("\"data_ends\": \"2018-08-31\""), std::string::npos);
    const CliRun on_time = run("status " + path);
    EXPECT_EQ(on_time.out.find("数据截至"), std::string::npos) << on_time.out;
}

TEST_F(EngineCommands, CountsAreWholeAndCsvForExcelCarriesAByteOrderMark) {
    const CliRun townships = run("status " + path + " --by township");
    EXPECT_EQ(townships.out.find(".00 户"), std::string::npos) << townships.out;
    EXPECT_NE(townships.out.find("/215 户"), std::string::npos) << townships.out;

    const CliRun plain = run("status " + path + " --format csv");
    EXPECT_EQ(plain.out.rfind("project_id,", 0), 0u) << "for programs: no BOM";
    const CliRun excel = run("status " + path + " --format csv --excel");
    ASSERT_EQ(excel.exit_code, 0) << excel.err;
    EXPECT_EQ(excel.out.rfind("\xEF\xBB\xBFproject_id,", 0), 0u);
    EXPECT_NE(excel.out.find("\r\n"), std::string::npos);
    EXPECT_NE(excel.out.find("前坪水库工程"), std::string::npos);
}

TEST_F(EngineCommands, MessagesAreChineseByDefaultAndEnglishOnRequest) {
    const CliRun zh = run("record visit " + path + " --project RY2018-002 --date 8月31日");
    EXPECT_EQ(zh.exit_code, 1);
    EXPECT_NE(zh.err.find("不是日期"), std::string::npos) << zh.err;
    EXPECT_EQ(zh.err.find("is not a date"), std::string::npos) << zh.err;
    const CliRun en = run("--lang en record visit " + path + " --project RY2018-002 --date x");
    EXPECT_NE(en.err.find("is not a date"), std::string::npos) << en.err;

    const CliRun visit =
        run("record visit " + path + " --project RY2018-002 --date 2018-08-31 --by 王");
    ASSERT_EQ(visit.exit_code, 0) << visit.err;
    EXPECT_NE(visit.out.find("已记录：现场督导 RY2018-002"), std::string::npos) << visit.out;
    EXPECT_EQ(visit.out.find(" by "), std::string::npos) << visit.out;

    const CliRun backwards = run("record progress " + path +
                                 " --project RY2018-002 --date 2018-09-07 --quantity 1.0 --by 王");
    EXPECT_NE(backwards.err.find("累计值只增不减"), std::string::npos) << backwards.err;
    EXPECT_NE(run("--lang en record problem --help").out.find("construction"), std::string::npos);
    const CliRun setting = run("config " + path + " engine.behind_spi abc");
    EXPECT_NE(setting.err.find("不是数字"), std::string::npos) << setting.err;
}

TEST_F(EngineCommands, AMilestoneIsMarkedReachedOnceAndAFutureDayIsRefused) {
    // RY2018-002's 4th milestone (全线完工, planned 2018-10-31) is not reached in the demo.
    const CliRun reached =
        run("record milestone " + path + " --project RY2018-002 --seq 4 --date 2018-10-29 --by 王");
    ASSERT_EQ(reached.exit_code, 0) << reached.err;
    EXPECT_NE(reached.out.find("全线完工"), std::string::npos) << reached.out;
    const CliRun again = run("--lang en record milestone " + path +
                             " --project RY2018-002 --seq 4 --date 2018-10-30");
    EXPECT_EQ(again.exit_code, 1);
    EXPECT_NE(again.err.find("reached already on 2018-10-29"), std::string::npos) << again.err;
    const CliRun future = run("--lang en record visit " + path +
                              " --project RY2018-002 --date 2999-01-01 --visitor 王");
    EXPECT_EQ(future.exit_code, 1);
    EXPECT_NE(future.err.find("is after today"), std::string::npos) << future.err;
    EXPECT_EQ(xj::test::sql_scalar(path, "SELECT count(*) FROM change_log WHERE action = "
                                         "'record milestone'"),
              "1");
}
