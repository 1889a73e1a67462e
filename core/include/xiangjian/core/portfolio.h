#pragma once

// The progress engine's entry point. A Portfolio indexes a snapshot of the project database
// once; every question after that ("as of D") is answered from the indexes without reloading,
// and only from records dated on or before D, so an earlier day always gets its earlier answer.

#include "xiangjian/core/plan_curve.h"
#include "xiangjian/core/portfolio_data.h"
#include "xiangjian/core/project_status.h"
#include "xiangjian/core/text_index.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace xj::core {

/// A village a project counts in, and the part of the project's quantities it gets.
struct VillageLink {
    double share = 1.0; ///< 1 unless the project is split by length or area
    /// The village's number among Portfolio::linked_villages() (in the order of their codes),
    /// which gives its code: 16 bytes a link instead of 48 with a copy of the code (a
    /// province's 300,000 links).
    std::uint32_t village = 0;
};

/// One point of an S-curve: planned and actual percent as known on `date`.
struct SCurvePoint {
    Date date;
    std::optional<double> planned_percent;
    double actual_percent = 0;
};

/// Immutable once built: evaluations are const and may run concurrently.
class Portfolio {
public:
    /// Indexes `data`. Throws xj::Error for a duplicate project or problem id, a child record
    /// (milestone, report, problem, visit, village link, disbursement) naming an unknown
    /// project, or invalid settings. Baseline entries of since-removed projects are ignored.
    explicit Portfolio(PortfolioData data);
    Portfolio(const Portfolio&) = delete;
    Portfolio& operator=(const Portfolio&) = delete;
    Portfolio(Portfolio&&) noexcept = default; // moving keeps ProjectStatus::project valid
    Portfolio& operator=(Portfolio&&) noexcept = default;
    ~Portfolio() = default;

    const EngineSettings& settings() const { return m_data.settings; }
    /// Unique among the portfolios this process has built, and moved with the content: what a
    /// cache keyed on a portfolio compares, since another portfolio may later be built at the
    /// address of one destroyed.
    std::uint64_t serial() const { return m_serial; }

    std::span<const Project> projects() const { return m_data.projects; } ///< by id
    std::optional<std::size_t> find(std::string_view project_id) const;
    const Project* project(std::string_view project_id) const;

    std::span<const Milestone> milestones(std::size_t project) const; ///< by seq
    /// The day a milestone of milestones() was reached: its actual date, or for a start
    /// milestone (开工, 动工, start) without one, the day of the project's first report of
    /// progress (inferred_reached() is then true). None when not reached (yet).
    std::optional<Date> reached_on(const Milestone& milestone) const;
    bool inferred_reached(const Milestone& milestone) const;
    std::span<const ProgressReport> reports(std::size_t project) const;   ///< by date
    std::span<const Problem> problems(std::size_t project) const;         ///< by raised date
    std::span<const Problem> problems() const { return m_data.problems; } ///< by project
    const Problem* problem(std::string_view problem_id) const;
    std::span<const SiteVisit> site_visits(std::size_t project) const;      ///< by date
    std::span<const Disbursement> disbursements(std::size_t project) const; ///< by date
    /// The villages the project counts in: its project_villages and its own village_code.
    std::span<const VillageLink> villages(std::size_t project) const;
    /// Indexes of the projects that count in a village.
    std::span<const std::uint32_t> projects_in_village(std::string_view village_code) const;
    /// The codes of the villages some project counts in, ascending; VillageLink::village is a
    /// position here.
    std::span<const std::string_view> linked_villages() const { return m_village_codes; }

    std::span<const AdminUnit> admin_units() const { return m_data.admin_units; } ///< by code
    const AdminUnit* admin_unit(std::string_view code) const;
    std::span<const IndicatorRule> indicator_rules() const { return m_data.indicator_rules; }
    /// By village, indicator and date.
    std::span<const VillageIndicator> village_indicators() const {
        return m_data.village_indicators;
    }
    std::span<const VillageIndicator> village_indicators(std::string_view village_code) const;
    std::span<const Baseline> baselines() const { return m_data.baselines; }
    const Baseline* baseline(std::string_view name) const;

    /// Every project as of `as_of`. With a baseline, planned percents come from the baseline's
    /// plan; pass one of baselines() to reuse its index, any other is indexed for the call.
    Evaluation evaluate(Date as_of, const Baseline* baseline = nullptr) const;
    ProjectStatus evaluate(std::size_t project, Date as_of,
                           const Baseline* baseline = nullptr) const;

    /// Percent done as known on `day` (the engine's measure for the project).
    double percent_at(std::size_t project, Date day) const;
    std::optional<double> planned_percent_at(std::size_t project, Date day,
                                             const Baseline* baseline = nullptr) const;
    /// The points of the project's current plan (or of the baseline's copy of it; empty when
    /// the baseline does not know the project).
    std::vector<PlanPoint> plan(std::size_t project, const Baseline* baseline = nullptr) const;

