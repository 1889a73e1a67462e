#include "demo_progress.h"

#include <gtest/gtest.h>

using namespace xj;
using demo::Profile;

namespace {

core::Project road(double km) {
    core::Project p;
    p.id = "T-1";
    p.measure = core::Measure::quantity;
    p.unit = "km";
    p.planned_quantity = km;
    p.planned_start = core::Date(2018, 3, 1);
    p.planned_finish = core::Date(2018, 7, 31);
    return p;
}

const core::Date as_of(2018, 8, 31);

} // namespace

TEST(DemoProgress, ProjectDayIsFriday) {
    EXPECT_EQ(demo::friday_on_or_after(core::Date(2018, 8, 29)), core::Date(2018, 8, 31));
    EXPECT_EQ(demo::friday_on_or_after(core::Date(2018, 8, 31)), core::Date(2018, 8, 31));
    EXPECT_EQ(demo::friday_on_or_after(core::Date(2018, 9, 1)), core::Date(2018, 9, 7));
}

TEST(DemoProgress, DoneProjectsReachTheirQuantityByTheirFinishAndStop) {
    const auto history = demo::make_progress_history(road(4.8), Profile::done, {}, as_of);
    ASSERT_FALSE(history.reports.empty());
    EXPECT_DOUBLE_EQ(*history.reports.back().cumulative_quantity, 4.8);
    EXPECT_LE(history.reports.back().report_date, core::Date(2018, 7, 31));
    EXPECT_EQ(history.reports.front().report_date, core::Date(2018, 3, 2));
}

TEST(DemoProgress, StalledProjectsFallSilentSixtyDaysBeforeTheAsOfDate) {
    const auto history = demo::make_progress_history(road(10), Profile::stalled, {}, as_of);
    ASSERT_FALSE(history.reports.empty());
    EXPECT_LE(history.reports.back().report_date, as_of.plus_days(-demo::stall_days));
    EXPECT_LT(*history.reports.back().cumulative_quantity, 10.0);
}

TEST(DemoProgress, BehindAndLateProjectsTrailThePlan) {
    auto project = road(10);
    project.planned_finish = core::Date(2018, 12, 31);
    const auto behind = demo::make_progress_history(project, Profile::behind, {}, as_of);
    const auto late = demo::make_progress_history(project, Profile::late, {}, as_of);
    const auto on_time = demo::make_progress_history(project, Profile::on_schedule, {}, as_of);
    const double planned = 10.0 * days_between(core::Date(2018, 3, 1), as_of) /
                           days_between(core::Date(2018, 3, 1), core::Date(2018, 12, 31));
    EXPECT_NEAR(*on_time.reports.back().cumulative_quantity, planned, 0.03 * planned);
    EXPECT_NEAR(*behind.reports.back().cumulative_quantity, 0.75 * planned, 0.03 * planned);
    EXPECT_NEAR(*late.reports.back().cumulative_quantity, 0.5 * planned, 0.03 * planned);
}

TEST(DemoProgress, MilestonesAreReachedByTheFirstReportAtTheirTarget) {
    const std::vector<core::Milestone> milestones{
        {"T-1", 1, "开工", core::Date(2018, 3, 8), {}, 1, 0.0},
        {"T-1", 2, "路基", core::Date(2018, 5, 31), {}, 1, 2.0},
        {"T-1", 3, "完工", core::Date(2018, 7, 31), {}, 1, 4.8}};
    const auto history = demo::make_progress_history(road(4.8), Profile::done, milestones, as_of);
    ASSERT_EQ(history.milestones.size(), 3u);
    EXPECT_EQ(history.milestones[0].actual_date, core::Date(2018, 3, 2));
    for (const auto& milestone : history.milestones) {
        ASSERT_TRUE(milestone.actual_date) << milestone.name;
        const auto first =
            std::find_if(history.reports.begin(), history.reports.end(), [&](const auto& r) {
                return *r.cumulative_quantity >= *milestone.target_quantity;
            });
        EXPECT_EQ(first->report_date, *milestone.actual_date) << milestone.name;
    }
}

TEST(DemoProgress, MilestoneProjectsReportTheWeightedShareReached) {
    core::Project reservoir;
    reservoir.id = "T-2";
    reservoir.measure = core::Measure::milestones;
    reservoir.planned_start = core::Date(2018, 1, 1);
    const std::vector<core::Milestone> milestones{
        {"T-2", 1, "通电", core::Date(2018, 2, 1), core::Date(2018, 2, 1), 25, {}},
        {"T-2", 2, "截流", core::Date(2018, 6, 1), core::Date(2018, 5, 30), 50, {}},
        {"T-2", 3, "蓄水", core::Date(2019, 6, 1), {}, 25, {}}};
    const auto history =
        demo::make_progress_history(reservoir, Profile::on_schedule, milestones, as_of);
    ASSERT_FALSE(history.reports.empty());
    EXPECT_DOUBLE_EQ(*history.reports.front().percent, 0.0);
    EXPECT_DOUBLE_EQ(*history.reports.back().percent, 75.0);
    EXPECT_EQ(history.reports.back().report_date, as_of);
}

TEST(DemoProgress, NotStartedProjectsHaveNoReports) {
    EXPECT_TRUE(
        demo::make_progress_history(road(3), Profile::not_started, {}, as_of).reports.empty());
}
