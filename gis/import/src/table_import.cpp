#include "xiangjian/import/table_import.h"

#include "field_match.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/input_errors.h"
#include "xiangjian/core/quantity_unit.h"
#include "xiangjian/import/vector_source.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

namespace xj::import {

using detail::cell;

namespace {

/// The projects of the file, by id, with the unit their quantities are in.
using ProjectUnits = std::map<std::string, std::string>;

struct ColumnSpec {
    const char* key;
    bool required;
    std::vector<const char*> headers;
};

const std::vector<ColumnSpec>& specs(TableKind kind) {
    static const std::vector<ColumnSpec> progress{
        {"project_id", true, {"项目编号", "项目ID", "项目代码", "编号", "project_id", "id"}},
        {"date", true, {"日期", "填报日期", "报告日期", "统计日期", "时间", "report_date", "date"}},
        {"percent",
         false,
         {"完成百分比", "进度", "完成进度", "形象进度", "百分比", "完成比例", "percent"}},
        {"quantity",
         false,
         {"完成量", "累计完成", "累计完成量", "完成工程量", "cumulative_quantity", "quantity"}},
        {"note", false, {"备注", "进展情况", "说明", "note"}},
        {"reported_by", false, {"填报人", "报告人", "填报单位", "reported_by"}},
    };
    static const std::vector<ColumnSpec> milestones{
        {"project_id", true, {"项目编号", "项目ID", "项目代码", "编号", "project_id", "id"}},
        {"name", true, {"节点名称", "节点", "里程碑", "名称", "name"}},
        {"planned_date", true, {"计划日期", "计划完成日期", "计划时间", "planned_date"}},
        {"actual_date", false, {"实际日期", "实际完成日期", "完成日期", "actual_date"}},
        {"weight", false, {"权重", "weight"}},
        {"target_quantity", false, {"目标量", "节点工程量", "计划工程量", "target_quantity"}},
        {"seq", false, {"序号", "节点序号", "seq"}},
    };
    static const std::vector<ColumnSpec> problems{
        {"problem_id", false, {"问题编号", "编号", "problem_id"}},
        {"project_id", true, {"项目编号", "项目ID", "项目代码", "project_id"}},
        {"raised_date", true, {"发现日期", "提出日期", "登记日期", "日期", "raised_date"}},
        {"category", false, {"问题类别", "问题类型", "类别", "category"}},
        {"description", true, {"问题描述", "存在问题", "问题", "描述", "description"}},
        {"owner", false, {"责任单位", "责任人", "整改责任单位", "owner"}},
        {"deadline", false, {"整改时限", "完成时限", "期限", "deadline"}},
        {"closed_date", false, {"销号日期", "整改完成日期", "办结日期", "closed_date"}},
        {"resolution", false, {"整改情况", "整改措施", "办理情况", "resolution"}},
    };
    switch (kind) {
    case TableKind::milestones:
        return milestones;
    case TableKind::problems:
        return problems;
    default:
        return progress;
    }
}

/// Where each canonical column is in this file.
class Layout {
public:
    Layout(const SourceData& data, const TableImportOptions& options) : m_data(data) {
        for (const auto& spec : specs(options.kind)) {
            int column = -1;
            if (const auto mapped = options.columns.find(spec.key);
                mapped != options.columns.end()) {
                column = data.column(mapped->second);
                if (column < 0) {
                    throw InputError(
                        data.path + ": --columns " + spec.key + "=" + mapped->second +
                            xj::text("：没有“", ": there is no column '") + mapped->second +
                            xj::text("”这一列；各列：", "'; columns: ") + header_list(),
                        InputPlace{data.path});
                }
            } else {
                column = detail::match_header(data, spec.headers);
            }
            if (column < 0 && spec.required) {
                std::string expected;
                for (const char* header : spec.headers) {
                    expected += (expected.empty() ? "" : ", ") + std::string{header};
                }
                throw InputError(
                    data.path + xj::text("：找不到“", ": no column for '") + spec.key +
                        xj::text("”列（应为 ", "' (expected one of ") + expected +
                        xj::text(" 之一，或用 --columns ", ", or name it with --columns ") +
                        spec.key + xj::text("=表头 指明）；各列：", "=HEADER); columns: ") +
                        header_list(),
                    InputPlace{data.path});
            }
            m_columns[spec.key] = column;
        }
        for (const auto& [key, header] : options.columns) {
            if (m_columns.count(key) == 0) {
                throw UsageError(xj::text("--columns：此表没有“", "--columns: unknown key '") +
                                     key + xj::text("”这个键", "' for this table"),
                                 "--columns");
            }
        }
    }

