// The project day: attention order and milestones falling due; S-curves.

#include "progress_fixture.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/project_day.h"

#include <gtest/gtest.h>

using namespace xj::core;
using namespace xj::core::testing;

TEST(ProgressDay, AttentionOrder) {
    std::vector<Project> projects;
    for (const char* id : {"a", "b", "c", "d", "e", "f", "g"}) {
        projects.push_back(quantity_project(id, 1));
    }
    const auto make = [&](std::size_t i, ScheduleStatus status, std::optional<double> variance,
                          int overdue_problems = 0) {
        ProjectStatus s;
        s.project = &projects[i];
        s.status = status;
        s.schedule_variance = variance;
        s.overdue_problems = overdue_problems;
        return s;
    };
    const std::vector<ProjectStatus> statuses{
        make(0, ScheduleStatus::on_schedule, 2.0),
        make(1, ScheduleStatus::behind, -10.0),
        make(2, ScheduleStatus::behind, -30.0),
        make(3, ScheduleStatus::on_schedule, -1.0, 2), // overdue problems
        make(4, ScheduleStatus::stalled, -5.0),
        make(5, ScheduleStatus::late, -3.0),
        make(6, ScheduleStatus::late, -20.0, 1),
    };
    std::string order;
    for (const auto* s : attention_order(statuses)) {
        order += s->project->id;
    }
    EXPECT_EQ(order, "gfedcba");
    EXPECT_EQ(attention_of(statuses[3]), Attention::overdue_problems);
}

TEST(ProgressDay, MilestonesDueInTheNextTwoWeeks) {
    PortfolioData data;
    data.projects = {milestone_project("P1"), milestone_project("P2")};
    data.milestones = {
        milestone("P2", 1, "2020-06-20"),                  // due today
        milestone("P1", 1, "2020-07-04"),                  // the last day of the window
        milestone("P1", 2, "2020-07-05"),                  // beyond it
        milestone("P1", 3, "2020-06-25", 1, "2020-06-19"), // reached already
        milestone("P2", 2, "2020-06-30", 1, "2020-06-25"), // reached only later
        milestone("P2", 3, "2020-06-19"),                  // overdue, not due
        milestone("P1", 4, "2020-06-30"),
    };
    const Portfolio portfolio{data};
    const auto due = milestones_due(portfolio, d("2020-06-20"));
    ASSERT_EQ(due.size(), 4u);
    EXPECT_EQ(due[0].project->id, "P2");
    EXPECT_EQ(due[0].days_left, 0);
    EXPECT_EQ(due[1].project->id, "P1"); // 06-30: P1 before P2
    EXPECT_EQ(due[1].seq, 4);
    EXPECT_EQ(due[2].project->id, "P2");
    EXPECT_EQ(due[2].seq, 2);
    EXPECT_EQ(due[3].planned_date, d("2020-07-04"));
    EXPECT_EQ(due[3].days_left, 14);
    EXPECT_EQ(milestones_due(portfolio, d("2020-06-20"), 5).size(), 1u); // [06-20, 06-25]
}

