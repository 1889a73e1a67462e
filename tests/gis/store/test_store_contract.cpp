// The contract every ProjectStore backend must pass, whatever holds the project: every entity
// goes in and comes back equal; upserts update, history does not; bad records are refused with
// their key named; a failed transaction leaves the project as it was. One parameterised suite;
// a new backend joins by adding itself to `backends` below.

#include "sample_records.h"
#include "test_support.h"
#include "xiangjian/core/error.h"
#include "xiangjian/geometry/ogr_conversion.h"
#include "xiangjian/store/open_project.h"

#include <algorithm>
#include <filesystem>
#include <functional>
#include <gtest/gtest.h>
#include <iterator>
#include <map>
#include <ogr_geometry.h>
#include <ostream>
#include <set>

using namespace xj;
using test::from_wkt;
using test::point;
using test::road;
using test::stored;
using test::village;

namespace {

struct Backend {
    std::string name;
    /// Where a new project lives: a file in `dir`, or the URI of a fresh database.
    std::function<std::string(const test::TempDir& dir)> new_project_uri;
};

/// Names the backend in test output (GoogleTest would print its bytes).
void PrintTo(const Backend& backend, std::ostream* out) {
    *out << backend.name;
}

const Backend backends[] = {
    {"GeoPackage", [](const test::TempDir& dir) { return dir.file("county.gpkg"); }},
};

std::unique_ptr<OGRGeometry> ogr(const store::Geometry& geometry) {
    return geometry::to_ogr(geometry);
}

class StoreContract : public ::testing::TestWithParam<Backend> {
protected:
    void SetUp() override {
        uri = GetParam().new_project_uri(dir);
        store = store::create_project(uri);
        test::add_township_village_and_road(*store);
    }
    /// Closes the store and opens its project again.
    std::unique_ptr<store::ProjectStore> reopen(store::Access access) {
        store.reset();
        return store::open_project(uri, access);
    }

    test::TempDir dir;
    std::string uri;
    std::unique_ptr<store::ProjectStore> store;
};

} // namespace

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract, ::testing::ValuesIn(backends),
                         [](const ::testing::TestParamInfo<Backend>& backend) {
                             return backend.param.name;
                         });

TEST_P(StoreContract, AdminUnitsKeepAttributesChineseNamesAndBoundaries) {
    const auto boundary =
        from_wkt("MULTIPOLYGON (((112.40 34.00, 112.45 34.00, 112.45 34.05, 112.40 34.00)),"
                 "((112.46 34.00, 112.48 34.00, 112.47 34.02, 112.46 34.00),"
                 "(112.465 34.003, 112.47 34.003, 112.468 34.008, 112.465 34.003)))");
    store->upsert_unit(village(), geometry::from_ogr(*boundary));
    const auto units = store->units();
    ASSERT_EQ(units.size(), 2u);
    EXPECT_EQ(units[1].unit, village());
    ASSERT_TRUE(units[1].boundary);
    EXPECT_TRUE(ogr(units[1].boundary)->Equals(boundary.get()));
    EXPECT_EQ(units[0].unit.name, "蔡店乡");
    EXPECT_FALSE(units[0].unit.population);
}

TEST_P(StoreContract, TheWholeUnitScanGivesWhatUnitsGivesInOnePass) {
    store->upsert_unit(village(), stored("MULTIPOLYGON (((112.40 34.00, 112.45 34.00, "
                                         "112.45 34.05, 112.40 34.00)))"));
    auto other = village();
    other.code = "410326209299";
    other.name = "无界村";
    store->upsert_unit(other, {});
    const auto units = store->units();
    std::size_t i = 0;
    store->scan_units([&](const core::AdminUnit& unit, std::span<const unsigned char> wkb) {
        ASSERT_LT(i, units.size());
        EXPECT_EQ(unit, units[i].unit);
        EXPECT_EQ(wkb.empty(), !units[i].boundary) << unit.code;
        if (!wkb.empty()) {
            OGRGeometry* read = nullptr;
            ASSERT_EQ(OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &read, wkb.size()),
                      OGRERR_NONE);
            EXPECT_TRUE(read->Equals(ogr(units[i].boundary).get())) << unit.code;
            OGRGeometryFactory::destroyGeometry(read);
        }
        ++i;
    });
    EXPECT_EQ(i, units.size());
    EXPECT_EQ(i, 3U); // the township, and both villages, by code
}

