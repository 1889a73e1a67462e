// Schedule status of single projects, hand-computed. Unless a test says otherwise the project
// is planned linearly over 2020 (no milestones, 2020-01-01 → 2020-12-31 = 365 days), so on
// 2020-07-01 (182 days in) the planned percent is 182 / 365 = 49.8630137 %.

#include "progress_fixture.h"

#include <gtest/gtest.h>

using namespace xj::core;
using namespace xj::core::testing;

namespace {

constexpr double planned_on_july_1 = 100.0 * 182 / 365;

PortfolioData one_project(Project project) {
    PortfolioData data;
    data.projects.push_back(std::move(project));
    return data;
}

} // namespace

TEST(ProgressStatus, OnScheduleWithForecastFromTheLastEightWeeks) {
    auto data = one_project(quantity_project("P1", 10));
    data.reports = {quantity_report("P1", "2020-03-01", 2),
                    quantity_report("P1", "2020-06-26", 4.8)};
    const Portfolio portfolio{data};
    const auto s = portfolio.evaluate(0, d("2020-07-01"));

    EXPECT_DOUBLE_EQ(s.percent_done, 48.0);
    ASSERT_TRUE(s.planned_percent);
    EXPECT_NEAR(*s.planned_percent, planned_on_july_1, 1e-9);
    EXPECT_NEAR(*s.schedule_variance, 48.0 - planned_on_july_1, 1e-9); // −1.863 points
    EXPECT_NEAR(*s.spi, 48.0 / planned_on_july_1, 1e-9);               // 0.9626 ≥ 0.9
    EXPECT_EQ(s.status, ScheduleStatus::on_schedule);
    EXPECT_DOUBLE_EQ(*s.done_quantity, 4.8);
    EXPECT_NEAR(*s.planned_quantity_to_date, 10 * planned_on_july_1 / 100, 1e-9);
    EXPECT_EQ(s.last_report_date, d("2020-06-26"));
    EXPECT_EQ(s.days_since_report, 5);
    EXPECT_EQ(s.last_progress_date, d("2020-06-26"));
    // On 2020-05-06 (56 days before) the latest report said 20 %: (48 − 20) / 56 = 0.5 %/day,
    // 52 points to go = 104 days after 2020-07-01.
    EXPECT_EQ(s.forecast_finish, d("2020-10-13"));
    EXPECT_TRUE(s.overdue_milestones.empty());
}

TEST(ProgressStatus, BehindNeedsBothThePointsAndTheSpi) {
    auto behind = one_project(quantity_project("P1", 10));
    behind.reports = {quantity_report("P1", "2020-06-26", 4.4)};
    // 44 < 49.863 − 5 and SPI 0.8824 < 0.9.
    EXPECT_EQ(Portfolio{behind}.evaluate(0, d("2020-07-01")).status, ScheduleStatus::behind);

    auto close = one_project(quantity_project("P1", 10));
    close.reports = {quantity_report("P1", "2020-06-26", 4.55)};
    // 45.5 is 4.36 points short: not behind.
    EXPECT_EQ(Portfolio{close}.evaluate(0, d("2020-07-01")).status, ScheduleStatus::on_schedule);

    // On 2020-10-19 (292 days in) the plan is 80 %: 73 % is 7 points short but SPI 0.9125.
    auto high = one_project(quantity_project("P1", 10));
    high.reports = {quantity_report("P1", "2020-10-16", 7.3)};
    const auto s = Portfolio{high}.evaluate(0, d("2020-10-19"));
    EXPECT_NEAR(*s.planned_percent, 80.0, 1e-9);
    EXPECT_EQ(s.status, ScheduleStatus::on_schedule);

    high.settings.behind_spi = 0.95;
    EXPECT_EQ(Portfolio{high}.evaluate(0, d("2020-10-19")).status, ScheduleStatus::behind);
}

