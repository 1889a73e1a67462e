// Roll-ups over four projects in two townships of a county, as of 2020-07-01 (plan 49.863 %):
//   A road 6 km, 城关镇 东村+西村 by length 1000 m / 2000 m, 张三, 交通局, 300 万, 3 km: 50 %
//     on schedule;
//   B water 4 处, 城关镇 西村, 李四, 水利局, 100 万, 1 处: 25 %, behind;
//   C road 2 km, 小店镇 南村, 张三, 交通局, no budget, 2 km: done;
//   D housing 20 户, 小店镇 南村, 李四, 住建局, 50 万, starts 2020-09-01: not started.

#include "progress_fixture.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/rollup.h"

#include <gtest/gtest.h>
#include <set>

using namespace xj::core;
using namespace xj::core::testing;

namespace {

constexpr double plan = 182.0 / 365; // share of the plan due on 2020-07-01

const char* const county = "410326000000";
const char* const chengguan = "410326100000";
const char* const xiaodian = "410326101000";
const char* const east = "410326100201";
const char* const west = "410326100202";
const char* const south = "410326101201";

AdminUnit unit(std::string code, std::string name, AdminLevel level, std::string parent) {
    AdminUnit u;
    u.code = std::move(code);
    u.name = std::move(name);
    u.level = level;
    u.parent_code = std::move(parent);
    return u;
}

PortfolioData county_data() {
    PortfolioData data;
    data.admin_units = {unit(county, "汝阳县", AdminLevel::county, ""),
                        unit(chengguan, "城关镇", AdminLevel::township, county),
                        unit(xiaodian, "小店镇", AdminLevel::township, county),
                        unit(east, "东村", AdminLevel::village, chengguan),
                        unit(west, "西村", AdminLevel::village, chengguan),
                        unit(south, "南村", AdminLevel::village, xiaodian)};

    auto a = quantity_project("A", 6);
    a.budget_wan = 300;
    a.village_code = east;
    auto b = quantity_project("B", 4, "处");
    b.type = ProjectType::water;
    b.village_code = west;
    b.leader = "李四";
    b.responsible_unit = "水利局";
    b.budget_wan = 100;
    auto c = quantity_project("C", 2);
    c.township_code = xiaodian;
    c.village_code = south;
    auto dd = quantity_project("D", 20, "户");
    dd.type = ProjectType::housing;
    dd.township_code = xiaodian;
    dd.village_code = south;
    dd.leader = "李四";
    dd.responsible_unit = "住建局";
    dd.budget_wan = 50;
    dd.planned_start = d("2020-09-01");
    data.projects = {dd, c, b, a}; // any order: the Portfolio sorts by id

    data.project_villages = {ProjectVillage{"A", east, "line", 1000.0, {}},
                             ProjectVillage{"A", west, "line", 2000.0, {}}};
    data.reports = {quantity_report("A", "2020-06-26", 3), quantity_report("B", "2020-06-20", 1),
                    quantity_report("C", "2020-05-01", 2)};
    data.disbursements = {disbursement("A", "2020-05-01", 90)};
    data.problems = {problem("Q1", "B", "2020-05-01", "水利局", "2020-06-01"),
                     problem("Q2", "A", "2020-04-01", "交通局", {}, "2020-04-10")};
    return data;
}

const RollupRow& row(const std::vector<RollupRow>& rows, std::string_view key) {
    for (const auto& r : rows) {
        if (r.key == key) {
            return r;
        }
    }
    throw std::out_of_range(std::string{key});
}

const UnitQuantities& quantity(const RollupRow& r, std::string_view unit) {
    for (const auto& q : r.quantities) {
        if (q.unit == unit) {
            return q;
        }
    }
    throw std::out_of_range(std::string{unit});
}

std::vector<std::string> keys(const std::vector<RollupRow>& rows) {
    std::vector<std::string> result;
    for (const auto& r : rows) {
        result.push_back(r.key);
    }
    return result;
}

class ProgressRollup : public ::testing::Test {
protected:
    Portfolio portfolio{county_data()};
    Evaluation evaluation = portfolio.evaluate(d("2020-07-01"));
};

} // namespace

