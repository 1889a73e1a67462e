#include "xiangjian/core/portfolio.h"

#include "group_by_project.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/parallel.h"
#include "xiangjian/core/text.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <limits>
#include <utility>

namespace xj::core {

namespace {

constexpr int no_day = std::numeric_limits<int>::min();
constexpr std::uint32_t npos = std::numeric_limits<std::uint32_t>::max();

/// How an error names a record, so the user can find it in the tables.
std::string describe(const Milestone& m) {
    return language() == Language::zh
               ? "项目“" + m.project_id + "”的节点 " + std::to_string(m.seq) + "“" + m.name + "”"
               : "milestone " + std::to_string(m.seq) + " '" + m.name + "' of project '" +
                     m.project_id + "'";
}
std::string describe(const ProgressReport& r) {
    return language() == Language::zh
               ? "项目“" + r.project_id + "”" + r.report_date.iso() + " 的进度报告"
               : "progress report of " + r.report_date.iso() + " for project '" + r.project_id +
                     "'";
}
std::string describe(const Problem& p) {
    return language() == Language::zh ? "项目“" + p.project_id + "”的问题“" + p.id + "”"
                                      : "problem '" + p.id + "' of project '" + p.project_id + "'";
}
std::string describe(const SiteVisit& v) {
    return language() == Language::zh
               ? v.visitor + " " + v.visit_date.iso() + " 对项目“" + v.project_id + "”的督导"
               : "site visit of " + v.visit_date.iso() + " by " + v.visitor + " to project '" +
                     v.project_id + "'";
}
std::string describe(const ProjectVillage& v) {
    return language() == Language::zh
               ? "项目“" + v.project_id + "”关联的行政村 " + v.village_code
               : "village link " + v.village_code + " of project '" + v.project_id + "'";
}
std::string describe(const Disbursement& d) {
    return language() == Language::zh
               ? "项目“" + d.project_id + "”" + d.date.iso() + " 的支付（" + general(d.amount_wan) +
                     " 万元）"
               : "disbursement of " + d.date.iso() + " (" + general(d.amount_wan) +
                     " 万元) for project '" + d.project_id + "'";
}

/// The engine's percent for one report and what it comes from: the measure's own field first,
/// the other as fallback (a project measured by quantity reads the quantity, any other the
/// reported percent).
std::pair<std::optional<double>, PercentBasis> report_percent(const Project& project,
                                                              const ProgressReport& report) {
    const bool has_quantity =
        report.cumulative_quantity && project.planned_quantity && *project.planned_quantity > 0;
    const auto from_quantity = [&] {
        return *report.cumulative_quantity / *project.planned_quantity * 100.0;
    };
    std::optional<double> percent;
    PercentBasis basis = PercentBasis::none;
    if (project.measure == Measure::quantity && has_quantity) {
        percent = from_quantity();
        basis = PercentBasis::quantity;
    } else if (report.percent) {
        percent = report.percent;
        basis = PercentBasis::percent;
    } else if (has_quantity) {
        percent = from_quantity();
        basis = PercentBasis::quantity;
    }
    if (percent) {
        percent = std::clamp(*percent, 0.0, 100.0);
    }
    return {percent, basis};
}

/// A milestone that stands for the start of work: 开工, 全部开工, 动工, start …
bool is_start_milestone(const Milestone& milestone) {
    const auto& name = milestone.name;
    if (name.find("开工") != std::string::npos || name.find("动工") != std::string::npos) {
        return true;
    }
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower.find("start") != std::string::npos;
}

/// A village a project counts in, with its share, before the villages are numbered.
struct CodedLink {
    std::string_view village_code; ///< of the project or of one of its stored links
    double share = 1.0;
};

/// A village of a project's stored links, with their lengths and areas summed.
struct MeasuredVillage {
    std::string_view code;
    int links = 0;
    int with_length = 0;
    int with_area = 0;
    double length = 0;
    double area = 0;
};

/// Villages a project counts in, with shares by length (or area) when every one of several
/// villages has one; the whole project in each otherwise. Into `result`, with `villages` to
/// work in: the caller reuses both from project to project (a province's 140,000).
void village_links(const Project& project, std::span<const ProjectVillage> links,
                   std::vector<MeasuredVillage>& villages, std::vector<CodedLink>& result) {
    villages.clear();
    const auto find = [&](std::string_view code) -> MeasuredVillage& {
        for (auto& village : villages) {
            if (village.code == code) {
                return village;
            }
        }
        return villages.emplace_back(MeasuredVillage{code});
    };
    for (const auto& link : links) {
        if (link.village_code.empty()) {
            continue;
        }
        // A line crossing a village twice gives two links: their lengths add up.
        auto& village = find(link.village_code);
        ++village.links;
        village.with_length += link.length_m.has_value();
        village.with_area += link.area_m2.has_value();
        village.length += link.length_m.value_or(0);
        village.area += link.area_m2.value_or(0);
    }
    if (!project.village_code.empty()) {
        find(project.village_code); // no links: nothing measured there, so no split
    }
    bool by_length = villages.size() > 1;
    bool by_area = villages.size() > 1;
    double total_length = 0;
    double total_area = 0;
    for (const auto& village : villages) {
        by_length = by_length && village.links > 0 && village.with_length == village.links;
        by_area = by_area && village.links > 0 && village.with_area == village.links;
        total_length += village.length;
        total_area += village.area;
    }
    by_length = by_length && total_length > 0;
    by_area = !by_length && by_area && total_area > 0;
    result.clear();
    for (const auto& village : villages) {
        const double share = by_length ? village.length / total_length
                             : by_area ? village.area / total_area
                                       : 1.0;
        result.push_back({village.code, share});
    }
}

} // namespace

Portfolio::Portfolio(PortfolioData data) : m_data(std::move(data)) {
    static std::atomic<std::uint64_t> built{0};
    m_serial = ++built;
    validate(m_data.settings);
    auto& projects = m_data.projects;
    // A store gives them in this order already: one pass to see it instead of a sort's
    // n log n comparisons of ids (a province's 140,000).
    const auto by_id = [](const Project& a, const Project& b) { return a.id < b.id; };
    if (!std::is_sorted(projects.begin(), projects.end(), by_id)) {
        std::sort(projects.begin(), projects.end(), by_id);
    }
    m_projects.reserve(projects.size());
    for (std::uint32_t i = 0; i < projects.size(); ++i) {
        if (!m_projects.insert(projects[i].id, i, project_id_at()).second) {
            throw Error(text("项目“", "project '") + projects[i].id +
                        text("”重复出现", "' is listed twice"));
        }
    }
    const auto count = projects.size();
    const auto owners = [&](const auto& records) {
        std::vector<std::uint32_t> owner;
        owner.reserve(records.size());
        // A store gives a project's records together, the projects in the order of their ids:
        // the next record's project is mostly this one or the next.
        const std::string* last_id = nullptr;
        std::uint32_t last_owner = 0;
        for (const auto& record : records) {
            if (last_id == nullptr || record.project_id != *last_id) {
                if (last_id != nullptr && last_owner + 1 < count &&
                    projects[last_owner + 1].id == record.project_id) {
                    ++last_owner;
                } else if (const auto found = find(record.project_id)) {
                    last_owner = static_cast<std::uint32_t>(*found);
                } else {
                    throw Error(describe(record) + text("：没有该项目", ": no such project"));
                }
                last_id = &record.project_id;
            }
            owner.push_back(last_owner);
        }
        return owner;
    };

    // The history grouped by project on both cores: the reports (a province's largest table)
    // with the milestones on this thread, the rest on another. When both find an error, this
    // thread's is the one reported: the same as in the order of the tables.
    std::vector<std::uint32_t> village_begin;
    run_in_parallel(
        [&] {
            m_problem_begin =
                detail::group_by_project(m_data.problems, owners(m_data.problems), count,
                                         [](const Problem& a, const Problem& b) {
                                             return a.raised_date != b.raised_date
                                                        ? a.raised_date < b.raised_date
                                                        : a.id < b.id;
                                         });
            m_visit_begin = detail::group_by_project(
                m_data.site_visits, owners(m_data.site_visits), count,
                [](const SiteVisit& a, const SiteVisit& b) { return a.visit_date < b.visit_date; });
            m_disbursement_begin = detail::group_by_project(
                m_data.disbursements, owners(m_data.disbursements), count,
                [](const Disbursement& a, const Disbursement& b) { return a.date < b.date; });
            village_begin = detail::group_by_project(
                m_data.project_villages, owners(m_data.project_villages), count,
                [](const ProjectVillage&, const ProjectVillage&) { return false; });
        },
        [&] {
            m_milestone_begin = detail::group_by_project(
                m_data.milestones, owners(m_data.milestones), count,
                [](const Milestone& a, const Milestone& b) {
                    return a.seq != b.seq ? a.seq < b.seq : a.planned_date < b.planned_date;
                });
            m_report_begin =
                detail::group_by_project(m_data.reports, owners(m_data.reports), count,
                                         [](const ProgressReport& a, const ProgressReport& b) {
                                             return a.report_date < b.report_date;
                                         });
        });
    // The villages' index on a core of its own while this one indexes the rest, none of which
    // reads what it writes: a province's 174,000 links take 0.1 s of the 0.25 s here.
    run_in_parallel(
        [&, units = m_data.admin_units.size()] {
            index_villages(village_begin, units);
            // The links as stored are not read again once they are VillageLinks: a province's
            // 174,000 (22 MB) go back to the allocator for the first snapshot to use. Swapped
            // out, not assigned `{}`: that is assign() from an empty initializer list, which
            // destroys the elements and keeps the buffer.
            std::vector<ProjectVillage>().swap(m_data.project_villages);
        },
        [&] { index_the_rest(); });
}

void Portfolio::index_the_rest() {
    const auto& projects = m_data.projects;
    const std::size_t count = projects.size();
    m_problems.reserve(m_data.problems.size());
    for (std::uint32_t i = 0; i < m_data.problems.size(); ++i) {
        if (!m_problems.emplace(m_data.problems[i].id, i).second) {
            throw Error(text("问题“", "problem '") + m_data.problems[i].id +
                        text("”重复出现", "' is listed twice"));
        }
    }

    // The percent series: each report's percent and the day progress was last seen.
    const auto& reports = m_data.reports;
    m_report_day.resize(reports.size());
    m_report_percent.resize(reports.size());
    m_report_progress_day.resize(reports.size());
    m_report_basis.resize(reports.size());
    m_first_full_report.assign(count, npos);
    for (std::size_t p = 0; p < count; ++p) {
        double percent = 0;
        PercentBasis basis = PercentBasis::none;
        int progress_day = no_day;
        for (auto r = m_report_begin[p]; r < m_report_begin[p + 1]; ++r) {
            const auto [value, value_basis] = report_percent(projects[p], reports[r]);
            if (value && *value > percent) {
                progress_day = reports[r].report_date.days_since_epoch();
            }
            if (value) {
                percent = *value;
                basis = value_basis;
            }
            m_report_basis[r] = basis;
            if (percent >= 100.0 && m_first_full_report[p] == npos) {
                m_first_full_report[p] = r;
            }
            m_report_day[r] = reports[r].report_date.days_since_epoch();
            m_report_percent[r] = percent;
            m_report_progress_day[r] = progress_day;
        }
    }

    // A start milestone left without an actual date was reached when progress was first
    // reported: progress means the project started.
    m_inferred_reached.assign(m_data.milestones.size(), no_day);
    for (std::size_t p = 0; p < count; ++p) {
        int first_progress = no_day;
        for (auto r = m_report_begin[p]; r < m_report_begin[p + 1]; ++r) {
            if (m_report_percent[r] > 0) {
                first_progress = m_report_day[r];
                break;
            }
        }
        if (first_progress == no_day) {
            continue;
        }
        for (auto m = m_milestone_begin[p]; m < m_milestone_begin[p + 1]; ++m) {
            if (!m_data.milestones[m].actual_date && is_start_milestone(m_data.milestones[m])) {
                m_inferred_reached[m] = first_progress;
            }
        }
    }

    m_disbursed_cumulative.resize(m_data.disbursements.size());
    for (std::size_t p = 0; p < count; ++p) {
        double total = 0;
        for (auto d = m_disbursement_begin[p]; d < m_disbursement_begin[p + 1]; ++d) {
            total += m_data.disbursements[d].amount_wan;
            m_disbursed_cumulative[d] = total;
        }
    }

    auto& units = m_data.admin_units;
    const auto by_code = [](const AdminUnit& a, const AdminUnit& b) { return a.code < b.code; };
    if (!std::is_sorted(units.begin(), units.end(), by_code)) {
        std::sort(units.begin(), units.end(), by_code);
    }
    for (std::uint32_t i = 0; i < units.size(); ++i) {
        m_units.emplace(units[i].code, i);
    }

    if (m_data.indicator_rules.empty()) {
        m_data.indicator_rules = default_indicator_rules();
    }
    auto& assessments = m_data.village_indicators;
    std::stable_sort(assessments.begin(), assessments.end(),
                     [](const VillageIndicator& a, const VillageIndicator& b) {
                         if (a.village_code != b.village_code) {
                             return a.village_code < b.village_code;
                         }
                         if (a.indicator != b.indicator) {
                             return a.indicator < b.indicator;
                         }
                         return a.assessed_on < b.assessed_on;
                     });
    for (std::uint32_t i = 0; i < assessments.size(); ++i) {
        const auto entry =
            m_village_indicator_range.try_emplace(assessments[i].village_code, std::pair{i, i + 1});
        entry.first->second.second = i + 1;
    }

    m_plans.begin.reserve(count + 1);
    m_plans.begin.push_back(0);
    for (std::size_t p = 0; p < count; ++p) {
        const auto& project = projects[p];
        append_plan_points({project.planned_start, project.planned_finish, project.planned_quantity,
                            project.measure},
                           milestones(p), m_plans.points);
        m_plans.begin.push_back(static_cast<std::uint32_t>(m_plans.points.size()));
    }
    for (std::uint32_t b = 0; b < m_data.baselines.size(); ++b) {
        m_baselines.emplace(m_data.baselines[b].name, b);
        m_baseline_plans.push_back(compile_plans(m_data.baselines[b]));
    }
}

void Portfolio::index_villages(const std::vector<std::uint32_t>& link_begin,
                               std::size_t unit_count) {
    // Each project's villages, and each village's projects as one flat array grouped by
    // village (counted, then placed): a province's 174,000 links made 47,000 growing vectors
    // in a map of strings before, 0.07 s of the 0.23 s this constructor took.
    const auto& projects = m_data.projects;
    const std::size_t count = projects.size();
    m_village_begin.assign(1, 0);
    m_village_begin.reserve(count + 1);
    std::vector<std::uint32_t> slot_of_link; // the village of each of m_villages
    slot_of_link.reserve(m_data.project_villages.size() + count);
    std::vector<std::uint32_t> slot_begin; // how many links each village has
    // Each village's code by slot, copied side by side as it is first seen: the index compares
    // every link's code with its village's, and a view into the stored links read each from
    // wherever its first link lay (a province's 174,000 links, 22 MB apart: a cache miss each,
    // 0.03 s of this function's 0.08 s).
    std::string slot_text;
    slot_text.reserve(12 * unit_count);     // 12-digit codes; it may grow (offsets, not views)
    std::vector<std::uint32_t> slot_offset; // of each slot's code in slot_text, and its end
    slot_offset.reserve(unit_count + 1);
    slot_offset.push_back(0);
    TextIndex slots;
    slots.reserve(unit_count);
    const auto slot_code = [&](std::uint32_t slot) {
        return std::string_view(slot_text).substr(slot_offset[slot],
                                                  slot_offset[slot + 1] - slot_offset[slot]);
    };
    m_villages.reserve(m_data.project_villages.size() + count); // links, and own villages
    std::vector<MeasuredVillage> measured;
    std::vector<CodedLink> links_of_project;
    for (std::uint32_t p = 0; p < count; ++p) {
        const std::span<const ProjectVillage> links{m_data.project_villages.data() + link_begin[p],
                                                    link_begin[p + 1] - link_begin[p]};
        village_links(projects[p], links, measured, links_of_project);
        for (const CodedLink& link : links_of_project) {
            const auto [slot, added] = slots.insert(
                link.village_code, static_cast<std::uint32_t>(slot_begin.size()), slot_code);
            if (added) {
                slot_begin.push_back(0);
                slot_text.append(link.village_code);
                slot_offset.push_back(static_cast<std::uint32_t>(slot_text.size()));
            }
            ++slot_begin[slot];
            slot_of_link.push_back(slot);
            m_villages.push_back({link.share, 0}); // numbered below
        }
        m_village_begin.push_back(static_cast<std::uint32_t>(m_villages.size()));
    }
    // The villages numbered in the order of their codes, as a roll-up by village lists them:
    // it then adds each link to the row of that number, with no lookup and no sort.
    std::vector<std::uint32_t> by_code(slot_begin.size());
    for (std::uint32_t slot = 0; slot < by_code.size(); ++slot) {
        by_code[slot] = slot;
    }
    std::sort(by_code.begin(), by_code.end(),
              [&](std::uint32_t a, std::uint32_t b) { return slot_code(a) < slot_code(b); });
    std::vector<std::uint32_t> number_of(by_code.size());
    std::vector<std::uint32_t> counts(by_code.size() + 1);
    m_village_code_text.reserve(slot_text.size()); // never grows after this: the views stay valid
    m_village_codes.resize(by_code.size());
    m_village_numbers.reserve(by_code.size());
    for (std::uint32_t number = 0; number < by_code.size(); ++number) {
        number_of[by_code[number]] = number;
        const std::string_view code = slot_code(by_code[number]);
        m_village_codes[number] = {m_village_code_text.data() + m_village_code_text.size(),
                                   code.size()};
        m_village_code_text.insert(m_village_code_text.end(), code.begin(), code.end());
        m_village_numbers.insert(m_village_codes[number], number, village_code_at());
        counts[number] = slot_begin[by_code[number]];
    }
    for (std::size_t link = 0; link < m_villages.size(); ++link) {
        m_villages[link].village = number_of[slot_of_link[link]];
    }
    std::uint32_t placed = 0;
    for (std::uint32_t& begin : counts) {
        placed += std::exchange(begin, placed);
    }
    m_village_project_list.resize(m_villages.size());
    std::vector<std::uint32_t> next(counts.begin(), counts.end() - 1);
    for (std::uint32_t p = 0; p < count; ++p) { // in project order within each village
        for (auto link = m_village_begin[p]; link < m_village_begin[p + 1]; ++link) {
            m_village_project_list[next[m_villages[link].village]++] = p;
        }
    }
    m_village_project_begin = std::move(counts);
}

std::optional<std::size_t> Portfolio::find(std::string_view project_id) const {
    return m_projects.find(project_id, project_id_at());
}

const Project* Portfolio::project(std::string_view project_id) const {
    const auto index = find(project_id);
    return index ? &m_data.projects[*index] : nullptr;
}

namespace {

template <typename T>
std::span<const T> range(const std::vector<T>& records, const std::vector<std::uint32_t>& begin,
                         std::size_t project) {
    return {records.data() + begin[project], begin[project + 1] - begin[project]};
}

} // namespace

std::span<const Milestone> Portfolio::milestones(std::size_t project) const {
    return range(m_data.milestones, m_milestone_begin, project);
}
std::span<const ProgressReport> Portfolio::reports(std::size_t project) const {
    return range(m_data.reports, m_report_begin, project);
}
std::span<const Problem> Portfolio::problems(std::size_t project) const {
    return range(m_data.problems, m_problem_begin, project);
}
std::span<const SiteVisit> Portfolio::site_visits(std::size_t project) const {
    return range(m_data.site_visits, m_visit_begin, project);
}
std::span<const Disbursement> Portfolio::disbursements(std::size_t project) const {
    return range(m_data.disbursements, m_disbursement_begin, project);
}
std::span<const VillageLink> Portfolio::villages(std::size_t project) const {
    return range(m_villages, m_village_begin, project);
}

std::optional<Date> Portfolio::reached_on(const Milestone& milestone) const {
    if (milestone.actual_date) {
        return milestone.actual_date;
    }
    const auto* first = m_data.milestones.data();
    if (&milestone < first || &milestone >= first + m_data.milestones.size()) {
        return std::nullopt; // not one of this portfolio's: only its own date counts
    }
    const int day = m_inferred_reached[static_cast<std::size_t>(&milestone - first)];
    return day == no_day ? std::nullopt : std::optional{Date::from_days(day)};
}

bool Portfolio::inferred_reached(const Milestone& milestone) const {
    return !milestone.actual_date && reached_on(milestone).has_value();
}

const Problem* Portfolio::problem(std::string_view problem_id) const {
    const auto found = m_problems.find(problem_id);
    return found == m_problems.end() ? nullptr : &m_data.problems[found->second];
}

std::span<const std::uint32_t> Portfolio::projects_in_village(std::string_view code) const {
    const auto found = m_village_numbers.find(code, village_code_at());
    if (!found) {
        return {};
    }
    const std::uint32_t begin = m_village_project_begin[*found];
    return {m_village_project_list.data() + begin, m_village_project_begin[*found + 1] - begin};
}

const AdminUnit* Portfolio::admin_unit(std::string_view code) const {
    const auto found = m_units.find(code);
    return found == m_units.end() ? nullptr : &m_data.admin_units[found->second];
}

std::span<const VillageIndicator> Portfolio::village_indicators(std::string_view code) const {
    const auto found = m_village_indicator_range.find(code);
    if (found == m_village_indicator_range.end()) {
        return {};
    }
    const auto [first, last] = found->second;
    return {m_data.village_indicators.data() + first, last - first};
}

const Baseline* Portfolio::baseline(std::string_view name) const {
    const auto found = m_baselines.find(name);
    return found == m_baselines.end() ? nullptr : &m_data.baselines[found->second];
}

Baseline Portfolio::freeze_baseline(std::string name, Date frozen_on) const {
    Baseline baseline;
    baseline.name = std::move(name);
    baseline.frozen_on = frozen_on;
    baseline.milestones = m_data.milestones;
    for (auto& milestone : baseline.milestones) {
        milestone.actual_date.reset(); // a plan, not a record of what happened
    }
    baseline.projects.reserve(m_data.projects.size());
    for (const auto& project : m_data.projects) {
        baseline.projects.push_back(
            {project.id, project.planned_start, project.planned_finish, project.planned_quantity});
    }
    return baseline;
}

std::span<const PlanPoint> Portfolio::plan_of(const Plans& plans, std::size_t project) {
    return range(plans.points, plans.begin, project);
}

Portfolio::Plans Portfolio::compile_plans(const Baseline& baseline) const {
    const auto count = m_data.projects.size();
    // The baseline's own copy of each project's plan basis; projects it does not know (added
    // after it was frozen) get no plan rather than today's.
    std::vector<const BaselineProject*> basis(count, nullptr);
    for (const auto& entry : baseline.projects) {
        if (const auto index = find(entry.project_id)) {
            basis[*index] = &entry;
        }
    }
    std::vector<std::vector<Milestone>> milestones(count);
    for (const auto& milestone : baseline.milestones) {
        if (const auto index = find(milestone.project_id); index && basis[*index]) {
            milestones[*index].push_back(milestone);
        }
    }
    Plans plans;
    plans.begin.reserve(count + 1);
    plans.begin.push_back(0);
    for (std::size_t p = 0; p < count; ++p) {
        if (basis[p]) {
            append_plan_points({basis[p]->planned_start, basis[p]->planned_finish,
                                basis[p]->planned_quantity, m_data.projects[p].measure},
                               milestones[p], plans.points);
        }
        plans.begin.push_back(static_cast<std::uint32_t>(plans.points.size()));
    }
    return plans;
}

const Portfolio::Plans& Portfolio::plans_for(const Baseline* baseline, Plans& scratch) const {
    if (!baseline) {
        return m_plans;
    }
    const auto* stored = m_data.baselines.data();
    if (baseline >= stored && baseline < stored + m_data.baselines.size()) {
        return m_baseline_plans[static_cast<std::size_t>(baseline - stored)];
    }
    scratch = compile_plans(*baseline);
    return scratch;
}

std::vector<PlanPoint> Portfolio::plan(std::size_t project, const Baseline* baseline) const {
    Plans scratch;
    const auto points = plan_of(plans_for(baseline, scratch), project);
    return {points.begin(), points.end()};
}

} // namespace xj::core
