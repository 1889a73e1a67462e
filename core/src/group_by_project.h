#pragma once

// Sorting child records by project in place. Records are large (a report carries four strings)
// and there may be a million of them, so the sort moves 4-byte indexes and each record moves
// once, following the permutation's cycles, instead of sorting or copying the records.

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

namespace xj::core::detail {

/// Puts records[order[k]] at position k, for every k. `order` is consumed.
template <typename T> void apply_order(std::vector<T>& records, std::vector<std::uint32_t>& order) {
    for (std::uint32_t start = 0; start < order.size(); ++start) {
        if (order[start] == start) {
            continue;
        }
        T held = std::move(records[start]);
        std::uint32_t at = start;
        while (true) {
            const std::uint32_t from = order[at];
            order[at] = at;
            if (from == start) {
                records[at] = std::move(held);
                break;
            }
            records[at] = std::move(records[from]);
            at = from;
        }
    }
}

/// Sorts `records` by owner (owner[i] is record i's project index), then by `less`, keeping
/// the input order of equals; returns begin offsets, project p owning [begin[p], begin[p + 1]).
template <typename T, typename Less>
std::vector<std::uint32_t> group_by_project(std::vector<T>& records,
                                            std::vector<std::uint32_t> owner,
                                            std::size_t project_count, Less less) {
    std::vector<std::uint32_t> order(records.size());
    std::iota(order.begin(), order.end(), 0u);
    const auto before = [&](std::uint32_t a, std::uint32_t b) {
        if (owner[a] != owner[b]) {
            return owner[a] < owner[b];
        }
        return less(records[a], records[b]);
    };
    // A store gives its records in this order already (by project, then date): checking costs
    // one pass, sorting a million of them again a third of a second.
    const bool sorted = std::is_sorted(order.begin(), order.end(), before);
    if (!sorted) {
        std::stable_sort(order.begin(), order.end(), before);
    }
    std::vector<std::uint32_t> begin(project_count + 1, 0);
    for (const auto project : owner) {
        ++begin[project + 1];
    }
    std::partial_sum(begin.begin(), begin.end(), begin.begin());
    if (!sorted) {
        apply_order(records, order);
    }
    return begin;
}

} // namespace xj::core::detail
