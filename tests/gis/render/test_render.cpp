#include "ogr_records.h"
#include "render_fixture.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/rollup.h"
#include "xiangjian/render/map_output.h"
#include "xiangjian/render/map_renderer.h"
#include "xiangjian/render/site_sheet.h"
#include "xiangjian/render/theme_data.h"
#include "xiangjian/store/portfolio_loader.h"

#include <QImage>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <gdal_priv.h>
#include <map>
#include <ogr_api.h>
#include <ogr_geometry.h>
#include <set>

using namespace xj;
using xj::test::DemoMap;

namespace {

using Render = DemoMap;

constexpr unsigned fills_only = static_cast<unsigned>(render::MapLayer::villages);

/// The progress theme's colours, as docs/rendering.md lists them.
const std::array<const char*, 5> progress_hex = {"#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8",
                                                 "#253494"};
constexpr const char* no_projects_hex = "#e6e6e6";

std::string hex_at(const QImage& image, QPointF at) {
    const QColor colour = image.pixelColor(static_cast<int>(std::floor(at.x())),
                                           static_cast<int>(std::floor(at.y())));
    char text[8];
    std::snprintf(text, sizeof text, "#%02x%02x%02x", colour.red(), colour.green(), colour.blue());
    return text;
}

/// Each village's interior point (GEOS, through OGR) in lon/lat, by code.
std::map<std::string, std::pair<double, double>> interior_points(const store::ProjectStore& store) {
    std::map<std::string, std::pair<double, double>> points;
    for (const auto& unit : xj::test::ogr_units(store)) {
        if (unit.unit.level == core::AdminLevel::village && unit.boundary) {
            OGRGeometryH point = OGR_G_PointOnSurface(OGRGeometry::ToHandle(unit.boundary.get()));
            if (point != nullptr) {
                points[unit.unit.code] = {OGR_G_GetX(point, 0), OGR_G_GetY(point, 0)};
                OGR_G_DestroyGeometry(point);
            }
        }
    }
    return points;
}

/// Expected fill of each village as of a day, from the engine's village roll-up.
std::map<std::string, std::string> expected_progress_fills(const core::Portfolio& portfolio,
                                                           core::Date day) {
    std::map<std::string, std::string> fills;
    const auto evaluation = portfolio.evaluate(day);
    for (const auto& row : core::rollup(portfolio, evaluation, core::RollupBy::village)) {
        const double percent = row.budget_weighted_percent.value_or(row.mean_percent);
        fills[row.key] = progress_hex[static_cast<std::size_t>(
            std::min(4, static_cast<int>(std::floor(std::clamp(percent, 0.0, 100.0) / 20))))];
    }
    return fills;
}

struct Drawn {
    QImage image;
    render::MapView view;
    render::RenderStats stats;
};

Drawn draw(render::MapRenderer& renderer, const core::Portfolio& portfolio, core::Date day,
           render::Theme theme, unsigned layers, int width = 1600, int height = 1600,
           render::Box extent = {}) {
    Drawn drawn;
    const auto evaluation = portfolio.evaluate(day);
    const auto data = render::theme_data(portfolio, evaluation, theme);
    drawn.view =
        render::MapView::fit(extent.empty() ? renderer.display_extent() : extent, width, height);
    render::RenderOptions options;
    options.layers = layers;
    drawn.stats = renderer.render(drawn.image, drawn.view, data, options);
    return drawn;
}

/// The basemap alone, 600 × 600 over the whole demo.
std::pair<QImage, render::MapView> basemap_only(render::MapRenderer& renderer,
                                                const core::Portfolio& portfolio,
                                                const std::string& raster) {
    const auto evaluation = portfolio.evaluate(core::Date(2018, 8, 31));
    const auto data = render::theme_data(portfolio, evaluation, render::Theme::progress);
    const auto view = render::MapView::fit(renderer.display_extent(), 600, 600);
    render::RenderOptions options;
    options.layers = static_cast<unsigned>(render::MapLayer::basemap);
    options.basemap = raster;
    QImage image;
    renderer.render(image, view, data, options);
    return {image, view};
}

int pdf_pages(const std::string& path) {
    const std::string command = "pdfinfo '" + path + "' 2>/dev/null | grep '^Pages:'";
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) {
        return -1;
    }
    char line[256] = {};
    const bool read = std::fgets(line, sizeof line, pipe) != nullptr;
    pclose(pipe);
    return read ? std::atoi(line + 6) : -1;
}

