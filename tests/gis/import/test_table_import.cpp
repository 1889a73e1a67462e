// `import milestones|progress|problems`: tables as township offices send them — GBK CSV,
// UTF-8 CSV with a BOM, XLSX — and every way a row can be wrong.

#include "test_support.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/input_errors.h"
#include "xiangjian/core/language.h"
#include "xiangjian/import/table_import.h"
#include "xiangjian/store/open_project.h"

#include <gtest/gtest.h>

using namespace xj;
using import::TableKind;

namespace {

const std::string tables_dir = std::string{XJ_TEST_DATA} + "/tables/";

class TableImport : public ::testing::Test {
protected:
    void TearDown() override { xj::set_language(xj::Language::zh); }
    void SetUp() override {
        xj::set_language(xj::Language::en); // the tests read the English messages
        store = xj::store::create_project(dir.file("county.gpkg"));
        for (const char* id : {"RY2018-001", "RY2018-002"}) {
            core::Project p;
            p.id = id;
            p.name = id;
            p.measure = core::Measure::milestones;
            store->upsert_project(p);
        }
    }
    import::ImportReport import(TableKind kind, const std::string& file,
                                std::map<std::string, std::string> columns = {}, bool dry = false) {
        import::TableImportOptions options;
    options.kind = kind;
    options.columns = std::move(columns);
    options.dry_run = dry;
    return import::import_table(*store, file, options);
} std::string write(const std::string& content) {
    const std::string path = dir.file("table.csv");
    test::write_file(path, content);
    return path;
}
std::string failure(TableKind kind, const std::string& content,
                    std::map<std::string, std::string> columns = {}) {
    const auto reports = store->progress_reports().size();
    const auto problems = store->problems().size();
    const auto milestones = store->milestones().size();
    last_place.reset();
    try {
        import(kind, write(content), std::move(columns));
    } catch (const Error& error) {
        EXPECT_EQ(store->progress_reports().size(), reports);
        EXPECT_EQ(store->problems().size(), problems);
        EXPECT_EQ(store->milestones().size(), milestones);
        if (const auto* input = dynamic_cast<const InputError*>(&error)) {
            last_place = input->place();
        }
        return error.what();
    }
    ADD_FAILURE() << "no error for:\n" << content;
    return {};
}
test::TempDir dir;
std::unique_ptr<store::ProjectStore> store;
std::optional<InputPlace> last_place; ///< of the last failure(), when it was bad input
};                                    // namespace

} // namespace

TEST_F(TableImport, GbkProgressWithDatesWrittenThreeWays) {
    const auto report = import(TableKind::progress, tables_dir + "progress_gbk.csv");
    EXPECT_NE(report.encoding.find("GB18030"), std::string::npos);
    EXPECT_EQ(report.added, 4u);
    const auto reports = store->progress_reports();
    ASSERT_EQ(reports.size(), 4u);
    EXPECT_EQ(reports[0].project_id, "RY2018-001");
    EXPECT_DOUBLE_EQ(*reports[0].percent, 62.0);
    EXPECT_EQ(reports[0].note, "主坝填筑至373米高程");
    EXPECT_EQ(reports[1].report_date, core::Date(2018, 7, 6));
    EXPECT_DOUBLE_EQ(*reports[1].percent, 25.0) << "25% read as 25";
    EXPECT_DOUBLE_EQ(*reports[1].cumulative_quantity, 1.2);
    EXPECT_EQ(reports[2].report_date, core::Date(2018, 7, 13));
    EXPECT_FALSE(reports[2].percent);
    EXPECT_EQ(reports[3].reported_by, "县交通运输局");

    const auto again = import(TableKind::progress, tables_dir + "progress_gbk.csv");
    EXPECT_EQ(again.unchanged, 4u);
    EXPECT_EQ(again.added + again.updated, 0u);
}

