#pragma once

// Data entry (录入) as `xiangjian record` and the viewer's project-day forms make it. Each
// entry is checked by the engine's entry checks (core/entry_checks.h) against the project's
// records as the store holds them at that moment, inside the transaction that writes it, so
// that two people recording on one project file cannot slip a contradiction past each other.
// The entry and its line in the change log are one transaction. A mistaken entry is
// withdrawn the same way: its record goes, and the change log keeps both lines; history is
// never rewritten.

#include "xiangjian/core/date.h"
#include "xiangjian/core/photo.h"
#include "xiangjian/core/vocabulary.h"
#include "xiangjian/store/project_store.h"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace xj::store {

struct ProgressEntry {
    std::string project_id;
    core::Date day;
    std::optional<double> quantity; ///< cumulative, in the project's unit
    std::optional<double> percent;  ///< cumulative
    std::string note;
    std::vector<core::Photo> photos; ///< already beside the project (paths relative to it)
};

struct VisitEntry {
    std::string project_id;
    core::Date day;
    std::string visitor; ///< empty: whoever records it
    std::string note;
};

struct ProblemEntry {
    std::string project_id;
    core::Date day; ///< raised
    core::ProblemCategory category = core::ProblemCategory::other;
    std::string description;
    std::string owner;
    std::optional<core::Date> deadline;
    std::string problem_id; ///< empty: the project's next free id (ID-Q1, ID-Q2 …)
};

struct CloseProblemEntry {
    std::string problem_id;
    core::Date day; ///< closed
    std::string resolution;
};

struct MilestoneEntry {
    std::string project_id;
    int seq = 0;
    core::Date day; ///< reached
};

struct PaymentEntry {
    std::string project_id;
    core::Date day;
    double amount_wan = 0;
    std::string note;
};

using Entry = std::variant<ProgressEntry, VisitEntry, ProblemEntry, CloseProblemEntry,
                           MilestoneEntry, PaymentEntry>;

/// An entry as written: enough to say it and to withdraw it.
struct RecordedEntry {
    Entry entry;         ///< as written: a new problem with its id, a visit with its visitor
    ChangeRecord change; ///< its line in the change log
    std::string project_id;
    std::string said; ///< the entry in the user's language ("进度 RY2018-002 2018-08-31 累计 45 %")
    std::vector<std::string> warnings; ///< that did not block it (a quantity above the plan)
};

/// Checks and writes the entry in one transaction with its change-log line, recorded by `by`
/// at the present UTC time. Throws xj::EntryError naming the form field at fault (nothing
/// written), or a StoreError when the project cannot be written (another writer held it for
/// longer than the store waits). An entry dated after `today` is refused.
RecordedEntry record_entry(ProjectStore& store, const Entry& entry, const std::string& by,
                           core::Date today);

/// Withdraws an entry made by record_entry: removes its record (a report with its photos, a
/// visit, a raised problem), or undoes its change (reopens a closed problem, unmarks a
/// milestone), and logs the withdrawal. Throws when the record is no longer as the entry left
/// it (someone changed it since). Payments cannot be withdrawn.
ChangeRecord withdraw_entry(ProjectStore& store, const RecordedEntry& recorded,
                            const std::string& by);

/// The present time in UTC as the change log keeps it: YYYY-MM-DDTHH:MM:SSZ.
std::string utc_timestamp();

} // namespace xj::store