TEST(ProgressStatus, StalledAfterMoreThanStallDaysWithoutAnIncrease) {
    auto data = one_project(quantity_project("P1", 10));
    data.reports = {quantity_report("P1", "2020-03-01", 2), quantity_report("P1", "2020-04-01", 2),
                    quantity_report("P1", "2020-06-26", 2)};
    const Portfolio portfolio{data};
    const auto s = portfolio.evaluate(0, d("2020-07-01"));
    EXPECT_EQ(s.last_progress_date, d("2020-03-01")); // the later reports repeat 2 km
    EXPECT_EQ(s.last_report_date, d("2020-06-26"));
    EXPECT_EQ(s.status, ScheduleStatus::stalled); // 122 days > 60
    EXPECT_FALSE(s.forecast_finish);              // nothing moved in the window

    // 60 days exactly is not yet stalled; 61 is.
    auto edge = one_project(quantity_project("P1", 10));
    edge.reports = {quantity_report("P1", "2020-05-02", 5)};
    EXPECT_EQ(Portfolio{edge}.evaluate(0, d("2020-07-01")).status, ScheduleStatus::on_schedule);
    edge.reports = {quantity_report("P1", "2020-05-01", 5)};
    EXPECT_EQ(Portfolio{edge}.evaluate(0, d("2020-07-01")).status, ScheduleStatus::stalled);
    edge.settings.stall_days = 61;
    EXPECT_EQ(Portfolio{edge}.evaluate(0, d("2020-07-01")).status, ScheduleStatus::on_schedule);
}

TEST(ProgressStatus, NeverStartedPastItsStartStallsFromThePlannedStart) {
    const Portfolio portfolio{one_project(quantity_project("P1", 10))};
    EXPECT_EQ(portfolio.evaluate(0, d("2020-07-01")).status, ScheduleStatus::stalled); // 182 > 60
    // 2020-03-01 is 60 days after the start: plan 16.4 %, nothing done, behind.
    const auto early = portfolio.evaluate(0, d("2020-03-01"));
    EXPECT_NEAR(*early.planned_percent, 100.0 * 60 / 365, 1e-9);
    EXPECT_EQ(early.status, ScheduleStatus::behind);
    EXPECT_EQ(early.last_progress_date, std::nullopt);
}

TEST(ProgressStatus, NotStartedBeforeThePlannedStartOrWithoutAPlan) {
    auto later = quantity_project("P1", 10);
    later.planned_start = d("2020-09-01");
    const auto s = Portfolio{one_project(later)}.evaluate(0, d("2020-07-01"));
    EXPECT_EQ(s.status, ScheduleStatus::not_started);
    EXPECT_DOUBLE_EQ(*s.planned_percent, 0.0);
    EXPECT_FALSE(s.spi); // planned 0: no SPI
    EXPECT_DOUBLE_EQ(*s.schedule_variance, 0.0);

    auto unplanned = quantity_project("P1", 10);
    unplanned.planned_start.reset();
    unplanned.planned_finish.reset();
    const auto u = Portfolio{one_project(unplanned)}.evaluate(0, d("2020-07-01"));
    EXPECT_EQ(u.status, ScheduleStatus::not_started);
    EXPECT_FALSE(u.planned_percent);
    EXPECT_FALSE(u.schedule_variance);
    EXPECT_FALSE(u.time_elapsed_percent);
}

TEST(ProgressStatus, LateByAnOverdueMilestoneUnlessWithinTheGrace) {
    // Milestones: M1 due 03-01 (reached 05-01), M2 due 06-01 (not reached), M3 due 09-01
    // (weight 2). Plan: 0 on 01-01, 25 on 03-01, 50 on 06-01, 100 on 09-01.
    auto data = one_project(milestone_project("P1"));
    data.milestones = {milestone("P1", 1, "2020-03-01", 1, "2020-05-01"),
                       milestone("P1", 2, "2020-06-01"), milestone("P1", 3, "2020-09-01", 2)};
    const auto s = Portfolio{data}.evaluate(0, d("2020-06-20"));
    EXPECT_DOUBLE_EQ(s.percent_done, 25.0); // 1 of weight 4
    // 19 of the 92 days from 06-01 to 09-01: 50 + 50 · 19 / 92.
    EXPECT_NEAR(*s.planned_percent, 50.0 + 50.0 * 19 / 92, 1e-9);
    ASSERT_EQ(s.overdue_milestones.size(), 1u);
    EXPECT_EQ(s.overdue_milestones[0].seq, 2);
    EXPECT_EQ(s.overdue_milestones[0].name, "M2");
    EXPECT_EQ(s.overdue_milestones[0].planned_date, d("2020-06-01"));
    EXPECT_EQ(s.overdue_milestones[0].days_overdue, 19);
    EXPECT_EQ(s.last_progress_date, d("2020-05-01")); // reaching M1 was progress
    EXPECT_EQ(s.status, ScheduleStatus::late);
    // On 04-25 (56 days before) nothing was reached: 25 / 56 %/day, 75 points = 168 days.
    EXPECT_EQ(s.forecast_finish, d("2020-12-05"));

    data.settings.late_grace_days = 19; // 19 days overdue is within the grace: only behind
    EXPECT_EQ(Portfolio{data}.evaluate(0, d("2020-06-20")).status, ScheduleStatus::behind);
    data.settings.late_grace_days = 18;
    EXPECT_EQ(Portfolio{data}.evaluate(0, d("2020-06-20")).status, ScheduleStatus::late);
}

