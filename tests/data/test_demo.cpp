// The demo county as built by `xiangjian demo`: deterministic, real names and codes, villages
// that tile the county, and the projects and histories the brief describes.

#include "ogr_records.h"
#include "test_support.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/portfolio.h"
#include "xiangjian/core/quantity_unit.h"
#include "xiangjian/core/rollup.h"
#include "xiangjian/crs/crs.h"
#include "xiangjian/demo/ruyang_demo.h"
#include "xiangjian/store/open_project.h"
#include "xiangjian/store/parallel_load.h"
#include "xiangjian/store/portfolio_loader.h"

#include <fstream>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <map>
#include <ogrsf_frmts.h>
#include <set>
#include <sstream>
#include <string_view>

using namespace xj;

namespace {

/// Every row of every layer, fields and geometry, in a canonical text form.
std::string dump(const std::string& path) {
    const char* const drivers[] = {"GPKG", nullptr};
    GDALDatasetUniquePtr dataset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                   drivers, nullptr, nullptr));
    std::string text;
    for (OGRLayer* layer : dataset->GetLayers()) {
        text += std::string{"# "} + layer->GetName() + "\n";
        for (auto& feature : *layer) {
            // The map's version is a token drawn at random for caches (schema.cpp, version 8),
            // not content.
            if (std::string_view{layer->GetName()} == "xj_meta" &&
                std::string_view{feature->GetFieldAsString("key")} == "map_version") {
                continue;
            }
            text += std::to_string(feature->GetFID());
            for (int i = 0; i < feature->GetFieldCount(); ++i) {
                text += "|" + std::string{feature->IsFieldSetAndNotNull(i)
                                              ? feature->GetFieldAsString(i)
                                              : "NULL"};
            }
            if (const OGRGeometry* geometry = feature->GetGeometryRef()) {
                std::vector<unsigned char> wkb(geometry->WkbSize());
                geometry->exportToWkb(wkbNDR, wkb.data());
                text += "|" + std::string(wkb.begin(), wkb.end());
            }
            text += "\n";
        }
    }
    return text;
}

/// Area in m² in the Gauss–Krüger zone of Ruyang (CGCS2000 / 3-degree GK CM 111E).
double area_m2(const OGRGeometry& geometry) {
    static const OGRSpatialReference from = crs::srs_from_epsg(4490);
    static const OGRSpatialReference to = crs::srs_from_epsg(4546);
    std::unique_ptr<OGRCoordinateTransformation> transform(
        OGRCreateCoordinateTransformation(&from, &to));
    std::unique_ptr<OGRGeometry> copy(geometry.clone());
    copy->transform(transform.get());
    return copy->toMultiPolygon()->get_Area();
}

class RuyangDemo : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir = new test::TempDir;
        path = dir->file("ruyang.gpkg");
        demo::build_ruyang_demo(path);
        store = xj::store::open_project(path, xj::store::Access::read_only).release();
    }
    static void TearDownTestSuite() {
        delete store;
        delete dir;
    }
    static inline test::TempDir* dir = nullptr;
    static inline std::string path;
    static inline store::ProjectStore* store = nullptr;
    const core::Date as_of = demo::ruyang_as_of();
};

} // namespace

TEST_F(RuyangDemo, IsDeterministic) {
    const std::string again = dir->file("again.gpkg");
    demo::build_ruyang_demo(again);
    EXPECT_TRUE(dump(path) == dump(again)) << "two builds differ";
    EXPECT_GT(dump(path).size(), 100000u);
}

TEST_F(RuyangDemo, RefusesToOverwriteAndLeavesNoTemporaryFiles) {
    EXPECT_THROW(demo::build_ruyang_demo(path), Error);
    EXPECT_FALSE(std::filesystem::exists(path + ".building"));
    EXPECT_FALSE(std::filesystem::exists(path + ".building.partial"));
}

