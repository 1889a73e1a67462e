#pragma once

#include "xiangjian/core/date.h"
#include "xiangjian/core/vocabulary.h"

#include <optional>
#include <string>

namespace xj::core {

/// A tracked infrastructure project (重点项目) with its responsibility chain:
/// the assigned county leader (分包领导), the responsible unit (责任单位) and the township.
struct Project {
    std::string id; ///< the county's project number (项目编号), unique
    std::string name;
    ProjectType type = ProjectType::other;
    Stage stage = Stage::preliminary;
    Measure measure = Measure::quantity;
    std::string unit;                       ///< of planned_quantity: km, 处, 户, MW, m³ …
    std::optional<double> planned_quantity; ///< required when measured by quantity
    std::string township_code;              ///< 12 digits
    std::string village_code;               ///< 12 digits, or empty for a township-wide project
    std::string leader;
    std::string responsible_unit;
    std::optional<double> budget_wan; ///< planned investment in 万元 (10,000 CNY)
    std::optional<Date> planned_start;
    std::optional<Date> planned_finish;
    bool key_project = true; ///< one of the county's key projects (重点项目)

    friend bool operator==(const Project&, const Project&) = default;
};

/// A named step of a project's plan. Progress by milestones weighs each by `weight`.
struct Milestone {
    std::string project_id;
    int seq = 0; ///< order within the project, from 1
    std::string name;
    Date planned_date;
    std::optional<Date> actual_date; ///< set when the milestone was reached
    double weight = 1.0;
    std::optional<double> target_quantity; ///< cumulative quantity the milestone stands for

    friend bool operator==(const Milestone&, const Milestone&) = default;
};

/// One dated progress report. Quantities and percents are cumulative; history is kept.
struct ProgressReport {
    std::string project_id;
    Date report_date;
    std::optional<double> cumulative_quantity;
    std::optional<double> percent; ///< 0–100, when reported as a percent
    std::string note;
    std::string reported_by;

    friend bool operator==(const ProgressReport&, const ProgressReport&) = default;
};

/// An entry of the problem list (问题清单): raised, assigned, and closed (销号).
struct Problem {
    std::string id; ///< unique
    std::string project_id;
    Date raised_date;
    ProblemCategory category = ProblemCategory::other;
    std::string description;
    std::string owner; ///< who must solve it
    std::optional<Date> deadline;
    std::optional<Date> closed_date;
    std::string resolution;

    bool open_on(Date day) const {
        return raised_date <= day && (!closed_date || day < *closed_date);
    }

    friend bool operator==(const Problem&, const Problem&) = default;
};

/// A village a project serves or passes through, and how that was established: by the code in
/// the project's data, or spatially (the village containing a point site, the villages a line
/// crosses with its length in each, the villages a polygon covers with its area in each).
struct ProjectVillage {
    std::string project_id;
    std::string village_code;
    std::string matched_by; ///< code, point, line, polygon
    std::optional<double> length_m;
    std::optional<double> area_m2;

    friend bool operator==(const ProjectVillage&, const ProjectVillage&) = default;
};

/// A leader's visit to a site on a project workday.
struct SiteVisit {
    std::string project_id;
    Date visit_date;
    std::string visitor;
    std::string note;

    friend bool operator==(const SiteVisit&, const SiteVisit&) = default;
};

} // namespace xj::core
