// Two jobs on two cores: both run to the end, and an error of either reaches the caller.

#include "xiangjian/core/error.h"
#include "xiangjian/core/parallel.h"
#include "xiangjian/core/text.h"

#include <atomic>
#include <gtest/gtest.h>
#include <thread>

using namespace xj;

TEST(RunInParallel, BothJobsRunOnTwoThreads) {
    std::thread::id first, second;
    core::run_in_parallel([&] { first = std::this_thread::get_id(); },
                          [&] { second = std::this_thread::get_id(); });
    EXPECT_NE(first, second);
    EXPECT_EQ(second, std::this_thread::get_id()) << "the second runs on the caller's thread";
}

TEST(RunInParallel, AnErrorOfEitherJobReachesTheCallerAfterBothFinished) {
    std::atomic<bool> other_finished{false};
    try {
        core::run_in_parallel([] { throw Error("the first failed"); },
                              [&] { other_finished = true; });
        FAIL() << "no error";
    } catch (const Error& error) {
        EXPECT_STREQ(error.what(), "the first failed");
    }
    EXPECT_TRUE(other_finished);
    try {
        core::run_in_parallel([&] { other_finished = false; },
                              [] { throw StoreError("the second failed", "t", "k"); });
        FAIL() << "no error";
    } catch (const StoreError& error) {
        EXPECT_EQ(error.table(), "t");
    }
    EXPECT_FALSE(other_finished) << "the first ran to its end before the error came out";
}

TEST(Fixed, RoundsToTheDecimalsAsked) {
    EXPECT_EQ(core::fixed(2.456, 1), "2.5");
    EXPECT_EQ(core::fixed(1234.5), "1234") << "round half to even, as printf does";
    EXPECT_EQ(core::fixed(-0.04, 1), "-0.0");
    EXPECT_EQ(core::fixed(70312.3244, 3), "70312.324");
}
