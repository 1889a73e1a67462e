// `xiangjian status`: every project, or roll-ups of them, as of a day — as an aligned table for
// people, or as CSV and JSON for other programs (formats in docs/status-formats.md).

#include "commands.h"
#include "engine_support.h"
#include "text_table.h"
#include "xiangjian/core/amounts.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/leaders.h"
#include "xiangjian/core/rollup.h"
#include "xiangjian/store/open_project.h"
#include "xiangjian/store/parallel_load.h"

#include <iostream>
#include <sstream>

namespace xj::cli {

namespace {

using core::ScheduleStatus;

constexpr ScheduleStatus all_statuses[] = {ScheduleStatus::not_started, ScheduleStatus::on_schedule,
                                           ScheduleStatus::behind,      ScheduleStatus::late,
                                           ScheduleStatus::stalled,     ScheduleStatus::done};

std::string date_text(const std::optional<core::Date>& day) {
    return day ? day->iso() : "";
}

std::string json_date(const std::optional<core::Date>& day) {
    return day ? json_string(day->iso()) : "null";
}

// ---- by project --------------------------------------------------------------------------------

void project_table(const std::vector<const core::ProjectStatus*>& rows, std::ostream& out) {
    TextTable table({std::string{tr("项目编号", "id")}, std::string{tr("项目名称", "name")},
                     std::string{tr("类型", "type")}, std::string{tr("分包领导", "leader")},
                     std::string{tr("完成%", "done %")}, std::string{tr("依据", "from")},
                     std::string{tr("计划%", "plan %")}, std::string{tr("偏差", "variance")},
                     std::string{tr("状态", "status")}, std::string{tr("预计完工", "forecast")},
                     std::string{tr("逾期节点", "overdue")},
                     std::string{tr("未结问题", "open problems")},
                     std::string{tr("核查", "finding")}},
                    {TextTable::Align::left, TextTable::Align::left, TextTable::Align::left,
                     TextTable::Align::left, TextTable::Align::right, TextTable::Align::left,
                     TextTable::Align::right, TextTable::Align::right, TextTable::Align::left,
                     TextTable::Align::left, TextTable::Align::right, TextTable::Align::right});
    for (const auto* s : rows) {
        const core::Project& p = *s->project;
        table.add_row(
            {p.id, p.name, label(p.type), p.leader, fixed(s->percent_done, 1),
             s->percent_basis == core::PercentBasis::none ? "-" : label(s->percent_basis),
             fixed(s->planned_percent, 1), fixed(s->schedule_variance, 1), label(s->status),
             s->forecast_finish ? s->forecast_finish->iso() : "-",
             std::to_string(s->overdue_milestones.size()), std::to_string(s->open_problems),
             s->stage_finding == core::StageFinding::consistent ? "" : label(s->stage_finding)});
    }
    out << table.str();
    // What was inferred is said, so no one takes it for a record.
    for (const auto* s : rows) {
        for (const auto& m : s->inferred_milestones) {
            out << tr("注：", "Note: ") << s->project->id << tr(" 节点 #", " milestone #") << m.seq
                << " " << m.name
                << tr(" 未填实际日期，按首次报告进度之日 ",
                      " has no actual date; counted as reached on ")
                << m.reached_on.iso()
                << tr(" 视为已达成（推定）", ", the day progress was first reported (inferred)")
                << "\n";
        }
    }
}

constexpr const char* project_csv_header =
    "project_id,name,type,stage,leader,responsible_unit,township_code,unit,planned_quantity,"
    "done_quantity,percent_done,planned_percent,schedule_variance,spi,status,stage_finding,"
    "overdue_milestones,last_report_date,days_since_report,forecast_finish,budget_wan,"
    "disbursed_wan,double_over_half,open_problems,overdue_problems,percent_basis,inferred_start";

void project_csv(const std::vector<const core::ProjectStatus*>& rows, std::ostream& out) {
    out << project_csv_header << '\n';
    const auto number = [](const std::optional<double>& v) {
        return v ? json_number(v) : std::string{};
    };
    for (const auto* s : rows) {
        const core::Project& p = *s->project;
        out << csv_field(p.id) << ',' << csv_field(p.name) << ',' << core::code(p.type) << ','
            << core::code(p.stage) << ',' << csv_field(p.leader) << ','
            << csv_field(p.responsible_unit) << ',' << p.township_code << ',' << csv_field(p.unit)
            << ',' << number(p.planned_quantity) << ',' << number(s->done_quantity) << ','
            << json_number(s->percent_done) << ',' << number(s->planned_percent) << ','
            << number(s->schedule_variance) << ',' << number(s->spi) << ',' << core::code(s->status)
            << ',' << core::code(s->stage_finding) << ',' << s->overdue_milestones.size() << ','
            << date_text(s->last_report_date) << ','
            << (s->days_since_report ? std::to_string(*s->days_since_report) : "") << ','
            << date_text(s->forecast_finish) << ',' << number(p.budget_wan) << ','
            << json_number(s->disbursed_wan) << ',' << core::code(s->double_over_half) << ','
            << s->open_problems << ',' << s->overdue_problems << ',' << core::code(s->percent_basis)
            << '\n';
    }
}

void project_json(const std::vector<const core::ProjectStatus*>& rows, std::ostream& out) {
    out << "  \"projects\": [";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const core::ProjectStatus& s = *rows[i];
        const core::Project& p = *s.project;
        out << (i ? ",\n" : "\n") << "    {\"project_id\": " << json_string(p.id)
            << ", \"name\": " << json_string(p.name)
            << ", \"type\": " << json_string(core::code(p.type))
            << ", \"stage\": " << json_string(core::code(p.stage))
            << ", \"leader\": " << json_string(p.leader)
            << ", \"responsible_unit\": " << json_string(p.responsible_unit)
            << ", \"township_code\": " << json_string(p.township_code)
            << ", \"unit\": " << json_string(p.unit)
            << ", \"planned_quantity\": " << json_number(p.planned_quantity)
            << ", \"done_quantity\": " << json_number(s.done_quantity)
            << ", \"percent_done\": " << json_number(s.percent_done)
            << ", \"percent_basis\": " << json_string(core::code(s.percent_basis))
            << ", \"planned_percent\": " << json_number(s.planned_percent)
            << ", \"schedule_variance\": " << json_number(s.schedule_variance)
            << ", \"spi\": " << json_number(s.spi)
            << ", \"status\": " << json_string(core::code(s.status))
            << ", \"stage_finding\": " << json_string(core::code(s.stage_finding))
            << ", \"overdue_milestones\": [";
        for (std::size_t m = 0; m < s.overdue_milestones.size(); ++m) {
            const auto& o = s.overdue_milestones[m];
            out << (m ? ", " : "") << "{\"seq\": " << o.seq << ", \"name\": " << json_string(o.name)
                << ", \"planned_date\": " << json_string(o.planned_date.iso())
                << ", \"days_overdue\": " << o.days_overdue << "}";
        }
        out << "], \"inferred_milestones\": [";
        for (std::size_t m = 0; m < s.inferred_milestones.size(); ++m) {
            const auto& o = s.inferred_milestones[m];
            out << (m ? ", " : "") << "{\"seq\": " << o.seq << ", \"name\": " << json_string(o.name)
                << ", \"reached_on\": " << json_string(o.reached_on.iso()) << "}";
        }
        out << "], \"last_report_date\": " << json_date(s.last_report_date)
            << ", \"days_since_report\": "
            << (s.days_since_report ? std::to_string(*s.days_since_report) : "null")
            << ", \"forecast_finish\": " << json_date(s.forecast_finish)
            << ", \"budget_wan\": " << json_number(p.budget_wan)
            << ", \"disbursed_wan\": " << json_number(s.disbursed_wan)
            << ", \"double_over_half\": " << json_string(core::code(s.double_over_half))
            << ", \"open_problems\": " << s.open_problems
            << ", \"overdue_problems\": " << s.overdue_problems << "}";
    }
    out << "\n  ]\n";
}

// ---- roll-ups ----------------------------------------------------------------------------------

std::string quantities_text(const core::RollupRow& row) {
    std::string text;
    for (const auto& q : row.quantities) {
        text += (text.empty() ? "" : "；") + core::done_of_planned_text(q.done, q.planned, q.unit);
    }
    return text;
}

void rollup_table(const std::vector<core::RollupRow>& rows, std::ostream& out) {
    std::vector<std::string> header{std::string{tr("分组", "group")},
                                    std::string{tr("项目数", "projects")}};
    for (const auto status : all_statuses) {
        header.push_back(label(status));
    }
    for (const char* zh_en :
         {"按投资加权完成%|budget-weighted %", "平均完成%|mean %", "完成量/计划量|done/planned",
          "未结问题|open problems", "逾期问题|overdue problems", "已销号|closed"}) {
        const std::string both = zh_en;
        const auto bar = both.find('|');
        header.emplace_back(tr(both.substr(0, bar), both.substr(bar + 1)));
    }
    std::vector<TextTable::Align> align(header.size(), TextTable::Align::right);
    align[0] = TextTable::Align::left;
    align[header.size() - 4] = TextTable::Align::left;
    TextTable table(header, align);
    for (const auto& row : rows) {
        std::vector<std::string> cells{row.label, std::to_string(row.projects)};
        for (const auto status : all_statuses) {
            cells.push_back(std::to_string(row.count(status)));
        }
        cells.push_back(fixed(row.budget_weighted_percent, 1));
        cells.push_back(fixed(row.mean_percent, 1));
        cells.push_back(quantities_text(row));
        cells.push_back(std::to_string(row.problems_open));
        cells.push_back(std::to_string(row.problems_overdue));
        cells.push_back(std::to_string(row.problems_closed));
        table.add_row(std::move(cells));
    }
    out << table.str();
}

void rollup_csv(const std::vector<core::RollupRow>& rows, std::ostream& out) {
    out << "key,label,projects";
    for (const auto status : all_statuses) {
        out << ',' << core::code(status);
    }
    out << ",budget_wan,disbursed_wan,budget_weighted_percent,mean_percent,problems_open,"
           "problems_overdue,problems_closed,quantities\n";
    for (const auto& row : rows) {
        out << csv_field(row.key) << ',' << csv_field(row.label) << ',' << row.projects;
        for (const auto status : all_statuses) {
            out << ',' << row.count(status);
        }
        std::string quantities; // unit:done/planned;… in one field
        for (const auto& q : row.quantities) {
            quantities += (quantities.empty() ? "" : ";") + q.unit + ":" + json_number(q.done) +
                          "/" + json_number(q.planned);
        }
        out << ',' << json_number(row.budget_wan) << ',' << json_number(row.disbursed_wan) << ','
            << (row.budget_weighted_percent ? json_number(row.budget_weighted_percent) : "") << ','
            << json_number(row.mean_percent) << ',' << row.problems_open << ','
            << row.problems_overdue << ',' << row.problems_closed << ',' << csv_field(quantities)
            << '\n';
    }
}

void rollup_json(const std::vector<core::RollupRow>& rows, std::ostream& out) {
    out << "  \"rows\": [";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& row = rows[i];
        out << (i ? ",\n" : "\n") << "    {\"key\": " << json_string(row.key)
            << ", \"label\": " << json_string(row.label) << ", \"projects\": " << row.projects
            << ", \"by_status\": {";
        for (std::size_t k = 0; k < std::size(all_statuses); ++k) {
            out << (k ? ", " : "") << json_string(core::code(all_statuses[k])) << ": "
                << row.count(all_statuses[k]);
        }
        out << "}, \"quantities\": [";
        for (std::size_t k = 0; k < row.quantities.size(); ++k) {
            const auto& q = row.quantities[k];
            out << (k ? ", " : "") << "{\"unit\": " << json_string(q.unit)
                << ", \"planned\": " << json_number(q.planned)
                << ", \"planned_to_date\": " << json_number(q.planned_to_date)
                << ", \"done\": " << json_number(q.done) << "}";
        }
        out << "], \"budget_wan\": " << json_number(row.budget_wan)
            << ", \"disbursed_wan\": " << json_number(row.disbursed_wan)
            << ", \"budget_weighted_percent\": " << json_number(row.budget_weighted_percent)
            << ", \"mean_percent\": " << json_number(row.mean_percent)
            << ", \"problems_open\": " << row.problems_open
            << ", \"problems_overdue\": " << row.problems_overdue
            << ", \"problems_closed\": " << row.problems_closed << "}";
    }
    out << "\n  ]\n";
}

