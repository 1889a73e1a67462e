// `xiangjian render`: a themed progress map of the project, as of a day, to PNG, PDF or SVG.

#include "commands.h"
#include "engine_support.h"
#include "qt_session.h"
#include "xiangjian/core/error.h"
#include "xiangjian/render/map_output.h"
#include "xiangjian/render/map_project.h"
#include "xiangjian/render/symbology.h"
#include "xiangjian/render/theme_data.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <optional>
#include <sstream>

namespace xj::cli {

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::pair<int, int> parse_size(const std::string& text) {
    int width = 0, height = 0;
    char x = 0;
    std::istringstream in(text);
    if (!(in >> width >> x >> height) || (x != 'x' && x != 'X') || !in.eof() || width < 16 ||
        height < 16 || width > 20000 || height > 20000) {
        throw UsageError(xj::text("--size “", "--size '") + text +
                             xj::text("”：应为 宽x高（像素），如 1920x1080",
                                      "': expected WIDTHxHEIGHT in pixels, e.g. 1920x1080"),
                         "--size");
    }
    return {width, height};
}

render::Box parse_bbox(const std::string& text) {
    const auto refuse = [&](std::string_view zh, std::string_view en) {
        return UsageError(xj::text("--bbox “", "--bbox '") + text + std::string{xj::tr(zh, en)},
                          "--bbox");
    };
    render::Box box;
    double values[4];
    char comma = 0;
    std::istringstream in(text);
    for (int i = 0; i < 4; ++i) {
        if (!(in >> values[i]) || (i < 3 && (!(in >> comma) || comma != ','))) {
            throw refuse("”：应为 最小经度,最小纬度,最大经度,最大纬度（CGCS2000，度）",
                         "': expected minlon,minlat,maxlon,maxlat in degrees (CGCS2000)");
        }
    }
    if (!in.eof() || values[0] >= values[2] || values[1] >= values[3] || values[0] < -180 ||
        values[2] > 180 || values[1] < -90 || values[3] > 90) {
        throw refuse("”：应为 最小经度,最小纬度,最大经度,最大纬度（度），最小值在前",
                     "': expected minlon,minlat,maxlon,maxlat in degrees, min before max");
    }
    box.expand(values[0], values[1]);
    box.expand(values[2], values[3]);
    return box;
}

/// Where a township is drawn: its boundary's box, else its villages' (lon/lat); an error when
/// the project has neither.
render::Box township_box(const store::ProjectStore& store, const core::AdminUnit& township,
                         const std::string& project_path) {
    render::Box own, villages;
    for (const store::UnitRecord& record : store.unit_and_children(township.code)) {
        if (record.unit.code == township.code) {
            own.expand(record.boundary.box());
        } else {
            villages.expand(record.boundary.box());
        }
    }
    const render::Box box = own.empty() ? villages : own;
    if (box.empty()) {
        throw Error(
            project_path + text("：乡镇 ", ": township ") + township.name + " " + township.code +
            text(" 没有边界，也没有带边界的村", " has no boundary and no villages with one"));
    }
    return box;
}

/// What a render draws: the project read for its window (or whole), the renderer over its
/// layers, the view, and the day's evaluation with its theme. Filled in place: the renderer
/// refers to the project's layers.
struct MapToDraw {
    render::MapProject project;
    std::optional<render::MapRenderer> renderer;
    render::MapView view;
    core::Date as_of;
    core::Evaluation evaluation;
    render::ThemeData theme_data;
    std::string township_name, project_name; ///< of the window, when it is one's
    double load_seconds = 0, evaluate_seconds = 0;
};

/// A window reads only what it shows: given as a box, a township's place or a project's
/// surroundings. Only the full map reads the whole project.
render::MapProject::WindowOf window_of(const RenderCommandOptions& options,
                                       const std::string& project_path, MapToDraw& map) {
    return [&options, &project_path, &map](const render::DisplayCrs& crs,
                                           const store::ProjectStore& store) -> render::Box {
        if (!options.bbox.empty()) {
            return crs.to_display(parse_bbox(options.bbox));
        }
        if (!options.township.empty()) {
            const core::AdminUnit township = find_township(store, options.township, project_path);
            map.township_name = township.name;
            return crs.to_display(township_box(store, township, project_path));
        }
        const auto found = store.projects(std::vector<std::string>{options.project});
        if (found.empty()) {
            throw Error(project_path + text("：没有项目“", ": no project '") + options.project +
                        text("”", "'"));
        }
        map.project_name = found.front().name;
        render::Box sites;
        for (const auto& site : store.sites(std::vector<std::string>{options.project})) {
            sites.expand(site.geometry.box());
        }
        if (sites.empty()) {
            throw Error(project_path + text("：项目 ", ": project ") + options.project +
                        text(" 没有可画的位置", " has no site to draw"));
        }
        // The villages around the site show.
        return render::surroundings(crs.to_display(sites), 2000.0);
    };
}

/// Reads what the map draws into `map` and evaluates its day.
void read_map(const std::string& project_path, const RenderCommandOptions& options, int width,
              int height, render::Theme theme, const render::RenderOptions& render_options,
              MapToDraw& map) {
    const auto start = Clock::now();
    // A day that is no date is refused before anything is read.
    const std::optional<core::Date> as_of_option =
        options.as_of.empty() ? std::nullopt
                              : std::optional{parse_date_option(options.as_of, "--as-of")};
    const auto evaluate = [&](const core::Portfolio& portfolio, const store::ProjectStore& store) {
        const auto begin = Clock::now();
        map.as_of = as_of_option ? *as_of_option : as_of_date("", store);
        map.evaluation = portfolio.evaluate(map.as_of);
        map.theme_data = render::theme_data(portfolio, map.evaluation, theme);
        map.evaluate_seconds = seconds_since(begin);
    };
    const bool whole = options.bbox.empty() && options.township.empty() && options.project.empty();
    if (!whole) {
        map.project = render::MapProject::open_window(project_path, options.crs,
                                                      window_of(options, project_path, map), width,
                                                      height, map.view);
        map.renderer.emplace(map.project.layers, map.project.display_crs(options.crs));
        map.load_seconds = seconds_since(start);
        evaluate(*map.project.portfolio, *map.project.store);
        return;
    }
    // The day is evaluated on the engine's core as soon as its tables are read, while the other
    // core prepares the map's geometry as soon as the layers are: neither waits for the other's
    // read (a province: 0.1-0.2 s less). The load's time includes both.
    map.project.read_whole(
        project_path,
        [&] {
            map.renderer.emplace(map.project.layers, map.project.display_crs(options.crs));
            const render::Box extent = map.renderer->display_extent();
            if (extent.empty()) {
                throw Error(project_path +
                            text("：项目中没有可画的内容", ": the project has nothing to draw"));
            }
            map.view = render::MapView::fit(extent, width, height);
            map.renderer->prepare_geometry(map.view, render_options);
        },
        evaluate);
    map.load_seconds = seconds_since(start);
}

} // namespace

