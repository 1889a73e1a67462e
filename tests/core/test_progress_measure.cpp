// Which evidence a project's percent done comes from: reports (quantity or 形象进度) and
// milestones, the latest of them as of the day, and what the status says it used.

#include "progress_fixture.h"

#include <gtest/gtest.h>

using namespace xj::core;
using namespace xj::core::testing;

namespace {

/// Milestones weighted 40/40/20, none reached; reports of 30 % in May and 55 % in July.
PortfolioData reported_but_no_milestone_reached() {
    PortfolioData data;
    data.projects.push_back(milestone_project("P1"));
    data.milestones = {milestone("P1", 1, "2020-04-01", 40), milestone("P1", 2, "2020-08-01", 40),
                       milestone("P1", 3, "2020-12-01", 20)};
    data.reports = {percent_report("P1", "2020-05-15", 30), percent_report("P1", "2020-07-15", 55)};
    return data;
}

} // namespace

TEST(ProgressMeasure, AReportedPercentIsNeverIgnored) {
    const Portfolio portfolio{reported_but_no_milestone_reached()};
    const auto s = portfolio.evaluate(0, d("2020-08-15"));
    EXPECT_DOUBLE_EQ(s.percent_done, 55.0);
    EXPECT_EQ(s.percent_basis, PercentBasis::percent);
    EXPECT_DOUBLE_EQ(portfolio.percent_at(0, d("2020-06-01")), 30.0);
    EXPECT_EQ(s.last_progress_date, d("2020-07-15"));
}

TEST(ProgressMeasure, TheLatestEvidenceCountsWhetherReportOrMilestone) {
    auto data = reported_but_no_milestone_reached();
    data.milestones[0].actual_date = d("2020-06-01"); // 40 %, after the 30 % report
    data.milestones[1].actual_date = d("2020-09-01"); // 80 %, after the 55 % report
    const Portfolio portfolio{data};

    const auto june = portfolio.evaluate(0, d("2020-06-10"));
    EXPECT_DOUBLE_EQ(june.percent_done, 40.0);
    EXPECT_EQ(june.percent_basis, PercentBasis::milestones);
    const auto july = portfolio.evaluate(0, d("2020-07-20"));
    EXPECT_DOUBLE_EQ(july.percent_done, 55.0);
    EXPECT_EQ(july.percent_basis, PercentBasis::percent);
    const auto september = portfolio.evaluate(0, d("2020-09-02"));
    EXPECT_DOUBLE_EQ(september.percent_done, 80.0);
    EXPECT_EQ(september.percent_basis, PercentBasis::milestones);
}

TEST(ProgressMeasure, OnTheSameDayTheFurtherEvidenceCounts) {
    auto data = reported_but_no_milestone_reached();
    data.milestones[0].actual_date = d("2020-07-15"); // 40 % on the day 55 % was reported
    const Portfolio portfolio{data};
    EXPECT_DOUBLE_EQ(portfolio.evaluate(0, d("2020-07-20")).percent_done, 55.0);
}

TEST(ProgressMeasure, MeasuredByPercentReadsThePercentNotTheQuantity) {
    auto project = quantity_project("P1", 10);
    project.measure = Measure::percent;
    PortfolioData data;
    data.projects.push_back(project);
    auto report = quantity_report("P1", "2020-06-01", 2); // 20 % of the quantity
    report.percent = 35;                                  // what the site says
    data.reports = {report};
    const auto s = Portfolio{data}.evaluate(0, d("2020-07-01"));
    EXPECT_DOUBLE_EQ(s.percent_done, 35.0);
    EXPECT_EQ(s.percent_basis, PercentBasis::percent);

    data.projects[0].measure = Measure::quantity;
    const auto by_quantity = Portfolio{data}.evaluate(0, d("2020-07-01"));
    EXPECT_DOUBLE_EQ(by_quantity.percent_done, 20.0);
    EXPECT_EQ(by_quantity.percent_basis, PercentBasis::quantity);
}

TEST(ProgressMeasure, NothingYetIsNone) {
    PortfolioData data;
    data.projects.push_back(milestone_project("P1"));
    data.milestones = {milestone("P1", 1, "2020-04-01")};
    const auto s = Portfolio{data}.evaluate(0, d("2020-03-01"));
    EXPECT_DOUBLE_EQ(s.percent_done, 0.0);
    EXPECT_EQ(s.percent_basis, PercentBasis::none);
}

TEST(ProgressMeasure, MeasuresParseByCodeAndLabel) {
    EXPECT_EQ(parse_term<Measure>("percent"), Measure::percent);
    EXPECT_EQ(parse_term<Measure>("按形象进度"), Measure::percent);
    EXPECT_EQ(parse_term<Measure>("milestones"), Measure::milestones);
}

TEST(ProgressMeasure, AStartedProjectIsNotLateOnItsStart) {
    // Planned start milestone 开工 on 2020-03-01, never given an actual date; 25 % reported on
    // 2020-04-01. On 2020-06-25 the project is not late on its start: it started on 04-01.
    PortfolioData data;
    data.projects.push_back(quantity_project("P1", 10));
    data.milestones = {milestone("P1", 1, "2020-03-01"), milestone("P1", 2, "2020-12-01")};
    data.milestones[0].name = "开工";
    data.reports = {quantity_report("P1", "2020-04-01", 2.5)};
    const Portfolio portfolio{data};

    const auto s = portfolio.evaluate(0, d("2020-06-25"));
    EXPECT_TRUE(s.overdue_milestones.empty());
    ASSERT_EQ(s.inferred_milestones.size(), 1u);
    EXPECT_EQ(s.inferred_milestones[0].seq, 1);
    EXPECT_EQ(s.inferred_milestones[0].name, "开工");
    EXPECT_EQ(s.inferred_milestones[0].reached_on, d("2020-04-01"));
    EXPECT_NE(s.status, ScheduleStatus::late);
    EXPECT_TRUE(portfolio.inferred_reached(portfolio.milestones(0)[0]));
    EXPECT_FALSE(portfolio.inferred_reached(portfolio.milestones(0)[1]));

    // Before the first report it was overdue, and nothing was inferred.
    const auto march = portfolio.evaluate(0, d("2020-03-20"));
    ASSERT_EQ(march.overdue_milestones.size(), 1u);
    EXPECT_TRUE(march.inferred_milestones.empty());
}

TEST(ProgressMeasure, AnInferredStartCountsForAProjectMeasuredByMilestones) {
    PortfolioData data;
    data.projects.push_back(milestone_project("P1"));
    data.milestones = {milestone("P1", 1, "2020-03-01", 20), milestone("P1", 2, "2020-12-01", 80)};
    data.milestones[0].name = "全部开工";
    data.reports = {percent_report("P1", "2020-04-01", 10)};
    const auto s = Portfolio{data}.evaluate(0, d("2020-06-25"));
    EXPECT_TRUE(s.overdue_milestones.empty());
    // Reached (20 %) on the day 10 % was reported: the further of the two counts.
    EXPECT_DOUBLE_EQ(s.percent_done, 20.0);
}
