// The province-sized portfolio of the engine and status benchmarks.

#include "synthetic_portfolio.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

namespace xj::bench {

using namespace xj::core;

namespace {

/// Deterministic: the same data on every machine and every run.
class Random {
public:
    explicit Random(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    int between(int low, int high) { // inclusive
        return low + static_cast<int>(next() % static_cast<std::uint64_t>(high - low + 1));
    }
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
    std::uint64_t m_state;
};

constexpr int project_count = 10'000;
constexpr int reports_per_project = 100;
constexpr int problems_per_project = 5;
constexpr int township_count = 20;
constexpr int villages_per_township = 20;
constexpr int leader_count = 30;

std::string township_code(int t) {
    return "410326" + std::to_string(100 + t) + "000";
}
std::string village_code(int t, int v) {
    return "410326" + std::to_string(100 + t) + std::to_string(200 + v);
}

struct TypeSpec {
    ProjectType type;
    const char* unit;
    double low;
    double high;
    bool line;
};
constexpr TypeSpec type_specs[] = {
    {ProjectType::road, "km", 1, 30, true},          {ProjectType::water, "处", 1, 20, false},
    {ProjectType::dike, "km", 0.5, 10, true},        {ProjectType::housing, "户", 10, 300, false},
    {ProjectType::reservoir, "万m³", 5, 200, false}, {ProjectType::pv, "MW", 0.1, 5, false},
    {ProjectType::other, "项", 1, 5, false},
};

} // namespace

PortfolioData synthetic_portfolio() {
    Random random{410326};
    PortfolioData data;
    const Date origin{2019, 1, 1};
    const char* owners[] = {"交通局", "水利局",   "住建局",   "发改委", "自然资源局", "生态环境局",
                            "财政局", "电力公司", "乡镇政府", "林业局", "农业农村局", "扶贫办"};

    data.admin_units.push_back({"410326000000", "汝阳县", AdminLevel::county, "", {}, {}, {}, {}});
    for (int t = 0; t < township_count; ++t) {
        data.admin_units.push_back({township_code(t),
                                    "乡镇" + std::to_string(t),
                                    AdminLevel::township,
                                    "410326000000",
                                    {},
                                    {},
                                    {},
                                    {}});
        for (int v = 0; v < villages_per_township; ++v) {
            data.admin_units.push_back({village_code(t, v),
                                        "村" + std::to_string(t * 100 + v),
                                        AdminLevel::village,
                                        township_code(t),
                                        {},
                                        {},
                                        {},
                                        true});
        }
    }
    for (const auto& rule : default_exit_indicators()) {
        for (int t = 0; t < township_count; ++t) {
            for (int v = 0; v < villages_per_township; ++v) {
                const Date first = origin.plus_days(random.between(0, 200));
                data.village_indicators.push_back(
                    {village_code(t, v), std::string{rule.code}, first, false, ""});
                if (random.uniform() < 0.5) {
                    data.village_indicators.push_back({village_code(t, v), std::string{rule.code},
                                                       first.plus_days(random.between(100, 600)),
                                                       true, ""});
                }
            }
        }
    }

    data.projects.reserve(project_count);
    data.reports.reserve(static_cast<std::size_t>(project_count) * reports_per_project);
    data.problems.reserve(static_cast<std::size_t>(project_count) * problems_per_project);
    for (int p = 0; p < project_count; ++p) {
        const auto& spec = type_specs[random.between(0, 6)];
        Project project;
        char id[16];
        std::snprintf(id, sizeof id, "XJ%05d", p);
        project.id = id;
        project.name = "项目" + project.id;
        project.type = spec.type;
        project.measure = random.uniform() < 0.25 ? Measure::milestones : Measure::quantity;
        project.unit = spec.unit;
        project.planned_quantity =
            std::round((spec.low + (spec.high - spec.low) * random.uniform()) * 100) / 100;
        const int t = random.between(0, township_count - 1);
        const int v = random.between(0, villages_per_township - 1);
        project.township_code = township_code(t);
        project.village_code = village_code(t, v);
        project.leader = "领导" + std::to_string(random.between(1, leader_count));
        project.responsible_unit = owners[random.between(0, 11)];
        if (random.uniform() < 0.9) {
            project.budget_wan = std::round(50 + 5000 * random.uniform());
        }
        const Date start = origin.plus_days(random.between(0, 540));
        const int duration = random.between(180, 720);
        project.planned_start = start;
        project.planned_finish = start.plus_days(duration);
        project.stage = Stage::continuing;

        // Progress: a pace against the linear plan, and for some a day it stops.
        const double pace = 0.5 + 0.7 * random.uniform();
        const int stops = random.uniform() < 0.15 ? random.between(30, 500) : 1 << 30;
        const int interval = 7;
        std::vector<std::pair<Date, double>> series;
        double percent = 0;
        for (int r = 0; r < reports_per_project; ++r) {
            const int day = r * interval + random.between(0, 3);
            if (day < stops) {
                percent = std::min(100.0, std::max(percent, 100.0 * pace * day / duration));
            }
            series.emplace_back(start.plus_days(day), percent);
            ProgressReport report;
            report.project_id = project.id;
            report.report_date = start.plus_days(day);
            if (project.measure == Measure::quantity) {
                report.cumulative_quantity = percent * *project.planned_quantity / 100;
            } else {
                report.percent = percent;
            }
            data.reports.push_back(std::move(report));
        }

        const int milestone_count = random.between(3, 8);
        double weight_total = 0;
        std::vector<double> weights;
        for (int m = 0; m < milestone_count; ++m) {
            weights.push_back(random.between(1, 3));
            weight_total += weights.back();
        }
        double cumulative = 0;
        for (int m = 0; m < milestone_count; ++m) {
            cumulative += weights[static_cast<std::size_t>(m)];
            const double share = 100 * cumulative / weight_total;
            Milestone milestone;
            milestone.project_id = project.id;
            milestone.seq = m + 1;
            milestone.name = "节点" + std::to_string(m + 1);
            milestone.planned_date = start.plus_days(duration * (m + 1) / milestone_count);
            milestone.weight = weights[static_cast<std::size_t>(m)];
            if (project.measure == Measure::quantity) {
                milestone.target_quantity = share * *project.planned_quantity / 100;
            }
            const auto reached = std::find_if(series.begin(), series.end(), [&](const auto& s) {
                return s.second >= share - 1e-9;
            });
            if (reached != series.end()) {
                milestone.actual_date = reached->first;
            }
            data.milestones.push_back(std::move(milestone));
        }

        for (int q = 0; q < problems_per_project; ++q) {
            Problem problem;
            problem.id = project.id + "-Q" + std::to_string(q + 1);
            problem.project_id = project.id;
            problem.raised_date = start.plus_days(random.between(0, duration));
            problem.owner = owners[random.between(0, 11)];
            problem.deadline = problem.raised_date.plus_days(30);
            if (random.uniform() < 0.7) {
                problem.closed_date = problem.raised_date.plus_days(random.between(5, 90));
            }
            data.problems.push_back(std::move(problem));
        }

        if (spec.line) {
            const int crossed = random.between(1, 3);
            for (int c = 0; c < crossed; ++c) {
                const int vv = (v + c) % villages_per_township;
                data.project_villages.push_back(
                    {project.id, village_code(t, vv), "line", 100.0 + 3000 * random.uniform(), {}});
            }
        }
        if (project.budget_wan) {
            for (int k = 0; k < 10; ++k) {
                data.disbursements.push_back(
                    {project.id, start.plus_days(duration * k / 10), *project.budget_wan / 12, ""});
            }
        }
        data.site_visits.push_back({project.id, start.plus_days(duration / 3), project.leader, ""});
        data.projects.push_back(std::move(project));
    }
    // A database holds reports in the order they were entered: by date, projects interleaved.
    std::stable_sort(data.reports.begin(), data.reports.end(),
                     [](const ProgressReport& a, const ProgressReport& b) {
                         return a.report_date < b.report_date;
                     });
    return data;
}

} // namespace xj::bench