std::string pdf_text(const std::string& path) {
    const std::string command = "pdftotext -enc UTF-8 '" + path + "' - 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    std::string text;
    char buffer[4096];
    while (pipe != nullptr && std::fgets(buffer, sizeof buffer, pipe) != nullptr) {
        text += buffer;
    }
    if (pipe != nullptr) {
        pclose(pipe);
    }
    return text;
}

} // namespace

TEST_F(Render, VillageInteriorsHaveTheirProgressClassColour) {
    render::MapRenderer renderer(*layers, render::DisplayCrs("EPSG:4546"));
    const core::Date day(2018, 8, 31);
    const Drawn drawn = draw(renderer, *portfolio, day, render::Theme::progress, fills_only);
    const auto expected = expected_progress_fills(*portfolio, day);
    ASSERT_GE(expected.size(), 5U);
    std::size_t checked = 0, coloured = 0;
    for (const auto& [code, point] : interior_points(*store)) {
        const QPointF at = renderer.device_point(drawn.view, point.first, point.second);
        const auto found = expected.find(code);
        const std::string want = found != expected.end() ? found->second : no_projects_hex;
        EXPECT_EQ(hex_at(drawn.image, at), want) << "village " << code;
        ++checked;
        coloured += found != expected.end() ? 1 : 0;
    }
    EXPECT_EQ(checked, 220U);
    EXPECT_EQ(coloured, expected.size());
    EXPECT_EQ(drawn.stats.villages, 220U);
}

TEST_F(Render, AnEarlierAsOfDateGivesTheEarlierColours) {
    render::MapRenderer renderer(*layers, render::DisplayCrs("EPSG:4546"));
    const core::Date early(2018, 4, 30), late(2018, 8, 31);
    const Drawn before = draw(renderer, *portfolio, early, render::Theme::progress, fills_only);
    const Drawn after = draw(renderer, *portfolio, late, render::Theme::progress, fills_only);
    const auto want_before = expected_progress_fills(*portfolio, early);
    const auto want_after = expected_progress_fills(*portfolio, late);
    int changed = 0;
    for (const auto& [code, point] : interior_points(*store)) {
        const QPointF at = renderer.device_point(before.view, point.first, point.second);
        const auto b = want_before.find(code);
        const auto a = want_after.find(code);
        EXPECT_EQ(hex_at(before.image, at), b != want_before.end() ? b->second : no_projects_hex);
        EXPECT_EQ(hex_at(after.image, at), a != want_after.end() ? a->second : no_projects_hex);
        changed += hex_at(before.image, at) != hex_at(after.image, at) ? 1 : 0;
    }
    EXPECT_GT(changed, 3); // four months of building move villages up the classes
}

TEST_F(Render, ProjectSymbolsSitAtTheirSitesInTheirStatusColour) {
    render::MapRenderer renderer(*layers, render::DisplayCrs("EPSG:4546"));
    const core::Date day(2018, 8, 31);
    const Drawn drawn = draw(renderer, *portfolio, day, render::Theme::status,
                             fills_only | static_cast<unsigned>(render::MapLayer::points));
    const auto evaluation = portfolio->evaluate(day);
    std::map<std::string, core::ScheduleStatus> status;
    for (const auto& s : evaluation.projects) {
        status[s.project->id] = s.status;
    }
    const std::map<core::ScheduleStatus, std::string> status_hex = {
        {core::ScheduleStatus::not_started, "#999999"},
        {core::ScheduleStatus::on_schedule, "#009e73"},
        {core::ScheduleStatus::behind, "#e69f00"},
        {core::ScheduleStatus::late, "#d55e00"},
        {core::ScheduleStatus::stalled, "#cc79a7"},
        {core::ScheduleStatus::done, "#0072b2"}};
    ASSERT_GT(layers->points.size(), 5U);
    for (std::size_t i = 0; i < layers->points.size(); ++i) {
        const auto xy = layers->points.points(layers->points.parts(layers->points.shape(i))[0]);
        const QPointF at = renderer.device_point(drawn.view, xy.x(0), xy.y(0));
        const std::string& project = layers->point_sites[i].project_id;
        EXPECT_EQ(hex_at(drawn.image, at), status_hex.at(status.at(project)))
            << "project " << project;
        // Away from every site, the village fill shows.
        EXPECT_NE(hex_at(drawn.image, at + QPointF(30, 0)), status_hex.at(status.at(project)));
    }
}