/// The day of the latest record of progress on or before `day`: a report or a milestone reached.
std::optional<core::Date> data_ends(const core::Portfolio& portfolio, core::Date day) {
    std::optional<core::Date> last;
    const auto later = [&](core::Date date) {
        if (date <= day && (!last || date > *last)) {
            last = date;
        }
    };
    for (std::size_t p = 0; p < portfolio.projects().size(); ++p) {
        for (const auto& report : portfolio.reports(p)) {
            later(report.report_date);
        }
        for (const auto& milestone : portfolio.milestones(p)) {
            if (milestone.actual_date) {
                later(*milestone.actual_date);
            }
        }
    }
    return last;
}

} // namespace

int run_status(const std::string& project_path, const StatusOptions& options) {
    const auto store = xj::store::open_project(project_path, xj::store::Access::read_only);
    const core::Date as_of = as_of_date(options.as_of, *store);
    const core::Portfolio portfolio(store::load_portfolio_in_parallel(*store));

    const core::Baseline* baseline = nullptr;
    if (!options.baseline.empty()) {
        baseline = portfolio.baseline(options.baseline);
        if (baseline == nullptr) {
            throw Error(project_path + text("：没有名为“", ": no baseline named '") +
                        options.baseline + text("”的计划基线", "'"));
        }
    }
    core::ProjectFilter filter;
    if (!options.leader.empty()) {
        filter.leader = core::match_leader(portfolio.projects(), options.leader);
    }
    if (!options.type.empty()) {
        filter.type = core::parse_term<core::ProjectType>(options.type);
        if (!filter.type) {
            throw UsageError(text("--type：未知的项目类型“", "--type: unknown project type '") +
                                 options.type +
                                 text("”（road 道路, water 饮水, dike 堤防, housing 住房, "
                                      "reservoir 水库, pv 光伏, other 其他）",
                                      "' (road, water, dike, housing, reservoir, pv, other)"),
                             "--type");
        }
    }
    if (!options.status.empty()) {
        filter.status = core::parse_term<core::ScheduleStatus>(options.status);
        if (!filter.status) {
            throw UsageError(text("--status：未知的状态“", "--status: unknown status '") +
                                 options.status +
                                 text("”（not_started 未开工, on_schedule 正常推进, behind 滞后, "
                                      "late 逾期, stalled 停滞, done 已完成）",
                                      "' (not_started, on_schedule, behind, late, stalled, done)"),
                             "--status");
        }
    }
    const auto by = core::parse_term<core::RollupBy>(options.by);
    if (!by) {
        throw UsageError(text("--by：未知的汇总方式“", "--by: unknown grouping '") + options.by +
                             text("”（project, village, township, county, type, leader, unit）",
                                  "' (project, village, township, county, type, leader, unit)"),
                         "--by");
    }

    const core::Evaluation evaluation = portfolio.evaluate(as_of, baseline);
    const auto ends = data_ends(portfolio, as_of);
    std::ostringstream out;
    // Data that ends long before the day makes projects look stalled: say when it ends.
    std::string ends_note;
    if (ends && days_between(*ends, as_of) > 7) {
        ends_note = text("注：进度数据截至 ", "Note: the progress data ends on ") + ends->iso() +
                    text("，比截至日期早 ", ", ") + std::to_string(days_between(*ends, as_of)) +
                    text(" 天；此后没有报告，停滞等判断可能只是数据没有更新",
                         " days before the day asked about; with no reports since, stalled "
                         "and late may only mean the data was not updated");
    }
    if (options.format == "json") {
        out << "{\n  \"as_of\": " << json_string(as_of.iso())
            << ",\n  \"data_ends\": " << json_date(ends)
            << ",\n  \"by\": " << json_string(core::code(*by))
            << ",\n  \"baseline\": " << (baseline ? json_string(baseline->name) : "null") << ",\n";
    } else if (options.format == "table") {
        out << tr("截至 ", "As of ") << as_of.iso()
            << (baseline ? std::string{tr("，对照基线 ", ", against baseline ")} + baseline->name
                         : std::string{})
            << "\n";
        if (!ends_note.empty()) {
            out << ends_note << "\n";
        }
    } else if (!ends_note.empty()) {
        std::cerr << ends_note << "\n"; // CSV stays for programs
    }
    if (*by == core::RollupBy::project) {
        const auto rows = core::filter_projects(evaluation, filter);
        if (options.format == "json") {
            project_json(rows, out);
        } else if (options.format == "csv") {
            project_csv(rows, out);
        } else {
            project_table(rows, out);
        }
    } else {
        const auto rows = core::rollup(portfolio, evaluation, *by, filter);
        if (options.format == "json") {
            rollup_json(rows, out);
        } else if (options.format == "csv") {
            rollup_csv(rows, out);
        } else {
            rollup_table(rows, out);
        }
    }
    if (options.format == "json") {
        out << "}\n";
    }
    if (options.format == "csv" && options.excel) {
        // Excel on Chinese Windows reads a CSV as GBK unless it starts with the UTF-8 BOM.
        std::string text = out.str();
        std::string crlf = "\xEF\xBB\xBF";
        crlf.reserve(text.size() + text.size() / 16 + 3);
        for (const char c : text) {
            if (c == '\n') {
                crlf += '\r';
            }
            crlf += c;
        }
        std::cout << crlf;
        finish_reading(0);
    }
    std::cout << out.str();
    finish_reading(0);
}

} // namespace xj::cli
