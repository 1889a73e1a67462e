// Assembles the Ruyang demo project: real names and codes, generated geometry, the projects of
// projects.csv with their generated histories, problems, site visits and exit indicators.
// data/README.md describes what is real and what is generated.

#include "xiangjian/demo/ruyang_demo.h"

#include "csv_table.h"
#include "demo_progress.h"
#include "demo_sites.h"
#include "embedded_tables.h"
#include "seeded_random.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/crs/crs.h"
#include "xiangjian/demo/county_geometry.h"
#include "xiangjian/geometry/ogr_conversion.h"
#include "xiangjian/geometry/village_index.h"
#include "xiangjian/store/open_project.h"

#include <cmath>
#include <filesystem>
#include <map>

namespace xj::demo {

namespace {

constexpr const char* county_code = "410326000000";
constexpr const char* county_name = "汝阳县";
constexpr const char* city_code = "410300000000";     // 洛阳市
constexpr const char* seat_township = "410326100000"; // 城关镇
constexpr double seat_lon = 112.47;
constexpr double seat_lat = 34.15;
constexpr std::uint64_t geometry_seed = 410326;

CsvTable table(std::string_view name) {
    for (const auto& embedded : embedded_tables()) {
        if (embedded.name == name) {
            return CsvTable::parse("data/ruyang/" + std::string{name}, embedded.text);
        }
    }
    throw Error(xj::text("示范数据表 ", "demo table ") + std::string{name} +
                xj::text(" 未编译进程序", " is not compiled in"));
}

template <typename E> E term_of(const CsvTable::Row& row, const std::string& column) {
    const std::string& value = row.text(column);
    if (auto parsed = core::parse_term<E>(value)) {
        return *parsed;
    }
    row.fail(column, "unknown value '" + value + "'");
}

// -- administrative units ------------------------------------------------------------------------

struct Units {
    std::vector<core::AdminUnit> list; ///< county, townships, villages
    std::map<std::string, std::unique_ptr<OGRMultiPolygon>> boundaries;
};

/// Households, population and poverty figures are generated (no open per-village statistics):
/// households 180–950, 3.2–3.9 people each; about a third of villages poor, with 6–15 % of
/// households registered poor (1–4 % elsewhere). Townships and the county are the sums.
void generate_village_figures(core::AdminUnit& village) {
    const double households = 180 + std::floor(770 * uniform(village.code, 1));
    village.households = static_cast<long long>(households);
    village.population =
        static_cast<long long>(std::round(households * (3.2 + 0.7 * uniform(village.code, 2))));
    village.poor_village = uniform(village.code, 3) < 0.33;
    const double poor_share = village.poor_village ? 0.06 + 0.09 * uniform(village.code, 4)
                                                   : 0.01 + 0.03 * uniform(village.code, 4);
    village.poor_households = static_cast<long long>(std::round(households * poor_share));
}

void add_up(core::AdminUnit& total, const core::AdminUnit& part) {
    total.households = total.households.value_or(0) + part.households.value_or(0);
    total.population = total.population.value_or(0) + part.population.value_or(0);
    total.poor_households = total.poor_households.value_or(0) + part.poor_households.value_or(0);
}

Units make_units() {
    Units units;
    core::AdminUnit county{county_code, county_name, core::AdminLevel::county, city_code, {}, {},
                           {},          false};
    CountySpec spec;
    spec.code = county_code;
    // Ruyang: about 112.21–112.62 °E, 33.81–34.36 °N, 1,330 km²; seat near 112.47 °E, 34.15 °N.
    spec.centre_lon = 112.415;
    spec.centre_lat = 34.085;
    spec.width_km = 37.5;
    spec.height_km = 60.0;
    spec.area_km2 = 1330.0;
    spec.seat_lon = seat_lon;
    spec.seat_lat = seat_lat;
    spec.seat_township = seat_township;
    spec.seed = geometry_seed;

    std::vector<core::AdminUnit> townships;
    std::map<std::string, std::size_t> township_index;
    const CsvTable townships_table = table("townships.csv");
    for (const auto& row : townships_table.rows()) {
        core::AdminUnit township{core::admin_code::padded(row.text("code")),
                                 row.text("name"),
                                 core::AdminLevel::township,
                                 county_code,
                                 {},
                                 {},
                                 {},
                                 false};
        township_index[township.code] = townships.size();
        spec.townships.push_back({township.code, {}});
        townships.push_back(std::move(township));
    }
    std::vector<core::AdminUnit> villages;
    const CsvTable villages_table = table("villages.csv");
    for (const auto& row : villages_table.rows()) {
        const std::string township = core::admin_code::padded(row.text("township_code"));
        const auto found = township_index.find(township);
        if (found == township_index.end()) {
            row.fail("township_code", "no such township in townships.csv");
        }
        core::AdminUnit village{row.text("code"),
                                row.text("name"),
                                core::AdminLevel::village,
                                township,
                                {},
                                {},
                                {},
                                false};
        if (core::admin_code::parent_of(village.code) != township) {
            row.fail("code", "village code does not belong to township " + township);
        }
        generate_village_figures(village);
        add_up(townships[found->second], village);
        add_up(county, village);
        spec.townships[found->second].village_codes.push_back(village.code);
        villages.push_back(std::move(village));
    }

    for (auto& generated : generate_county_geometry(spec)) {
        units.boundaries[generated.code] = std::move(generated.geometry);
    }
    units.list.push_back(std::move(county));
    units.list.insert(units.list.end(), townships.begin(), townships.end());
    units.list.insert(units.list.end(), villages.begin(), villages.end());
    return units;
}

// -- projects
// --------------------------------------------------------------------------------------

struct DemoProject {
    core::Project project;
    Profile profile = Profile::on_schedule;
    std::string site_kind;
    std::optional<double> site_lon;
    std::optional<double> site_lat;
};

std::vector<DemoProject> read_projects() {
    std::vector<DemoProject> result;
    const CsvTable projects_table = table("projects.csv");
    for (const auto& row : projects_table.rows()) {
        DemoProject demo;
        core::Project& p = demo.project;
        p.id = row.text("id");
        p.name = row.text("name");
        p.type = term_of<core::ProjectType>(row, "type");
        p.stage = term_of<core::Stage>(row, "stage");
        p.measure = term_of<core::Measure>(row, "measure");
        p.unit = row.text("unit");
        p.planned_quantity = row.number("planned_quantity");
        p.township_code = row.text("township_code");
        p.village_code = row.text("village_code");
        p.leader = row.text("leader");
        p.responsible_unit = row.text("responsible_unit");
        p.budget_wan = row.number("budget_wan");
        p.planned_start = row.date("planned_start");
        p.planned_finish = row.date("planned_finish");
        const auto profile = parse_profile(row.text("profile"));
        if (!profile) {
            row.fail("profile", "unknown profile '" + row.text("profile") + "'");
        }
        demo.profile = *profile;
        demo.site_kind = row.text("site_kind");
        demo.site_lon = row.number("site_lon");
        demo.site_lat = row.number("site_lat");
        result.push_back(std::move(demo));
    }
    return result;
}

std::map<std::string, std::vector<core::Milestone>> read_milestones() {
    std::map<std::string, std::vector<core::Milestone>> result;
    const CsvTable milestones_table = table("milestones.csv");
    for (const auto& row : milestones_table.rows()) {
        core::Milestone m;
        m.project_id = row.text("project_id");
        m.seq = static_cast<int>(row.number("seq").value_or(0));
        m.name = row.text("name");
        m.planned_date = row.required_date("planned_date");
        m.actual_date = row.date("actual_date");
        m.weight = row.number("weight").value_or(1.0);
        m.target_quantity = row.number("target_quantity");
        result[m.project_id].push_back(std::move(m));
    }
    return result;
}

std::vector<core::Problem> read_problems() {
    std::vector<core::Problem> result;
    const CsvTable problems_table = table("problems.csv");
    for (const auto& row : problems_table.rows()) {
        core::Problem problem;
        problem.id = row.text("id");
        problem.project_id = row.text("project_id");
        problem.raised_date = row.required_date("raised_date");
        problem.category = term_of<core::ProblemCategory>(row, "category");
        problem.description = row.text("description");
        problem.owner = row.text("owner");
        problem.deadline = row.date("deadline");
        problem.closed_date = row.date("closed_date");
        problem.resolution = row.text("resolution");
        result.push_back(std::move(problem));
    }
    return result;
}

// -- sites ---------------------------------------------------------------------------------------

/// The villages a project's name names, in its township: "王坪乡王坪村至孤石村通村公路" runs from
/// 王坪村 to 孤石村, "付店镇…（东沟、银鹿、松门等5村）" through 东沟, 银鹿 and 松门. Empty when the
/// name names none.
std::vector<std::string> named_villages(const core::Project& p, const Units& units) {
    std::string township_name;
    for (const auto& unit : units.list) {
        if (unit.code == p.township_code) {
            township_name = unit.name;
        }
    }
    std::vector<std::string> names;
    const std::string& name = p.name;
    if (!township_name.empty() && name.rfind(township_name, 0) == 0) {
        const std::size_t to = name.find("至", township_name.size());
        const std::size_t first_end = name.find("村", township_name.size());
        if (to != std::string::npos && first_end != std::string::npos && first_end + 3 == to) {
            names.push_back(name.substr(township_name.size(), to - township_name.size()));
            const std::size_t second_end = name.find("村", to);
            if (second_end != std::string::npos) {
                names.push_back(name.substr(to + 3, second_end + 3 - (to + 3)));
            }
        }
    }
    const std::size_t open = name.find("（");
    if (names.empty() && open != std::string::npos && name.find("、", open) != std::string::npos) {
        std::size_t at = open + 3;
        while (at < name.size()) {
            std::size_t end = name.find("、", at);
            const std::size_t last = name.find("等", at);
            const bool final =
                end == std::string::npos || (last != std::string::npos && last < end);
            if (final) {
                end = last != std::string::npos ? last : name.find("）", at);
            }
            if (end == std::string::npos || end == at) {
                break;
            }
            names.push_back(name.substr(at, end - at));
            if (final) {
                break;
            }
            at = end + 3;
        }
    }
    std::vector<std::string> codes;
    for (const std::string& village : names) {
        for (const auto& unit : units.list) {
            if (unit.level == core::AdminLevel::village && unit.parent_code == p.township_code &&
                unit.name.rfind(village, 0) == 0) {
                codes.push_back(unit.code);
                break;
            }
        }
    }
    return codes.size() == names.size() ? codes : std::vector<std::string>{};
}

std::unique_ptr<OGRGeometry> make_site(const DemoProject& demo, const Units& units,
                                       const SiteGenerator& sites) {
    const core::Project& p = demo.project;
    const std::string& area_code = p.village_code.empty() ? p.township_code : p.village_code;
    const auto area = units.boundaries.find(area_code);
    const auto township = units.boundaries.find(p.township_code);
    if (area == units.boundaries.end() || township == units.boundaries.end()) {
        throw Error(xj::text("项目 ", "project ") + p.id +
                    xj::text("：行政区 ", ": no boundary for unit ") + area_code +
                    xj::text(" 没有边界", ""));
    }
    std::unique_ptr<OGRPoint> anchor;
    if (demo.site_lon && demo.site_lat) {
        anchor = std::make_unique<OGRPoint>(*demo.site_lon, *demo.site_lat);
        if (!area->second->Contains(anchor.get())) {
            anchor.reset(); // the generated county put the place in another unit
        }
    }
    if (demo.site_kind == "point") {
        return sites.point_in(*area->second, p.id);
    }
    if (demo.site_kind == "line") {
        // A road named from village to village runs between them; other lines stay in their
        // township (dikes follow the Beiru River eastwards).
        if (const auto villages = named_villages(p, units); villages.size() >= 2) {
            std::vector<OGRPoint> stops;
            for (std::size_t i = 0; i < villages.size(); ++i) {
                stops.push_back(*sites.point_in(*units.boundaries.at(villages[i]),
                                                p.id + "/stop" + std::to_string(i)));
            }
            return sites.line_through(*township->second, stops, p.id);
        }
        const double length_km = p.unit == "km" ? p.planned_quantity.value_or(2.0) : 2.0;
        const double east = 0.0;
        if (!anchor) {
            anchor = sites.point_in(*area->second, p.id + "/start");
        }
        return sites.line_in(*township->second, length_km, p.id, anchor.get(),
                             p.type == core::ProjectType::dike ? &east : nullptr);
    }
    if (demo.site_kind == "polygon") {
        if (!anchor) {
            anchor = sites.point_in(*area->second, p.id);
        }
        std::unique_ptr<OGRMultiPolygon> shape =
            p.type == core::ProjectType::reservoir
                ? sites.lake_upstream_of(*anchor, 7.0, 1.6, p.id)
                // A PV array needs about 2 ha per MW.
                : sites.plot_around(
                      *anchor,
                      std::max(3000.0, (p.unit == "MW" ? p.planned_quantity.value_or(1.0) : 1.0) *
                                           20000.0));
        // Within its township: a lake reaching past it ends at the boundary.
        if (!township->second->Contains(shape.get())) {
            std::unique_ptr<OGRGeometry> within{township->second->Buffer(-0.0005)}; // ~50 m
            std::unique_ptr<OGRGeometry> inside{shape->Intersection(within.get())};
            if (inside && !inside->IsEmpty()) {
                shape.reset(
                    OGRGeometryFactory::forceToMultiPolygon(inside.release())->toMultiPolygon());
            }
        }
        return shape;
    }
    throw Error(xj::text("data/ruyang/projects.csv：项目 ", "data/ruyang/projects.csv: project ") +
                p.id + xj::text(" 的 site_kind“", " has unknown site_kind '") + demo.site_kind +
                xj::text("”未知", "'"));
}

// -- visits and indicators -----------------------------------------------------------------------

/// Each leader visits each of their started projects on project day (Friday) every four weeks,
/// from the first project day of 2018, and notes the open problems found.
std::vector<core::SiteVisit>
make_visits(const DemoProject& demo, const std::vector<core::Problem>& problems, core::Date as_of) {
    std::vector<core::SiteVisit> visits;
    const core::Project& p = demo.project;
    if (demo.profile == Profile::not_started || !p.planned_start || p.leader.empty()) {
        return visits;
    }
    const core::Date first = friday_on_or_after(std::max(*p.planned_start, core::Date(2018, 1, 5)));
    const int offset = static_cast<int>(hash_key(p.id) % 4) * 7;
    for (core::Date day = first.plus_days(offset); day <= as_of; day = day.plus_days(28)) {
        std::string note = "现场督导，查看施工进度";
        for (const auto& problem : problems) {
            if (problem.project_id == p.id && problem.open_on(day)) {
                note += "；督办问题：" + problem.description;
            }
        }
        visits.push_back({p.id, day, p.leader, note});
    }
    return visits;
}

/// The exit indicator a finished project of this kind makes a village meet, if any.
std::string indicator_served(const core::Project& p) {
    switch (p.type) {
    case core::ProjectType::road:
        return "road";
    case core::ProjectType::water:
        return "water";
    case core::ProjectType::housing:
        return "housing";
    default:
        break;
    }
    for (const auto& [word, indicator] :
         std::initializer_list<std::pair<const char*, const char*>>{{"卫生室", "clinic"},
                                                                    {"文化", "culture"},
                                                                    {"宽带", "broadband"},
                                                                    {"电网", "power"},
                                                                    {"广播", "radio_tv"},
                                                                    {"村室", "office"},
                                                                    {"厕所", "environment"},
                                                                    {"污水", "environment"},
                                                                    {"路灯", "environment"}}) {
        if (p.name.find(word) != std::string::npos) {
            return indicator;
        }
    }
    return {};
}

/// A baseline assessment of every village on the first project day of 2018 (met with a
/// generated likelihood, lower for poor villages, and unmet wherever a project will serve the
/// indicator), then a re-assessment as met one week after each serving project was finished.
std::vector<core::VillageIndicator>
make_indicators(const Units& units, const std::vector<DemoProject>& projects,
                const std::map<std::string, core::Date>& finished_on) {
    std::map<std::pair<std::string, std::string>, const DemoProject*> served;
    for (const auto& demo : projects) {
        const std::string indicator = indicator_served(demo.project);
        if (!indicator.empty() && !demo.project.village_code.empty()) {
            served[{demo.project.village_code, indicator}] = &demo;
        }
    }
    const core::Date baseline(2018, 1, 5);
    std::vector<core::VillageIndicator> result;
    for (const auto& unit : units.list) {
        if (unit.level != core::AdminLevel::village) {
            continue;
        }
        for (const auto& definition : core::default_exit_indicators()) {
            const std::string code{definition.code};
            const auto serving = served.find({unit.code, code});
            const double likelihood = unit.poor_village ? 0.55 : 0.9;
            const bool met =
                serving == served.end() && uniform(unit.code + "/" + code, 5) < likelihood;
            result.push_back({unit.code, code, baseline, met, "2018年初摸底"});
            if (serving != served.end()) {
                const auto done = finished_on.find(serving->second->project.id);
                if (done != finished_on.end()) {
                    result.push_back({unit.code, code, done->second.plus_days(7), true,
                                      "项目 " + serving->second->project.id + " 竣工后复核达标"});
                }
            }
        }
    }
    return result;
}

/// The villages a site serves or crosses, found as `xiangjian import projects` finds them: by the
/// project's village code, else the village holding a point, every village a line crosses
/// (with its length there) or a polygon covers (with its area there).
std::vector<core::ProjectVillage> village_links(const core::Project& project,
                                                const OGRGeometry& site,
                                                const geometry::VillageIndex& villages) {
    std::vector<core::ProjectVillage> links;
    if (!project.village_code.empty()) {
        links.push_back({project.id, project.village_code, "code", std::nullopt, std::nullopt});
        return links;
    }
    switch (wkbFlatten(site.getGeometryType())) {
    case wkbPoint:
        if (const auto village =
                villages.containing(site.toPoint()->getX(), site.toPoint()->getY())) {
            links.push_back({project.id, *village, "point", std::nullopt, std::nullopt});
        }
        break;
    case wkbLineString:
    case wkbMultiLineString:
        for (const auto& share : villages.along(site)) {
            links.push_back({project.id, share.code, "line", share.measure, std::nullopt});
        }
        break;
    default:
        for (const auto& share : villages.under(site)) {
            links.push_back({project.id, share.code, "polygon", std::nullopt, share.measure});
        }
        break;
    }
    return links;
}

void fill(store::ProjectStore& store) {
    const core::Date as_of = ruyang_as_of();
    const Units units = make_units();
    for (const auto& unit : units.list) {
        const auto found = units.boundaries.find(unit.code);
        store.upsert_unit(unit, found == units.boundaries.end()
                                    ? xj::store::Geometry{}
                                    : geometry::from_ogr(*found->second));
    }

    const auto projects = read_projects();
    auto milestones = read_milestones();
    const auto problems = read_problems();
    const int metric_epsg = crs::gauss_kruger_3deg_epsg(112.415);
    const SiteGenerator sites(metric_epsg);
    geometry::VillageIndex villages(metric_epsg);
    for (const auto& unit : units.list) {
        const auto found = units.boundaries.find(unit.code);
        if (unit.level == core::AdminLevel::village && found != units.boundaries.end()) {
            villages.add(unit.code, *found->second);
        }
    }
    std::map<std::string, core::Date> finished_on;
    for (const auto& demo : projects) {
        store.upsert_project(demo.project);
        const auto site = make_site(demo, units, sites);
        store.add_site({demo.project.id, demo.project.name, geometry::from_ogr(*site)});
        store.add_project_villages(village_links(demo.project, *site, villages));
        auto history = make_progress_history(demo.project, demo.profile,
                                             std::move(milestones[demo.project.id]), as_of);
        for (const auto& milestone : history.milestones) {
            store.upsert_milestone(milestone);
        }
        for (const auto& report : history.reports) {
            store.add_progress_report(report);
        }
        if (!history.reports.empty() && demo.profile == Profile::done) {
            finished_on.emplace(demo.project.id, history.reports.back().report_date);
        }
    }
    for (const auto& problem : problems) {
        store.upsert_problem(problem);
    }
    for (const auto& demo : projects) {
        for (const auto& visit : make_visits(demo, problems, as_of)) {
            store.add_site_visit(visit);
        }
    }
    for (const auto& assessment : make_indicators(units, projects, finished_on)) {
        store.add_indicator_assessment(assessment);
    }
    store.set_setting("as_of", as_of.iso());
    store.set_setting("county_code", county_code);
    store.set_setting("demo", "ruyang-2018");
}

} // namespace

core::Date ruyang_as_of() {
    return core::Date(2018, 8, 31);
}

void build_ruyang_demo(const std::string& path, bool replace_existing) {
    if (!replace_existing && std::filesystem::exists(path)) {
        throw Error(path + xj::text("：文件已存在（覆盖请加 --overwrite）",
                                    ": already exists (--overwrite replaces it)"));
    }
    const std::string building = path + ".building";
    std::filesystem::remove(building);
    try {
        {
            const auto store = xj::store::create_project(building);
            store::Transaction transaction(*store);
            fill(*store);
            transaction.commit();
        }
        std::filesystem::rename(building, path);
    } catch (...) {
        std::filesystem::remove(building);
        throw;
    }
}

} // namespace xj::demo
