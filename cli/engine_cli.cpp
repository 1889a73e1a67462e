#include "engine_cli.h"

#include "engine_support.h"
#include "i18n.h"

namespace xj::cli {

EngineCli::EngineCli(CLI::App& app) {
    m_status_command =
        app.add_subcommand("status", text("项目进度状态与汇总（任一日期）",
                                          "project status and roll-ups, as of any day"));
    auto* s = m_status_command;
    s->add_option("PROJECT.gpkg", m_project, text("项目文件", "project file"))->required();
    s->add_option("--as-of", m_status.as_of,
                  text("截至日期（默认：项目库设定的日期，否则今天）",
                       "as of this day (default: the project's as-of setting, else today)"));
    s->add_option("--by", m_status.by, text("汇总方式", "group by"))
        ->check(
            CLI::IsMember({"project", "village", "township", "county", "type", "leader", "unit"}));
    s->add_option("--leader", m_status.leader,
                  text("只看该分包领导的项目（姓名即可，可不带职务）",
                       "only this leader's projects (the name, with or without the title)"));
    s->add_option("--type", m_status.type, text("只看该类型（road, water …）", "only this type"));
    s->add_option("--status", m_status.status,
                  text("只看该状态（not_started, on_schedule, behind, late, stalled, done）",
                       "only this status"));
    s->add_option("--format", m_status.format, text("输出格式", "output format"))
        ->check(CLI::IsMember({"table", "csv", "json"}));
    s->add_flag("--excel", m_status.excel,
                text("CSV 供 Excel 打开：UTF-8 带 BOM（中文版 Windows 的 Excel 据此识别编码）",
                     "CSV for Excel: UTF-8 with a byte-order mark, which Excel on Chinese "
                     "Windows needs to read the text"));
    s->add_option("--baseline", m_status.baseline,
                  text("对照的计划基线（默认：当前计划）", "plan baseline to compare with"));

    auto* record = app.add_subcommand(
        "record", text("录入进度、问题、销号、督导、节点、支付",
                       "record progress, problems, visits, milestones, payments"));
    record->require_subcommand(1);
    const auto common = [&](CLI::App* command, bool needs_project) {
        command->add_option("PROJECT.gpkg", m_project, text("项目文件", "project file"))
            ->required();
        if (needs_project) {
            command->add_option("--project", m_record.project_id, text("项目编号", "project id"))
                ->required();
        }
        command->add_option("--date", m_record.date,
                            text("日期（默认今天）", "date (default today)"));
        command->add_option("--by", m_record.by,
                            text("记录人（默认 XIANGJIAN_USER 或登录名）",
                                 "recorded by (default XIANGJIAN_USER or the login name)"));
    };
    auto* progress =
        record->add_subcommand("progress", text("填报累计进度", "record cumulative progress"));
    common(progress, true);
    progress->add_option(
        "--quantity", m_record.quantity,
        text("累计完成量（项目计量单位）", "cumulative quantity in the project's unit"));
    progress->add_option("--percent", m_record.percent,
                         text("累计完成百分比", "cumulative percent"));
    progress->add_option("--note", m_record.note, text("备注", "note"));
    m_record_commands.emplace_back(progress, "progress");

    auto* problem = record->add_subcommand("problem", text("登记问题", "raise a problem"));
    common(problem, true);
    problem->add_option("--id", m_record.problem_id,
                        text("问题编号（默认 项目编号-Q序号）", "problem id (default ID-Qn)"));
    problem->add_option(
        "--category", m_record.category,
        text("类别：approval 审批、land 用地、construction 建设、environment 环境、funding "
             "资金、other 其他（默认）",
             "category: approval, land, construction, environment, funding, other (default)"));
    problem->add_option("--description", m_record.description, text("问题描述", "description"))
        ->required();
    problem->add_option("--owner", m_record.owner, text("责任人或单位", "owner"))->required();
    problem->add_option("--deadline", m_record.deadline, text("整改期限", "deadline"));
    m_record_commands.emplace_back(problem, "problem");

    auto* close = record->add_subcommand("close-problem", text("问题销号", "close a problem"));
    common(close, false);
    close->add_option("--id", m_record.problem_id, text("问题编号", "problem id"))->required();
    close->add_option("--resolution", m_record.resolution, text("整改结果", "resolution"));
    m_record_commands.emplace_back(close, "close-problem");

    auto* visit = record->add_subcommand("visit", text("登记现场督导", "record a site visit"));
    common(visit, true);
    visit->add_option("--visitor", m_record.visitor, text("督导人（默认记录人）", "visitor"));
    visit->add_option("--note", m_record.note, text("备注", "note"));
    m_record_commands.emplace_back(visit, "visit");

    auto* milestone = record->add_subcommand(
        "milestone", text("节点完成（实际日期）", "mark a milestone reached"));
    common(milestone, true);
    milestone->add_option("--seq", m_record.seq, text("节点序号", "milestone number"))->required();
    m_record_commands.emplace_back(milestone, "milestone");

    auto* payment = record->add_subcommand("payment", text("登记资金支付", "record a payment"));
    common(payment, true);
    payment->add_option("--amount", m_record.amount_wan, text("金额（万元）", "amount in 万元"))
        ->required();
    payment->add_option("--note", m_record.note, text("备注", "note"));
    m_record_commands.emplace_back(payment, "payment");

    m_baseline_command = app.add_subcommand(
        "baseline", text("冻结当前计划为基线", "freeze the current plan as a named baseline"));
    m_baseline_command->add_option("PROJECT.gpkg", m_project, text("项目文件", "project file"))
        ->required();
    m_baseline_command->add_option("NAME", m_baseline_name, text("基线名称", "baseline name"))
        ->required();
    m_baseline_command->add_option("--date", m_date, text("冻结日期", "freeze date"));
    m_baseline_command->add_option("--by", m_record.by, text("记录人", "recorded by"));

    auto* project =
        app.add_subcommand("project", text("修改项目设定", "change a project's settings"));
    project->require_subcommand(1);
    m_set_measure_command = project->add_subcommand(
        "set-measure",
        text("设置项目的计量方式：quantity 按工程量、percent 按形象进度、milestones 按节点"
             "（规则见 docs/engine.md）",
             "how a project's percent done is measured: quantity, percent (reported) or "
             "milestones (rules in docs/engine.md)"));
    m_set_measure_command->add_option("PROJECT.gpkg", m_project, text("项目文件", "project file"))
        ->required();
    m_set_measure_command->add_option("ID", m_project_id, text("项目编号", "project id"))
        ->required();
    m_set_measure_command
        ->add_option("MEASURE", m_measure,
                     text("quantity、percent 或 milestones", "quantity, percent or milestones"))
        ->required();
    m_set_measure_command->add_option("--by", m_record.by, text("记录人", "recorded by"));

    m_config_command = app.add_subcommand(
        "config", text("查看或修改项目设定：截至日期、区划代码、显示坐标系、进度判断阈值",
                       "list, show or change the project's settings: as-of day, county code, "
                       "display CRS, the engine's thresholds"));
    m_config_command->add_option("PROJECT.gpkg", m_project, text("项目文件", "project file"))
        ->required();
    m_config_command->add_option(
        "KEY", m_key,
        text("设定名（不写则列出全部）：as_of, county_code, display_crs, engine.stall_days …",
             "setting (none: list them all): as_of, county_code, display_crs, "
             "engine.stall_days …"));
    m_config_command->add_option(
        "VALUE", m_value,
        text("新值（不写则显示当前值；空字符串 \"\" 恢复默认）",
             "new value (none: show the current one; \"\" restores the default)"));
    m_config_command->add_option("--by", m_record.by, text("记录人", "recorded by"));

    m_project_day_command =
        app.add_subcommand("project-day", text("项目日清单：某分包领导的项目，按需关注程度排序",
                                               "a leader's project-day list, most urgent first"));
    auto* day = m_project_day_command;
    day->add_option("PROJECT.gpkg", m_project, text("项目文件", "project file"))->required();
    day->add_option("--leader", m_leader, leader_help())->required();
    day->add_option("--date", m_date, project_day_date_help());
    day->add_option("--format", m_format, text("输出格式", "output format"))
        ->check(CLI::IsMember({"table", "json"}));
}

std::optional<int> EngineCli::run() const {
    if (*m_status_command) {
        return run_status(m_project, m_status);
    }
    for (const auto& [command, kind] : m_record_commands) {
        if (*command) {
            return run_record(kind, m_project, m_record);
        }
    }
    if (*m_baseline_command) {
        return run_baseline(m_project, m_baseline_name, m_date, m_record.by);
    }
    if (*m_set_measure_command) {
        return run_set_measure(m_project, m_project_id, m_measure, m_record.by);
    }
    if (*m_config_command) {
        return run_config(m_project, m_key, m_value.value_or(""), m_value.has_value(), m_record.by);
    }
    if (*m_project_day_command) {
        return run_project_day(m_project, m_leader, m_date, m_format);
    }
    return std::nullopt;
}

} // namespace xj::cli