TEST_F(TableImport, NumbersAndDatesTypedWithAChineseInputMethodOrThousandsSeparators) {
    const auto report =
        import(TableKind::progress, write("项目编号,填报日期,完成百分比,完成量\n"
                                          "RY2018-001,２０１８年７月６日,２５％,\"1,200.5\"\n"
                                          "RY2018-001,2018-07-13T00:00:00,30 %,１３００\n"
                                          "RY2018-002,2018年7月13号,８．５,\n"));
    EXPECT_EQ(report.added, 3u);
    const auto reports = store->progress_reports();
    ASSERT_EQ(reports.size(), 3u);
    EXPECT_EQ(reports[0].report_date, core::Date(2018, 7, 6));
    EXPECT_DOUBLE_EQ(*reports[0].percent, 25.0);
    EXPECT_DOUBLE_EQ(*reports[0].cumulative_quantity, 1200.5);
    EXPECT_EQ(reports[1].report_date, core::Date(2018, 7, 13));
    EXPECT_DOUBLE_EQ(*reports[1].percent, 30.0);
    EXPECT_DOUBLE_EQ(*reports[1].cumulative_quantity, 1300.0);
    EXPECT_DOUBLE_EQ(*reports[2].percent, 8.5);
    // A comma that is not a thousands separator is no number (a unit: see
    // AQuantityWrittenWithItsUnitIsConvertedToTheProjectsUnit).
    for (const char* quantity : {"\"1,20\"", "\"12,000,00\"", "\"1,2,3\"", "5-6"}) {
        const std::string message =
            failure(TableKind::progress,
                    std::string{"项目编号,填报日期,完成百分比,完成量\nRY2018-002,2018-08-01,40,"} +
                        quantity + "\n");
        EXPECT_NE(message.find("is not a number"), std::string::npos) << message;
        EXPECT_NE(message.find("row 2"), std::string::npos) << message;
        ASSERT_TRUE(last_place) << "bad input is an InputError";
        EXPECT_EQ(last_place->file, dir.file("table.csv"));
        EXPECT_EQ(last_place->row, 2u);
        EXPECT_EQ(last_place->column, "完成量");
    }
}

TEST_F(TableImport, HeadersWithUnitsLineBreaksAndSpacesAreRecognised) {
    const auto report = import(
        TableKind::progress, write("项目编号 ,\"填报\n日期\",完成百分比（%）,完成量(km),ＮＯＴＥ\n"
                                   "RY2018-001,2018-07-06,25,1.5,主坝\n"));
    EXPECT_EQ(report.added, 1u);
    const auto reports = store->progress_reports();
    ASSERT_EQ(reports.size(), 1u);
    EXPECT_EQ(reports[0].report_date, core::Date(2018, 7, 6));
    EXPECT_DOUBLE_EQ(*reports[0].percent, 25.0);
    EXPECT_DOUBLE_EQ(*reports[0].cumulative_quantity, 1.5);
    EXPECT_EQ(reports[0].note, "主坝");
}

TEST_F(TableImport, SpreadsheetDatesThatLostTheirFormatAreReadAsExcelDayNumbers) {
    const auto report = import(TableKind::milestones, tables_dir + "milestones_serial_dates.xlsx");
    EXPECT_EQ(report.added, 2u);
    const auto milestones = store->milestones();
    ASSERT_EQ(milestones.size(), 2u);
    EXPECT_EQ(milestones[0].planned_date, core::Date(2018, 3, 1));
    EXPECT_EQ(milestones[0].actual_date, core::Date(2018, 3, 7));
    EXPECT_EQ(milestones[1].planned_date, core::Date(2018, 8, 3));
    EXPECT_FALSE(milestones[1].actual_date);
    // In a CSV a number is not a date: nothing says it was one.
    EXPECT_NE(failure(TableKind::milestones, "项目编号,节点名称,计划日期\nRY2018-002,开工,43160\n")
                  .find("is not a date"),
              std::string::npos);
}

TEST_F(TableImport, MilestonesFromXlsxAreMatchedByNameOnReimport) {
    EXPECT_EQ(import(TableKind::milestones, tables_dir + "milestones.xlsx").added, 3u);
    const auto milestones = store->milestones();
    ASSERT_EQ(milestones.size(), 3u);
    EXPECT_EQ(milestones[0].name, "开工");
    EXPECT_EQ(milestones[0].actual_date, core::Date(2018, 4, 20));
    EXPECT_EQ(milestones[1].seq, 2);
    EXPECT_DOUBLE_EQ(milestones[1].weight, 2.0);
    EXPECT_DOUBLE_EQ(*milestones[2].target_quantity, 4.8);
    const auto again = import(TableKind::milestones, tables_dir + "milestones.xlsx");
    EXPECT_EQ(again.unchanged, 3u);
}

