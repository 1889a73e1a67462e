// Checks before a progress report is recorded. History of P1 (10 km): 2 km on 2020-03-01,
// 5 km on 2020-05-01.

#include "progress_fixture.h"
#include "xiangjian/core/entry_checks.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"

#include <gtest/gtest.h>

using namespace xj::core;
using namespace xj::core::testing;

namespace {

Portfolio history() {
    PortfolioData data;
    data.projects = {quantity_project("P1", 10)};
    data.reports = {quantity_report("P1", "2020-03-01", 2), quantity_report("P1", "2020-05-01", 5)};
    return Portfolio{data};
}

std::string error_of(const Portfolio& portfolio, const ProgressReport& report) {
    xj::set_language(xj::Language::en); // the messages below are matched in English
    try {
        check_new_report(portfolio, report);
    } catch (const xj::Error& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST(ProgressEntry, AcceptsAReportThatKeepsTheSeriesNonDecreasing) {
    const auto portfolio = history();
    EXPECT_TRUE(check_new_report(portfolio, quantity_report("P1", "2020-06-01", 5)).empty());
    EXPECT_TRUE(check_new_report(portfolio, quantity_report("P1", "2020-04-01", 3)).empty());
    EXPECT_TRUE(check_new_report(portfolio, quantity_report("P1", "2020-02-01", 0)).empty());
    EXPECT_TRUE(check_new_report(portfolio, percent_report("P1", "2020-06-01", 50)).empty());
}

TEST(ProgressEntry, RejectsAReportThatGoesBackwards) {
    const auto portfolio = history();
    EXPECT_EQ(error_of(portfolio, quantity_report("P1", "2020-06-01", 4)),
              "progress report of 2020-06-01 for project 'P1': 4 km is below 5 km reported on "
              "2020-05-01; cumulative values never decrease");
    // Inserted in the past above a later report.
    EXPECT_EQ(error_of(portfolio, quantity_report("P1", "2020-04-01", 6)),
              "progress report of 2020-04-01 for project 'P1': the later report of 2020-05-01 "
              "would go backwards (5 km is below 6 km); cumulative values never decrease");
    // A percent is compared with the percent the earlier quantity stands for (50 %).
    EXPECT_NE(error_of(portfolio, percent_report("P1", "2020-06-01", 40)), "");
}

TEST(ProgressEntry, RejectsBadValuesDuplicatesAndUnknownProjects) {
    const auto portfolio = history();
    EXPECT_EQ(error_of(portfolio, quantity_report("P1", "2020-05-01", 6)),
              "progress report of 2020-05-01 for project 'P1': a report for that day exists "
              "already");
    EXPECT_EQ(error_of(portfolio, quantity_report("P1", "2020-06-01", -1)),
              "progress report of 2020-06-01 for project 'P1': cumulative quantity -1 is negative");
    EXPECT_EQ(error_of(portfolio, percent_report("P1", "2020-06-01", 100.5)),
              "progress report of 2020-06-01 for project 'P1': percent 100.5 is not within 0–100");
    EXPECT_NE(error_of(portfolio, percent_report("P1", "2020-06-01", -0.1)), "");
    ProgressReport empty;
    empty.project_id = "P1";
    empty.report_date = d("2020-06-01");
    EXPECT_EQ(error_of(portfolio, empty), "progress report of 2020-06-01 for project 'P1': gives "
                                          "neither a cumulative quantity nor a percent");
    EXPECT_EQ(error_of(portfolio, quantity_report("P9", "2020-06-01", 1)),
              "progress report of 2020-06-01 for project 'P9': no such project");
}

TEST(ProgressEntry, WarnsAboutAQuantityAboveThePlan) {
    xj::set_language(xj::Language::en);
    const auto portfolio = history();
    EXPECT_TRUE(check_new_report(portfolio, quantity_report("P1", "2020-06-01", 10.04)).empty());
    const auto warnings = check_new_report(portfolio, quantity_report("P1", "2020-06-01", 10.1));
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0], "progress report of 2020-06-01 for project 'P1': cumulative quantity "
                           "10.1 km is above the planned 10 km");
}

TEST(ProgressEntry, MessagesAreInChineseByDefault) {
    xj::set_language(xj::Language::zh);
    const auto portfolio = history();
    const auto warnings = check_new_report(portfolio, quantity_report("P1", "2020-06-01", 10.1));
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(warnings[0], "项目“P1”2020-06-01 的进度报告：累计完成量 10.1 km 超过计划量 10 km");
    try {
        check_new_report(portfolio, quantity_report("P1", "2020-04-01", 6));
        FAIL() << "went backwards";
    } catch (const xj::Error& e) {
        EXPECT_NE(std::string{e.what()}.find("累计值只增不减"), std::string::npos) << e.what();
    }
}