TEST_F(ProgressRollup, StatusesOfTheFixture) {
    ASSERT_EQ(evaluation.projects.size(), 4u);
    EXPECT_EQ(evaluation.projects[0].project->id, "A");
    EXPECT_EQ(evaluation.projects[0].status, ScheduleStatus::on_schedule);
    EXPECT_EQ(evaluation.projects[1].status, ScheduleStatus::behind);
    EXPECT_EQ(evaluation.projects[2].status, ScheduleStatus::done);
    EXPECT_EQ(evaluation.projects[3].status, ScheduleStatus::not_started);
}

TEST_F(ProgressRollup, ByProject) {
    const auto rows = rollup(portfolio, evaluation, RollupBy::project);
    EXPECT_EQ(keys(rows), (std::vector<std::string>{"A", "B", "C", "D"}));
    EXPECT_EQ(rows[1].label, "项目B");
    EXPECT_EQ(rows[1].count(ScheduleStatus::behind), 1);
    EXPECT_DOUBLE_EQ(*rows[1].budget_weighted_percent, 25.0);
    EXPECT_FALSE(rows[2].budget_weighted_percent); // C has no budget
    EXPECT_DOUBLE_EQ(rows[2].mean_percent, 100.0);
    EXPECT_EQ(rows[1].problems_overdue, 1);
    EXPECT_EQ(rows[0].problems_closed, 1);
}

TEST_F(ProgressRollup, ByType) {
    const auto rows = rollup(portfolio, evaluation, RollupBy::type);
    EXPECT_EQ(keys(rows), (std::vector<std::string>{"housing", "road", "water"}));
    const auto& road = row(rows, "road");
    EXPECT_EQ(road.label, "道路");
    // A type's label is the reader's word for it, as the other engine words are.
    xj::set_language(xj::Language::en);
    EXPECT_EQ(row(rollup(portfolio, evaluation, RollupBy::type), "road").label, "road");
    xj::set_language(xj::Language::zh);
    EXPECT_EQ(road.projects, 2);
    EXPECT_EQ(road.count(ScheduleStatus::on_schedule), 1);
    EXPECT_EQ(road.count(ScheduleStatus::done), 1);
    const auto& km = quantity(road, "km");
    EXPECT_DOUBLE_EQ(km.planned, 8.0);
    EXPECT_NEAR(km.planned_to_date, 8.0 * plan, 1e-9);
    EXPECT_DOUBLE_EQ(km.done, 5.0);
    EXPECT_DOUBLE_EQ(road.budget_wan, 300.0);
    EXPECT_DOUBLE_EQ(road.disbursed_wan, 90.0);
    EXPECT_DOUBLE_EQ(*road.budget_weighted_percent, 50.0); // only A has a budget
    EXPECT_DOUBLE_EQ(road.mean_percent, 75.0);
    const auto& housing = row(rows, "housing");
    EXPECT_DOUBLE_EQ(quantity(housing, "户").planned_to_date, 0.0);
    EXPECT_DOUBLE_EQ(*housing.budget_weighted_percent, 0.0);
}

TEST_F(ProgressRollup, ByLeaderAndByResponsibleUnit) {
    const auto leaders = rollup(portfolio, evaluation, RollupBy::leader);
    EXPECT_EQ(keys(leaders), (std::vector<std::string>{"张三", "李四"})); // by UTF-8 bytes
    const auto& li = row(leaders, "李四");
    EXPECT_EQ(li.projects, 2);
    EXPECT_DOUBLE_EQ(li.budget_wan, 150.0);
    EXPECT_NEAR(*li.budget_weighted_percent, (100 * 25.0 + 50 * 0.0) / 150, 1e-9); // 16.667
    EXPECT_DOUBLE_EQ(li.mean_percent, 12.5);
    EXPECT_EQ(li.problems_open, 1);

    const auto units = rollup(portfolio, evaluation, RollupBy::unit);
    EXPECT_EQ(keys(units), (std::vector<std::string>{"交通局", "住建局", "水利局"}));
    EXPECT_EQ(row(units, "交通局").projects, 2);
    EXPECT_EQ(row(units, "住建局").count(ScheduleStatus::not_started), 1);
}