TEST_F(Render, OneRendererDrawsEachPortfoliosThemeWithItsOwnProjects) {
    // The renderer finds each site's project once per portfolio, by index. A second portfolio,
    // of every other project, numbers them differently (and lacks half): each render must show
    // what a renderer new to that portfolio shows, and so must the first portfolio's again.
    core::PortfolioData half_data;
    {
        store::PortfolioScope scope;
        for (std::size_t i = 0; i < portfolio->projects().size(); i += 2) {
            scope.project_ids.push_back(portfolio->projects()[i].id);
        }
        scope.units.assign(portfolio->admin_units().begin(), portfolio->admin_units().end());
        half_data = store::load_portfolio(*store, scope);
    }
    const core::Portfolio half(std::move(half_data));
    ASSERT_LT(half.projects().size(), portfolio->projects().size());
    const core::Date day(2018, 8, 31);
    const unsigned sites = static_cast<unsigned>(render::MapLayer::points) |
                           static_cast<unsigned>(render::MapLayer::lines) |
                           static_cast<unsigned>(render::MapLayer::polygons);
    const auto drawn_by_new_renderer = [&](const core::Portfolio& of) {
        render::MapRenderer fresh(*layers, render::DisplayCrs("EPSG:4546"));
        return draw(fresh, of, day, render::Theme::status, sites).image;
    };
    const QImage whole_image = drawn_by_new_renderer(*portfolio);
    const QImage half_image = drawn_by_new_renderer(half);
    ASSERT_FALSE(whole_image == half_image); // half the sites are missing, the rest renumbered

    render::MapRenderer renderer(*layers, render::DisplayCrs("EPSG:4546"));
    // (Compared as images, not printed: a failure would print every byte.)
    EXPECT_TRUE(draw(renderer, *portfolio, day, render::Theme::status, sites).image == whole_image);
    EXPECT_TRUE(draw(renderer, half, day, render::Theme::status, sites).image == half_image);
    EXPECT_TRUE(draw(renderer, *portfolio, day, render::Theme::status, sites).image == whole_image);
}

TEST_F(Render, LabelsNeverOverlapEachOtherOrTheFurniture) {
    render::MapRenderer renderer(*layers, render::DisplayCrs("EPSG:4546"));
    // A township window: townships, villages and key projects all compete for room.
    const render::Box township = renderer.township_extent("410326103000");
    ASSERT_FALSE(township.empty());
    const Drawn drawn = draw(renderer, *portfolio, core::Date(2018, 8, 31), render::Theme::status,
                             render::all_layers, 1920, 1080, township);
    const auto& labels = drawn.stats.labels;
    ASSERT_GT(labels.size(), 20U);
    ASSERT_FALSE(drawn.stats.furniture.empty());
    const QRectF page(0, 0, 1920, 1080);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        EXPECT_TRUE(page.contains(labels[i].rect)) << labels[i].text.toStdString();
        for (std::size_t j = i + 1; j < labels.size(); ++j) {
            EXPECT_FALSE(labels[i].rect.intersects(labels[j].rect))
                << labels[i].text.toStdString() << " / " << labels[j].text.toStdString();
        }
        for (const QRectF& box : drawn.stats.furniture) {
            EXPECT_FALSE(labels[i].rect.intersects(box)) << labels[i].text.toStdString();
        }
    }
    // Townships come before villages: the window's own township is named.
    bool township_named = false;
    for (const auto& label : labels) {
        township_named = township_named || label.text == QStringLiteral("小店镇");
    }
    EXPECT_TRUE(township_named);
}

/// The CJK radicals and Kangxi radicals (U+2E80–U+2FDF) in UTF-8 text.
std::string radicals_in(const std::string& text) {
    std::string found;
    const QString wide = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    for (const QChar c : wide) {
        if (c.unicode() >= 0x2E80 && c.unicode() <= 0x2FDF) {
            found += QString(c).toStdString();
        }
    }
    return found;
}

