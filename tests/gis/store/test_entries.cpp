// Data entry through store/entries.h on a real GeoPackage: an entry is checked against what the
// file holds, written with its change-log line, refused without a trace, and withdrawn with
// both lines kept. Two stores open on one file stand for two windows on an office share.

#include "sample_records.h"
#include "test_support.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/store/entries.h"
#include "xiangjian/store/open_project.h"

#include <chrono>
#include <gtest/gtest.h>
#include <thread>

using namespace xj;

namespace {

core::Date d(const char* iso) {
    return *core::Date::parse_iso(iso);
}

class Entries : public ::testing::Test {
protected:
    void SetUp() override {
        set_language(Language::en);
        path = dir.file("county.gpkg");
        store = store::create_project(path);
        test::add_township_village_and_road(*store); // RY2018-002, 4.8 km
        core::Milestone start{"RY2018-002", 1, "开工", d("2018-05-01"), {}, 0.2, {}};
        core::Milestone finish{"RY2018-002", 2, "完工", d("2018-11-30"), {}, 0.8, {}};
        store->upsert_milestone(start);
        store->upsert_milestone(finish);
        store->add_progress_report({"RY2018-002", d("2018-06-01"), 1.5, {}, "", "县交通局"});
    }

    /// Everything an entry may touch, as the file holds it.
    std::string contents() const {
        std::string all;
        for (const auto& r : store->progress_reports()) {
            all += r.project_id + r.report_date.iso() +
                   std::to_string(r.cumulative_quantity.value_or(-1)) + ";";
        }
        for (const auto& p : store->problems()) {
            all += p.id + p.description + (p.closed_date ? p.closed_date->iso() : "open") + ";";
        }
        for (const auto& m : store->milestones()) {
            all += std::to_string(m.seq) + (m.actual_date ? m.actual_date->iso() : "-") + ";";
        }
        for (const auto& v : store->site_visits()) {
            all += v.visitor + v.visit_date.iso() + ";";
        }
        return all + std::to_string(store->changes().size());
    }

    const core::Date today = d("2018-12-31");
    test::TempDir dir;
    std::string path;
    std::unique_ptr<store::ProjectStore> store;
};

} // namespace

TEST_F(Entries, AnEntryIsWrittenWithItsLineInTheChangeLog) {
    const auto recorded = store::record_entry(
        *store, store::ProgressEntry{"RY2018-002", d("2018-08-31"), 3.2, {}, "路基完成", {}},
        "王敏", today);
    EXPECT_EQ(recorded.said, "progress of RY2018-002 2018-08-31 cumulative 3.20 km");
    const auto reports = store->progress_reports();
    ASSERT_EQ(reports.size(), 2u);
    EXPECT_EQ(reports[1].cumulative_quantity, 3.2);
    EXPECT_EQ(reports[1].reported_by, "王敏");
    const auto changes = store->changes();
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].action, "record progress");
    EXPECT_EQ(changes[0].recorded_by, "王敏");
    EXPECT_EQ(changes[0].detail, "2018-08-31 quantity 3.2 km");
    // On disk: another opening of the file sees it.
    EXPECT_EQ(store::open_project(path, store::Access::read_only)->progress_reports().size(), 2u);
}

TEST_F(Entries, ARefusedEntryNamesItsFieldAndLeavesTheFileAsItWas) {
    const std::string before = contents();
    const auto refused = [&](const store::Entry& entry) {
        try {
            store::record_entry(*store, entry, "王敏", today);
        } catch (const EntryError& error) {
            return error.field();
        }
        ADD_FAILURE() << "accepted";
        return EntryField::note;
    };
    EXPECT_EQ(refused(store::ProgressEntry{"RY2018-002", d("2018-08-31"), 1.0, {}, "", {}}),
              EntryField::quantity); // below the 1.5 km of June
    EXPECT_EQ(refused(store::ProgressEntry{"RY2018-002", d("2018-08-31"), {}, 101.0, "", {}}),
              EntryField::percent);
    EXPECT_EQ(refused(store::ProgressEntry{"RY2018-002", d("2019-01-04"), 4.0, {}, "", {}}),
              EntryField::date); // after today
    EXPECT_EQ(
        refused(store::ProblemEntry{"RY2018-002", d("2018-08-31"), core::ProblemCategory::land,
                                    "征地未完成", "县自然资源局", d("2018-08-01"), ""}),
        EntryField::deadline);
    EXPECT_EQ(refused(store::MilestoneEntry{"RY2018-002", 3, d("2018-08-31")}),
              EntryField::milestone);
    EXPECT_EQ(refused(store::VisitEntry{"RY2018-999", d("2018-08-31"), "张卫东", ""}),
              EntryField::project);
    EXPECT_EQ(contents(), before);
}