TEST_F(ProgressRollup, ByTownshipAndCounty) {
    const auto townships = rollup(portfolio, evaluation, RollupBy::township);
    EXPECT_EQ(keys(townships), (std::vector<std::string>{chengguan, xiaodian}));
    EXPECT_EQ(townships[0].label, "城关镇");
    EXPECT_EQ(townships[0].projects, 2);
    EXPECT_DOUBLE_EQ(quantity(townships[0], "处").done, 1.0);
    EXPECT_EQ(townships[1].label, "小店镇");
    EXPECT_EQ(townships[1].count(ScheduleStatus::done), 1);

    const auto counties = rollup(portfolio, evaluation, RollupBy::county);
    ASSERT_EQ(counties.size(), 1u);
    EXPECT_EQ(counties[0].key, county);
    EXPECT_EQ(counties[0].label, "汝阳县");
    EXPECT_EQ(counties[0].projects, 4);
    EXPECT_DOUBLE_EQ(counties[0].budget_wan, 450.0);
    // (300 · 50 + 100 · 25 + 50 · 0) / 450 = 38.889; plain mean (50 + 25 + 100 + 0) / 4.
    EXPECT_NEAR(*counties[0].budget_weighted_percent, 17500.0 / 450, 1e-9);
    EXPECT_DOUBLE_EQ(counties[0].mean_percent, 43.75);
    EXPECT_EQ(counties[0].problems_open, 1);
    EXPECT_EQ(counties[0].problems_closed, 1);
}

TEST_F(ProgressRollup, ByVillageSplitsALineByLength) {
    const auto rows = rollup(portfolio, evaluation, RollupBy::village);
    EXPECT_EQ(keys(rows), (std::vector<std::string>{east, west, south}));
    // A: 1000 m in 东村 and 2000 m in 西村 → a third and two thirds of its km and budget.
    const auto& e = row(rows, east);
    EXPECT_EQ(e.label, "东村");
    EXPECT_EQ(e.projects, 1);
    EXPECT_NEAR(quantity(e, "km").planned, 2.0, 1e-9);
    EXPECT_NEAR(quantity(e, "km").done, 1.0, 1e-9);
    EXPECT_NEAR(quantity(e, "km").planned_to_date, 2.0 * plan, 1e-9);
    EXPECT_NEAR(e.budget_wan, 100.0, 1e-9);
    EXPECT_NEAR(e.disbursed_wan, 30.0, 1e-9);
    EXPECT_NEAR(*e.budget_weighted_percent, 50.0, 1e-9);

    const auto& w = row(rows, west);
    EXPECT_EQ(w.projects, 2); // A (split) and B (whole)
    EXPECT_NEAR(quantity(w, "km").planned, 4.0, 1e-9);
    EXPECT_NEAR(quantity(w, "km").done, 2.0, 1e-9);
    EXPECT_DOUBLE_EQ(quantity(w, "处").planned, 4.0);
    EXPECT_NEAR(w.budget_wan, 300.0, 1e-9);
    EXPECT_NEAR(*w.budget_weighted_percent, (200 * 50.0 + 100 * 25.0) / 300, 1e-9);
    EXPECT_DOUBLE_EQ(w.mean_percent, 37.5);

    EXPECT_EQ(row(rows, south).projects, 2);
}