TEST_F(RuyangDemo, HoldsTheRealTownshipsAndVillagesOfThe2017Edition) {
    std::map<std::string, std::string> expected; // code → name, from the table beside the code
    std::ifstream csv(std::string{XJ_DATA_DIR} + "/ruyang/villages.csv");
    std::string line;
    std::getline(csv, line);
    while (std::getline(csv, line)) {
        const auto comma = line.find(',');
        expected[line.substr(0, comma)] =
            line.substr(comma + 1, line.find(',', comma + 1) - comma - 1);
    }
    ASSERT_EQ(expected.size(), 220u);

    std::map<core::AdminLevel, int> levels;
    std::map<std::string, std::string> villages;
    for (const auto& record : xj::test::ogr_units(*store)) {
        ++levels[record.unit.level];
        if (record.unit.level == core::AdminLevel::village) {
            villages[record.unit.code] = record.unit.name;
            EXPECT_EQ(record.unit.parent_code, core::admin_code::parent_of(record.unit.code));
            EXPECT_GT(*record.unit.population, *record.unit.households);
            EXPECT_LE(*record.unit.poor_households, *record.unit.households);
        }
        if (record.unit.code == "410326100000") {
            EXPECT_EQ(record.unit.name, "城关镇");
        }
        if (record.unit.code == "410326000000") {
            EXPECT_EQ(record.unit.name, "汝阳县");
        }
    }
    EXPECT_EQ(levels[core::AdminLevel::county], 1);
    EXPECT_EQ(levels[core::AdminLevel::township], 14);
    EXPECT_EQ(villages, expected);
    EXPECT_EQ(villages["410326100201"], "云梦村村民委员会");
}

TEST_F(RuyangDemo, VillagesTileTheCountyAtRuyangsPlaceAndSize) {
    const auto units = xj::test::ogr_units(*store);
    const OGRMultiPolygon* county = nullptr;
    std::map<std::string, const OGRMultiPolygon*> townships;
    double village_area = 0;
    for (const auto& record : units) {
        ASSERT_TRUE(record.boundary) << record.unit.code;
        EXPECT_TRUE(record.boundary->IsValid()) << record.unit.code;
        if (record.unit.level == core::AdminLevel::county) {
            county = record.boundary.get();
        } else if (record.unit.level == core::AdminLevel::township) {
            townships[record.unit.code] = record.boundary.get();
            EXPECT_EQ(record.boundary->getNumGeometries(), 1) << "township not contiguous";
        } else {
            village_area += area_m2(*record.boundary);
        }
    }
    ASSERT_NE(county, nullptr);
    const double county_area = area_m2(*county);
    EXPECT_NEAR(county_area / 1e6, 1330.0, 1330.0 * 0.03);
    EXPECT_NEAR(village_area / county_area, 1.0, 1e-6) << "gaps or overlaps between villages";

    OGREnvelope extent;
    county->getEnvelope(&extent);
    EXPECT_GT(extent.MinX, 112.18);
    EXPECT_LT(extent.MaxX, 112.65);
    EXPECT_GT(extent.MinY, 33.78);
    EXPECT_LT(extent.MaxY, 34.39);
    const OGRPoint seat(112.47, 34.15);
    EXPECT_TRUE(townships.at("410326100000")->Contains(&seat)) << "the seat is in 城关镇";

    for (const auto& record : units) {
        if (record.unit.level == core::AdminLevel::village) {
            std::unique_ptr<OGRGeometry> inner(record.boundary->Buffer(-1e-5));
            EXPECT_TRUE(townships.at(record.unit.parent_code)->Contains(inner.get()))
                << record.unit.code << " lies outside its township";
        }
    }
}