TEST(ProgressStatus, AnOverdueMilestoneMakesANotStartedProjectLate) {
    auto project = milestone_project("P1");
    project.planned_start.reset();
    auto data = one_project(project);
    data.milestones = {milestone("P1", 1, "2020-06-01")};
    const auto s = Portfolio{data}.evaluate(0, d("2020-07-01"));
    EXPECT_DOUBLE_EQ(s.percent_done, 0.0);
    EXPECT_EQ(s.status, ScheduleStatus::late);
    EXPECT_EQ(s.overdue_milestones.at(0).days_overdue, 30);
    // The day the milestone was due it was not yet overdue.
    EXPECT_EQ(Portfolio{data}.evaluate(0, d("2020-06-01")).status, ScheduleStatus::not_started);
}

TEST(ProgressStatus, DoneAndProgressReportedAfterCompletion) {
    auto data = one_project(quantity_project("P1", 10));
    data.reports = {quantity_report("P1", "2020-03-01", 4), quantity_report("P1", "2020-05-01", 10),
                    quantity_report("P1", "2020-06-01", 10),
                    quantity_report("P1", "2020-06-15", 10.3)}; // re-measured: overrun
    const auto s = Portfolio{data}.evaluate(0, d("2020-09-01"));
    EXPECT_DOUBLE_EQ(s.percent_done, 100.0); // clamped
    EXPECT_DOUBLE_EQ(*s.done_quantity, 10.3);
    EXPECT_EQ(s.status, ScheduleStatus::done); // not stalled: nothing left to do
    EXPECT_EQ(s.forecast_finish, d("2020-05-01"));
    EXPECT_EQ(s.last_progress_date, d("2020-05-01"));
    EXPECT_EQ(s.last_report_date, d("2020-06-15"));
    EXPECT_EQ(s.stage_finding, StageFinding::finished_not_recorded); // still 续建
}

TEST(ProgressStatus, EverythingDueInThePast) {
    auto data = one_project(milestone_project("P1"));
    data.milestones = {milestone("P1", 1, "2020-02-01", 1, "2020-02-01"),
                       milestone("P1", 2, "2020-03-01", 1, "2020-04-01"),
                       milestone("P1", 3, "2020-04-01", 2)};
    const Portfolio portfolio{data};
    const auto s = portfolio.evaluate(0, d("2021-01-01"));
    EXPECT_DOUBLE_EQ(*s.planned_percent, 100.0); // after the last point: its value
    EXPECT_DOUBLE_EQ(s.percent_done, 50.0);
    EXPECT_EQ(s.overdue_milestones.size(), 1u);
    EXPECT_EQ(s.overdue_milestones[0].days_overdue, 275); // 2020-04-01 → 2021-01-01
    EXPECT_EQ(s.status, ScheduleStatus::stalled);         // last progress 2020-04-01
    // Reached late, M2 was overdue on 2020-03-15 but not on 2020-04-01 (it was reached).
    EXPECT_EQ(portfolio.evaluate(0, d("2020-03-15")).overdue_milestones.size(), 1u);
    EXPECT_EQ(portfolio.evaluate(0, d("2020-04-01")).overdue_milestones.size(), 0u);
    EXPECT_EQ(portfolio.evaluate(0, d("2020-04-02")).overdue_milestones.size(), 1u);
}