TEST_P(StoreContract, UpsertingAUnitByCodeUpdatesInsteadOfDuplicating) {
    auto changed = village();
    changed.name = "杜康村";
    changed.poor_village = false;
    store->upsert_unit(changed, {});
    const auto units = store->units();
    ASSERT_EQ(units.size(), 2u);
    EXPECT_EQ(units[1].unit, changed);
}

TEST_P(StoreContract, ProjectsKeepEveryField) {
    core::Project reservoir;
    reservoir.id = "RY2018-001";
    reservoir.name = "前坪水库工程";
    reservoir.type = core::ProjectType::reservoir;
    reservoir.stage = core::Stage::continuing;
    reservoir.measure = core::Measure::milestones;
    reservoir.unit = "%";
    reservoir.township_code = "410326209000";
    reservoir.key_project = false;
    store->upsert_project(reservoir);
    const auto projects = store->projects();
    ASSERT_EQ(projects.size(), 2u);
    EXPECT_EQ(projects[0], reservoir);
    EXPECT_EQ(projects[1], road());
}

TEST_P(StoreContract, SitesOfEveryGeometryKindComeBackInTheirLayer) {
    store->add_site({"RY2018-002", "起点", stored("POINT (112.41 34.01)")});
    store->add_site(
        {"RY2018-002", "路线", stored("LINESTRING (112.41 34.01, 112.42 34.02, 112.43 34.02)")});
    store->add_site({"RY2018-002", "料场",
                     stored("POLYGON ((112.41 34.01, 112.42 34.01, 112.42 34.02, 112.41 34.01))")});
    const auto sites = store->sites();
    ASSERT_EQ(sites.size(), 3u);
    EXPECT_EQ(wkbFlatten(ogr(sites[0].geometry)->getGeometryType()), wkbPoint);
    EXPECT_EQ(wkbFlatten(ogr(sites[1].geometry)->getGeometryType()), wkbMultiLineString);
    EXPECT_EQ(wkbFlatten(ogr(sites[2].geometry)->getGeometryType()), wkbMultiPolygon);
    EXPECT_EQ(sites[1].name, "路线");
    EXPECT_NEAR(ogr(sites[1].geometry)->toMultiLineString()->get_Length(), 0.02414, 1e-4);
    EXPECT_THROW(store->add_site({"RY2018-002", "空", stored("POINT EMPTY")}), Error);
}

TEST_P(StoreContract, SitesComeBackIn3DAndInTheStorageCrs) {
    store->add_site(
        {"RY2018-002", "路线", stored("LINESTRING Z (112.41 34.01 5, 112.42 34.02 6)")});
    store->add_site({"RY2018-002", "起点", stored("POINT (112.41 34.01)")});
    const auto sites = store->sites();
    ASSERT_EQ(sites.size(), 2u);
    EXPECT_TRUE(ogr(sites[1].geometry)->Is3D());
    ASSERT_NE(ogr(sites[0].geometry)->getSpatialReference(), nullptr);
    EXPECT_STREQ(ogr(sites[0].geometry)->getSpatialReference()->GetAuthorityCode(nullptr), "4490");
}