TEST_F(RuyangDemo, QianpingReservoirHasItsAugust2018Milestones) {
    const auto projects = store->projects();
    const auto reservoir = std::find_if(projects.begin(), projects.end(), [](const auto& p) {
        return p.name.find("前坪水库") != std::string::npos;
    });
    ASSERT_NE(reservoir, projects.end());
    EXPECT_EQ(reservoir->type, core::ProjectType::reservoir);
    EXPECT_EQ(reservoir->measure, core::Measure::milestones);

    std::vector<core::Milestone> milestones;
    for (const auto& m : store->milestones()) {
        if (m.project_id == reservoir->id) {
            milestones.push_back(m);
        }
    }
    auto reached = [&](const char* word) {
        for (const auto& m : milestones) {
            if (m.name.find(word) != std::string::npos) {
                return m.actual_date.has_value() && *m.actual_date <= as_of;
            }
        }
        ADD_FAILURE() << "no milestone named like " << word;
        return false;
    };
    EXPECT_TRUE(reached("35kV"));
    EXPECT_TRUE(reached("导流洞"));
    EXPECT_TRUE(reached("进场道路"));
    EXPECT_TRUE(reached("管理营地"));
    EXPECT_TRUE(reached("泄洪洞"));
    EXPECT_TRUE(reached("373"));
    EXPECT_TRUE(reached("输水洞"));
    EXPECT_FALSE(reached("副坝")) << "auxiliary dam grouting was under way in August 2018";
    EXPECT_FALSE(reached("闸墩")) << "spillway piers were being poured";

    bool has_lake = false;
    for (const auto& site : xj::test::ogr_sites(*store)) {
        if (site.project_id == reservoir->id &&
            wkbFlatten(site.geometry->getGeometryType()) == wkbMultiPolygon) {
            OGREnvelope box;
            site.geometry->getEnvelope(&box);
            has_lake = box.MaxX > 112.3 && box.MinX < 112.45 && box.MinY > 34.0 && box.MaxY < 34.3;
        }
    }
    EXPECT_TRUE(has_lake) << "the reservoir lies on the Beiru River west of the seat";
}

TEST_F(RuyangDemo, HasEveryKindOfProjectInItsUnit) {
    std::map<core::ProjectType, std::set<std::string>> units;
    std::set<std::string> leaders;
    for (const auto& p : store->projects()) {
        units[p.type].insert(p.unit);
        EXPECT_FALSE(p.leader.empty()) << p.id;
        EXPECT_FALSE(p.responsible_unit.empty()) << p.id;
        EXPECT_FALSE(p.township_code.empty()) << p.id;
        leaders.insert(p.leader);
    }
    EXPECT_TRUE(units[core::ProjectType::road].count("km"));
    EXPECT_TRUE(units[core::ProjectType::water].count("处"));
    EXPECT_TRUE(units[core::ProjectType::housing].count("户"));
    EXPECT_TRUE(units[core::ProjectType::dike].count("km"));
    EXPECT_TRUE(units[core::ProjectType::pv].count("MW"));
    EXPECT_EQ(units[core::ProjectType::reservoir].size(), 1u);
    // One spelling a dimension, as imports write them (个 is 处, 公里 is km).
    for (const auto& [type, spelled] : units) {
        for (const auto& unit : spelled) {
            const auto canonical = core::canonical_unit(unit);
            ASSERT_TRUE(canonical) << unit;
            EXPECT_EQ(canonical->unit, unit);
        }
    }
    EXPECT_GE(leaders.size(), 8u);
}

TEST_F(RuyangDemo, EveryScheduleSituationAppearsInTheHistories) {
    const auto projects = store->projects();
    const auto milestones = store->milestones();
    const auto reports = store->progress_reports();
    std::map<std::string, std::vector<core::ProgressReport>> by_project;
    for (const auto& r : reports) {
        EXPECT_LE(r.report_date, as_of);
        by_project[r.project_id].push_back(r);
    }
    int not_started = 0, done = 0, late = 0, stalled = 0, behind = 0, on_schedule = 0;
    for (const auto& p : projects) {
        const auto& history = by_project[p.id];
        for (std::size_t i = 1; i < history.size(); ++i) {
            EXPECT_GE(
                history[i].cumulative_quantity.value_or(history[i].percent.value_or(0)),
                history[i - 1].cumulative_quantity.value_or(history[i - 1].percent.value_or(0)))
                << p.id << " goes backwards";
        }
        if (history.empty()) {
            ++not_started;
            continue;
        }
        const auto& last = history.back();
        const bool complete = p.measure == core::Measure::quantity
                                  ? *last.cumulative_quantity >= *p.planned_quantity
                                  : *last.percent >= 100.0;
        bool overdue = false;
        for (const auto& m : milestones) {
            overdue |= m.project_id == p.id && m.planned_date < as_of && !m.actual_date;
        }
        const int silent_days = days_between(last.report_date, as_of);
        if (complete) {
            ++done;
        } else if (overdue) {
            ++late;
        } else if (silent_days > 30) {
            ++stalled;
        } else if (p.measure == core::Measure::quantity) {
            const double planned =
                *p.planned_quantity *
                std::clamp(days_between(*p.planned_start, last.report_date) /
                               double(days_between(*p.planned_start, *p.planned_finish)),
                           0.0, 1.0);
            (*last.cumulative_quantity < 0.9 * planned ? behind : on_schedule) += 1;
        } else {
            ++on_schedule;
        }
    }
    EXPECT_GE(not_started, 1);
    EXPECT_GE(done, 1);
    EXPECT_GE(late, 1);
    EXPECT_GE(stalled, 1);
    EXPECT_GE(behind, 1);
    EXPECT_GE(on_schedule, 1);
}

