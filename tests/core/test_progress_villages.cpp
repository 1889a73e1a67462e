// Village exit indicators with the projects that will meet the unmet ones.

#include "progress_fixture.h"
#include "xiangjian/core/village_exit.h"

#include <gtest/gtest.h>

using namespace xj::core;
using namespace xj::core::testing;

namespace {

const char* const east = "410326100201";
const char* const west = "410326100202";

PortfolioData villages() {
    PortfolioData data;
    for (const auto& [code, name] : {std::pair{east, "东村"}, std::pair{west, "西村"}}) {
        AdminUnit unit;
        unit.code = code;
        unit.name = name;
        unit.level = AdminLevel::village;
        data.admin_units.push_back(unit);
    }
    // R1 is the road of test_progress_status's first case: forecast 2020-10-13 on 07-01.
    auto road = quantity_project("R1", 10);
    auto water = quantity_project("W1", 3, "处");
    water.type = ProjectType::water;
    auto pv = quantity_project("S1", 0.5, "MW");
    pv.type = ProjectType::pv;
    pv.village_code = west;
    data.projects = {road, water, pv};
    data.reports = {quantity_report("R1", "2020-03-01", 2),
                    quantity_report("R1", "2020-06-26", 4.8)};
    auto assess = [](const char* village, const char* indicator, const char* day, bool met) {
        return VillageIndicator{village, indicator, d(day), met, ""};
    };
    data.village_indicators = {assess(east, "road", "2020-01-01", false),
                               assess(east, "road", "2020-09-01", true),
                               assess(east, "water", "2020-03-01", true)};
    return data;
}

const IndicatorStatus& indicator(const VillageExit& village, std::string_view code) {
    for (const auto& i : village.indicators) {
        if (i.code == code) {
            return i;
        }
    }
    throw std::out_of_range(std::string{code});
}

} // namespace

TEST(ProgressVillages, DefaultRulesMapOnlyClearTypes) {
    EXPECT_EQ(default_indicator_project_types("road"), std::vector{ProjectType::road});
    EXPECT_EQ(default_indicator_project_types("power"), std::vector{ProjectType::pv});
    EXPECT_TRUE(default_indicator_project_types("clinic").empty());
    const auto rules = default_indicator_rules();
    ASSERT_EQ(rules.size(), 10u);
    EXPECT_EQ(rules[0].code, "road");
    EXPECT_EQ(rules[0].label_zh, "通硬化路");
}

TEST(ProgressVillages, UnmetIndicatorsListTheirProjectsWithForecasts) {
    const Portfolio portfolio{villages()};
    const auto evaluation = portfolio.evaluate(d("2020-07-01"));
    const auto exits = village_exit(portfolio, evaluation);
    ASSERT_EQ(exits.size(), 2u);
    const auto& e = exits[0];
    EXPECT_EQ(e.village_code, east);
    EXPECT_EQ(e.village_name, "东村");
    ASSERT_EQ(e.indicators.size(), 10u);
    EXPECT_EQ(e.met, 1); // water

    const auto& road = indicator(e, "road");
    EXPECT_EQ(road.state, IndicatorState::unmet);
    EXPECT_EQ(road.assessed_on, d("2020-01-01"));
    ASSERT_EQ(road.projects.size(), 1u);
    EXPECT_EQ(road.projects[0].status->project->id, "R1");
    EXPECT_EQ(road.projects[0].forecast_finish, d("2020-10-13"));

    const auto& water = indicator(e, "water");
    EXPECT_EQ(water.state, IndicatorState::met);
    EXPECT_TRUE(water.projects.empty()); // met: nothing to wait for

    const auto& power = indicator(e, "power");
    EXPECT_EQ(power.state, IndicatorState::unassessed);
    EXPECT_TRUE(power.projects.empty()); // the PV project is in 西村

    const auto& w = exits[1];
    EXPECT_EQ(w.met, 0);
    ASSERT_EQ(indicator(w, "power").projects.size(), 1u);
    EXPECT_EQ(indicator(w, "power").projects[0].status->project->id, "S1");
    EXPECT_FALSE(indicator(w, "power").projects[0].forecast_finish); // no progress yet
    EXPECT_TRUE(indicator(w, "clinic").projects.empty());
}

TEST(ProgressVillages, LaterAssessmentsCountFromTheirDay) {
    const Portfolio portfolio{villages()};
    const auto exits = village_exit(portfolio, portfolio.evaluate(d("2020-09-01")));
    EXPECT_EQ(exits[0].met, 2);
    EXPECT_EQ(indicator(exits[0], "road").state, IndicatorState::met);
    EXPECT_TRUE(indicator(exits[0], "road").projects.empty());
    const auto before = village_exit(portfolio, portfolio.evaluate(d("2019-12-31")));
    EXPECT_EQ(indicator(before[0], "road").state, IndicatorState::unassessed);
    EXPECT_EQ(before[0].met, 0);
}

TEST(ProgressVillages, ACountyChecklist) {
    auto data = villages();
    data.indicator_rules = {
        IndicatorRule{"water", "安全饮水", "safe water", {ProjectType::water}},
        IndicatorRule{
            "roads", "通组路", "roads to groups", {ProjectType::road, ProjectType::other}}};
    const Portfolio portfolio{data};
    const auto exits = village_exit(portfolio, portfolio.evaluate(d("2020-07-01")));
    ASSERT_EQ(exits[0].indicators.size(), 2u);
    EXPECT_EQ(exits[0].met, 1);
    EXPECT_EQ(exits[0].indicators[1].state, IndicatorState::unassessed); // "roads" ≠ "road"
    EXPECT_EQ(exits[0].indicators[1].projects.size(), 1u);
}
