#pragma once

// Builders for the engine tests: short calls for the records the hand-computed cases need.

#include "xiangjian/core/portfolio.h"

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace xj::core::testing {

inline Date d(std::string_view iso) {
    const auto date = Date::parse_iso(iso);
    if (!date) {
        throw std::invalid_argument(std::string{iso});
    }
    return *date;
}

/// A quantity project planned for the whole of 2020 (365 days from 2020-01-01 to 2020-12-31).
inline Project quantity_project(std::string id, double planned, std::string unit = "km") {
    Project p;
    p.id = std::move(id);
    p.name = "项目" + p.id;
    p.type = ProjectType::road;
    p.stage = Stage::continuing;
    p.measure = Measure::quantity;
    p.unit = std::move(unit);
    p.planned_quantity = planned;
    p.township_code = "410326100000";
    p.village_code = "410326100201";
    p.leader = "张三";
    p.responsible_unit = "交通局";
    p.planned_start = d("2020-01-01");
    p.planned_finish = d("2020-12-31");
    return p;
}

inline Project milestone_project(std::string id) {
    auto p = quantity_project(std::move(id), 1, "项");
    p.measure = Measure::milestones;
    p.planned_quantity.reset();
    p.unit.clear();
    return p;
}

inline ProgressReport quantity_report(std::string project, std::string_view date, double q) {
    ProgressReport r;
    r.project_id = std::move(project);
    r.report_date = d(date);
    r.cumulative_quantity = q;
    return r;
}

inline ProgressReport percent_report(std::string project, std::string_view date, double percent) {
    ProgressReport r;
    r.project_id = std::move(project);
    r.report_date = d(date);
    r.percent = percent;
    return r;
}

inline Milestone milestone(std::string project, int seq, std::string_view planned,
                           double weight = 1.0, std::optional<std::string_view> actual = {}) {
    Milestone m;
    m.project_id = std::move(project);
    m.seq = seq;
    m.name = "M" + std::to_string(seq);
    m.planned_date = d(planned);
    m.weight = weight;
    if (actual) {
        m.actual_date = d(*actual);
    }
    return m;
}

inline Problem problem(std::string id, std::string project, std::string_view raised,
                       std::string owner, std::optional<std::string_view> deadline = {},
                       std::optional<std::string_view> closed = {}) {
    Problem p;
    p.id = std::move(id);
    p.project_id = std::move(project);
    p.raised_date = d(raised);
    p.owner = std::move(owner);
    if (deadline) {
        p.deadline = d(*deadline);
    }
    if (closed) {
        p.closed_date = d(*closed);
    }
    return p;
}

inline Disbursement disbursement(std::string project, std::string_view date, double wan) {
    return Disbursement{std::move(project), d(date), wan, {}};
}

} // namespace xj::core::testing