TEST_F(RuyangDemo, ProblemsAreOpenedAndClosedAndVisitsRecorded) {
    int open = 0, closed = 0;
    for (const auto& problem : store->problems()) {
        (problem.closed_date ? closed : open) += 1;
        EXPECT_LE(problem.raised_date, as_of);
    }
    EXPECT_GT(open, 0);
    EXPECT_GT(closed, 0);
    EXPECT_FALSE(store->site_visits().empty());
    for (const auto& visit : store->site_visits()) {
        EXPECT_EQ(visit.visit_date.days_since_epoch() % 7, 1) << "project day is Friday";
    }
    EXPECT_EQ(store->setting("as_of"), "2018-08-31");
}

TEST_F(RuyangDemo, EveryVillageHasABaselineOfTheTenExitIndicators) {
    std::map<std::string, std::set<std::string>> baseline;
    int raised_later = 0;
    for (const auto& a : store->indicator_assessments()) {
        if (a.assessed_on == core::Date(2018, 1, 5)) {
            baseline[a.village_code].insert(a.indicator);
        } else {
            EXPECT_TRUE(a.met);
            ++raised_later;
        }
    }
    EXPECT_EQ(baseline.size(), 220u);
    for (const auto& [village, indicators] : baseline) {
        EXPECT_EQ(indicators.size(), 10u) << village;
    }
    EXPECT_GT(raised_later, 0) << "finished projects make villages meet indicators";
}

TEST_F(RuyangDemo, TheEngineReportsTheStatusEachProjectWasBuiltWith) {
    // data/ruyang/projects.csv gives each project the year it had (its profile); the engine,
    // reading only the generated history, must come to the same status on the as-of day.
    std::ifstream csv(std::string{XJ_DATA_DIR} + "/ruyang/projects.csv");
    std::string line;
    std::getline(csv, line);
    std::map<std::string, std::string> profile;
    while (std::getline(csv, line)) {
        std::vector<std::string> cells;
        std::stringstream row(line);
        for (std::string cell; std::getline(row, cell, ',');) {
            cells.push_back(cell);
        }
        ASSERT_GE(cells.size(), 15u) << line;
        profile[cells[0]] = cells[14];
    }
    const core::Portfolio portfolio(store::load_portfolio(*store));
    const core::Evaluation evaluation = portfolio.evaluate(as_of);
    ASSERT_EQ(evaluation.projects.size(), profile.size());
    std::map<std::string, int> count;
    for (const auto& status : evaluation.projects) {
        EXPECT_EQ(core::code(status.status), profile.at(status.project->id))
            << status.project->id << " done " << status.percent_done << " planned "
            << status.planned_percent.value_or(-1);
        ++count[std::string{core::code(status.status)}];
    }
    EXPECT_EQ(count.size(), 6u) << "every status appears";

    // The county roll-up adds up to the projects, and a day before any report nothing is done.
    const auto county = core::rollup(portfolio, evaluation, core::RollupBy::county);
    ASSERT_EQ(county.size(), 1u);
    EXPECT_EQ(county[0].projects, 36);
    EXPECT_EQ(county[0].count(core::ScheduleStatus::done), count["done"]);
    const core::Evaluation early = portfolio.evaluate(core::Date(2015, 1, 1));
    for (const auto& status : early.projects) {
        EXPECT_EQ(status.percent_done, 0.0) << status.project->id;
    }
}