TEST(ProgressDay, SCurveOfOneProjectAndOfThePortfolio) {
    PortfolioData data;
    auto a = quantity_project("A", 6);
    a.budget_wan = 300;
    auto b = quantity_project("B", 4);
    b.budget_wan = 100;
    b.planned_start = d("2020-04-01");
    auto c = quantity_project("C", 4); // no budget: left out of the weighted curve
    data.projects = {a, b, c};
    data.reports = {quantity_report("A", "2020-03-01", 1), quantity_report("A", "2020-06-26", 3),
                    quantity_report("B", "2020-05-01", 2), quantity_report("C", "2020-02-01", 4)};
    const Portfolio portfolio{data};

    // 01-01, 04-01 (91 days), 07-01 (182 days).
    const auto one = portfolio.s_curve("A", d("2020-01-01"), d("2020-07-01"), 91);
    ASSERT_EQ(one.size(), 3u);
    EXPECT_EQ(one[1].date, d("2020-04-01"));
    EXPECT_DOUBLE_EQ(*one[0].planned_percent, 0.0);
    EXPECT_NEAR(*one[1].planned_percent, 100.0 * 91 / 365, 1e-9);
    EXPECT_NEAR(*one[2].planned_percent, 100.0 * 182 / 365, 1e-9);
    EXPECT_DOUBLE_EQ(one[0].actual_percent, 0.0);
    EXPECT_NEAR(one[1].actual_percent, 100.0 / 6, 1e-9);
    EXPECT_DOUBLE_EQ(one[2].actual_percent, 50.0);

    // Whole portfolio on 07-01: A 50 % (300 万), B 50 % (100 万) → 50; planned: A 49.86,
    // B 91 of 274 days → (300 · 49.86 + 100 · 33.21) / 400.
    const auto all = portfolio.s_curve("", d("2020-06-01"), d("2020-07-01"), 30);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_DOUBLE_EQ(all[1].actual_percent, 50.0);
    EXPECT_NEAR(*all[1].planned_percent,
                (300 * (100.0 * 182 / 365) + 100 * (100.0 * 91 / 274)) / 400, 1e-9);
    // 06-01: A 1 km of 6, B 2 of 4 → (300 · 16.667 + 100 · 50) / 400 = 25.
    EXPECT_NEAR(all[0].actual_percent, 25.0, 1e-9);

    EXPECT_THROW(portfolio.s_curve("Z", d("2020-01-01"), d("2020-02-01"), 7), xj::Error);
    EXPECT_THROW(portfolio.s_curve("A", d("2020-01-01"), d("2020-02-01"), 0), xj::Error);
    EXPECT_TRUE(portfolio.s_curve("A", d("2020-02-01"), d("2020-01-01"), 7).empty());
}

TEST(ProgressDay, TheWeeksSummaryCountsEachLeadersSaturdayToFriday) {
    PortfolioData data;
    auto a1 = quantity_project("A1", 10);
    a1.leader = "张卫东（副县长）";
    auto a2 = quantity_project("A2", 10);
    a2.leader = "张卫东（副县长）";
    auto b1 = quantity_project("B1", 10);
    b1.leader = "李明（县长助理）";
    data.projects = {a1, a2, b1};
    // The week of Friday 2018-08-31 is 25–31 August.
    data.site_visits = {{"A1", d("2018-08-31"), "张卫东", ""},
                        {"A1", d("2018-08-27"), "张卫东", ""}, // the same project again
                        {"A2", d("2018-08-24"), "张卫东", ""}, // the Friday before
                        {"B1", d("2018-08-25"), "李明", ""}};
    data.reports = {quantity_report("A2", "2018-08-30", 3), quantity_report("B1", "2018-09-01", 3)};
    data.problems = {problem("Q1", "A1", "2018-08-26", "县交通局", "2018-08-29"), // overdue
                     problem("Q2", "A1", "2018-08-01", "县交通局", "2018-08-20", "2018-08-31"),
                     problem("Q3", "B1", "2018-08-20", "县水利局", "2018-09-30")};
    const Portfolio portfolio{data};
    const auto rows = week_summary(portfolio, d("2018-08-31"));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].leader, "张卫东（副县长）");
    EXPECT_EQ(rows[0].projects, 2);
    EXPECT_EQ(rows[0].visited, 1);
    EXPECT_EQ(rows[0].progress_recorded, 1);
    EXPECT_EQ(rows[0].problems_raised, 1);
    EXPECT_EQ(rows[0].problems_closed, 1);
    EXPECT_EQ(rows[0].problems_overdue, 1);
    EXPECT_EQ(rows[1].leader, "李明（县长助理）");
    EXPECT_EQ(rows[1].visited, 1);
    EXPECT_EQ(rows[1].progress_recorded, 0); // the 1st of September is next week
    EXPECT_EQ(rows[1].problems_raised, 0);
    EXPECT_EQ(rows[1].problems_overdue, 0);
}