TEST_P(StoreContract, MilestonesReportsProblemsVisitsAndIndicators) {
    const core::Milestone milestone{
        "RY2018-002", 2, "路基完成", core::Date(2018, 7, 31), core::Date(2018, 8, 3), 1.5, 2.4};
    store->upsert_milestone({"RY2018-002", 1, "开工", core::Date(2018, 4, 17), {}, 1.0, 0.0});
    store->upsert_milestone(milestone);
    const core::ProgressReport report{"RY2018-002", core::Date(2018, 8, 3), 2.45,
                                      {},           "累计完成 2.45 km",     "县交通运输局"};
    store->add_progress_report(report);
    const core::Problem problem{"WT-007",
                                "RY2018-002",
                                core::Date(2018, 6, 1),
                                core::ProblemCategory::land,
                                "部分路段占用耕地，群众阻工",
                                "蔡店乡人民政府",
                                core::Date(2018, 6, 30),
                                core::Date(2018, 6, 20),
                                "已协调解决，销号"};
    store->upsert_problem(problem);
    const core::SiteVisit visit{"RY2018-002", core::Date(2018, 8, 3), "张卫东（副县长）",
                                "现场督导"};
    store->add_site_visit(visit);
    const core::VillageIndicator indicator{"410326209222", "road", core::Date(2018, 1, 5), false,
                                           "摸底"};
    store->add_indicator_assessment(indicator);

    const auto milestones = store->milestones();
    ASSERT_EQ(milestones.size(), 2u);
    EXPECT_EQ(milestones[1], milestone);
    EXPECT_FALSE(milestones[0].actual_date);
    ASSERT_EQ(store->progress_reports().size(), 1u);
    EXPECT_EQ(store->progress_reports()[0], report);
    ASSERT_EQ(store->problems().size(), 1u);
    EXPECT_EQ(store->problems()[0], problem);
    ASSERT_EQ(store->site_visits().size(), 1u);
    EXPECT_EQ(store->site_visits()[0], visit);
    ASSERT_EQ(store->indicator_assessments().size(), 1u);
    EXPECT_EQ(store->indicator_assessments()[0], indicator);
    EXPECT_EQ(store->indicator_rules().size(), 10u);
    EXPECT_EQ(store->indicator_rules()[0].label_zh, "通硬化路");
    EXPECT_EQ(store->indicator_rules()[0].project_types,
              std::vector<core::ProjectType>{core::ProjectType::road});
    EXPECT_TRUE(store->indicator_rules()[3].project_types.empty()) << "文化活动室: none";
    EXPECT_EQ(store->setting("engine.stall_days"), "60") << "thresholds stored in the project";
}

TEST_P(StoreContract, BadRecordsAreRefusedWithTheirKeyInTheMessage) {
    core::ProgressReport report{"RY2018-002", core::Date(2018, 8, 3), {}, 120.0, "", ""};
    try {
        store->add_progress_report(report);
        FAIL() << "a percent over 100 was stored";
    } catch (const StoreError& error) {
        EXPECT_NE(std::string{error.what()}.find("RY2018-002"), std::string::npos) << error.what();
        EXPECT_EQ(error.table(), "progress_reports");
        EXPECT_EQ(error.key(), "RY2018-002 2018-08-03");
    }
    report.percent = 50.0;
    store->add_progress_report(report);
    EXPECT_THROW(store->add_progress_report(report), StoreError) << "two reports on one day";
    EXPECT_THROW(
        store->upsert_milestone({"NO-SUCH", 1, "开工", core::Date(2018, 4, 17), {}, 1, {}}), Error)
        << "unknown project";
    EXPECT_THROW(store->add_indicator_assessment(
                     {"410326209222", "no_such_indicator", core::Date(2018, 1, 5), true, ""}),
                 Error);
}

TEST_P(StoreContract, AFailedTransactionLeavesTheDatabaseAsItWas) {
    {
        store::Transaction transaction(*store);
        auto other = road();
        other.id = "RY2018-099";
        store->upsert_project(other);
        store->add_progress_report({"RY2018-099", core::Date(2018, 8, 3), 1.0, {}, "", ""});
        EXPECT_THROW(
            store->add_progress_report({"RY2018-099", core::Date(2018, 8, 3), 1.5, {}, "", ""}),
            Error);
        // no commit: the scope ends as an error would end it
    }
    EXPECT_EQ(store->projects().size(), 1u);
    EXPECT_TRUE(store->progress_reports().empty());

    const auto reopened = reopen(store::Access::read_only);
    EXPECT_EQ(reopened->projects().size(), 1u);
}