TEST_F(RuyangDemo, SitesAreLinkedToTheVillagesTheyServeOrCross) {
    std::map<std::string, const core::Project*> projects;
    const auto all = store->projects();
    for (const auto& p : all) {
        projects[p.id] = &p;
    }
    std::map<std::string, std::vector<core::ProjectVillage>> links;
    for (const auto& link : store->project_villages()) {
        links[link.project_id].push_back(link);
    }
    for (const auto& site : xj::test::ogr_sites(*store)) {
        const core::Project& project = *projects.at(site.project_id);
        const auto& mine = links[site.project_id];
        ASSERT_FALSE(mine.empty()) << project.id << " is linked to no village";
        const auto type = wkbFlatten(site.geometry->getGeometryType());
        if (!project.village_code.empty()) {
            ASSERT_EQ(mine.size(), 1U) << project.id;
            EXPECT_EQ(mine[0].matched_by, "code");
            EXPECT_EQ(mine[0].village_code, project.village_code);
        } else if (type == wkbMultiLineString) {
            // Every line is a real line, and its lengths per village add up to its length.
            double metres = 0;
            for (const auto* line : *site.geometry->toMultiLineString()) {
                EXPECT_GE(line->getNumPoints(), 2) << project.id;
            }
            for (const auto& link : mine) {
                EXPECT_EQ(link.matched_by, "line") << project.id;
                ASSERT_TRUE(link.length_m.has_value());
                metres += *link.length_m;
            }
            ASSERT_TRUE(project.planned_quantity.has_value());
            EXPECT_GT(metres, 200.0) << project.id;
        }
    }
}

/// The village a project's name names after `from` up to its first 村 ("…王坪村至孤石村…":
/// 王坪村, then 孤石村), empty when there is none.
std::string named_village(const std::string& name, std::size_t from) {
    const std::size_t end = name.find("村", from);
    return end == std::string::npos ? std::string{} : name.substr(from, end + 3 - from);
}

