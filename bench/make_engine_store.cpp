// Writes the engine benchmark's province-sized portfolio (bench/synthetic_portfolio.h: 10,000
// projects, 1,000,000 reports) into a new project file, through the store, for the whole-process
// timings of `xiangjian status` (bench/status_bench.sh).
//   build/bin/xj_make_engine_store OUT.gpkg

#include "synthetic_portfolio.h"
#include "xiangjian/store/open_project.h"

#include <chrono>
#include <cstdio>
#include <exception>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: xj_make_engine_store OUT.gpkg\n");
        return 2;
    }
    try {
        const auto start = std::chrono::steady_clock::now();
        const xj::core::PortfolioData data = xj::bench::synthetic_portfolio();
        const auto project = xj::store::create_project(argv[1]);
        xj::store::Transaction transaction(*project);
        for (const auto& unit : data.admin_units) {
            project->add_unit(unit, {});
        }
        for (const auto& p : data.projects) {
            project->add_project(p);
        }
        project->add_project_villages(data.project_villages);
        for (const auto& milestone : data.milestones) {
            project->upsert_milestone(milestone);
        }
        for (const auto& report : data.reports) {
            project->add_progress_report(report);
        }
        for (auto problem : data.problems) {
            if (problem.description.empty()) { // the engine needs none; the schema does
                problem.description = "问题 " + problem.id;
            }
            project->upsert_problem(problem);
        }
        for (const auto& visit : data.site_visits) {
            project->add_site_visit(visit);
        }
        for (const auto& payment : data.disbursements) {
            project->add_disbursement(payment);
        }
        project->set_setting("as_of", "2020-06-30");
        transaction.commit();
        std::printf(
            "%s: %zu projects, %zu reports, %zu problems in %.1f s\n", argv[1],
            data.projects.size(), data.reports.size(), data.problems.size(),
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    } catch (const std::exception& error) {
        std::fprintf(stderr, "xj_make_engine_store: %s\n", error.what());
        return 1;
    }
    return 0;
}