    bool has(const char* key) const { return m_columns.at(key) >= 0; }
    std::vector<int> used() const {
        std::vector<int> columns;
        for (const auto& [key, column] : m_columns) {
            columns.push_back(column);
        }
        return columns;
    }
    /// The row's project id, which must name a project already in the file.
    std::string project_id(const SourceFeature& row, const ProjectUnits& projects) const {
        std::string id = text(row, "project_id");
        if (projects.count(id) == 0) {
            throw InputError(where(row, "project_id") + xj::text("：项目“", ": project '") + id +
                                 xj::text("”不在项目库中（请先导入项目）",
                                          "' is not in the project file (import it first)"),
                             place(row, "project_id"));
        }
        return id;
    }
    std::string text(const SourceFeature& row, const char* key) const {
        return cell(row, m_columns.at(key));
    }
    std::string where(const SourceFeature& row, const char* key) const {
        return m_data.cite(row) + xj::text("，列“", ", column '") + header(key) +
               xj::text("”", "'");
    }
    /// The same as an error's place.
    InputPlace place(const SourceFeature& row, const char* key) const {
        return m_data.place(row, header(key));
    }
    /// The header of the column holding `key`, as the file writes it (the key when none).
    std::string header(const char* key) const {
        const int column = m_columns.at(key);
        return column >= 0 ? m_data.fields[static_cast<std::size_t>(column)] : key;
    }
    std::optional<core::Date> date(const SourceFeature& row, const char* key) const {
        const std::string value = text(row, key);
        if (value.empty()) {
            return std::nullopt;
        }
        if (auto parsed = detail::parse_date(m_data, value)) {
            return parsed;
        }
        throw InputError(where(row, key) + xj::text("：“", ": '") + value +
                             xj::text("”不是日期（2018-08-03、2018/8/3 或 2018年8月3日）",
                                      "' is not a date (2018-08-03, 2018/8/3 or 2018年8月3日)"),
                         place(row, key));
    }
    /// The text of a column a record cannot do without; `missing` says so in the user's words.
    std::string required_text(const SourceFeature& row, const char* key,
                              std::string_view missing_zh, std::string_view missing_en) const {
        std::string value = text(row, key);
        if (value.empty()) {
            throw InputError(where(row, key) + std::string{xj::tr(missing_zh, missing_en)},
                             place(row, key));
        }
        return value;
    }
    core::Date required_date(const SourceFeature& row, const char* key) const {
        if (auto value = date(row, key)) {
            return *value;
        }
        throw InputError(where(row, key) + xj::text("：日期为空", ": the date is empty"),
                         place(row, key));
    }
    std::optional<double> number(const SourceFeature& row, const char* key) const {
        const std::string written = text(row, key);
        if (written.empty()) {
            return std::nullopt;
        }
        const auto parsed = detail::parse_number(written);
        if (!parsed) {
            throw InputError(where(row, key) + xj::text("：“", ": '") + written +
                                 xj::text("”不是数字", "' is not a number"),
                             place(row, key));
        }
        if (*parsed < 0) {
            throw InputError(where(row, key) + xj::text("：", ": ") + written +
                                 xj::text(" 是负数", " is negative"),
                             place(row, key));
        }
        return parsed;
    }
    /// A quantity of the row's project: a number in the project's unit, or a number with a unit
    /// of the same dimension (3.5公里, 3500米 for a project in km), converted to the project's.
    std::optional<double> quantity(const SourceFeature& row, const char* key,
                                   const std::string& project_unit) const {
        const std::string written = text(row, key);
        const auto with_unit = detail::quantity_with_unit(written);
        if (written.empty() || !with_unit || with_unit->unit.empty()) {
            return number(row, key); // empty, a plain number, or not a number (said so)
        }
        const auto given = core::canonical_unit(with_unit->unit);
        const auto wanted = core::canonical_unit(project_unit);
        if (!given || !wanted || given->unit != wanted->unit) {
            throw InputError(
                where(row, key) + xj::text("：“", ": '") + written +
                    xj::text("”的单位与项目的单位“", "' is not in the project's unit '") +
                    (project_unit.empty() ? xj::text("无", "none") : project_unit) +
                    xj::text("”不同，无法换算", "' and cannot be converted to it"),
                place(row, key));
        }
        return with_unit->value * given->factor / wanted->factor;
    }

private:
    std::string header_list() const {
        std::string list;
        for (const auto& field : m_data.fields) {
            list += (list.empty() ? std::string{} : xj::text("、", ", ")) + field;
        }
        return list;
    }
    const SourceData& m_data;
    std::map<std::string, int> m_columns;
};

core::ProblemCategory category_from_text(const std::string& text) {
    if (auto exact = core::parse_term<core::ProblemCategory>(text)) {
        return *exact;
    }
    const auto has = [&](const char* word) { return text.find(word) != std::string::npos; };
    if (has("审批") || has("手续") || has("立项") || has("环评批复")) {
        return core::ProblemCategory::approval;
    }
    if (has("用地") || has("征地") || has("土地") || has("拆迁") || has("迁坟")) {
        return core::ProblemCategory::land;
    }
    if (has("资金") || has("拨付")) {
        return core::ProblemCategory::funding;
    }
    if (has("环境") || has("环保")) {
        return core::ProblemCategory::environment;
    }
    if (has("建设") || has("施工") || has("工程") || has("质量")) {
        return core::ProblemCategory::construction;
    }
    return core::ProblemCategory::other;
}

/// A stable id for a problem row that has none: re-importing the file finds the same one.
std::string derived_problem_id(const core::Problem& problem) {
    std::uint32_t hash = 2166136261u;
    for (const char c : problem.description) {
        hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    }
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%08x", hash);
    return problem.project_id + "/" + problem.raised_date.iso() + "/" + buffer;
}

struct Counts {
    std::size_t added = 0, updated = 0, unchanged = 0;
};

/// Counts the record as added, updated or unchanged; true when it must be written.
template <typename Record, typename Key>
bool count_change(Counts& counts, const std::map<Key, Record>& existing, const Key& key,
                  const Record& record) {
    const auto found = existing.find(key);
    if (found == existing.end()) {
        ++counts.added;
        return true;
    }
    if (found->second == record) {
        ++counts.unchanged;
        return false;
    }
    ++counts.updated;
    return true;
}

void import_progress(store::ProjectStore& store, const SourceData& data, const Layout& layout,
                     const ProjectUnits& projects, Counts& counts) {
    if (!layout.has("percent") && !layout.has("quantity")) {
        throw InputError(
            data.path + xj::text("：既没有百分比列（完成百分比、进度 …）也没有完成量列（完成量、"
                                 "累计完成 …）；请用 --columns 指明",
                                 ": neither a percent column (完成百分比, 进度 …) nor a "
                                 "quantity column (完成量, 累计完成 …); name one with --columns"),
            InputPlace{data.path});
    }
    std::map<std::pair<std::string, int>, core::ProgressReport> existing;
    for (auto& report : store.progress_reports()) {
        existing.emplace(std::make_pair(report.project_id, report.report_date.days_since_epoch()),
                         report);
    }
    struct Row {
        core::ProgressReport report;
        const SourceFeature* source;
    };
    std::vector<Row> rows;
    RowErrors errors(data.path);
    for (const auto& row : data.features) {
        errors.check([&] {
            core::ProgressReport report;
            report.project_id = layout.project_id(row, projects);
            report.report_date = layout.required_date(row, "date");
            report.percent = layout.number(row, "percent");
            report.cumulative_quantity =
                layout.quantity(row, "quantity", projects.at(report.project_id));
            if (report.percent && *report.percent > 100) {
                throw InputError(layout.where(row, "percent") + ": " + layout.text(row, "percent") +
                                     xj::text(" 超过 100%", " is over 100 %"),
                                 layout.place(row, "percent"));
            }
            if (!report.percent && !report.cumulative_quantity) {
                throw InputError(data.cite(row) + xj::text("：既没有百分比也没有完成量",
                                                           ": neither a percent nor a quantity"),
                                 data.place(row));
            }
            report.note = layout.text(row, "note");
            report.reported_by = layout.text(row, "reported_by");
            rows.push_back({std::move(report), &row});
        });
    }

    // Cumulative figures never go down: check the file's rows among the stored history.
    std::map<std::string, std::map<int, std::pair<core::ProgressReport, const SourceFeature*>>>
        history;
    for (const auto& [key, report] : existing) {
        history[key.first][key.second] = {report, nullptr};
    }
    for (const auto& row : rows) {
        history[row.report.project_id][row.report.report_date.days_since_epoch()] = {row.report,
                                                                                     row.source};
    }
    for (const auto& [project, reports] : history) {
        std::optional<double> last_percent, last_quantity;
        core::Date last_date;
        for (const auto& [day, entry] : reports) {
            const auto& [report, source] = entry;
            const auto goes_back = [&](std::optional<double> now, std::optional<double> before) {
                return now && before && *now < *before - 1e-9;
            };
            if (goes_back(report.percent, last_percent) ||
                goes_back(report.cumulative_quantity, last_quantity)) {
                const char* key = goes_back(report.percent, last_percent) ? "percent" : "quantity";
                const std::string where =
                    source != nullptr ? layout.where(*source, key)
                                      : data.path + xj::text("（已存的填报）", " (stored report)");
                errors.add(InputError(
                    where + text("：", ": progress of ") + project +
                        text(" 的进度在 ", " goes backwards on ") + report.report_date.iso() +
                        text(" 倒退了（上一次为 ", " (after ") + last_date.iso() + text("）", ")"),
                    source != nullptr ? layout.place(*source, key) : InputPlace{data.path}));
            }
            last_percent = report.percent ? report.percent : last_percent;
            last_quantity = report.cumulative_quantity ? report.cumulative_quantity : last_quantity;
            last_date = report.report_date;
        }
    }

    errors.throw_if_any();
    for (const auto& row : rows) {
        const auto key =
            std::make_pair(row.report.project_id, row.report.report_date.days_since_epoch());
        if (count_change(counts, existing, key, row.report)) {
            if (existing.count(key) != 0) {
                store.replace_progress_report(row.report);
            } else {
                store.add_progress_report(row.report);
            }
        }
    }
}

void import_milestones(store::ProjectStore& store, const SourceData& data, const Layout& layout,
                       const ProjectUnits& projects, Counts& counts) {
    std::map<std::pair<std::string, int>, core::Milestone> existing;
    std::map<std::pair<std::string, std::string>, int> seq_by_name;
    std::map<std::string, int> last_seq;
    for (auto& milestone : store.milestones()) {
        seq_by_name[{milestone.project_id, milestone.name}] = milestone.seq;
        last_seq[milestone.project_id] = std::max(last_seq[milestone.project_id], milestone.seq);
        existing.emplace(std::make_pair(milestone.project_id, milestone.seq), milestone);
    }
    std::vector<core::Milestone> rows;
    RowErrors errors(data.path);
    for (const auto& row : data.features) {
        errors.check([&] {
            core::Milestone m;
            m.project_id = layout.project_id(row, projects);
            m.name =
                layout.required_text(row, "name", "：节点没有名称", ": the milestone has no name");
            m.planned_date = layout.required_date(row, "planned_date");
            m.actual_date = layout.date(row, "actual_date");
            m.weight = layout.number(row, "weight").value_or(1.0);
            m.target_quantity = layout.quantity(row, "target_quantity", projects.at(m.project_id));
            if (const auto seq = layout.number(row, "seq")) {
                m.seq = static_cast<int>(*seq);
            } else if (const auto known = seq_by_name.find({m.project_id, m.name});
                       known != seq_by_name.end()) {
                m.seq = known->second; // the same milestone, found by its name
            } else {
                m.seq = ++last_seq[m.project_id];
                seq_by_name[{m.project_id, m.name}] = m.seq;
            }
            if (m.seq < 1) {
                throw InputError(layout.where(row, "seq") +
                                     xj::text("：序号从 1 开始", ": sequence numbers start at 1"),
                                 layout.place(row, "seq"));
            }
            rows.push_back(std::move(m));
        });
    }
    errors.throw_if_any();
    for (const auto& m : rows) {
        if (count_change(counts, existing, std::make_pair(m.project_id, m.seq), m)) {
            store.upsert_milestone(m);
        }
    }
}

void import_problems(store::ProjectStore& store, const SourceData& data, const Layout& layout,
                     const ProjectUnits& projects, Counts& counts) {
    std::map<std::string, core::Problem> existing;
    // The same problem (project, day raised, description) under another id is a second
    // record of it: the id it has, from the project or from an earlier row.
    using Same = std::tuple<std::string, int, std::string>;
    std::map<Same, std::string> recorded;
    for (auto& problem : store.problems()) {
        recorded.emplace(
            Same{problem.project_id, problem.raised_date.days_since_epoch(), problem.description},
            problem.id);
        existing.emplace(problem.id, problem);
    }
    std::vector<core::Problem> rows;
    RowErrors errors(data.path);
    for (const auto& row : data.features) {
        errors.check([&] {
            core::Problem p;
            p.project_id = layout.project_id(row, projects);
            p.raised_date = layout.required_date(row, "raised_date");
            p.category = category_from_text(layout.text(row, "category"));
            p.description = layout.required_text(row, "description", "：问题没有描述",
                                                 ": the problem is not described");
            p.owner = layout.text(row, "owner");
            p.deadline = layout.date(row, "deadline");
            p.closed_date = layout.date(row, "closed_date");
            p.resolution = layout.text(row, "resolution");
            if (p.deadline && *p.deadline < p.raised_date) {
                throw InputError(layout.where(row, "deadline") +
                                     xj::text("：整改时限早于发现日期",
                                              ": the deadline is before the problem was raised"),
                                 layout.place(row, "deadline"));
            }
            if (p.closed_date && *p.closed_date < p.raised_date) {
                throw InputError(
                    layout.where(row, "closed_date") +
                        xj::text("：销号日期早于发现日期", ": closed before it was raised"),
                    layout.place(row, "closed_date"));
            }
            p.id = layout.text(row, "problem_id");
            if (p.id.empty()) {
                p.id = derived_problem_id(p);
            }
            const auto [same, is_new] = recorded.emplace(
                Same{p.project_id, p.raised_date.days_since_epoch(), p.description}, p.id);
            if (!is_new && same->second != p.id) {
                throw InputError(layout.where(row, "description") +
                                     text("：同一问题（项目 ", ": the same problem (project ") +
                                     p.project_id + text("，", ", ") + p.raised_date.iso() +
                                     text("，“", ", '") + p.description +
                                     text("”）已登记为 ", "') is recorded already as ") +
                                     same->second,
                                 layout.place(row, "description"));
            }
            rows.push_back(std::move(p));
        });
    }
    errors.throw_if_any();
    for (const auto& p : rows) {
        if (count_change(counts, existing, p.id, p)) {
            store.upsert_problem(p);
        }
    }
}

} // namespace

std::string describe_table_columns(TableKind kind) {
    std::string text;
    for (const auto& spec : specs(kind)) {
        text += std::string{spec.key} +
                (spec.required ? xj::text("（必需）", " (required)") : std::string{}) + ": ";
        for (std::size_t i = 0; i < spec.headers.size(); ++i) {
            text += (i ? ", " : "") + std::string{spec.headers[i]};
        }
        text += "\n";
    }
    return text;
}

std::map<std::string, std::string> parse_column_mapping(const std::string& text) {
    std::map<std::string, std::string> mapping;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find(',', start), text.size());
        const std::string pair = text.substr(start, end - start);
        const std::size_t equals = pair.find('=');
        if (equals == std::string::npos || equals == 0 || equals + 1 == pair.size()) {
            throw UsageError(xj::text("--columns：“", "--columns: '") + pair +
                                 xj::text("”不是 键=表头 的形式", "' is not key=header"),
                             "--columns");
        }
        mapping[pair.substr(0, equals)] = pair.substr(equals + 1);
        start = end + 1;
    }
    return mapping;
}

