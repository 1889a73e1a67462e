#include "xiangjian/store/parallel_load.h"

#include "xiangjian/core/error.h"
#include "xiangjian/core/parallel.h"
#include "xiangjian/store/open_project.h"
#include "xiangjian/store/portfolio_loader.h"

namespace xj::store {

core::PortfolioData load_portfolio_in_parallel(const ProjectStore& store) {
    core::PortfolioData data;
    // The reports are a province's largest table (a million rows: 0.3 s, read on two cores
    // where the store can); the other tables take half as long again, one after the other on
    // one core. Side by side, each fills the other's gaps.
    bool read_elsewhere = false;
    core::run_in_parallel(
        [&] {
            std::unique_ptr<ProjectStore> second;
            try {
                second = open_project(store.location(), Access::read_only);
            } catch (const Error&) {
                return; // not to be opened again: `store` reads the rest below
            }
            read_all_but_reports(*second, data);
            read_elsewhere = true;
        },
        [&] { data.reports = store.progress_reports(); });
    if (!read_elsewhere) {
        read_all_but_reports(store, data);
    }
    return data;
}

} // namespace xj::store
