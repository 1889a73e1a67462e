// How fast the progress engine answers on a province-sized portfolio: 10,000 projects,
// 1,000,000 progress reports, 50,000 problems, 400 villages in 20 townships, 30 leaders.
// Prints the time to build the Portfolio, to evaluate every project and compute every roll-up,
// the problem ledger and the village exit checklist as of one day, the same for a second day
// (no reloading), and the peak resident memory.
//   build/bin/xj_bench_engine

#include "synthetic_portfolio.h"
#include "xiangjian/core/portfolio.h"
#include "xiangjian/core/problem_ledger.h"
#include "xiangjian/core/project_day.h"
#include "xiangjian/core/rollup.h"
#include "xiangjian/core/village_exit.h"

#include <algorithm>
#include <benchmark/benchmark.h>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <sys/resource.h>

namespace {

using namespace xj::core;

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Everything a dashboard shows for one day.
double evaluate_everything(const Portfolio& portfolio, Date day, const Baseline* baseline) {
    const auto start = Clock::now();
    const auto evaluation = portfolio.evaluate(day, baseline);
    std::size_t rows = 0;
    for (const auto& kind : terms(RollupBy{})) {
        rows += rollup(portfolio, evaluation, kind.value).size();
    }
    const auto ledger = problem_ledger(portfolio, day);
    const auto villages = village_exit(portfolio, evaluation);
    const auto attention = attention_order(std::span{evaluation.projects});
    const auto due = milestones_due(portfolio, day);
    const double elapsed = seconds_since(start);
    benchmark::DoNotOptimize(rows);
    benchmark::DoNotOptimize(villages.data());
    benchmark::DoNotOptimize(attention.data());

    int by_status[schedule_status_count] = {};
    for (const auto& s : evaluation.projects) {
        ++by_status[static_cast<int>(s.status)];
    }
    std::printf("  as of %s%s: %.3f s  (%zu roll-up rows, %zu owners, %zu villages, %zu due)\n",
                day.iso().c_str(), baseline ? " against the baseline" : "", elapsed, rows,
                ledger.by_owner.size(), villages.size(), due.size());
    std::printf("    ");
    for (const auto& t : terms(ScheduleStatus{})) {
        std::printf("%s %d  ", std::string{t.code}.c_str(), by_status[static_cast<int>(t.value)]);
    }
    std::printf("\n");
    return elapsed;
}

} // namespace

int main() {
    auto start = Clock::now();
    auto data = xj::bench::synthetic_portfolio();
    std::printf("synthetic data: %zu projects, %zu milestones, %zu reports, %zu problems, %zu "
                "payments in %.2f s\n",
                data.projects.size(), data.milestones.size(), data.reports.size(),
                data.problems.size(), data.disbursements.size(), seconds_since(start));

    start = Clock::now();
    const Portfolio first{std::move(data)};
    std::printf("build the Portfolio: %.3f s\n", seconds_since(start));

    // A baseline frozen once and stored with the data, as a county would keep it.
    start = Clock::now();
    auto baseline = first.freeze_baseline("2019 plan", Date{2019, 12, 31});
    std::printf("freeze a baseline: %.3f s\n", seconds_since(start));

    std::printf("evaluation + 7 roll-ups + problem ledger + village exit + attention + due:\n");
    evaluate_everything(first, Date{2020, 6, 30}, nullptr);
    evaluate_everything(first, Date{2019, 12, 31}, nullptr);
    evaluate_everything(first, Date{2020, 6, 30}, &baseline);

    start = Clock::now();
    const auto curve = first.s_curve("", Date{2019, 1, 1}, Date{2021, 6, 30}, 7);
    std::printf("portfolio S-curve, %zu weekly points: %.3f s\n", curve.size(),
                seconds_since(start));

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak resident memory: %.0f MiB\n", static_cast<double>(usage.ru_maxrss) / 1024);
    return 0;
}