int run_render(const std::string& project_path, const RenderCommandOptions& options) {
    const render::MapFormat format = render::map_format(options.out);
    const auto [width, height] = parse_size(options.size);
    const render::Theme theme = render::parse_theme(options.theme);
    render::RenderOptions render_options;
    if (!options.layers.empty()) {
        render_options.layers = render::parse_layers(options.layers);
    }
    render_options.basemap = options.basemap;
    if (!options.basemap.empty()) {
        render_options.layers |= static_cast<unsigned>(render::MapLayer::basemap);
    }
    render_options.threads = options.threads;
    render_options.english = language() == Language::en;

    const QtSession qt;
    if (format == render::MapFormat::pdf) {
        render::load_map_fonts(); // text a reader can search (0.2 s: only for PDF)
    }
    if (!options.project.empty()) {
        render_options.highlight_project = options.project;
    }
    MapToDraw map;
    read_map(project_path, options, width, height, theme, render_options, map);
    const render::MapProject& project = map.project;

    std::string place = project.county_name();
    if (!options.township.empty()) {
        place += map.township_name.empty() ? "" : " " + map.township_name;
    } else if (!options.project.empty()) {
        place = map.project_name;
    }
    const std::string title =
        place + (place.empty() ? "" : " · ") +
        std::string{tr(render::theme_label_zh(theme), render::theme_label_en(theme))};
    render_options.title = QString::fromStdString(title);
    render_options.subtitle =
        QString::fromStdString(std::string{tr("截至 ", "as of ")} + map.as_of.iso());

    const auto start = Clock::now();
    const render::RenderStats stats =
        render::write_map(options.out, *map.renderer, map.view, map.theme_data, render_options);
    const double total_seconds = seconds_since(start);
    const double render_seconds = stats.prepare_seconds + stats.draw_seconds + stats.label_seconds;

    std::cout << tr("已输出 ", "wrote ") << options.out << " (" << width << "×" << height << ", "
              << (format == render::MapFormat::png   ? "PNG"
                  : format == render::MapFormat::pdf ? "PDF"
                                                     : "SVG")
              << ", " << map.renderer->crs().name() << "): " << stats.villages
              << tr(" 个村，", " villages, ") << stats.sites
              << tr(" 处项目点位，", " project sites, ") << stats.labels.size()
              << tr(" 个注记", " labels") << '\n';
    if (stats.empty) {
        const render::Box& all = project.extent;
        std::ostringstream where;
        where.precision(4);
        where << std::fixed << all.min_x << "," << all.min_y << "," << all.max_x << ","
              << all.max_y;
        std::cerr << "xiangjian: "
                  << tr("注意：此范围内没有本项目的村、边界或项目点位（项目范围 --bbox ",
                        "note: nothing of the project lies in this window (the project is at "
                        "--bbox ")
                  << where.str() << tr("）", ")") << '\n';
    }
    if (options.timings) {
        std::fprintf(stderr,
                     language() == Language::zh
                         ? "读取：%.3f 秒\n评估：%.3f 秒\n绘制：%.3f 秒（准备 %.3f，绘图 %.3f，"
                           "注记 %.3f）\n写出：%.3f 秒\n"
                         : "load: %.3f s\nevaluate: %.3f s\nrender: %.3f s (prepare %.3f, draw "
                           "%.3f, labels %.3f)\nwrite: %.3f s\n",
                     map.load_seconds, map.evaluate_seconds, render_seconds, stats.prepare_seconds,
                     stats.draw_seconds, stats.label_seconds, total_seconds - render_seconds);
    }
    finish_reading(0); // the map is written and renamed into place
}

} // namespace xj::cli
