// The planned-percent curve, baselines, and history: the same question about an earlier day
// gets the earlier answer.

#include "progress_fixture.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"

#include <gtest/gtest.h>

using namespace xj::core;
using namespace xj::core::testing;

TEST(ProgressPlan, PiecewiseLinearThroughMilestoneWeights) {
    // Start 01-01 (0), M1 02-01 (25), M2 03-01 (50), M3 04-01 (weight 2: 100).
    const auto project = milestone_project("P1");
    const std::vector<Milestone> milestones{milestone("P1", 1, "2020-02-01"),
                                            milestone("P1", 2, "2020-03-01"),
                                            milestone("P1", 3, "2020-04-01", 2)};
    std::vector<PlanPoint> plan;
    append_plan_points({project.planned_start, project.planned_finish, {}, project.measure},
                       milestones, plan);
    ASSERT_EQ(plan.size(), 4u);
    EXPECT_EQ(plan[0], (PlanPoint{d("2020-01-01"), 0.0}));
    EXPECT_EQ(plan[3], (PlanPoint{d("2020-04-01"), 100.0}));

    EXPECT_DOUBLE_EQ(*planned_percent_at(plan, d("2019-12-31")), 0.0);
    EXPECT_NEAR(*planned_percent_at(plan, d("2020-01-16")), 25.0 * 15 / 31, 1e-9);
    EXPECT_DOUBLE_EQ(*planned_percent_at(plan, d("2020-02-01")), 25.0);
    // February 2020 has 29 days: 02-15 is 14 of them, the leap day 28.
    EXPECT_NEAR(*planned_percent_at(plan, d("2020-02-15")), 25.0 + 25.0 * 14 / 29, 1e-9);
    EXPECT_NEAR(*planned_percent_at(plan, d("2020-02-29")), 25.0 + 25.0 * 28 / 29, 1e-9);
    EXPECT_DOUBLE_EQ(*planned_percent_at(plan, d("2021-06-01")), 100.0);
    EXPECT_FALSE(planned_percent_at({}, d("2020-01-01")));
}

TEST(ProgressPlan, TargetsOfAQuantityProjectAndMilestonesOutOfSeqOrder) {
    auto project = quantity_project("P1", 10);
    project.planned_start.reset();
    auto m1 = milestone("P1", 1, "2020-05-01");
    auto m2 = milestone("P1", 2, "2020-03-01"); // seq 2 comes first in time
    auto m3 = milestone("P1", 3, "2020-07-01", 5);
    m1.target_quantity = 5;
    m2.target_quantity = 2;
    m3.target_quantity = 10;
    std::vector<PlanPoint> plan;
    append_plan_points(
        {project.planned_start, project.planned_finish, project.planned_quantity, project.measure},
        std::vector{m1, m2, m3}, plan);
    ASSERT_EQ(plan.size(), 3u); // no start point without a planned start
    EXPECT_EQ(plan[0], (PlanPoint{d("2020-03-01"), 20.0}));
    EXPECT_EQ(plan[1], (PlanPoint{d("2020-05-01"), 50.0}));
    EXPECT_EQ(plan[2], (PlanPoint{d("2020-07-01"), 100.0}));
    EXPECT_DOUBLE_EQ(*planned_percent_at(plan, d("2020-02-29")), 0.0); // before the first point

    // Without a target on every milestone the weights decide: 1, 1, 5 of 7.
    m2.target_quantity.reset();
    plan.clear();
    append_plan_points({{}, {}, 10.0, Measure::quantity}, std::vector{m1, m2, m3}, plan);
    EXPECT_NEAR(plan[0].percent, 100.0 / 7, 1e-9);
    EXPECT_NEAR(plan[1].percent, 200.0 / 7, 1e-9);
    EXPECT_DOUBLE_EQ(plan[2].percent, 100.0);
}

TEST(ProgressPlan, MilestonesOnTheSameDayCountTogether) {
    std::vector<PlanPoint> plan;
    append_plan_points({d("2020-01-01"), {}, {}, Measure::milestones},
                       std::vector{milestone("P1", 1, "2020-01-11"),
                                   milestone("P1", 2, "2020-01-11"),
                                   milestone("P1", 3, "2020-01-21", 2)},
                       plan);
    EXPECT_DOUBLE_EQ(*planned_percent_at(plan, d("2020-01-06")), 12.5); // half way to 25
    EXPECT_DOUBLE_EQ(*planned_percent_at(plan, d("2020-01-11")), 50.0);
    EXPECT_DOUBLE_EQ(*planned_percent_at(plan, d("2020-01-16")), 75.0);
}