TEST_F(Render, SiteSheetHasOnePagePerProjectOfTheLeaderInChinese) {
    const core::Date day(2018, 8, 31);
    const auto evaluation = portfolio->evaluate(day);
    std::map<std::string, std::vector<const core::ProjectStatus*>> by_leader;
    for (const auto& s : evaluation.projects) {
        by_leader[s.project->leader].push_back(&s);
    }
    // The leader with the most projects.
    const auto& [leader, projects] =
        *std::max_element(by_leader.begin(), by_leader.end(), [](const auto& a, const auto& b) {
            return a.second.size() < b.second.size();
        });
    ASSERT_GT(projects.size(), 1U);
    render::MapRenderer renderer(*layers, render::DisplayCrs("EPSG:4546"));
    render::SheetRequest request;
    request.leader = leader;
    request.day = day;
    request.projects = projects;
    request.county = "汝阳县";
    const std::string path = dir->file("sheet.pdf");
    EXPECT_EQ(render::write_site_sheets(path, renderer, *portfolio, evaluation, request),
              static_cast<int>(projects.size()));
    EXPECT_EQ(pdf_pages(path), static_cast<int>(projects.size()));
    const std::string text = pdf_text(path);
    EXPECT_NE(text.find("节点计划"), std::string::npos);
    EXPECT_NE(text.find("未销号问题"), std::string::npos);
    for (const auto* status : projects) {
        EXPECT_NE(text.find(status->project->id), std::string::npos) << status->project->id;
    }
    // The text is the characters drawn: 项目 and 工程, not the Kangxi radicals ⽬ and ⼯ that
    // Noto Sans CJK draws with the same glyphs.
    EXPECT_TRUE(radicals_in(text).empty()) << radicals_in(text);
    EXPECT_NE(text.find("项目日现场记录单"), std::string::npos);
    EXPECT_NE(text.find(leader), std::string::npos) << leader;
    for (const auto* status : projects) {
        EXPECT_NE(text.find(status->project->name), std::string::npos) << status->project->name;
    }
}

TEST_F(Render, TheLegendOfAWindowCountsWhatTheWindowShows) {
    render::MapRenderer renderer(*layers, render::DisplayCrs("EPSG:4546"));
    const auto evaluation = portfolio->evaluate(core::Date(2018, 8, 31));
    const std::string fudian = "410326102000"; // 付店镇
    for (const render::Theme theme : {render::Theme::status, render::Theme::progress}) {
        const Drawn drawn = draw(renderer, *portfolio, core::Date(2018, 8, 31), theme,
                                 render::all_layers, 1600, 1000, renderer.township_extent(fudian));
        // The projects with a site in the window, from the store's sites with OGR.
        const render::Box window = render::DisplayCrs("EPSG:4546").to_lonlat(drawn.view.box);
        std::set<std::string> shown;
        for (const auto& site : xj::test::ogr_sites(*store)) {
            OGREnvelope box;
            site.geometry->getEnvelope(&box);
            if (box.MaxX >= window.min_x && box.MinX <= window.max_x && box.MaxY >= window.min_y &&
                box.MinY <= window.max_y) {
                shown.insert(site.project_id);
            }
        }
        ASSERT_LT(shown.size(), evaluation.projects.size());
        ASSERT_GT(shown.size(), 3U);
        int villages = 0, projects = 0;
        for (const render::LegendItem& item : drawn.stats.legend) {
            if (item.kind == render::LegendItem::Kind::fill) {
                villages += item.count;
            } else if (item.category >= 0) {
                projects += item.count;
            }
        }
        EXPECT_LT(drawn.stats.villages, 220U) << "a window, not the county";
        if (theme == render::Theme::status) {
            EXPECT_EQ(projects, static_cast<int>(shown.size()));
        } else { // the villages' classes, the villages without projects included
            EXPECT_EQ(villages, static_cast<int>(drawn.stats.villages));
        }
    }
}

TEST_F(Render, ASheetsMapFramesItsWholeSiteWithAMargin) {
    render::MapRenderer renderer(*layers, render::DisplayCrs("EPSG:4546"));
    int framed = 0;
    for (const auto& project : portfolio->projects()) {
        const render::Box site = renderer.project_extent(project.id);
        if (site.empty()) {
            continue;
        }
        for (const auto& [width, height] : {std::pair{440, 300}, std::pair{300, 440}}) {
            const render::MapView view = render::site_map_view(renderer, project.id, width, height);
            const QPointF top_left = view.to_device(site.min_x, site.max_y);
            const QPointF bottom_right = view.to_device(site.max_x, site.min_y);
            EXPECT_GE(top_left.x(), 23.9) << project.id;
            EXPECT_GE(top_left.y(), 23.9) << project.id;
            EXPECT_LE(bottom_right.x(), width - 23.9) << project.id;
            EXPECT_LE(bottom_right.y(), height - 23.9) << project.id;
        }
        ++framed;
    }
    EXPECT_GT(framed, 30);
}