    /// A copy of the current plan: milestones without actual dates, planned start, finish and
    /// quantity of every project. Store it (PortfolioData::baselines) to evaluate against later.
    Baseline freeze_baseline(std::string name, Date frozen_on) const;

    /// Planned and actual percent every `step_days` from `from`, and on `to`. An empty
    /// project_id means the whole portfolio: budget-weighted over the projects with a budget
    /// when any has one, else the plain mean (planned: over those of them with a plan).
    /// Empty when `to` is before `from`; throws xj::Error for an unknown project or a step < 1.
    std::vector<SCurvePoint> s_curve(std::string_view project_id, Date from, Date to, int step_days,
                                     const Baseline* baseline = nullptr) const;

private:
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view text) const noexcept {
            return std::hash<std::string_view>{}(text);
        }
    };
    using Index = std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>>;

    /// Plan points of every project, grouped: points[begin[i], begin[i + 1]).
    struct Plans {
        std::vector<std::uint32_t> begin;
        std::vector<PlanPoint> points;
    };

    static std::span<const PlanPoint> plan_of(const Plans& plans, std::size_t project);
    Plans compile_plans(const Baseline& baseline) const;
    /// m_villages, m_village_begin and the villages' numbers and projects, from the stored
    /// links grouped by project (`link_begin`, as the other child records); `unit_count` sizes
    /// the index (the constructor may be sorting the units meanwhile).
    void index_villages(const std::vector<std::uint32_t>& link_begin, std::size_t unit_count);
    /// The rest of the constructor's indexes, once the child records are grouped by project:
    /// problems by id, the reports' percent series, inferred start milestones, cumulative
    /// payments, units by code, village assessments and the plans.
    void index_the_rest();
    /// The baseline's stored plans, or `scratch` filled for a baseline the Portfolio does not
    /// hold; the current plans for none.
    const Plans& plans_for(const Baseline* baseline, Plans& scratch) const;
    ProjectStatus evaluate_with(std::size_t project, Date as_of,
                                std::span<const PlanPoint> plan) const;
    /// The weight share of the milestones reached by `day` and the day the last of them was
    /// reached (none when none was); nullopt unless the project is measured by milestones and
    /// has some.
    struct MilestoneShare {
        double percent = 0;
        std::optional<Date> last_reached;
    };
    std::optional<MilestoneShare> milestone_share_at(std::size_t project, Date day) const;
    /// Percent done on `day` from the latest evidence, and what it comes from.
    struct Progress {
        double percent = 0;
        PercentBasis basis = PercentBasis::none;
    };
    Progress progress_at(std::size_t project, Date day) const;
    std::optional<std::size_t> last_report_on(std::size_t project, Date day) const;
    std::optional<Date> full_since(std::size_t project, Date day) const;

    PortfolioData m_data;
    std::uint64_t m_serial = 0;
    TextIndex m_projects; ///< positions in m_data.projects by id
    auto project_id_at() const {
        return [this](std::uint32_t at) { return std::string_view(m_data.projects[at].id); };
    }
    Index m_problems;
    Index m_units;
    Index m_baselines;

    // Child records are sorted by project; begin[i] .. begin[i + 1] are project i's.
    std::vector<std::uint32_t> m_milestone_begin;
    std::vector<std::uint32_t> m_report_begin;
    std::vector<std::uint32_t> m_problem_begin;
    std::vector<std::uint32_t> m_visit_begin;
    std::vector<std::uint32_t> m_disbursement_begin;
    std::vector<std::uint32_t> m_village_begin;

    // Per report, in report order: the engine's percent after it (carried over a report with
    // neither quantity nor percent) and the day of the last increase up to it (or no_day).
    std::vector<int> m_report_day;
    std::vector<double> m_report_percent;
    std::vector<int> m_report_progress_day;
    std::vector<PercentBasis> m_report_basis; ///< of the report percent carried to each report
    std::vector<std::uint32_t> m_first_full_report; ///< per project: first at 100 %, or npos
    /// Per milestone: the inferred day a start milestone without an actual date was reached,
    /// or no_day.
    std::vector<int> m_inferred_reached;
    std::vector<double> m_disbursed_cumulative; ///< per disbursement, within its project

    std::vector<VillageLink> m_villages;
    /// Each village's number (in the order of the codes), and its projects, ascending:
    /// m_village_project_list[begin[v], begin[v + 1]) for the village numbered v.
    TextIndex m_village_numbers;
    std::vector<char> m_village_code_text;         ///< the codes, one after the other
    std::vector<std::string_view> m_village_codes; ///< by number: views of m_village_code_text
    auto village_code_at() const {
        return [this](std::uint32_t number) { return m_village_codes[number]; };
    }
    std::vector<std::uint32_t> m_village_project_begin;
    std::vector<std::uint32_t> m_village_project_list;
    std::unordered_map<std::string, std::pair<std::uint32_t, std::uint32_t>, StringHash,
                       std::equal_to<>>
        m_village_indicator_range;

    Plans m_plans;
    std::vector<Plans> m_baseline_plans; ///< parallel to m_data.baselines
};

} // namespace xj::core
