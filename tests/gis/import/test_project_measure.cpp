// `import projects` reads how each project's progress is measured (计量方式), and a re-import
// without that column keeps what was set.

#include "test_support.h"
#include "xiangjian/core/error.h"
#include "xiangjian/import/project_import.h"
#include "xiangjian/store/open_project.h"

#include <gtest/gtest.h>

using namespace xj;

TEST(ProjectMeasureColumn, TheMeasureColumnIsReadAndASetMeasureSurvivesAReimport) {
    test::TempDir dir;
    const auto store = store::create_project(dir.file("county.gpkg"));
    const std::string with_column = dir.file("projects.csv");
    test::write_file(with_column, "项目编号,项目名称,项目类型,计划工程量,单位,计量方式\n"
                                  "P1,村卫生室,other,,,形象进度\n"
                                  "P2,通村公路,road,4.8,km,\n"
                                  "P3,水库,reservoir,,,milestones\n");
    import::import_projects(*store, with_column, {});
    auto projects = store->projects();
    ASSERT_EQ(projects.size(), 3u);
    EXPECT_EQ(projects[0].measure, core::Measure::percent);
    EXPECT_EQ(projects[1].measure, core::Measure::quantity);
    EXPECT_EQ(projects[2].measure, core::Measure::milestones);

    projects[1].measure = core::Measure::percent; // as `project set-measure` does
    store->upsert_project(projects[1]);
    const std::string without = dir.file("again.csv");
    test::write_file(without,
                     "项目编号,项目名称,项目类型,计划工程量,单位\nP2,通村公路,road,5,km\n");
    import::import_projects(*store, without, {});
    EXPECT_EQ(store->projects()[1].measure, core::Measure::percent);

    const std::string bad = dir.file("bad.csv");
    test::write_file(bad, "项目编号,项目名称,项目类型,计量方式\nP4,广场,other,quantity\n");
    EXPECT_THROW(import::import_projects(*store, bad, {}), InputError) << "no planned quantity";
}