TEST_F(Render, NoLabelStandsBesideASymbolPastTheFrame) {
    render::MapRenderer renderer(*layers, render::DisplayCrs("EPSG:4546"));
    const auto evaluation = portfolio->evaluate(core::Date(2018, 8, 31));
    const auto data = render::theme_data(*portfolio, evaluation, render::Theme::status);
    int tried = 0, named_inside = 0;
    for (const auto& site : layers->point_sites) {
        const render::ProjectSymbol* symbol = data.symbol(site.project_id);
        ASSERT_NE(symbol, nullptr);
        if (!symbol->key_project) {
            continue;
        }
        const render::Box at = renderer.project_extent(site.project_id);
        // 10 m a pixel (key projects are named closer than 20 m a pixel); the site 6 px past the
        // right edge, within the margin the renderer looks up symbols in.
        render::MapView view;
        view.width = 800;
        view.height = 600;
        view.box = {at.min_x - 8060, at.min_y - 3000, at.min_x - 60, at.min_y + 3000};
        render::RenderOptions options;
        options.highlight_project.clear();
        QImage image;
        const auto stats = renderer.render(image, view, data, options);
        for (const auto& label : stats.labels) {
            EXPECT_NE(label.text.toStdString(), symbol->name) << site.project_id;
        }
        // And named once moved in, mostly (a label with no free place is left out).
        view.box = {at.min_x - 7940, at.min_y - 3000, at.min_x + 60, at.min_y + 3000};
        bool named = false;
        for (const auto& label : renderer.render(image, view, data, options).labels) {
            named = named || label.text.toStdString() == symbol->name;
        }
        named_inside += named ? 1 : 0;
        ++tried;
    }
    EXPECT_GT(tried, 3);
    EXPECT_GT(named_inside, tried / 2) << "most are named once inside (unless no room)";
}

TEST_F(Render, ALabelLayerDrawnAloneNamesTheSitesAsTheWholeMapDoes) {
    // The viewer draws its labels as a layer of their own: the key projects are named there
    // as on a map drawn whole, though the site layers are not drawn with them.
    render::MapRenderer renderer(*layers, render::DisplayCrs("EPSG:4546"));
    const auto evaluation = portfolio->evaluate(core::Date(2018, 8, 31));
    const auto data = render::theme_data(*portfolio, evaluation, render::Theme::status);
    const render::Box at = renderer.project_extent("RY2018-003");
    ASSERT_FALSE(at.empty());
    const render::MapView view = render::MapView::fit(render::surroundings(at, 6000), 1000, 800);
    ASSERT_LT(view.metres_per_pixel(), 20);
    const auto names = [&](unsigned layers_drawn) {
        render::RenderOptions options;
        options.layers = layers_drawn;
        QImage image;
        std::set<std::string> named;
        for (const auto& label : renderer.render(image, view, data, options).labels) {
            named.insert(label.text.toStdString());
        }
        return named;
    };
    const auto whole =
        names(render::all_layers & ~static_cast<unsigned>(render::MapLayer::furniture));
    const auto alone = names(static_cast<unsigned>(render::MapLayer::labels));
    EXPECT_TRUE(whole.contains(std::string{data.symbol("RY2018-003")->name}));
    EXPECT_EQ(alone, whole);
}

/// Whether some pixel within `radius` of `at` is near white.
bool white_near(const QImage& image, QPointF at, int radius) {
    for (int dy = -radius; dy <= radius; ++dy) {
        for (int dx = -radius; dx <= radius; ++dx) {
            const int x = static_cast<int>(at.x()) + dx, y = static_cast<int>(at.y()) + dy;
            if (x < 0 || y < 0 || x >= image.width() || y >= image.height()) {
                continue;
            }
            const QColor c = image.pixelColor(x, y);
            if (c.red() >= 245 && c.green() >= 245 && c.blue() >= 245) {
                return true;
            }
        }
    }
    return false;
}

