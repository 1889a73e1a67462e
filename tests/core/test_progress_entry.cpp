// Checks before a progress report is recorded. History of P1 (10 km): 2 km on 2020-03-01,
// 5 km on 2020-05-01.

#include "progress_fixture.h"
#include "xiangjian/core/entry_checks.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"

#include <gtest/gtest.h>
#include <optional>
#include <utility>
#include <vector>

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

namespace {

/// The field an entry check refuses `entry` on (and its message), or none when it accepts it.
template <typename Check>
std::optional<std::pair<xj::EntryField, std::string>> refusal(Check check) {
    xj::set_language(xj::Language::en);
    try {
        check();
    } catch (const xj::EntryError& e) {
        return std::pair{e.field(), std::string{e.what()}};
    }
    return std::nullopt;
}

} // namespace

TEST(ProgressEntry, EachRefusalNamesTheFieldOfTheForm) {
    const auto portfolio = history();
    const auto field = [&](const ProgressReport& report) {
        const auto refused = refusal([&] { check_new_report(portfolio, report); });
        return refused ? refused->first : xj::EntryField::note;
    };
    EXPECT_EQ(field(quantity_report("P1", "2020-06-01", 4)), xj::EntryField::quantity);
    EXPECT_EQ(field(percent_report("P1", "2020-06-01", 40)), xj::EntryField::percent);
    EXPECT_EQ(field(percent_report("P1", "2020-06-01", 101)), xj::EntryField::percent);
    EXPECT_EQ(field(quantity_report("P1", "2020-05-01", 6)), xj::EntryField::date);
    EXPECT_EQ(field(quantity_report("P9", "2020-06-01", 6)), xj::EntryField::project);
}

TEST(ProgressEntry, NothingIsDatedAfterToday) {
    EXPECT_FALSE(refusal([] { check_entry_day(d("2020-06-05"), d("2020-06-05"), "visit"); }));
    const auto refused =
        refusal([] { check_entry_day(d("2020-06-06"), d("2020-06-05"), "visit to P1"); });
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->first, xj::EntryField::date);
    EXPECT_EQ(refused->second, "visit to P1: the date 2020-06-06 is after today (2020-06-05); an "
                               "entry records what has happened");
}

TEST(ProgressEntry, AProblemNeedsAnOwnerADeadlineAfterItAndNoTwin) {
    const Project p1 = quantity_project("P1", 10);
    std::vector<Problem> stored = {problem("P1-Q1", "P1", "2020-05-01", "县自然资源局")};
    stored[0].description = "征地未完成";
    Problem raised = problem("P1-Q2", "P1", "2020-06-01", "县交通局");
    raised.description = "施工便道塌方";
    EXPECT_FALSE(refusal([&] { check_new_problem(p1, stored, raised); }));

    Problem early = raised;
    early.deadline = d("2020-05-31");
    const auto deadline = refusal([&] { check_new_problem(p1, stored, early); });
    ASSERT_TRUE(deadline);
    EXPECT_EQ(deadline->first, xj::EntryField::deadline);
    EXPECT_EQ(deadline->second, "problem of project 'P1': the deadline 2020-05-31 is before the "
                                "day the problem is raised (2020-06-01)");

    Problem nobody = raised;
    nobody.owner.clear();
    EXPECT_EQ(refusal([&] { check_new_problem(p1, stored, nobody); })->first,
              xj::EntryField::owner);

    Problem twin = raised;
    twin.raised_date = d("2020-05-01");
    twin.description = "征地未完成";
    const auto again = refusal([&] { check_new_problem(p1, stored, twin); });
    ASSERT_TRUE(again);
    EXPECT_EQ(again->first, xj::EntryField::description);
    EXPECT_NE(again->second.find("recorded already as P1-Q1"), std::string::npos) << again->second;
}

TEST(ProgressEntry, AMilestoneIsReachedOnceAndAVisitRecordedOnce) {
    Milestone start = milestone("P1", 1, "2020-03-01", 0.4);
    EXPECT_FALSE(refusal([&] { check_milestone_reached(start, d("2020-03-05")); }));
    start.actual_date = d("2020-03-02");
    const auto reached = refusal([&] { check_milestone_reached(start, d("2020-03-05")); });
    ASSERT_TRUE(reached);
    EXPECT_EQ(reached->first, xj::EntryField::milestone);
    EXPECT_NE(reached->second.find("reached already on 2020-03-02"), std::string::npos);

    const std::vector<SiteVisit> visits = {{"P1", d("2020-06-05"), "张卫东", ""}};
    EXPECT_FALSE(refusal([&] { check_new_visit(visits, {"P1", d("2020-06-05"), "李明", ""}); }));
    EXPECT_EQ(refusal([&] {
                  check_new_visit(visits, {"P1", d("2020-06-05"), "张卫东", ""});
              })->first,
              xj::EntryField::visitor);
    EXPECT_EQ(refusal([&] {
                  check_new_visit(visits, {"P1", d("2020-06-12"), "", ""});
              })->first,
              xj::EntryField::visitor);
}

TEST(ProgressEntry, ClosingAProblemTwiceOrBeforeItWasRaisedIsRefused) {
    Problem open = problem("P1-Q1", "P1", "2020-05-01", "县自然资源局");
    EXPECT_EQ(refusal([&] { check_close_problem(open, d("2020-04-30")); })->first,
              xj::EntryField::date);
    open.closed_date = d("2020-05-10");
    EXPECT_EQ(refusal([&] { check_close_problem(open, d("2020-05-20")); })->first,
              xj::EntryField::problem);
}