TEST_P(StoreContract, CommittedWorkSurvivesReopening) {
    {
        store::Transaction transaction(*store);
        store->add_progress_report({"RY2018-002", core::Date(2018, 8, 10), 2.9, {}, "", ""});
        transaction.commit();
    }
    const auto reopened = reopen(store::Access::read_only);
    ASSERT_EQ(reopened->progress_reports().size(), 1u);
    EXPECT_DOUBLE_EQ(*reopened->progress_reports()[0].cumulative_quantity, 2.9);
}

TEST_P(StoreContract, AWriteOutsideATransactionIsOneUnit) {
    // The second village is unknown: the foreign key refuses it, and the first goes too.
    EXPECT_THROW(store->add_project_villages(
                     {{"RY2018-002", "410326209222", "code", std::nullopt, std::nullopt},
                      {"RY2018-002", "410326209999", "code", std::nullopt, std::nullopt}}),
                 Error);
    EXPECT_TRUE(store->project_villages().empty());
    store->add_project_villages(
        {{"RY2018-002", "410326209222", "code", std::nullopt, std::nullopt}});
    EXPECT_EQ(store->project_villages().size(), 1u);
}

TEST_P(StoreContract, ReadsByProjectIdGiveWhatTheWholeReadsGiveOfThoseProjects) {
    // 40 projects with two sites and two links each; RY2018-002 (from SetUp) has none.
    {
        store::Transaction transaction(*store);
        for (int i = 0; i < 40; ++i) {
            auto project = road();
            project.id = "ID-" + std::to_string(100 + i);
            project.name = "项目" + std::to_string(i);
            store->add_project(project);
            store->add_site({project.id, "终点", point(112.41 + i * 0.001, 34.02)});
            store->add_site({project.id, "起点", point(112.40 + i * 0.001, 34.01)});
            store->add_project_villages(
                {{project.id, "410326209222", "point", std::nullopt, std::nullopt},
                 {project.id, "410326209000", "code", std::nullopt, std::nullopt}});
        }
        transaction.commit();
    }
    const auto all_projects = store->projects();
    const auto all_sites = store->sites();
    const auto all_links = store->project_villages();
    // Few ids against the tables (one lookup each) and many (one pass), with ids the store
    // does not hold, an id given twice and one of a project without sites.
    for (const std::vector<std::string>& ids :
         {std::vector<std::string>{"ID-103", "NOPE", "ID-117"},
          std::vector<std::string>{"ID-103", "ID-103", "RY2018-002", "ID-139", "ID-100", "ID-101",
                                   "ID-102", "ID-104", "ID-105", "ID-106", "NOPE"}}) {
        const std::set<std::string> wanted(ids.begin(), ids.end());
        auto projects = store->projects(ids);
        std::sort(projects.begin(), projects.end(),
                  [](const auto& a, const auto& b) { return a.id < b.id; });
        std::vector<core::Project> expected_projects;
        std::copy_if(all_projects.begin(), all_projects.end(),
                     std::back_inserter(expected_projects),
                     [&](const auto& p) { return wanted.count(p.id) != 0; });
        EXPECT_EQ(projects, expected_projects);

        // A project's sites in their stored order (the order an import compares them in).
        auto sites = store->sites(ids);
        std::stable_sort(sites.begin(), sites.end(),
                         [](const auto& a, const auto& b) { return a.project_id < b.project_id; });
        std::vector<const store::ProjectSite*> expected_sites;
        for (const auto& site : all_sites) {
            if (wanted.count(site.project_id) != 0) {
                expected_sites.push_back(&site);
            }
        }
        ASSERT_EQ(sites.size(), expected_sites.size());
        for (std::size_t i = 0; i < sites.size(); ++i) {
            EXPECT_EQ(sites[i].project_id, expected_sites[i]->project_id);
            EXPECT_EQ(sites[i].name, expected_sites[i]->name);
            EXPECT_TRUE(ogr(sites[i].geometry)->Equals(ogr(expected_sites[i]->geometry).get()));
        }

        auto links = store->project_villages(ids);
        std::stable_sort(links.begin(), links.end(),
                         [](const auto& a, const auto& b) { return a.project_id < b.project_id; });
        std::vector<core::ProjectVillage> expected_links;
        std::copy_if(all_links.begin(), all_links.end(), std::back_inserter(expected_links),
                     [&](const auto& link) { return wanted.count(link.project_id) != 0; });
        EXPECT_EQ(links, expected_links);
    }
    EXPECT_EQ(store->projects(std::vector<std::string>{"ID-117"}).at(0).name, "项目17");
    EXPECT_EQ(store->sites(std::vector<std::string>{"ID-117"}).at(0).name, "终点");
    EXPECT_TRUE(store->projects(std::vector<std::string>{}).empty());
}