TEST_F(ProgressRollup, VillagesAreNumberedInTheOrderOfTheirCodes) {
    // The roll-up by village adds each link to the row of its village's number.
    const auto linked = portfolio.linked_villages();
    ASSERT_EQ(std::vector<std::string_view>(linked.begin(), linked.end()),
              (std::vector<std::string_view>{east, west, south}));
    // Each project's links name its villages (A: 东村 and 西村; its own village, if any, too).
    for (std::size_t p = 0; p < portfolio.projects().size(); ++p) {
        std::set<std::string_view> named, expected;
        for (const VillageLink& link : portfolio.villages(p)) {
            ASSERT_LT(link.village, linked.size());
            named.insert(linked[link.village]);
        }
        const Project& project = portfolio.projects()[p];
        for (const ProjectVillage& stored : county_data().project_villages) {
            if (stored.project_id == project.id && !stored.village_code.empty()) {
                expected.insert(stored.village_code);
            }
        }
        if (!project.village_code.empty()) {
            expected.insert(project.village_code);
        }
        EXPECT_EQ(named, expected) << project.id;
    }
    // Projects by index (A, B, C, D): A runs through 东村 and 西村, B is in 西村.
    const auto in_west = portfolio.projects_in_village(west);
    EXPECT_EQ(std::vector<std::uint32_t>(in_west.begin(), in_west.end()),
              (std::vector<std::uint32_t>{0, 1}));
    EXPECT_TRUE(portfolio.projects_in_village("410326100299").empty());
    // A village no project of the filter reaches gets no row.
    ProjectFilter water;
    water.type = ProjectType::water;
    const auto rows = rollup(portfolio, evaluation, RollupBy::village, water);
    EXPECT_EQ(keys(rows), std::vector<std::string>{west});
    EXPECT_EQ(rows[0].label, "西村");
    EXPECT_EQ(rows[0].projects, 1);
}

TEST_F(ProgressRollup, AVillageWithoutALengthCountsTheWholeProjectEverywhere) {
    auto data = county_data();
    data.project_villages[1].length_m.reset(); // 西村 matched by polygon code only
    const Portfolio p{data};
    const auto rows = rollup(p, p.evaluate(d("2020-07-01")), RollupBy::village);
    EXPECT_DOUBLE_EQ(quantity(row(rows, east), "km").planned, 6.0);
    EXPECT_DOUBLE_EQ(quantity(row(rows, west), "km").planned, 6.0);
    EXPECT_DOUBLE_EQ(row(rows, east).budget_wan, 300.0);
    ASSERT_EQ(p.villages(0).size(), 2u);
    EXPECT_DOUBLE_EQ(p.villages(0)[1].share, 1.0);
}

TEST_F(ProgressRollup, FiltersBeforeTheRollup) {
    ProjectFilter zhang;
    zhang.leader = "张三";
    EXPECT_EQ(filter_projects(evaluation, zhang).size(), 2u);
    zhang.status = ScheduleStatus::done;
    const auto done = filter_projects(evaluation, zhang);
    ASSERT_EQ(done.size(), 1u);
    EXPECT_EQ(done[0]->project->id, "C");
    const auto rows = rollup(portfolio, evaluation, RollupBy::township, zhang);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].key, xiaodian);

    ProjectFilter roads;
    roads.type = ProjectType::road;
    EXPECT_EQ(rollup(portfolio, evaluation, RollupBy::project, roads).size(), 2u);
    roads.leader = "李四";
    EXPECT_TRUE(rollup(portfolio, evaluation, RollupBy::county, roads).empty());
}

TEST(ProgressRollupEmpty, NoProjectsGiveNoRows) {
    PortfolioData data;
    data.admin_units = {unit(east, "东村", AdminLevel::village, chengguan)};
    const Portfolio empty{data};
    const auto evaluation = empty.evaluate(d("2020-07-01"));
    EXPECT_TRUE(evaluation.projects.empty());
    for (const auto& kind : terms(RollupBy{})) {
        EXPECT_TRUE(rollup(empty, evaluation, kind.value).empty()) << kind.code;
    }
    const auto curve = empty.s_curve("", d("2020-01-01"), d("2020-01-10"), 5);
    ASSERT_EQ(curve.size(), 3u);
    EXPECT_DOUBLE_EQ(curve[2].actual_percent, 0.0);
    EXPECT_FALSE(curve[2].planned_percent);
}