TEST(ProgressStatus, MilestoneProjectWithoutMilestonesFallsBackToReports) {
    auto data = one_project(milestone_project("P1"));
    data.reports = {percent_report("P1", "2020-05-01", 30), percent_report("P1", "2020-06-01", 45)};
    const auto s = Portfolio{data}.evaluate(0, d("2020-07-01"));
    EXPECT_DOUBLE_EQ(s.percent_done, 45.0);
    EXPECT_NEAR(*s.planned_percent, planned_on_july_1, 1e-9); // linear: no milestones
    EXPECT_EQ(s.status, ScheduleStatus::on_schedule);         // 45 is 4.86 points short
    EXPECT_FALSE(s.done_quantity);                            // no planned quantity
}

TEST(ProgressStatus, QuantityProjectReportingPercents) {
    auto data = one_project(quantity_project("P1", 8));
    data.reports = {percent_report("P1", "2020-06-01", 25), ProgressReport{}};
    data.reports[1].project_id = "P1";
    data.reports[1].report_date = d("2020-06-15"); // a note only: carries 25 % over
    const auto s = Portfolio{data}.evaluate(0, d("2020-06-20"));
    EXPECT_DOUBLE_EQ(s.percent_done, 25.0);
    EXPECT_DOUBLE_EQ(*s.done_quantity, 2.0); // 25 % of 8 km
    EXPECT_EQ(s.last_report_date, d("2020-06-15"));
    EXPECT_EQ(s.last_progress_date, d("2020-06-01"));
}

TEST(ProgressStatus, LeapDayInThePlan) {
    // 2020-02-28 → 2020-03-01 spans the leap day: two days, the 29th is half way.
    auto leap = quantity_project("P1", 10);
    leap.planned_start = d("2020-02-28");
    leap.planned_finish = d("2020-03-01");
    const Portfolio p2020{one_project(leap)};
    EXPECT_DOUBLE_EQ(*p2020.evaluate(0, d("2020-02-29")).planned_percent, 50.0);
    EXPECT_DOUBLE_EQ(*p2020.evaluate(0, d("2020-03-01")).planned_percent, 100.0);
    // 2019-02-28 → 2019-03-01 is a single day.
    auto common = quantity_project("P1", 10);
    common.planned_start = d("2019-02-28");
    common.planned_finish = d("2019-03-01");
    const Portfolio p2019{one_project(common)};
    EXPECT_DOUBLE_EQ(*p2019.evaluate(0, d("2019-02-28")).planned_percent, 0.0);
    EXPECT_DOUBLE_EQ(*p2019.evaluate(0, d("2019-03-01")).planned_percent, 100.0);
    EXPECT_DOUBLE_EQ(*p2019.evaluate(0, d("2019-03-01")).time_elapsed_percent, 100.0);
}

TEST(ProgressStatus, StageFindings) {
    auto data = one_project(quantity_project("P1", 10));
    data.reports = {quantity_report("P1", "2020-06-01", 3)};
    const auto finding = [&](Stage stage) {
        data.projects[0].stage = stage;
        return Portfolio{data}.evaluate(0, d("2020-07-01")).stage_finding;
    };
    EXPECT_EQ(finding(Stage::preliminary), StageFinding::started_but_preliminary);
    EXPECT_EQ(finding(Stage::new_start), StageFinding::consistent);
    EXPECT_EQ(finding(Stage::continuing), StageFinding::consistent);
    EXPECT_EQ(finding(Stage::completed), StageFinding::complete_but_unfinished);
    EXPECT_EQ(finding(Stage::in_service), StageFinding::complete_but_unfinished);
    data.reports.push_back(quantity_report("P1", "2020-06-20", 10));
    EXPECT_EQ(finding(Stage::in_service), StageFinding::consistent);
    EXPECT_EQ(finding(Stage::new_start), StageFinding::finished_not_recorded);
    data.reports.clear();
    EXPECT_EQ(finding(Stage::preliminary), StageFinding::consistent);
}

