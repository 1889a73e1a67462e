// How long the engine's read of a project takes, table by table, and what building and asking
// the engine adds: the parts of a whole-process `xiangjian status`.
//   build/bin/xj_bench_store_read PROJECT.gpkg   (e.g. one made by xj_make_engine_store)

#include "xiangjian/core/portfolio.h"
#include "xiangjian/core/rollup.h"
#include "xiangjian/store/open_project.h"
#include "xiangjian/store/parallel_load.h"
#include "xiangjian/store/portfolio_loader.h"

#include <chrono>
#include <cstdio>
#include <exception>
#include <sys/resource.h>

namespace {

using Clock = std::chrono::steady_clock;

template <typename Read> auto timed(const char* what, Read&& read) {
    const auto start = Clock::now();
    auto result = read();
    std::printf("  %-22s %8.3f s\n", what,
                std::chrono::duration<double>(Clock::now() - start).count());
    return result;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: xj_bench_store_read PROJECT.gpkg\n");
        return 2;
    }
    try {
        const auto store = timed(
            "open", [&] { return xj::store::open_project(argv[1], xj::store::Access::read_only); });
        std::printf("table by table:\n");
        const auto reports = timed("progress_reports", [&] { return store->progress_reports(); });
        const auto milestones = timed("milestones", [&] { return store->milestones(); });
        const auto problems = timed("problems", [&] { return store->problems(); });
        const auto visits = timed("site_visits", [&] { return store->site_visits(); });
        const auto links = timed("project_villages", [&] { return store->project_villages(); });
        const auto projects = timed("projects", [&] { return store->projects(); });
        const auto units = timed("unit_list", [&] { return store->unit_list(); });
        const auto payments = timed("disbursements", [&] { return store->disbursements(); });
        std::printf("%zu reports, %zu milestones, %zu problems, %zu visits, %zu links, %zu "
                    "projects, %zu units, %zu payments\n",
                    reports.size(), milestones.size(), problems.size(), visits.size(), links.size(),
                    projects.size(), units.size(), payments.size());
        std::printf("the engine's whole read and what it does with it:\n");
        timed("load_portfolio", [&] { return xj::store::load_portfolio(*store); });
        // What status and project-day call: the reports beside the rest, on two connections.
        auto data = timed("load_portfolio_in_parallel",
                          [&] { return xj::store::load_portfolio_in_parallel(*store); });
        const auto portfolio =
            timed("build the Portfolio", [&] { return xj::core::Portfolio(std::move(data)); });
        const auto as_of = xj::core::Date::parse_iso(store->setting("as_of"))
                               .value_or(xj::core::Date(2020, 6, 30));
        const auto evaluation = timed("evaluate", [&] { return portfolio.evaluate(as_of); });
        const auto rows = timed("roll up by township", [&] {
            return xj::core::rollup(portfolio, evaluation, xj::core::RollupBy::township);
        });
        // The map's village colours come from this one: a row per village served.
        const auto village_rows = timed("roll up by village", [&] {
            return xj::core::rollup(portfolio, evaluation, xj::core::RollupBy::village);
        });
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        std::printf("%zu township rows, %zu village rows; peak resident memory %.0f MiB\n",
                    rows.size(), village_rows.size(), static_cast<double>(usage.ru_maxrss) / 1024);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "xj_bench_store_read: %s\n", error.what());
        return 1;
    }
    return 0;
}