TEST_F(Entries, AWithdrawnEntryLeavesBothLinesAndUndoesItsRecord) {
    const auto progress = store::record_entry(
        *store, store::ProgressEntry{"RY2018-002", d("2018-08-31"), 3.2, {}, "", {}}, "王敏",
        today);
    const auto problem = store::record_entry(
        *store,
        store::ProblemEntry{"RY2018-002", d("2018-08-31"), core::ProblemCategory::land,
                            "征地未完成", "县自然资源局", d("2018-09-30"), ""},
        "王敏", today);
    EXPECT_EQ(std::get<store::ProblemEntry>(problem.entry).problem_id, "RY2018-002-Q1");
    const auto closed = store::record_entry(
        *store, store::CloseProblemEntry{"RY2018-002-Q1", d("2018-09-14"), "已完成征地"}, "王敏",
        today);
    const auto reached = store::record_entry(
        *store, store::MilestoneEntry{"RY2018-002", 1, d("2018-05-03")}, "王敏", today);
    EXPECT_EQ(store->milestones()[0].actual_date, d("2018-05-03"));

    store::withdraw_entry(*store, reached, "王敏");
    EXPECT_FALSE(store->milestones()[0].actual_date);
    store::withdraw_entry(*store, closed, "王敏");
    ASSERT_EQ(store->problems().size(), 1u);
    EXPECT_FALSE(store->problems()[0].closed_date);
    EXPECT_TRUE(store->problems()[0].resolution.empty());
    store::withdraw_entry(*store, problem, "王敏");
    EXPECT_TRUE(store->problems().empty());
    store::withdraw_entry(*store, progress, "李明");
    EXPECT_EQ(store->progress_reports().size(), 1u);

    const auto changes = store->changes();
    ASSERT_EQ(changes.size(), 8u);
    EXPECT_EQ(changes[0].action, "record progress");
    EXPECT_EQ(changes[7].action, "withdraw record progress");
    EXPECT_EQ(changes[7].recorded_by, "李明");
    EXPECT_EQ(changes[7].detail, "withdraws the entry of " + changes[0].recorded_at +
                                     " by 王敏: 2018-08-31 quantity 3.2 km");
    // Withdrawn once, it cannot be withdrawn again.
    EXPECT_THROW(store::withdraw_entry(*store, progress, "李明"), StoreError);
}

TEST_F(Entries, AnEntryIsCheckedAgainstWhatAnotherWindowWrote) {
    auto other = store::open_project(path, store::Access::update);
    store::record_entry(*other,
                        store::ProgressEntry{"RY2018-002", d("2018-09-30"), 4.0, {}, "", {}},
                        "李明", today);
    // This window has not refreshed, yet the store's check sees the other's 4 km.
    try {
        store::record_entry(*store,
                            store::ProgressEntry{"RY2018-002", d("2018-10-31"), 3.5, {}, "", {}},
                            "王敏", today);
        FAIL() << "went backwards past the other window's report";
    } catch (const EntryError& error) {
        EXPECT_EQ(error.field(), EntryField::quantity);
        EXPECT_NE(std::string{error.what()}.find("2018-09-30"), std::string::npos) << error.what();
    }
}

TEST_F(Entries, AWriteWaitsForTheOtherWindowsWriteToEnd) {
    auto other = store::open_project(path, store::Access::update);
    other->begin_transaction();
    other->add_site_visit({"RY2018-002", d("2018-09-14"), "李明", "在写入时"});
    std::thread commit_later([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        other->commit_transaction();
    });
    const auto started = std::chrono::steady_clock::now();
    store::record_entry(*store, store::VisitEntry{"RY2018-002", d("2018-09-14"), "张卫东", ""},
                        "张卫东", today);
    const auto waited = std::chrono::steady_clock::now() - started;
    commit_later.join();
    EXPECT_GE(waited, std::chrono::milliseconds(250));
    EXPECT_EQ(store->site_visits().size(), 2u); // both entries kept
    EXPECT_EQ(test::sql_scalar(path, "PRAGMA integrity_check"), "ok");
}