TEST_P(StoreContract, LayersNameTheirGeometryTypeWithoutSpaces) {
    std::map<std::string, std::string> types;
    for (const store::LayerSummary& layer : store->layers()) {
        types[layer.name] = layer.geometry_type;
    }
    EXPECT_EQ(types["admin_units"], "MultiPolygon");
    EXPECT_EQ(types["project_points"], "Point");
    EXPECT_EQ(types["project_lines"], "MultiLineString");
    EXPECT_EQ(types["projects"], "") << "a table has no geometry type";
}

TEST_P(StoreContract, CreateRefusesAnExistingProject) {
    store.reset();
    try {
        store::create_project(uri);
        ADD_FAILURE() << "an existing project was created again";
    } catch (const ProjectFileError& error) {
        EXPECT_EQ(error.reason(), ProjectFileError::Reason::exists);
        EXPECT_EQ(error.location(), uri);
    }
    const auto reopened = store::open_project(uri, store::Access::read_only);
    EXPECT_EQ(reopened->projects().size(), 1u) << "untouched";
}

TEST_P(StoreContract, AWindowGivesTheUnitsAndSitesWhoseBoxesMeetIt) {
    // Three villages in a row, 0.1° wide; sites of three projects in and out of the window.
    for (int v = 0; v < 3; ++v) {
        auto unit = village();
        unit.code = "41032620922" + std::to_string(v);
        const double west = 112.4 + 0.1 * v;
        const std::string wkt = "MULTIPOLYGON (((" + std::to_string(west) + " 34.0, " +
                                std::to_string(west + 0.1) + " 34.0, " +
                                std::to_string(west + 0.1) + " 34.1, " + std::to_string(west) +
                                " 34.1, " + std::to_string(west) + " 34.0)))";
        store->upsert_unit(unit, stored(wkt.c_str()));
    }
    for (const char* id : {"W-1", "W-2", "W-3"}) {
        auto project = road();
        project.id = id;
        store->upsert_project(project);
    }
    store->add_site({"W-1", "东头", point(112.45, 34.05)});
    store->add_site({"W-2", "西头", point(112.65, 34.05)});
    store->add_site({"W-2", "路", stored("LINESTRING (112.55 34.02, 112.58 34.03)")});
    store->add_site({"W-3", "远处", point(113.5, 35.0)});
    store->add_site({"W-1", "路", stored("LINESTRING (112.30 34.02, 112.42 34.03)")});

    const store::Box window{112.52, 34.01, 112.61, 34.04};
    std::vector<std::string> codes;
    store->scan_units(window, [&](const core::AdminUnit& unit, std::span<const unsigned char> wkb) {
        codes.push_back(unit.code);
        EXPECT_FALSE(wkb.empty()) << unit.code;
        EXPECT_EQ(unit.name, village().name);
    });
    // The township's box (112.4–112.5) stops short; villages 1 and 2 meet it (2 at its edge).
    EXPECT_EQ(codes, (std::vector<std::string>{"410326209221", "410326209222"}));

    std::vector<std::pair<std::string, std::string>> sites;
    store->scan_sites(window,
                      [&](const std::string& project, const std::string& name,
                          std::span<const unsigned char>) { sites.emplace_back(project, name); });
    EXPECT_EQ(sites, (std::vector<std::pair<std::string, std::string>>{{"W-2", "路"}}));
    sites.clear();
    store->scan_sites(store::Box{112.3, 34.0, 112.7, 34.1},
                      [&](const std::string& project, const std::string& name,
                          std::span<const unsigned char>) { sites.emplace_back(project, name); });
    EXPECT_EQ(sites, (std::vector<std::pair<std::string, std::string>>{
                         {"W-1", "东头"}, {"W-1", "路"}, {"W-2", "西头"}, {"W-2", "路"}}))
        << "by project; a project's points, then its lines";

    const store::Box all = store->extent();
    EXPECT_LE(all.min_x, 112.3);
    EXPECT_GE(all.max_x, 113.5);
    EXPECT_LE(all.min_y, 34.0);
    EXPECT_GE(all.max_y, 35.0);
    EXPECT_LT(all.max_x, 113.6) << "about the sites";
}

