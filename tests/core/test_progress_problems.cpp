// The problem ledger as of 2020-06-01, per owner and per leader, and closing problems.

#include "progress_fixture.h"
#include "xiangjian/core/entry_checks.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/problem_ledger.h"

#include <gtest/gtest.h>

using namespace xj::core;
using namespace xj::core::testing;

namespace {

const LedgerRow& row(const std::vector<LedgerRow>& rows, std::string_view key) {
    for (const auto& r : rows) {
        if (r.key == key) {
            return r;
        }
    }
    throw std::out_of_range(std::string{key});
}

// P1 is 张三's, P2 李四's. Days to close: Q1 10, Q2 30 (over the leap day), Q3 4.
PortfolioData ledger_data() {
    PortfolioData data;
    auto p2 = quantity_project("P2", 5);
    p2.leader = "李四";
    data.projects = {quantity_project("P1", 10), p2};
    data.problems = {
        problem("Q1", "P1", "2020-01-10", "交通局", {}, "2020-01-20"),
        problem("Q2", "P1", "2020-02-01", "交通局", "2020-02-15", "2020-03-02"),
        problem("Q3", "P2", "2020-03-01", "自然资源局", {}, "2020-03-05"),
        problem("Q4", "P2", "2020-04-01", "交通局", "2020-05-01"),     // open, overdue
        problem("Q5", "P1", "2020-05-20", "交通局", "2020-06-30"),     // open
        problem("Q6", "P2", "2020-05-01", "交通局", {}, "2020-07-01"), // closed later
        problem("Q7", "P1", "2020-06-15", "自然资源局", "2020-06-20"), // raised later
    };
    return data;
}

} // namespace

TEST(ProgressProblems, LedgerPerOwnerAndPerLeader) {
    const Portfolio portfolio{ledger_data()};
    const auto ledger = problem_ledger(portfolio, d("2020-06-01"));

    ASSERT_EQ(ledger.by_owner.size(), 2u);
    const auto& transport = row(ledger.by_owner, "交通局");
    EXPECT_EQ(transport.open, 3); // Q4, Q5, Q6
    EXPECT_EQ(transport.overdue, 1);
    EXPECT_EQ(transport.closed, 2);
    EXPECT_DOUBLE_EQ(*transport.mean_days_to_close, 20.0);
    EXPECT_DOUBLE_EQ(*transport.median_days_to_close, 20.0); // (10 + 30) / 2
    EXPECT_EQ(transport.oldest_open_days, 61);               // Q4, 04-01 → 06-01
    const auto& land = row(ledger.by_owner, "自然资源局");
    EXPECT_EQ(land.open, 0);
    EXPECT_EQ(land.closed, 1);
    EXPECT_DOUBLE_EQ(*land.median_days_to_close, 4.0);
    EXPECT_FALSE(land.oldest_open_days);

    const auto& zhang = row(ledger.by_leader, "张三");
    EXPECT_EQ(zhang.open, 1);
    EXPECT_EQ(zhang.closed, 2);
    EXPECT_EQ(zhang.oldest_open_days, 12);
    const auto& li = row(ledger.by_leader, "李四");
    EXPECT_EQ(li.open, 2);
    EXPECT_EQ(li.overdue, 1);
    EXPECT_EQ(li.closed, 1);

    EXPECT_EQ(ledger.total.open, 3);
    EXPECT_EQ(ledger.total.closed, 3);
    EXPECT_NEAR(*ledger.total.mean_days_to_close, 44.0 / 3, 1e-9);
    EXPECT_DOUBLE_EQ(*ledger.total.median_days_to_close, 10.0); // of 4, 10, 30
}

TEST(ProgressProblems, LaterDayCountsLaterRecords) {
    const Portfolio portfolio{ledger_data()};
    const auto ledger = problem_ledger(portfolio, d("2020-07-01"));
    const auto& transport = row(ledger.by_owner, "交通局");
    EXPECT_EQ(transport.open, 2);    // Q4, Q5
    EXPECT_EQ(transport.overdue, 2); // Q5's deadline passed too
    EXPECT_EQ(transport.closed, 3);  // Q6 closed on the day, after 61 days
    EXPECT_DOUBLE_EQ(*transport.median_days_to_close, 30.0);
    EXPECT_NEAR(*transport.mean_days_to_close, 101.0 / 3, 1e-9);
    EXPECT_EQ(row(ledger.by_owner, "自然资源局").open, 1); // Q7 now exists
    EXPECT_EQ(ledger.total.open + ledger.total.closed, 7);

    const auto early = problem_ledger(portfolio, d("2020-01-01"));
    EXPECT_TRUE(early.by_owner.empty());
    EXPECT_TRUE(early.by_leader.empty());
    EXPECT_EQ(early.total.open, 0);
    EXPECT_FALSE(early.total.median_days_to_close);
}

TEST(ProgressProblems, ClosingChecks) {
    const Portfolio portfolio{ledger_data()};
    EXPECT_NO_THROW(check_close_problem(portfolio, "Q4", d("2020-06-01")));
    EXPECT_NO_THROW(check_close_problem(portfolio, "Q4", d("2020-04-01"))); // same day
    EXPECT_THROW(check_close_problem(portfolio, "Q4", d("2020-03-31")), xj::Error);
    EXPECT_THROW(check_close_problem(portfolio, "Q1", d("2020-06-01")), xj::Error); // closed
    xj::set_language(xj::Language::en);
    try {
        check_close_problem(portfolio, "Q99", d("2020-06-01"));
        FAIL();
    } catch (const xj::Error& e) {
        EXPECT_STREQ(e.what(), "closing problem 'Q99' on 2020-06-01: no such problem");
    }
    xj::set_language(xj::Language::zh); // as the other tests of this program expect
}