TEST(ProgressPlan, BaselineKeepsTheOldPlanAfterReplanning) {
    PortfolioData data;
    auto project = milestone_project("P1");
    project.planned_start.reset();
    data.projects = {project};
    data.milestones = {milestone("P1", 1, "2020-03-01", 1, "2020-03-01"),
                       milestone("P1", 2, "2020-06-01")};
    const Portfolio original{data};
    const auto frozen = original.freeze_baseline("年初计划", d("2020-01-15"));
    EXPECT_EQ(frozen.name, "年初计划");
    EXPECT_EQ(frozen.frozen_on, d("2020-01-15"));
    ASSERT_EQ(frozen.milestones.size(), 2u);
    EXPECT_FALSE(frozen.milestones[0].actual_date); // a plan keeps no actual dates
    ASSERT_EQ(frozen.projects.size(), 1u);

    // Re-plan: M2 moves to 09-01; a new project comes after the baseline.
    data.milestones[1].planned_date = d("2020-09-01");
    data.projects.push_back(quantity_project("P2", 5));
    data.baselines = {frozen};
    const Portfolio replanned{data};
    const auto* baseline = replanned.baseline("年初计划");
    ASSERT_NE(baseline, nullptr);
    EXPECT_EQ(baseline->milestones[1].planned_date, d("2020-06-01"));

    // 2020-06-01: 50 % done (M1). Current plan: 50 + 50 · 92 / 184 = 75; baseline: 100.
    const auto now = replanned.evaluate(0, d("2020-06-01"));
    EXPECT_DOUBLE_EQ(*now.planned_percent, 75.0);
    EXPECT_DOUBLE_EQ(*now.schedule_variance, -25.0);
    const auto then = replanned.evaluate(0, d("2020-06-01"), baseline);
    EXPECT_DOUBLE_EQ(*then.planned_percent, 100.0);
    EXPECT_DOUBLE_EQ(*then.schedule_variance, -50.0);
    EXPECT_DOUBLE_EQ(*then.spi, 0.5);

    // A baseline the Portfolio does not hold gives the same answer.
    const auto outside = replanned.evaluate(d("2020-06-01"), &frozen);
    EXPECT_DOUBLE_EQ(*outside.projects[0].planned_percent, 100.0);
    // The project added later has no plan in the baseline.
    EXPECT_TRUE(outside.projects[1].planned_percent.has_value() == false);
    EXPECT_TRUE(replanned.evaluate(1, d("2020-06-01")).planned_percent.has_value());
    EXPECT_EQ(replanned.plan(0, baseline).back(), (PlanPoint{d("2020-06-01"), 100.0}));
    EXPECT_EQ(replanned.plan(0).back(), (PlanPoint{d("2020-09-01"), 100.0}));
}

TEST(ProgressPlan, EarlierDaysKeepTheirAnswersWhenHistoryGrows) {
    PortfolioData data;
    auto project = quantity_project("P1", 10);
    project.budget_wan = 100;
    data.projects = {project};
    data.milestones = {milestone("P1", 1, "2020-03-01"), milestone("P1", 2, "2020-09-01")};
    data.reports = {quantity_report("P1", "2020-02-01", 1), quantity_report("P1", "2020-04-01", 3)};
    data.problems = {problem("Q1", "P1", "2020-03-01", "镇政府", "2020-04-01")};
    data.disbursements = {disbursement("P1", "2020-03-10", 20)};
    const auto day = d("2020-04-15");
    const auto before = Portfolio{data}.evaluate(0, day);

    // Later: more reports, a milestone reached, the problem closed, another payment.
    data.reports.push_back(quantity_report("P1", "2020-05-01", 6));
    data.reports.push_back(quantity_report("P1", "2020-04-16", 4));
    data.milestones[0].actual_date = d("2020-04-20");
    data.problems[0].closed_date = d("2020-05-01");
    data.disbursements.push_back(disbursement("P1", "2020-04-16", 30));
    const Portfolio grown{data};
    const auto after = grown.evaluate(0, day);

    EXPECT_DOUBLE_EQ(after.percent_done, 30.0);
    EXPECT_EQ(after.percent_done, before.percent_done);
    EXPECT_EQ(after.last_report_date, d("2020-04-01"));
    EXPECT_EQ(after.status, before.status);
    EXPECT_EQ(after.forecast_finish, before.forecast_finish);
    EXPECT_EQ(after.overdue_milestones.size(), 1u); // M1 was not reached on 04-15
    EXPECT_EQ(after.overdue_milestones.size(), before.overdue_milestones.size());
    EXPECT_DOUBLE_EQ(after.disbursed_wan, 20.0);
    EXPECT_EQ(after.open_problems, 1);
    EXPECT_EQ(after.overdue_problems, 1);
    // And the later day sees it all.
    const auto later = grown.evaluate(0, d("2020-05-01"));
    EXPECT_DOUBLE_EQ(later.percent_done, 60.0);
    EXPECT_TRUE(later.overdue_milestones.empty());
    EXPECT_DOUBLE_EQ(later.disbursed_wan, 50.0);
    EXPECT_EQ(later.open_problems, 0);
    EXPECT_EQ(later.closed_problems, 1);
}

TEST(ProgressPlan, UnknownProjectsInChildRecordsAreNamed) {
    PortfolioData data;
    data.projects = {quantity_project("P1", 10)};
    data.reports = {quantity_report("P9", "2020-02-01", 1)};
    xj::set_language(xj::Language::en);
    try {
        Portfolio portfolio{data};
        FAIL() << "accepted a report of an unknown project";
    } catch (const xj::Error& e) {
        EXPECT_STREQ(e.what(), "progress report of 2020-02-01 for project 'P9': no such project");
    }
    data.reports.clear();
    data.milestones = {milestone("P8", 3, "2020-02-01")};
    EXPECT_THROW(Portfolio{data}, xj::Error);
    data.milestones.clear();
    data.disbursements = {disbursement("P7", "2020-02-01", 5)};
    EXPECT_THROW(Portfolio{data}, xj::Error);
    data.disbursements.clear();
    data.projects.push_back(quantity_project("P1", 3));
    EXPECT_THROW(Portfolio{data}, xj::Error); // P1 twice
}