TEST_F(RuyangDemo, EachProjectLiesInTheTownshipAndVillagesItsNameAndCodesSay) {
    const auto units = xj::test::ogr_units(*store);
    std::map<std::string, const xj::test::OgrUnit*> by_code;
    for (const auto& unit : units) {
        by_code[unit.unit.code] = &unit;
    }
    /// The village of the township whose name starts with `short_name` (杜康村 for
    /// 杜康村村民委员会).
    const auto village_named = [&](const std::string& township, const std::string& short_name) {
        const xj::test::OgrUnit* found = nullptr;
        for (const auto& unit : units) {
            if (unit.unit.parent_code == township && unit.unit.name.rfind(short_name, 0) == 0) {
                found = &unit;
            }
        }
        return found;
    };
    std::map<std::string, std::vector<std::string>> links;
    for (const auto& link : store->project_villages()) {
        links[link.project_id].push_back(link.village_code);
    }
    std::map<std::string, core::Project> projects;
    for (auto& p : store->projects()) {
        projects[p.id] = p;
    }
    int named_pairs = 0, named_villages = 0;
    for (const auto& site : xj::test::ogr_sites(*store)) {
        const core::Project& p = projects.at(site.project_id);
        const auto* township = by_code.at(p.township_code);
        ASSERT_TRUE(township->boundary) << p.id;
        // The whole site is in its township.
        EXPECT_TRUE(township->boundary->Contains(site.geometry.get()))
            << p.id << " " << p.name << " leaves " << township->unit.name;
        // A name that starts with a township's name is that township's project.
        for (const auto& unit : units) {
            if (unit.unit.level == core::AdminLevel::township &&
                p.name.rfind(unit.unit.name, 0) == 0) {
                EXPECT_EQ(unit.unit.code, p.township_code) << p.id << " " << p.name;
            }
        }
        // Its village, by code and by name ("…王坪村至孤石村…" runs from one to the other).
        if (!p.village_code.empty()) {
            const auto* village = by_code.at(p.village_code);
            EXPECT_EQ(village->unit.parent_code, p.township_code) << p.id;
            EXPECT_TRUE(village->boundary->Intersects(site.geometry.get())) << p.id;
        }
        const std::string prefix = township->unit.name;
        if (p.name.rfind(prefix, 0) == 0) {
            const std::string from = named_village(p.name, prefix.size());
            const std::size_t to_at = p.name.find("至", prefix.size());
            if (!from.empty() && from.size() <= 15 &&
                from.find_first_of("0123456789") == std::string::npos &&
                from.find("至") == std::string::npos && from.find("（") == std::string::npos) {
                // (农村 is no village: 陶营镇农村供水管网延伸工程.)
                const auto* village = village_named(p.township_code, from);
                if (village != nullptr) {
                    EXPECT_TRUE(village->boundary->Intersects(site.geometry.get()))
                        << p.id << " " << p.name << " misses " << from;
                    ++named_villages;
                }
                if (to_at != std::string::npos && to_at == prefix.size() + from.size()) {
                    const std::string to = named_village(p.name, to_at + 3);
                    const auto* end = village_named(p.township_code, to);
                    ASSERT_NE(end, nullptr) << p.id << ": no village " << to;
                    EXPECT_TRUE(end->boundary->Intersects(site.geometry.get()))
                        << p.id << " " << p.name << " misses " << to;
                    ++named_pairs;
                }
            }
        }
        // "（东沟、银鹿、松门等5村）": through each.
        if (const std::size_t open = p.name.find("（");
            open != std::string::npos && p.name.find("、", open) != std::string::npos) {
            const std::size_t close = p.name.find("等", open);
            std::string list = p.name.substr(open + 3, close - open - 3) + "、";
            for (std::size_t at = 0, end = list.find("、"); end != std::string::npos;
                 at = end + 3, end = list.find("、", at)) {
                const std::string short_name = list.substr(at, end - at);
                const auto* village = village_named(p.township_code, short_name);
                ASSERT_NE(village, nullptr) << p.id << ": no village " << short_name;
                EXPECT_TRUE(village->boundary->Intersects(site.geometry.get()))
                    << p.id << " " << p.name << " misses " << short_name;
                ++named_pairs;
            }
        }
        // The villages it serves are its township's.
        for (const std::string& code : links[p.id]) {
            EXPECT_EQ(by_code.at(code)->unit.parent_code, p.township_code)
                << p.id << " " << p.name << " serves " << by_code.at(code)->unit.name;
        }
    }
    EXPECT_GE(named_pairs, 9) << "roads named from one village to another, or through several";
    EXPECT_GE(named_villages, 10);
}

TEST_F(RuyangDemo, TheReadOnTwoConnectionsReadsWhatOneConnectionReads) {
    // status and project-day read the reports on one connection and the rest on a second
    // opening of the file: the engine must get the same records, in the same order.
    const core::PortfolioData one = store::load_portfolio(*store);
    const core::PortfolioData two = store::load_portfolio_in_parallel(*store);
    ASSERT_FALSE(one.reports.empty());
    EXPECT_EQ(two.projects, one.projects);
    EXPECT_EQ(two.milestones, one.milestones);
    EXPECT_EQ(two.reports, one.reports);
    EXPECT_EQ(two.problems, one.problems);
    EXPECT_EQ(two.site_visits, one.site_visits);
    EXPECT_EQ(two.project_villages, one.project_villages);
    EXPECT_EQ(two.admin_units, one.admin_units);
    EXPECT_EQ(two.indicator_rules, one.indicator_rules);
    EXPECT_EQ(two.village_indicators, one.village_indicators);
    EXPECT_EQ(two.disbursements, one.disbursements);
    EXPECT_EQ(two.baselines, one.baselines);
    EXPECT_EQ(two.settings, one.settings);
}
