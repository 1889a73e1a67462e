#include "xiangjian/store/parallel_load.h"

#include "xiangjian/core/error.h"
#include "xiangjian/core/parallel.h"
#include "xiangjian/store/open_project.h"
#include "xiangjian/store/portfolio_loader.h"

#include <atomic>

namespace xj::store {

core::PortfolioData load_portfolio_in_parallel(const ProjectStore& store) {
    core::PortfolioData data;
    // The tables, largest first as a province holds them: each core takes the next table not
    // yet taken, so that the two finish together whatever the sizes. A million reports keep
    // one core busy while the other reads every other table (as when the reports went to one
    // core and the rest to the other); a province's 210,000 reports leave that core free for
    // the village links and the units (0.45 -> 0.3 s on two cores). Each table fills a member
    // of its own.
    const std::span<const TableRead> tables = portfolio_tables();
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    const auto work = [&](const ProjectStore& from) {
        try {
            for (std::size_t table = next++; table < tables.size() && !failed; table = next++) {
                tables[table](from, data);
            }
        } catch (...) {
            failed = true; // the other core takes no further table
            throw;
        }
    };
    core::run_in_parallel(
        [&] {
            std::unique_ptr<ProjectStore> second;
            try {
                second = open_project(store.location(), Access::read_only);
            } catch (const Error&) {
                return; // not to be opened again: `store` reads it all
            }
            work(*second);
        },
        [&] { work(store); });
    return data;
}

} // namespace xj::store