TEST_F(Render, RoadsAndMarkersReadOnTheDarkestClassAndBoundariesLookLikeBoundaries) {
    render::MapRenderer renderer(*layers, render::DisplayCrs("EPSG:4546"));
    const auto evaluation = portfolio->evaluate(core::Date(2018, 8, 31));
    // Every village in the darkest progress class, the whole county at county scale.
    auto data = render::theme_data(*portfolio, evaluation, render::Theme::progress);
    data.village_fill.clear();
    data.default_village_fill = render::colour_from_hex(progress_hex[4]);
    data.theme = render::Theme::status; // grey village outlines: no white but the casings
    const auto view = render::MapView::fit(renderer.display_extent(), 1200, 1200);
    ASSERT_GT(view.metres_per_pixel(), 20);
    ASSERT_LT(view.metres_per_pixel(), 150);
    render::RenderOptions options;
    options.layers = fills_only | static_cast<unsigned>(render::MapLayer::lines) |
                     static_cast<unsigned>(render::MapLayer::points);
    QImage image;
    renderer.render(image, view, data, options);
    // Beside each road's middle vertex and around each marker, a white casing or halo.
    int roads = 0;
    for (std::size_t i = 0; i < layers->lines.size(); ++i) {
        const auto parts = layers->lines.parts(layers->lines.shape(i));
        const auto xy = layers->lines.points(parts[0]);
        const std::size_t middle = xy.count() / 2;
        const QPointF at = renderer.device_point(view, xy.x(middle), xy.y(middle));
        EXPECT_TRUE(white_near(image, at, 3)) << layers->line_sites[i].project_id;
        ++roads;
    }
    EXPECT_GT(roads, 10);
    for (std::size_t i = 0; i < layers->points.size(); ++i) {
        const auto xy = layers->points.points(layers->points.parts(layers->points.shape(i))[0]);
        EXPECT_TRUE(white_near(image, renderer.device_point(view, xy.x(0), xy.y(0)), 6))
            << layers->point_sites[i].project_id;
    }
    // Township boundaries: a pale violet band no road and no class has, under a dash-dot line.
    options.layers = fills_only | static_cast<unsigned>(render::MapLayer::boundaries);
    renderer.render(image, view, data, options);
    const QColor band(0xd9, 0xc3, 0xe3);
    int band_pixels = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            band_pixels += image.pixelColor(x, y) == band ? 1 : 0;
        }
    }
    EXPECT_GT(band_pixels, 500);
}

TEST_F(Render, TheLegendListsOnlyTheLayersDrawnAndAnEmptyWindowSaysSo) {
    render::MapRenderer renderer(*layers, render::DisplayCrs("EPSG:4546"));
    const core::Date day(2018, 8, 31);
    const auto kinds = [](const render::RenderStats& stats) {
        std::set<render::LegendItem::Kind> found;
        for (const auto& item : stats.legend) {
            found.insert(item.kind);
        }
        return found;
    };
    const Drawn fills = draw(renderer, *portfolio, day, render::Theme::progress, fills_only);
    EXPECT_EQ(kinds(fills.stats), std::set{render::LegendItem::Kind::fill});
    const Drawn roads = draw(renderer, *portfolio, day, render::Theme::status,
                             static_cast<unsigned>(render::MapLayer::lines));
    EXPECT_EQ(kinds(roads.stats), std::set{render::LegendItem::Kind::marker});
    std::set<std::string> shapes;
    for (const auto& item : roads.stats.legend) {
        if (item.type >= 0) {
            shapes.insert(item.label_zh);
        }
    }
    EXPECT_TRUE(shapes.count("道路")) << "roads are drawn";
    EXPECT_FALSE(shapes.count("住房")) << "housing sites are points, not drawn";
    EXPECT_FALSE(roads.stats.empty);
    const Drawn all = draw(renderer, *portfolio, day, render::Theme::progress, render::all_layers);
    EXPECT_EQ(kinds(all.stats),
              (std::set{render::LegendItem::Kind::fill, render::LegendItem::Kind::marker,
                        render::LegendItem::Kind::line}))
        << "the boundaries are in the legend when drawn";

    // Far from the county: nothing shows, and the map says so in its middle.
    const render::Box far = render::DisplayCrs("EPSG:4546").to_display(render::Box{10, 10, 11, 11});
    const Drawn empty =
        draw(renderer, *portfolio, day, render::Theme::progress, render::all_layers, 800, 500, far);
    EXPECT_TRUE(empty.stats.empty);
    EXPECT_EQ(empty.stats.villages, 0U);
    EXPECT_EQ(empty.stats.sites, 0U);
    int ink = 0;
    for (int x = 200; x < 600; ++x) {
        for (int y = 230; y < 270; ++y) {
            ink += empty.image.pixelColor(x, y).lightness() < 160 ? 1 : 0;
        }
    }
    EXPECT_GT(ink, 200) << "a sentence in the middle of the map";
}

