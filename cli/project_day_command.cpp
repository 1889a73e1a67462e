// `xiangjian project-day`: a leader's projects for the Friday project day (项目日), most urgent
// first (late, stalled, overdue problems, behind), each with its overdue milestones, the
// milestones due in the coming two weeks and its open problems.

#include "commands.h"
#include "engine_support.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/leaders.h"
#include "xiangjian/core/project_day.h"
#include "xiangjian/store/open_project.h"
#include "xiangjian/store/parallel_load.h"

#include <iostream>
#include <sstream>

namespace xj::cli {

namespace {

std::string_view weekday(core::Date day) {
    static constexpr std::string_view zh[] = {"星期四", "星期五", "星期六", "星期日",
                                              "星期一", "星期二", "星期三"};
    static constexpr std::string_view en[] = {"Thursday", "Friday",  "Saturday", "Sunday",
                                              "Monday",   "Tuesday", "Wednesday"};
    const int index = ((day.days_since_epoch() % 7) + 7) % 7; // 1970-01-01 was a Thursday
    return tr(zh[index], en[index]);
}

std::string_view attention_code(core::Attention attention) {
    switch (attention) {
    case core::Attention::late:
        return "late";
    case core::Attention::stalled:
        return "stalled";
    case core::Attention::overdue_problems:
        return "overdue_problems";
    case core::Attention::behind:
        return "behind";
    default:
        return "rest";
    }
}

struct Entry {
    const core::ProjectStatus* status;
    std::vector<core::DueMilestone> due;
    std::vector<const core::Problem*> open;
};

} // namespace

int run_project_day(const std::string& project_path, const std::string& typed_leader,
                    const std::string& date, const std::string& format) {
    const auto store = xj::store::open_project(project_path, xj::store::Access::read_only);
    const core::Date day =
        date.empty() ? default_project_day(*store) : parse_date_option(date, "--date");
    const core::Portfolio portfolio(store::load_portfolio_in_parallel(*store));
    const std::string leader = core::match_leader(portfolio.projects(), typed_leader);
    const core::Evaluation evaluation = portfolio.evaluate(day);

    const auto mine = leader_projects(portfolio, evaluation, leader, project_path);
    std::vector<Entry> entries;
    const auto due = core::milestones_due(portfolio, day);
    for (const auto* status : core::attention_order(mine)) {
        Entry entry{status, {}, {}};
        for (const auto& milestone : due) {
            if (milestone.project == status->project) {
                entry.due.push_back(milestone);
            }
        }
        for (const auto& problem : portfolio.problems(status->index)) {
            if (problem.open_on(day)) {
                entry.open.push_back(&problem);
            }
        }
        entries.push_back(std::move(entry));
    }

    std::ostringstream out;
    if (format == "json") {
        out << "{\n  \"date\": " << json_string(day.iso())
            << ",\n  \"leader\": " << json_string(leader) << ",\n  \"projects\": [";
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const auto& [s, due_soon, open] = entries[i];
            out << (i ? ",\n" : "\n") << "    {\"project_id\": " << json_string(s->project->id)
                << ", \"name\": " << json_string(s->project->name)
                << ", \"attention\": " << json_string(attention_code(core::attention_of(*s)))
                << ", \"status\": " << json_string(core::code(s->status))
                << ", \"percent_done\": " << json_number(s->percent_done)
                << ", \"percent_basis\": " << json_string(core::code(s->percent_basis))
                << ", \"planned_percent\": " << json_number(s->planned_percent)
                << ", \"overdue_milestones\": [";
            for (std::size_t m = 0; m < s->overdue_milestones.size(); ++m) {
                const auto& o = s->overdue_milestones[m];
                out << (m ? ", " : "") << "{\"seq\": " << o.seq
                    << ", \"name\": " << json_string(o.name)
                    << ", \"planned_date\": " << json_string(o.planned_date.iso())
                    << ", \"days_overdue\": " << o.days_overdue << "}";
            }
            out << "], \"inferred_milestones\": [";
            for (std::size_t m = 0; m < s->inferred_milestones.size(); ++m) {
                const auto& o = s->inferred_milestones[m];
                out << (m ? ", " : "") << "{\"seq\": " << o.seq
                    << ", \"name\": " << json_string(o.name)
                    << ", \"reached_on\": " << json_string(o.reached_on.iso()) << "}";
            }
            out << "], \"milestones_due\": [";
            for (std::size_t m = 0; m < due_soon.size(); ++m) {
                out << (m ? ", " : "") << "{\"seq\": " << due_soon[m].seq
                    << ", \"name\": " << json_string(due_soon[m].name)
                    << ", \"planned_date\": " << json_string(due_soon[m].planned_date.iso())
                    << ", \"days_left\": " << due_soon[m].days_left << "}";
            }
            out << "], \"open_problems\": [";
            for (std::size_t m = 0; m < open.size(); ++m) {
                const core::Problem& p = *open[m];
                out << (m ? ", " : "") << "{\"problem_id\": " << json_string(p.id)
                    << ", \"description\": " << json_string(p.description)
                    << ", \"owner\": " << json_string(p.owner)
                    << ", \"deadline\": " << (p.deadline ? json_string(p.deadline->iso()) : "null")
                    << ", \"overdue\": " << (p.deadline && *p.deadline < day ? "true" : "false")
                    << "}";
            }
            out << "]}";
        }
        out << "\n  ]\n}\n";
        std::cout << out.str();
        return 0;
    }

