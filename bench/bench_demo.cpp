// How long the demo county takes to build: the generated geometry alone, and the whole
// `xiangjian demo` (geometry, tables, histories, GeoPackage writes).
//   build/bin/xj_bench_demo

#include "xiangjian/demo/county_geometry.h"
#include "xiangjian/demo/ruyang_demo.h"

#include <benchmark/benchmark.h>
#include <cstdio>
#include <filesystem>

namespace {

xj::demo::CountySpec ruyang_like_spec() {
    xj::demo::CountySpec spec;
    spec.code = "410326000000";
    spec.centre_lon = 112.415;
    spec.centre_lat = 34.085;
    spec.width_km = 37.5;
    spec.height_km = 60.0;
    spec.area_km2 = 1330.0;
    spec.seat_lon = 112.47;
    spec.seat_lat = 34.15;
    spec.seat_township = "410326100000";
    spec.seed = 410326;
    // Ruyang's village counts per township (2017 edition).
    const int counts[] = {23, 15, 14, 20, 24, 12, 12, 14, 13, 16, 11, 12, 27, 7};
    int township = 100;
    for (const int count : counts) {
        xj::demo::TownshipSpec t;
        t.code = "410326" + std::to_string(township++) + "000";
        for (int v = 0; v < count; ++v) {
            t.village_codes.push_back(t.code.substr(0, 9) + std::to_string(200 + v));
        }
        spec.townships.push_back(std::move(t));
    }
    return spec;
}

void county_geometry(benchmark::State& state) {
    const auto spec = ruyang_like_spec();
    for (auto _ : state) {
        benchmark::DoNotOptimize(xj::demo::generate_county_geometry(spec));
    }
    state.SetLabel("235 units");
}
BENCHMARK(county_geometry)->Unit(benchmark::kMillisecond);

void whole_demo_build(benchmark::State& state) {
    const auto path = std::filesystem::temp_directory_path() / "xiangjian-bench-demo.gpkg";
    for (auto _ : state) {
        std::filesystem::remove(path);
        xj::demo::build_ruyang_demo(path.string());
    }
    state.counters["file_kB"] = static_cast<double>(std::filesystem::file_size(path)) / 1024.0;
    std::filesystem::remove(path);
}
BENCHMARK(whole_demo_build)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