TEST_F(Render, TextOfMapsInPdfAndSvgIsTheTextDrawnLabelsIncluded) {
    render::MapRenderer renderer(*layers, render::DisplayCrs("EPSG:4546"));
    const auto evaluation = portfolio->evaluate(core::Date(2018, 8, 31));
    const auto data = render::theme_data(*portfolio, evaluation, render::Theme::progress);
    const auto view = render::MapView::fit(renderer.display_extent(), 1600, 1200);
    render::RenderOptions options;
    options.title = QStringLiteral("汝阳县 · 村级项目进度");
    const auto pdf = render::write_map(dir->file("map.pdf"), renderer, view, data, options);
    const auto svg = render::write_map(dir->file("map.svg"), renderer, view, data, options);
    ASSERT_GE(pdf.labels.size(), 10U) << "the county and its townships are named";
    const std::string pdf_words = pdf_text(dir->file("map.pdf"));
    EXPECT_TRUE(radicals_in(pdf_words).empty()) << radicals_in(pdf_words);
    EXPECT_NE(pdf_words.find("汝阳县 · 村级项目进度"), std::string::npos) << pdf_words;
    EXPECT_NE(pdf_words.find("0–20%"), std::string::npos) << "an en dash, not a figure dash";
    for (const auto& label : pdf.labels) {
        EXPECT_NE(pdf_words.find(label.text.toStdString()), std::string::npos)
            << label.text.toStdString();
    }
    // In the SVG, each label is one <text> element holding the name, in the system's font.
    std::ifstream file(dir->file("map.svg"));
    const std::string svg_text((std::istreambuf_iterator<char>(file)), {});
    std::set<std::string> texts;
    for (std::size_t at = svg_text.find("<text"); at != std::string::npos;
         at = svg_text.find("<text", at + 1)) {
        const std::size_t open = svg_text.find('>', at), close = svg_text.find("</text>", at);
        std::string inner = svg_text.substr(open + 1, close - open - 1);
        inner.erase(0, inner.find_first_not_of(" \n"));
        texts.insert(inner);
    }
    ASSERT_EQ(svg.labels.size(), pdf.labels.size());
    for (const auto& label : svg.labels) {
        EXPECT_TRUE(texts.count(label.text.toStdString())) << label.text.toStdString();
    }
    EXPECT_TRUE(texts.count("村级项目进度"));
    EXPECT_NE(svg_text.find("font-family=\"Noto Sans CJK SC\""), std::string::npos);
    EXPECT_EQ(svg_text.find("Xiangjian CJK SC"), std::string::npos);
}

TEST_F(Render, MapsAreWrittenAsPngPdfAndSvgAndAFailedWriteLeavesTheOldFile) {
    render::MapRenderer renderer(*layers, render::DisplayCrs("EPSG:4546"));
    const auto evaluation = portfolio->evaluate(core::Date(2018, 8, 31));
    const auto data = render::theme_data(*portfolio, evaluation, render::Theme::stage);
    const auto view = render::MapView::fit(renderer.display_extent(), 800, 600);
    render::RenderOptions options;
    options.title = QStringLiteral("汝阳县");
    for (const char* name : {"map.png", "map.pdf", "map.svg"}) {
        const std::string path = dir->file(name);
        render::write_map(path, renderer, view, data, options);
        ASSERT_TRUE(std::filesystem::exists(path)) << name;
        EXPECT_GT(std::filesystem::file_size(path), 1000U) << name;
    }
    EXPECT_EQ(QImage(QString::fromStdString(dir->file("map.png"))).size(), QSize(800, 600));
    EXPECT_EQ(pdf_pages(dir->file("map.pdf")), 1);
    std::ifstream svg(dir->file("map.svg"));
    const std::string svg_text((std::istreambuf_iterator<char>(svg)), {});
    EXPECT_NE(svg_text.find("<svg"), std::string::npos);

    EXPECT_THROW(render::write_map(dir->file("map.bmp"), renderer, view, data, options), Error);
    // A failing render (a basemap that is not a raster) keeps the last good map.
    const auto size_before = std::filesystem::file_size(dir->file("map.png"));
    options.layers |= static_cast<unsigned>(render::MapLayer::basemap);
    options.basemap = dir->file("map.svg");
    EXPECT_THROW(render::write_map(dir->file("map.png"), renderer, view, data, options), Error);
    EXPECT_EQ(std::filesystem::file_size(dir->file("map.png")), size_before);
    for (const auto& entry : std::filesystem::directory_iterator(dir->file(""))) {
        EXPECT_EQ(entry.path().filename().string().rfind(".~", 0), std::string::npos)
            << "left behind: " << entry.path();
    }
}

