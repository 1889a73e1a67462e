#pragma once

// What the engine commands (status, record, project-day, baseline) share: opening a project
// for the engine, the as-of date, labels in the user's language, and JSON/CSV text.

#include "i18n.h"
#include "xiangjian/core/portfolio.h"
#include "xiangjian/core/text.h"
#include "xiangjian/core/vocabulary.h"
#include "xiangjian/store/entries.h"
#include "xiangjian/store/project_store.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xj::cli {

/// The day a command answers for: `--as-of` when given, else the project's own as-of setting
/// (a demo or an archived project), else today.
core::Date as_of_date(const std::string& option, const store::ProjectStore& store);
/// The day project-day and sheet answer for when no --date is given: the nearest project day
/// (Friday) on or after the project's as-of day, else today — the day itself when a Friday.
core::Date default_project_day(const store::ProjectStore& store);
/// The help of their --date and --leader, stating that rule and how names match.
std::string project_day_date_help();
std::string leader_help();
core::Date parse_date_option(const std::string& text, std::string_view option);

template <typename E> std::string label(E value) {
    return std::string{core::term_label(value)};
}

using core::fixed;
std::string fixed(const std::optional<double>& value, int decimals); ///< "-" when unset

/// JSON text: a string literal with escapes, a number or null.
std::string json_string(std::string_view text);
std::string json_number(const std::optional<double>& value);

/// A CSV field, quoted when it needs to be (RFC 4180).
std::string csv_field(std::string_view text);

/// The leader's projects of an evaluation, in evaluation order; `leader` as stored (see
/// core::match_leader). Throws xj::Error naming the project file when the leader has none.
std::vector<const core::ProjectStatus*> leader_projects(const core::Portfolio& portfolio,
                                                        const core::Evaluation& evaluation,
                                                        const std::string& leader,
                                                        const std::string& project_path);

/// The user recording a change: `--by`, else XIANGJIAN_USER, else the login name.
std::string recording_user(const std::string& option);
/// UTC now as YYYY-MM-DDTHH:MM:SSZ.
using store::utc_timestamp;

/// Ends a command that only read, once its output is written: flushed, and the process leaves
/// without tearing down what it read. Nothing is open for writing, and the destructors of a
/// province's history (a million reports) cost 0.04 s that a script waits for, for nothing.
[[noreturn]] void finish_reading(int code);

/// The township the user named: by its name (城关镇, or 城关 when one name starts so), its
/// 9-digit township code (410326100) or its 12-digit code (410326100000). An unknown one is a
/// UsageError that lists the project's townships (option --township).
core::AdminUnit find_township(const store::ProjectStore& store, const std::string& given,
                              const std::string& project_path);

} // namespace xj::cli