TEST(ProgressStatus, BudgetDisbursementAndDoubleOverHalf) {
    auto project = quantity_project("P1", 10);
    project.budget_wan = 200;
    auto data = one_project(project);
    data.disbursements = {disbursement("P1", "2020-03-01", 60),
                          disbursement("P1", "2020-06-30", 50),
                          disbursement("P1", "2020-07-15", 80)};
    data.reports = {quantity_report("P1", "2020-06-20", 4.8)};
    const Portfolio portfolio{data};

    // 2020-06-30: 181 of 365 days elapsed (49.6 %): the check does not apply yet.
    const auto before = portfolio.evaluate(0, d("2020-06-30"));
    EXPECT_DOUBLE_EQ(before.disbursed_wan, 110.0); // the payment of the day counts
    EXPECT_NEAR(*before.time_elapsed_percent, 100.0 * 181 / 365, 1e-9);
    EXPECT_EQ(before.double_over_half, DoubleOverHalf::not_applicable);

    // 2020-07-02: 183 days (50.1 %); 48 % done, 55 % paid: progress short.
    const auto after = portfolio.evaluate(0, d("2020-07-02"));
    EXPECT_DOUBLE_EQ(*after.budget_wan, 200.0);
    EXPECT_DOUBLE_EQ(after.disbursed_wan, 110.0); // not the 80 of 07-15
    EXPECT_DOUBLE_EQ(*after.disbursed_percent, 55.0);
    EXPECT_EQ(after.double_over_half, DoubleOverHalf::progress_short);

    data.reports.push_back(quantity_report("P1", "2020-07-01", 5.2));
    EXPECT_EQ(Portfolio{data}.evaluate(0, d("2020-07-02")).double_over_half, DoubleOverHalf::met);
    EXPECT_DOUBLE_EQ(Portfolio{data}.evaluate(0, d("2020-07-02")).percent_done, 52.0);

    data.disbursements.resize(1); // 60 of 200 = 30 %
    EXPECT_EQ(Portfolio{data}.evaluate(0, d("2020-07-02")).double_over_half,
              DoubleOverHalf::disbursement_short);
    data.reports.resize(1);
    EXPECT_EQ(Portfolio{data}.evaluate(0, d("2020-07-02")).double_over_half,
              DoubleOverHalf::both_short);

    data.projects[0].budget_wan.reset();
    data.reports.push_back(quantity_report("P1", "2020-07-01", 5.2));
    const auto unbudgeted = Portfolio{data}.evaluate(0, d("2020-07-02"));
    EXPECT_FALSE(unbudgeted.disbursed_percent);
    EXPECT_DOUBLE_EQ(unbudgeted.disbursed_wan, 60.0);
    EXPECT_EQ(unbudgeted.double_over_half, DoubleOverHalf::no_budget);
}

TEST(ProgressStatus, ProblemCountsAsOfTheDay) {
    auto data = one_project(quantity_project("P1", 10));
    data.problems = {problem("Q1", "P1", "2020-05-01", "国土局", "2020-06-01"),
                     problem("Q2", "P1", "2020-05-01", "国土局", "2020-08-01"),
                     problem("Q3", "P1", "2020-05-01", "国土局", {}, "2020-06-15"),
                     problem("Q4", "P1", "2020-07-10", "国土局", "2020-07-11")};
    const Portfolio portfolio{data};
    const auto s = portfolio.evaluate(0, d("2020-07-01"));
    EXPECT_EQ(s.open_problems, 2);
    EXPECT_EQ(s.overdue_problems, 1);
    EXPECT_EQ(s.closed_problems, 1);
    const auto earlier = portfolio.evaluate(0, d("2020-06-01"));
    EXPECT_EQ(earlier.open_problems, 3);
    EXPECT_EQ(earlier.overdue_problems, 0); // the deadline is the day itself
    EXPECT_EQ(earlier.closed_problems, 0);
}

TEST(ProgressStatus, SiteVisitsUpToTheDay) {
    auto data = one_project(quantity_project("P1", 10));
    data.site_visits = {SiteVisit{"P1", d("2020-06-05"), "县长", ""},
                        SiteVisit{"P1", d("2020-03-05"), "县长", ""}};
    const Portfolio portfolio{data};
    EXPECT_EQ(portfolio.evaluate(0, d("2020-05-01")).last_visit_date, d("2020-03-05"));
    EXPECT_EQ(portfolio.evaluate(0, d("2020-06-05")).last_visit_date, d("2020-06-05"));
    EXPECT_FALSE(portfolio.evaluate(0, d("2020-03-04")).last_visit_date);
}
