#pragma once

// The closed vocabularies of the domain. Each value has a stable ASCII code (what the database and
// the exports store) and a Chinese label (what users read).

#include "xiangjian/core/language.h"

#include <optional>
#include <span>
#include <string_view>

namespace xj::core {

enum class AdminLevel { county, township, village };

/// What a project builds. Units differ by type: km of road or dike, drinking-water sites,
/// households, MW.
enum class ProjectType { road, water, dike, housing, reservoir, pv, other };

/// Lifecycle stage as recorded by the county (前期 → 新开工 → 续建 → 竣工 → 投用).
enum class Stage { preliminary, new_start, continuing, completed, in_service };

/// How a project's percent complete is measured (docs/engine.md, "Percent done"): by the
/// reported cumulative quantity against the plan, by the reported percent (形象进度), or by the
/// milestones reached together with the reports, whichever is the latest evidence.
enum class Measure { quantity, percent, milestones };

/// Problem categories of the project-day problem list (问题清单).
enum class ProblemCategory { approval, land, construction, environment, funding, other };

template <typename E> struct Term {
    E value;
    std::string_view code;
    std::string_view label_zh;
    std::string_view label_en;
};

std::span<const Term<AdminLevel>> terms(AdminLevel);
std::span<const Term<ProjectType>> terms(ProjectType);
std::span<const Term<Stage>> terms(Stage);
std::span<const Term<Measure>> terms(Measure);
std::span<const Term<ProblemCategory>> terms(ProblemCategory);

template <typename E> const Term<E>& term(E value) {
    for (const auto& t : terms(E{})) {
        if (t.value == value) {
            return t;
        }
    }
    return terms(E{}).front(); // unreachable for a valid enumerator
}

template <typename E> std::string_view code(E value) {
    return term(value).code;
}
template <typename E> std::string_view label_zh(E value) {
    return term(value).label_zh;
}

/// The label in the reader's language (xj::language()).
template <typename E> std::string_view term_label(E value) {
    const auto& t = term(value);
    return xj::tr(t.label_zh, t.label_en);
}

/// Accepts the ASCII code or the Chinese label.
template <typename E> std::optional<E> parse_term(std::string_view text) {
    for (const auto& t : terms(E{})) {
        if (text == t.code || text == t.label_zh) {
            return t.value;
        }
    }
    return std::nullopt;
}

} // namespace xj::core
