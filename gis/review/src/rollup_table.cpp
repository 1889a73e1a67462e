#include "xiangjian/review/rollup_table.h"

#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/rollup.h"
#include "xiangjian/core/text.h"
#include "xiangjian/core/vocabulary.h"
#include "xiangjian/gdal/gdal_errors.h"
#include "xiangjian/render/map_output.h"

#include <filesystem>
#include <fstream>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <variant>
#include <vector>

namespace xj::review {

namespace {

using Cell = std::variant<std::monostate, std::string, long long, double>;

struct Table {
    std::vector<std::string> header;
    std::vector<std::vector<Cell>> rows;
};

Table table_of(const core::Portfolio& portfolio, const core::Evaluation& evaluation,
               core::RollupBy by) {
    Table table;
    table.header = {"分组", "代码", "项目数"};
    for (const auto& term : core::terms(core::ScheduleStatus{})) {
        table.header.emplace_back(term.label_zh);
    }
    for (const char* column : {"计划投资（万元）", "已拨付（万元）", "投资加权进度（%）",
                               "平均进度（%）", "未结问题", "已销号问题", "逾期问题"}) {
        table.header.emplace_back(column);
    }
    for (const core::RollupRow& row : core::rollup(portfolio, evaluation, by)) {
        std::vector<Cell> cells;
        cells.emplace_back(std::in_place_type<std::string>, row.label);
        cells.emplace_back(std::in_place_type<std::string>, row.key);
        cells.emplace_back(static_cast<long long>(row.projects));
        for (const int count : row.by_status) {
            cells.emplace_back(static_cast<long long>(count));
        }
        cells.emplace_back(row.budget_wan);
        cells.emplace_back(row.disbursed_wan);
        if (row.budget_weighted_percent) {
            cells.emplace_back(*row.budget_weighted_percent);
        } else {
            cells.emplace_back(std::monostate{});
        }
        cells.emplace_back(row.mean_percent);
        cells.emplace_back(static_cast<long long>(row.problems_open));
        cells.emplace_back(static_cast<long long>(row.problems_closed));
        cells.emplace_back(static_cast<long long>(row.problems_overdue));
        table.rows.push_back(std::move(cells));
    }
    return table;
}

std::string csv_text(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string quoted = "\"";
    for (const char c : text) {
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return quoted + "\"";
}

std::string csv_cell(const Cell& cell) {
    return std::visit(
        [](const auto& v) -> std::string {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, std::monostate>) {
                return "";
            } else if constexpr (std::is_same_v<V, std::string>) {
                return csv_text(v);
            } else if constexpr (std::is_same_v<V, long long>) {
                return std::to_string(v);
            } else {
                return core::fixed(v, 1);
            }
        },
        cell);
}

void write_csv(const Table& table, const std::string& path) {
    std::string out = "\xEF\xBB\xBF"; // Excel on Chinese Windows reads UTF-8 only after it
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        out += (c ? "," : "") + csv_text(table.header[c]);
    }
    out += "\r\n";
    for (const auto& row : table.rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            out += (c ? "," : "") + csv_cell(row[c]);
        }
        out += "\r\n";
    }
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << out;
    if (!file.flush()) {
        throw Error(path + text("：无法写入", ": cannot be written"));
    }
}

void write_xlsx(const Table& table, const std::string& path) {
    gdal::GdalErrorCapture errors;
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("XLSX");
    GDALDatasetUniquePtr book(
        driver == nullptr ? nullptr : driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRLayer* sheet = book ? book->CreateLayer("汇总", nullptr, wkbNone, nullptr) : nullptr;
    if (sheet == nullptr) {
        throw Error(path + text("：无法创建（", ": cannot create it (") + errors.message() +
                    text("）", ")"));
    }
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        // The type of the column from its first row's cell: numbers stay numbers in Excel.
        OGRFieldType type = c < 2 ? OFTString : OFTInteger64;
        for (const auto& row : table.rows) {
            if (std::holds_alternative<double>(row[c])) {
                type = OFTReal;
            }
        }
        OGRFieldDefn field(table.header[c].c_str(), type);
        sheet->CreateField(&field);
    }
    for (const auto& row : table.rows) {
        OGRFeature feature(sheet->GetLayerDefn());
        for (std::size_t c = 0; c < row.size(); ++c) {
            const int i = static_cast<int>(c);
            std::visit(
                [&](const auto& v) {
                    using V = std::decay_t<decltype(v)>;
                    if constexpr (std::is_same_v<V, std::string>) {
                        feature.SetField(i, v.c_str());
                    } else if constexpr (std::is_same_v<V, long long>) {
                        feature.SetField(i, static_cast<GIntBig>(v));
                    } else if constexpr (std::is_same_v<V, double>) {
                        feature.SetField(i, v);
                    }
                },
                row[c]);
        }
        if (sheet->CreateFeature(&feature) != OGRERR_NONE) {
            throw Error(path + text("：无法写入（", ": cannot be written (") + errors.message() +
                        text("）", ")"));
        }
    }
}

} // namespace

std::size_t write_rollup_table(const core::Portfolio& portfolio, const core::Evaluation& evaluation,
                               core::RollupBy by, const std::string& path) {
    const std::string extension = std::filesystem::path(path).extension().string();
    if (extension != ".xlsx" && extension != ".csv") {
        throw Error(path +
                    text("：应以 .xlsx 或 .csv 结尾", ": expected a name ending in .xlsx or .csv"));
    }
    const Table table = table_of(portfolio, evaluation, by);
    // Under a hidden name with the same extension (GDAL picks its writer by it), renamed over
    // the old file: a weekly table may replace last week's.
    render::write_atomically(path, [&](const std::string& partial) {
        if (extension == ".csv") {
            write_csv(table, partial);
        } else {
            write_xlsx(table, partial);
        }
        return true;
    });
    return table.rows.size();
}

} // namespace xj::review