TEST_F(Render, ADemBasemapIsDrawnAsHillshadeUnderTheVillages) {
    // A small DEM over the county, in CGCS2000 lon/lat: a ridge rising to the east.
    const std::string dem = dir->file("dem.tif");
    {
        GDALAllRegister();
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
        const int w = 200, h = 200;
        GDALDatasetUniquePtr dataset(driver->Create(dem.c_str(), w, h, 1, GDT_Float32, nullptr));
        const render::Box box = layers->extent();
        double transform[6] = {
            box.min_x - 0.1,          (box.width() + 0.2) / w, 0, box.max_y + 0.1, 0,
            -(box.height() + 0.2) / h};
        dataset->SetGeoTransform(transform);
        OGRSpatialReference srs;
        srs.importFromEPSG(4490);
        dataset->SetSpatialRef(&srs);
        std::vector<float> heights(static_cast<std::size_t>(w) * h);
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                heights[static_cast<std::size_t>(y) * w + x] =
                    static_cast<float>(300 + 800 * std::sin(x / 12.0) * std::cos(y / 17.0));
            }
        }
        ASSERT_EQ(dataset->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, w, h, heights.data(), w, h,
                                                      GDT_Float32, 0, 0),
                  CE_None);
        dataset.reset(); // written out before the renderer reads it
    }
    render::MapRenderer renderer(*layers, render::DisplayCrs("EPSG:4546"));
    const auto [image, view] = basemap_only(renderer, *portfolio, dem);
    // Hillshade: many shades of grey, where a blank map has one colour.
    std::set<int> greys;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7) {
            const QColor c = image.pixelColor(x, y);
            EXPECT_EQ(c.red(), c.blue());
            greys.insert(c.red());
        }
    }
    EXPECT_GT(greys.size(), 50U);
}

TEST_F(Render, AColourBasemapInWebMercatorIsWarpedUnderTheMapAndTransparentOutside) {
    // An RGB GeoTIFF in EPSG:3857 (as web tiles come) covering the west half of the county.
    const std::string tiff = dir->file("rgb.tif");
    const render::Box box = layers->extent();
    const double mid_lon = (box.min_x + box.max_x) / 2;
    {
        double corners[4] = {box.min_x - 0.05, box.min_y - 0.05, mid_lon, box.max_y + 0.05};
        OGRSpatialReference wgs84, mercator;
        wgs84.importFromEPSG(4326);
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        mercator.importFromEPSG(3857);
        std::unique_ptr<OGRCoordinateTransformation> to_mercator(
            OGRCreateCoordinateTransformation(&wgs84, &mercator));
        ASSERT_TRUE(to_mercator->Transform(1, &corners[0], &corners[1]));
        ASSERT_TRUE(to_mercator->Transform(1, &corners[2], &corners[3]));
        GDALAllRegister();
        GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
        const int w = 100, h = 100;
        GDALDatasetUniquePtr dataset(driver->Create(tiff.c_str(), w, h, 3, GDT_Byte, nullptr));
        double transform[6] = {corners[0], (corners[2] - corners[0]) / w, 0, corners[3],
                               0,          -(corners[3] - corners[1]) / h};
        dataset->SetGeoTransform(transform);
        dataset->SetSpatialRef(&mercator);
        const std::vector<GByte> red(w * h, 200), green(w * h, 40), blue(w * h, 160);
        for (int band = 1; band <= 3; ++band) {
            const auto& data = band == 1 ? red : band == 2 ? green : blue;
            ASSERT_EQ(dataset->GetRasterBand(band)->RasterIO(GF_Write, 0, 0, w, h,
                                                             const_cast<GByte*>(data.data()), w, h,
                                                             GDT_Byte, 0, 0),
                      CE_None);
        }
        dataset.reset(); // written out before the renderer reads it
    }
    render::MapRenderer renderer(*layers, render::DisplayCrs("EPSG:4546"));
    const auto [image, view] = basemap_only(renderer, *portfolio, tiff);
    const double lat = (box.min_y + box.max_y) / 2;
    const QPointF west = renderer.device_point(view, box.min_x + 0.25 * box.width(), lat);
    const QPointF east = renderer.device_point(view, box.min_x + 0.75 * box.width(), lat);
    EXPECT_EQ(hex_at(image, west), "#c828a0"); // the raster's colour, warped into place
    EXPECT_EQ(hex_at(image, east), "#fcfbf8"); // outside the raster: the paper shows
}