TEST_F(TableImport, ProblemsWithABomAndNoIdsGetStableIds) {
    EXPECT_EQ(import(TableKind::problems, tables_dir + "problems_bom.csv").added, 2u);
    const auto problems = store->problems();
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].project_id, "RY2018-001");
    EXPECT_EQ(problems[0].category, core::ProblemCategory::funding);
    EXPECT_FALSE(problems[0].closed_date);
    EXPECT_EQ(problems[1].category, core::ProblemCategory::land);
    EXPECT_EQ(problems[1].closed_date, core::Date(2018, 6, 20));
    EXPECT_EQ(import(TableKind::problems, tables_dir + "problems_bom.csv").unchanged, 2u);
}

TEST_F(TableImport, EveryBadRowIsNamedByFileRowAndColumn) {
    const std::string header = "项目编号,日期,进度\n";
    struct Case {
        std::string rows;
        std::string expected;
    } cases[] = {
        {"RY2018-999,2018-08-03,50\n", "row 2, column '项目编号': project 'RY2018-999' is not"},
        {"RY2018-002,2018-13-03,50\n", "row 2, column '日期': '2018-13-03' is not a date"},
        {"RY2018-002,2018-08-03,120\n", "row 2, column '进度': 120 is over 100"},
        {"RY2018-002,2018-08-03,-5\n", "row 2, column '进度': -5 is negative"},
        {"RY2018-002,2018-08-03,50\nRY2018-002,2018-08-10,40\n",
         "row 3, column '进度': progress of RY2018-002 goes backwards on 2018-08-10"},
        {"RY2018-002,2018-08-03,五十\n", "row 2, column '进度': '五十' is not a number"},
    };
    for (const auto& [rows, expected] : cases) {
        const std::string message = failure(TableKind::progress, header + rows);
        EXPECT_NE(message.find("table.csv, " + expected), std::string::npos)
            << "expected: " << expected << "\ngot: " << message;
    }
}

TEST_F(TableImport, ProgressCannotGoBackBehindWhatIsStored) {
    import(TableKind::progress, tables_dir + "progress_gbk.csv");
    const std::string message =
        failure(TableKind::progress, "项目编号,日期,完成量\nRY2018-002,2018-07-27,1.0\n");
    EXPECT_NE(message.find("goes backwards on 2018-07-27 (after 2018-07-20)"), std::string::npos)
        << message;
}

TEST_F(TableImport, UnknownHeadersListWhatWasExpectedAndColumnsMapsThem) {
    const std::string table = "项目编号,上报时间,进度\nRY2018-002,2018-08-03,50\n";
    const std::string message = failure(TableKind::progress, table);
    EXPECT_NE(message.find("no column for 'date'"), std::string::npos) << message;
    EXPECT_NE(message.find("填报日期"), std::string::npos) << message;
    EXPECT_NE(message.find("--columns date="), std::string::npos) << message;
    EXPECT_NE(message.find("上报时间"), std::string::npos) << "lists the file's columns";
    EXPECT_EQ(import(TableKind::progress, write(table), {{"date", "上报时间"}}).added, 1u);
    EXPECT_EQ(import::parse_column_mapping("date=上报时间,percent=完成率").at("percent"), "完成率");
    EXPECT_THROW(import::parse_column_mapping("date"), Error);
}

TEST_F(TableImport, DryRunWritesNothing) {
    const auto planned = import(TableKind::problems, tables_dir + "problems_bom.csv", {}, true);
    EXPECT_EQ(planned.added, 2u);
    EXPECT_TRUE(store->problems().empty());
}

TEST_F(TableImport, AColumnNoFieldTakesIsNamedInTheReport) {
    xj::set_language(xj::Language::zh);
    const auto report = import(TableKind::progress, write("项目编号,日期,进度,天气,现场照片\n"
                                                          "RY2018-001,2018-08-03,40,晴,有\n"));
    EXPECT_EQ(report.added, 1u);
    ASSERT_EQ(report.warnings.size(), 1u);
    EXPECT_NE(report.warnings[0].find("未使用的列：天气、现场照片"), std::string::npos)
        << report.warnings[0];
    const auto all_used =
        import(TableKind::progress, write("项目编号,日期,进度\nRY2018-001,2018-08-10,50\n"));
    EXPECT_TRUE(all_used.warnings.empty()) << all_used.warnings.front();
}

