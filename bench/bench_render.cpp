// The renderer in one process, as the viewer uses it: the project is loaded once, then maps are
// drawn at 1920×1080 with the progress theme — the full extent and a county-sized window, the
// first time (projecting and simplifying) and again (from the per-scale cache).
//   build/bin/xj_bench_render PROJECT.gpkg [minlon,minlat,maxlon,maxlat] [runs]
// bench/render_bench.sh compares whole-process runs with QGIS.

#include "xiangjian/core/portfolio.h"
#include "xiangjian/render/map_layers.h"
#include "xiangjian/render/map_renderer.h"
#include "xiangjian/render/theme_data.h"
#include "xiangjian/store/open_project.h"
#include "xiangjian/store/portfolio_loader.h"

#include <QGuiApplication>
#include <QImage>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sys/resource.h>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

long peak_kib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s PROJECT.gpkg [minlon,minlat,maxlon,maxlat] [runs]\n",
                     argv[0]);
        return 2;
    }
    setenv("QT_QPA_PLATFORM", "offscreen", 0);
    int qt_argc = 1;
    QGuiApplication app(qt_argc, argv);
    using namespace xj;
    double box[4] = {112.4, 34.0, 112.9, 34.4};
    if (argc >= 3 &&
        std::sscanf(argv[2], "%lf,%lf,%lf,%lf", &box[0], &box[1], &box[2], &box[3]) != 4) {
        std::fprintf(stderr, "bad window '%s'\n", argv[2]);
        return 2;
    }
    const int runs = argc >= 4 ? std::max(1, std::atoi(argv[3])) : 5;

    auto start = Clock::now();
    const auto store = xj::store::open_project(argv[1], xj::store::Access::read_only);
    // From the project itself, as on a first opening: not from the map cache.
    const render::MapLayers layers = render::MapLayers::read_store(*store);
    const double read_layers = seconds_since(start);
    start = Clock::now();
    const core::Portfolio portfolio(store::load_portfolio(*store));
    const auto evaluation = portfolio.evaluate(core::Date(2020, 6, 30));
    const auto theme = render::theme_data(portfolio, evaluation, render::Theme::progress);
    const double engine = seconds_since(start);
    const render::Box extent = layers.extent();
    render::MapRenderer renderer(
        layers, render::DisplayCrs::gauss_kruger_at((extent.min_x + extent.max_x) / 2));

    std::printf("%zu villages (%zu vertices), %zu townships, %zu points, %zu lines, %zu polygons\n",
                layers.villages.size(), layers.villages.point_count(), layers.townships.size(),
                layers.points.size(), layers.lines.size(), layers.polygons.size());
    std::printf("read layers %.3f s, engine and theme %.3f s, display CRS %s\n", read_layers,
                engine, renderer.crs().name().c_str());

    render::Box window;
    window.expand(box[0], box[1]);
    window.expand(box[2], box[3]);
    const struct {
        const char* name;
        render::Box display;
    } views[] = {{"full extent", renderer.display_extent()},
                 {"county window", renderer.crs().to_display(window)}};
    render::RenderOptions options;
    QImage image;
    for (const auto& [name, display] : views) {
        const auto view = render::MapView::fit(display, 1920, 1080);
        start = Clock::now();
        const auto first = renderer.render(image, view, theme, options);
        const double cold = seconds_since(start);
        std::vector<double> warm, prepare, draw, labels;
        for (int i = 0; i < runs; ++i) {
            start = Clock::now();
            const auto stats = renderer.render(image, view, theme, options);
            warm.push_back(seconds_since(start));
            prepare.push_back(stats.prepare_seconds);
            draw.push_back(stats.draw_seconds);
            labels.push_back(stats.label_seconds);
        }
        std::printf("%-13s first %.1f ms (prepare %.1f); again, median of %d: %.1f ms (prepare "
                    "%.1f, draw %.1f, labels %.1f); %zu villages, %zu sites, %zu labels\n",
                    name, cold * 1000, first.prepare_seconds * 1000, runs, median(warm) * 1000,
                    median(prepare) * 1000, median(draw) * 1000, median(labels) * 1000,
                    first.villages, first.sites, first.labels.size());
    }
    std::printf("peak memory %.0f MiB\n", static_cast<double>(peak_kib()) / 1024);
    return 0;
}
