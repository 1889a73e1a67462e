#include "xiangjian/core/problem_ledger.h"

#include "xiangjian/core/portfolio.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace xj::core {

namespace {

struct Tally {
    LedgerRow row;
    std::vector<int> days_to_close;
};

void count(Tally& tally, const Problem& problem, Date as_of) {
    auto& row = tally.row;
    if (problem.open_on(as_of)) {
        ++row.open;
        row.overdue += problem.deadline && *problem.deadline < as_of;
        const int age = days_between(problem.raised_date, as_of);
        row.oldest_open_days = std::max(row.oldest_open_days.value_or(age), age);
    } else {
        ++row.closed;
        tally.days_to_close.push_back(days_between(problem.raised_date, *problem.closed_date));
    }
}

LedgerRow finish(Tally& tally) {
    auto& days = tally.days_to_close;
    if (!days.empty()) {
        const double sum = std::accumulate(days.begin(), days.end(), 0.0);
        tally.row.mean_days_to_close = sum / static_cast<double>(days.size());
        const auto middle = days.begin() + static_cast<std::ptrdiff_t>(days.size() / 2);
        std::nth_element(days.begin(), middle, days.end());
        double median = *middle;
        if (days.size() % 2 == 0) {
            median = (median + *std::max_element(days.begin(), middle)) / 2.0;
        }
        tally.row.median_days_to_close = median;
    }
    return std::move(tally.row);
}

std::vector<LedgerRow> finish(std::map<std::string, Tally>& tallies) {
    std::vector<LedgerRow> rows;
    rows.reserve(tallies.size());
    for (auto& [key, tally] : tallies) {
        tally.row.key = key;
        rows.push_back(finish(tally));
    }
    return rows;
}

} // namespace

ProblemLedger problem_ledger(const Portfolio& portfolio, Date as_of) {
    std::map<std::string, Tally> owners;
    std::map<std::string, Tally> leaders;
    Tally total;
    const auto projects = portfolio.projects();
    for (std::size_t p = 0; p < projects.size(); ++p) {
        Tally* leader = nullptr;
        for (const auto& problem : portfolio.problems(p)) {
            if (problem.raised_date > as_of) {
                break; // by raised date: the rest did not exist yet
            }
            if (!leader) {
                leader = &leaders[projects[p].leader];
            }
            count(owners[problem.owner], problem, as_of);
            count(*leader, problem, as_of);
            count(total, problem, as_of);
        }
    }
    ProblemLedger ledger;
    ledger.as_of = as_of;
    ledger.by_owner = finish(owners);
    ledger.by_leader = finish(leaders);
    ledger.total = finish(total);
    return ledger;
}

} // namespace xj::core