TEST_P(StoreContract, ReadsByVillageGiveTheLinksUnitsAndAssessmentsOfThoseVillages) {
    auto other = road();
    other.id = "RY2018-003";
    store->upsert_project(other);
    store->add_project_villages({{"RY2018-002", "410326209222", "code", std::nullopt, std::nullopt},
                                 {"RY2018-003", "410326209000", "code", std::nullopt, std::nullopt},
                                 {"RY2018-003", "410326209222", "line", 120.0, std::nullopt}});
    const std::vector<std::string> dukang{"410326209222"};
    const auto links = store->village_projects(dukang);
    ASSERT_EQ(links.size(), 2u);
    EXPECT_EQ(links[0].project_id, "RY2018-002");
    EXPECT_EQ(links[1].project_id, "RY2018-003");
    EXPECT_EQ(links[1].length_m, 120.0);
    EXPECT_TRUE(store->village_projects(std::vector<std::string>{"410326209999"}).empty());

    const auto units =
        store->unit_list(std::vector<std::string>{"410326209222", "NOPE", "410326209222"});
    ASSERT_EQ(units.size(), 1u);
    EXPECT_EQ(units[0], village());

    store->add_indicator_assessment({"410326209222", "road", core::Date(2018, 1, 5), false, ""});
    store->add_indicator_assessment({"410326209000", "road", core::Date(2018, 1, 5), true, ""});
    const auto assessed = store->indicator_assessments(dukang);
    ASSERT_EQ(assessed.size(), 1u);
    EXPECT_EQ(assessed[0].village_code, "410326209222");

    store->add_disbursement({"RY2018-003", core::Date(2018, 5, 1), 12.5, "首笔"});
    store->add_disbursement({"RY2018-002", core::Date(2018, 5, 2), 30.0, ""});
    const auto paid = store->disbursements(std::vector<std::string>{"RY2018-003"});
    ASSERT_EQ(paid.size(), 1u);
    EXPECT_EQ(paid[0].note, "首笔");
}

