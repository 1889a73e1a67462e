// The engine commands as a user runs them (issue 12): nothing a user gives is dropped or
// misread, and what the product guesses it says.

#include "test_support.h"

#include <algorithm>
#include <fstream>
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

class EngineCommands : public ::testing::Test {
protected:
    void SetUp() override {
        path = dir.file("ruyang.gpkg");
        ASSERT_EQ(run("demo " + path).exit_code, 0);
    }
    CliRun run(const std::string& arguments) const {
        const std::string out = dir.file("stdout.txt");
        const std::string err = dir.file("stderr.txt");
        const std::string command = std::string{"env -u XIANGJIAN_LANG "} + XJ_CLI + " " +
                                    arguments + " > " + out + " 2> " + err;
        const int status = std::system(command.c_str());
        return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
    }
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
