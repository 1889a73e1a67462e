#include "snapshot.h"

#include "xiangjian/core/parallel.h"

#include <algorithm>
#include <functional>
#include <string_view>

namespace xj::viewer {

namespace {

/// A colour most of the way to the map's paper: what the filter leaves out still shows where it
/// is, without drawing the eye.
render::Colour faded(const render::Colour& colour) {
    const auto mix = [](std::uint8_t value, int paper) {
        return static_cast<std::uint8_t>((value + 3 * paper) / 4);
    };
    return {mix(colour.r, 252), mix(colour.g, 251), mix(colour.b, 248), colour.a};
}

std::uint64_t mixed(std::uint64_t seed, std::uint64_t value) {
    // splitmix64's finaliser: order-independent sums of these stay well spread.
    value += seed + 0x9e3779b97f4a7c15ULL;
    value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
    value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
    return value ^ (value >> 31);
}

std::uint64_t colour_bits(const render::Colour& colour) {
    return (std::uint64_t{colour.r} << 24) | (std::uint64_t{colour.g} << 16) |
           (std::uint64_t{colour.b} << 8) | colour.a;
}

void apply_filter(const core::Portfolio& portfolio, Snapshot& snapshot) {
    const MapFilter& filter = snapshot.filter;
    render::ThemeData& data = snapshot.theme_data;
    for (std::size_t i = 0; i < data.projects.size(); ++i) {
        if (snapshot.passes[i]) {
            continue;
        }
        render::ProjectSymbol& symbol = data.projects[i];
        symbol.colour = faded(symbol.colour);
        symbol.key_project = false; // no label
        symbol.category = -1;       // not counted in the legend
    }
    if (filter.township_code.empty()) {
        return;
    }
    // Villages outside the township fade: their own colour, or the default one.
    for (const core::AdminUnit& unit : portfolio.admin_units()) {
        if (unit.level != core::AdminLevel::village || unit.parent_code == filter.township_code) {
            continue;
        }
        const auto found = data.village_fill.find(unit.code);
        data.village_fill[unit.code] =
            faded(found != data.village_fill.end() ? found->second : data.default_village_fill);
    }
}

void digest(Snapshot& snapshot) {
    const std::hash<std::string_view> hash;
    const render::ThemeData& data = snapshot.theme_data;
    std::uint64_t villages = mixed(0, colour_bits(data.default_village_fill));
    for (const auto& [code, fill] : data.village_fill) {
        villages += mixed(hash(code), colour_bits(fill));
    }
    std::uint64_t sites = static_cast<std::uint64_t>(data.theme);
    std::uint64_t labels = 0;
    // Projects by their index in the session's Portfolio, the same in every snapshot of it.
    for (const render::ProjectSymbol& symbol : data.projects) {
        sites +=
            mixed(symbol.project, colour_bits(symbol.colour) ^ (std::uint64_t(symbol.shape) << 32) ^
                                      (std::uint64_t(symbol.key_project) << 40));
        labels += mixed(symbol.project, symbol.key_project ? 1 : 2);
    }
    snapshot.village_digest = villages;
    snapshot.site_digest = sites;
    snapshot.label_digest = labels;
}

} // namespace

int Snapshot::passing() const {
    return static_cast<int>(std::count(passes.begin(), passes.end(), char{1}));
}

std::shared_ptr<const Snapshot> make_snapshot(const core::Portfolio& portfolio, core::Date as_of,
                                              render::Theme theme, const MapFilter& filter,
                                              core::RollupBy shown_by) {
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->portfolio = &portfolio;
    snapshot->as_of = as_of;
    snapshot->theme = theme;
    snapshot->filter = filter;
    snapshot->evaluation = portfolio.evaluate(as_of);
    const auto& statuses = snapshot->evaluation.projects;
    snapshot->passes.resize(statuses.size());
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        snapshot->passes[i] = filter.matches(*statuses[i].project, statuses[i]) ? 1 : 0;
    }
    // Two cores, two halves of about the same length. One: the villages' roll-up, which feeds
    // both the map's village colours and the village table (made once). Two: the projects'
    // symbols and the roll-up the panel shows. Not the three others it could show: a
    // province's by type, leader and unit took 24 ms of each day's 120, for nobody to see.
    std::map<core::RollupBy, std::vector<core::RollupRow>> others;
    render::ThemeData symbols;
    core::run_in_parallel(
        [&] {
            auto& villages = snapshot->rollups[core::RollupBy::village];
            villages = core::rollup(portfolio, snapshot->evaluation, core::RollupBy::village);
            render::village_fills(portfolio, snapshot->evaluation, theme, &villages,
                                  snapshot->theme_data);
        },
        [&] {
            render::project_symbols(portfolio, snapshot->evaluation, theme, symbols);
            if (shown_by != core::RollupBy::village) {
                others[shown_by] = core::rollup(portfolio, snapshot->evaluation, shown_by);
            }
        });
    snapshot->theme_data.projects = std::move(symbols.projects);
    snapshot->theme_data.portfolio = symbols.portfolio;
    snapshot->theme_data.project_legend = std::move(symbols.project_legend);
    snapshot->rollups.merge(others);
    if (filter.active()) {
        apply_filter(portfolio, *snapshot);
    }
    digest(*snapshot);
    return snapshot;
}

} // namespace xj::viewer