TEST_F(TableImport, EveryBadRowOfAFileIsReportedInOneRun) {
    xj::set_language(xj::Language::zh);
    try {
        import(TableKind::progress, write("项目编号,日期,进度\n"
                                          "RY2018-001,2018-13-03,40\n"
                                          "RY2018-001,2018-08-10,50\n"
                                          "RY2018-002,八月,60\n"
                                          "RY2018-009,2018-08-10,70\n"));
        ADD_FAILURE() << "bad rows imported";
    } catch (const InputErrors& errors) {
        EXPECT_EQ(errors.total(), 3u);
        ASSERT_EQ(errors.errors().size(), 3u);
        EXPECT_EQ(errors.errors()[0].row(), 2u);
        EXPECT_EQ(errors.errors()[0].column(), "日期");
        EXPECT_EQ(errors.errors()[1].row(), 4u);
        EXPECT_EQ(errors.errors()[2].row(), 5u);
        EXPECT_EQ(errors.errors()[2].column(), "项目编号");
        EXPECT_EQ(errors.row(), 2u) << "the first bad row is the error's place";
        const std::string message = errors.what();
        EXPECT_NE(message.find("3 处有误"), std::string::npos) << message;
        EXPECT_NE(message.find("八月"), std::string::npos) << message;
    }
    EXPECT_TRUE(store->progress_reports().empty());

    // A long list is cut, and what was cut counted.
    std::string many = "项目编号,日期,进度\n";
    for (int i = 0; i < 60; ++i) {
        many += "RY2018-001,不是日期,40\n";
    }
    try {
        import(TableKind::progress, write(many));
        ADD_FAILURE() << "bad rows imported";
    } catch (const InputErrors& errors) {
        EXPECT_EQ(errors.total(), 60u);
        EXPECT_EQ(errors.errors().size(), RowErrors::listed);
        EXPECT_NE(std::string{errors.what()}.find("另有 10 处"), std::string::npos);
    }
}

TEST_F(TableImport, TheSameProblemRecordedTwiceIsRefusedNamingTheFirst) {
    import(TableKind::problems, write("问题编号,项目编号,发现日期,问题描述\n"
                                      "P-1,RY2018-001,2018-08-03,征地未完成\n"));
    // Again under another id, from another office's list: refused, naming P-1.
    const std::string again =
        failure(TableKind::problems, "问题编号,项目编号,发现日期,问题描述\n"
                                     "W-7,RY2018-001,2018-08-03,征地未完成\n");
    EXPECT_NE(again.find("recorded already as P-1"), std::string::npos) << again;
    ASSERT_TRUE(last_place);
    EXPECT_EQ(last_place->row, 2u);
    // Twice in one file, the second without an id.
    const std::string twice = failure(TableKind::problems, "问题编号,项目编号,发现日期,问题描述\n"
                                                           "P-2,RY2018-002,2018-08-03,资金未到位\n"
                                                           ",RY2018-002,2018-08-03,资金未到位\n");
    EXPECT_NE(twice.find("recorded already as P-2"), std::string::npos) << twice;
    EXPECT_EQ(store->problems().size(), 1u);
    // The same row again is a re-import, not a second problem.
    EXPECT_EQ(import(TableKind::problems, write("问题编号,项目编号,发现日期,问题描述\n"
                                                "P-1,RY2018-001,2018-08-03,征地未完成\n"))
                  .unchanged,
              1u);
}

TEST_F(TableImport, AQuantityWrittenWithItsUnitIsConvertedToTheProjectsUnit) {
    core::Project road;
    road.id = "RY2018-003";
    road.name = "通村公路";
    road.unit = "km";
    road.planned_quantity = 5.8;
    road.measure = core::Measure::quantity;
    store->upsert_project(road);
    import(TableKind::progress, write("项目编号,日期,完成量\n"
                                      "RY2018-003,2018-05-01,1.5公里\n"
                                      "RY2018-003,2018-06-01,2500米\n"
                                      "RY2018-003,2018-07-01,3.1\n"));
    const auto reports = store->progress_reports();
    ASSERT_EQ(reports.size(), 3u);
    EXPECT_DOUBLE_EQ(*reports[0].cumulative_quantity, 1.5);
    EXPECT_DOUBLE_EQ(*reports[1].cumulative_quantity, 2.5);
    EXPECT_DOUBLE_EQ(*reports[2].cumulative_quantity, 3.1);

    const std::string message =
        failure(TableKind::progress, "项目编号,日期,完成量\nRY2018-003,2018-08-01,12户\n");
    EXPECT_NE(message.find("12户"), std::string::npos) << message;
    EXPECT_NE(message.find("not in the project's unit 'km'"), std::string::npos) << message;
    ASSERT_TRUE(last_place);
    EXPECT_EQ(last_place->row, 2u);
    EXPECT_EQ(last_place->column, "完成量");
}