ImportReport import_table(store::ProjectStore& store, const std::string& path,
                          const TableImportOptions& options) {
    SourceOptions source;
    source.encoding = options.encoding;
    source.layer = options.layer;
    const SourceData data = read_vector_source(path, source);
    const Layout layout(data, options);
    ImportReport report;
    report.dry_run = options.dry_run;
    report.source = data.path + " (" + data.driver + ")";
    report.encoding = data.encoding + " (" + data.encoding_reason + ")";
    report.source_crs = "-";
    report.read = data.features.size();
    report.notes = data.notes;
    if (const std::string unused = detail::unused_columns(data, layout.used()); !unused.empty()) {
        report.warnings.push_back(unused);
    }

    ProjectUnits projects;
    for (auto& project : store.projects()) {
        projects.emplace(project.id, std::move(project.unit));
    }
    Counts counts;
    store::Transaction transaction(store);
    switch (options.kind) {
    case TableKind::progress:
        import_progress(store, data, layout, projects, counts);
        break;
    case TableKind::milestones:
        import_milestones(store, data, layout, projects, counts);
        break;
    case TableKind::problems:
        import_problems(store, data, layout, projects, counts);
        break;
    }
    report.added = counts.added;
    report.updated = counts.updated;
    report.unchanged = counts.unchanged;
    if (!options.dry_run) {
        transaction.commit();
    }
    return report;
}

} // namespace xj::import