    out << tr("项目日 ", "Project day ") << day.iso() << tr("（", " (") << weekday(day)
        << tr("）· 分包领导 ", ") · leader ") << leader << " · " << entries.size()
        << tr(" 个项目，按需关注程度排序", " projects, most urgent first") << "\n\n";
    int n = 0;
    for (const auto& [s, due_soon, open] : entries) {
        out << ++n << ". " << s->project->id << " " << s->project->name << "  [" << label(s->status)
            << "]  " << tr("完成 ", "done ") << fixed(s->percent_done, 1) << "%";
        if (s->percent_basis != core::PercentBasis::none) {
            out << tr("（据", " (from ") << label(s->percent_basis) << tr("）", ")");
        }
        out << tr(" / 计划 ", " / planned ") << fixed(s->planned_percent, 1) << "%";
        if (s->schedule_variance) {
            out << tr("（偏差 ", " (variance ") << fixed(*s->schedule_variance, 1) << tr("）", ")");
        }
        out << "\n";
        for (const auto& o : s->overdue_milestones) {
            out << tr("   逾期节点：#", "   overdue milestone #") << o.seq << " " << o.name
                << tr("（计划 ", " (planned ") << o.planned_date.iso() << tr("，逾期 ", ", ")
                << o.days_overdue << tr(" 天）", " days late)") << "\n";
        }
        for (const auto& m : s->inferred_milestones) {
            out << tr("   推定节点：#", "   inferred milestone #") << m.seq << " " << m.name
                << tr("（未填实际日期，按首次报告进度之日 ", " (no actual date; reached on ")
                << m.reached_on.iso()
                << tr(" 视为已达成）", ", the day progress was first reported)") << "\n";
        }
        for (const auto& d : due_soon) {
            out << tr("   近期到期：#", "   due soon: #") << d.seq << " " << d.name
                << tr("（", " (") << d.planned_date.iso() << tr("，还有 ", ", in ") << d.days_left
                << tr(" 天）", " days)") << "\n";
        }
        for (const core::Problem* p : open) {
            const bool overdue = p->deadline && *p->deadline < day;
            out << tr("   未结问题：", "   open problem: ") << p->id << " " << p->description
                << tr("（责任人 ", " (owner ") << p->owner;
            if (p->deadline) {
                out << tr("，期限 ", ", deadline ") << p->deadline->iso()
                    << (overdue ? tr("，已逾期", ", overdue") : "");
            }
            out << tr("）", ")") << "\n";
        }
        if (s->overdue_milestones.empty() && due_soon.empty() && open.empty()) {
            out << tr("   无逾期节点、近期节点或未结问题\n",
                      "   no overdue or coming milestones, no open problems\n");
        }
    }
    std::cout << out.str();
    return 0;
}

} // namespace xj::cli