TEST_P(StoreContract, HistoryByProjectIsTheWholeHistoryOfThoseProjects) {
    auto other = road();
    other.id = "RY2018-003";
    store->upsert_project(other);
    for (const char* id : {"RY2018-002", "RY2018-003"}) {
        store->upsert_milestone({id, 1, "开工", core::Date(2018, 4, 17), {}, 1.0, {}});
        store->add_progress_report({id, core::Date(2018, 8, 3), 1.0, {}, "", ""});
        store->add_progress_report({id, core::Date(2018, 7, 3), 0.5, {}, "", ""});
        store->add_site_visit({id, core::Date(2018, 8, 3), "张卫东（副县长）", ""});
        store->upsert_problem({std::string{"WT-"} + id,
                               id,
                               core::Date(2018, 6, 1),
                               core::ProblemCategory::land,
                               "阻工",
                               "乡政府",
                               {},
                               {},
                               ""});
    }
    const std::vector<std::string> one{"RY2018-003"};
    const auto reports = store->progress_reports(one);
    ASSERT_EQ(reports.size(), 2u);
    EXPECT_EQ(reports[0].report_date, core::Date(2018, 7, 3)) << "by day within the project";
    EXPECT_EQ(store->milestones(one).size(), 1u);
    EXPECT_EQ(store->site_visits(one).size(), 1u);
    ASSERT_EQ(store->problems(one).size(), 1u);
    EXPECT_EQ(store->problems(one)[0].project_id, "RY2018-003");
}

TEST_P(StoreContract, AUnitComesWithItsBoundaryAndTheUnitsBelowIt) {
    auto second = village();
    second.code = "410326209223";
    second.name = "纸坊村民委员会";
    store->upsert_unit(second, stored("MULTIPOLYGON (((112.41 34.01, 112.42 34.01, 112.42 34.02, "
                                      "112.41 34.01)))"));
    const auto township = store->unit_and_children("410326209000");
    ASSERT_EQ(township.size(), 3u);
    EXPECT_EQ(township[0].unit.name, "蔡店乡");
    EXPECT_DOUBLE_EQ(township[0].boundary.box().max_x, 112.5);
    EXPECT_EQ(township[1].unit, village());
    EXPECT_FALSE(township[1].boundary) << "no boundary";
    EXPECT_EQ(township[2].unit.code, "410326209223");
    EXPECT_DOUBLE_EQ(township[2].boundary.box().min_y, 34.01);
    // Units below a code the project has no unit of still come; a village has none below it.
    EXPECT_EQ(store->unit_and_children("410326000000").size(), 1u) << "the township";
    EXPECT_EQ(store->unit_and_children("410326209222").size(), 1u);
    EXPECT_TRUE(store->unit_and_children("410326999000").empty());
}

TEST_P(StoreContract, RemovingARecordTakesThatRecordOnly) {
    const core::Date june{2018, 6, 1}, july{2018, 7, 1};
    store->add_progress_report({"RY2018-002", june, 1.0, {}, "", "县交通局"});
    store->add_progress_report({"RY2018-002", july, 2.0, {}, "", "县交通局"});
    store->add_site_visit({"RY2018-002", july, "张卫东", ""});
    store->add_site_visit({"RY2018-002", july, "李明", ""});
    core::Problem problem;
    problem.id = "RY2018-002-Q1";
    problem.project_id = "RY2018-002";
    problem.raised_date = june;
    problem.description = "征地未完成";
    problem.owner = "县自然资源局";
    store->upsert_problem(problem);
    store->upsert_photo({"RY2018-002/a.jpg", 112.45, 34.05, "", {}, "RY2018-002", {}, ""});

    store->remove_progress_report("RY2018-002", june);
    store->remove_site_visit({"RY2018-002", july, "李明", ""});
    store->remove_problem("RY2018-002-Q1");
    store->remove_photo("RY2018-002/a.jpg");
    const auto reports = store->progress_reports();
    ASSERT_EQ(reports.size(), 1u);
    EXPECT_EQ(reports[0].report_date, july);
    const auto visits = store->site_visits();
    ASSERT_EQ(visits.size(), 1u);
    EXPECT_EQ(visits[0].visitor, "张卫东");
    EXPECT_TRUE(store->problems().empty());
    EXPECT_TRUE(store->photos().empty());
    try {
        store->remove_progress_report("RY2018-002", june);
        FAIL() << "removed a report twice";
    } catch (const StoreError& error) {
        EXPECT_EQ(error.table(), "progress_reports");
    }
}
