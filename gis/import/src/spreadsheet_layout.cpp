#include "spreadsheet_layout.h"

#include "field_match.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/text.h"

#include <algorithm>
#include <string>

namespace xj::import::detail {

namespace {

/// GDAL names a column whose header cell is empty: field_3 (CSV), Field3 (XLSX, ODS).
bool unnamed(const std::string& field, std::size_t column) {
    const std::string n = std::to_string(column + 1);
    return field.empty() || field == "field_" + n || field == "Field" + n;
}

bool filled(const std::optional<std::string>& value) {
    return value && value->find_first_not_of(" \t") != std::string::npos;
}

bool numeric(const std::string& text) {
    return parse_number(text).has_value();
}

/// The first filled cell of a row, without spaces: "合  计" is 合计.
std::string first_cell(const SourceFeature& row) {
    for (const auto& value : row.values) {
        if (filled(value)) {
            std::string text = core::halfwidth(*value);
            text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
            return text;
        }
    }
    return {};
}

std::string row_number(const SourceFeature& row) {
    return std::to_string(row.ordinal + 1); // the header is row 1 of the file as read
}

struct CellKinds {
    std::size_t texts = 0, numbers = 0;
};

CellKinds kinds_of(const SourceFeature& row) {
    CellKinds kinds;
    for (const auto& value : row.values) {
        if (filled(value)) {
            (numeric(*value) ? kinds.numbers : kinds.texts) += 1;
        }
    }
    return kinds;
}

/// A title: one cell of text over a table of several columns. The header is the first row
/// below it that names at least half the columns, with text, not numbers.
void skip_title(SourceData& data) {
    const std::size_t columns = data.fields.size();
    std::size_t named = 0;
    for (std::size_t i = 0; i < columns; ++i) {
        named += unnamed(data.fields[i], i) ? 0 : 1;
    }
    if (columns < 2 || named > 1) {
        return;
    }
    const std::size_t look = std::min<std::size_t>(data.features.size(), 10);
    for (std::size_t k = 0; k < look; ++k) {
        const CellKinds kinds = kinds_of(data.features[k]);
        if (kinds.numbers > 0 || kinds.texts < 2 || 2 * kinds.texts < columns) {
            continue;
        }
        const std::string title = data.fields[0];
        const auto& values = data.features[k].values;
        for (std::size_t i = 0; i < columns; ++i) {
            data.fields[i] = filled(values[i]) ? *values[i] : "Field" + std::to_string(i + 1);
        }
        const std::size_t header = data.features[k].ordinal + 1;
        data.notes.push_back(
            (header > 2
                 ? xj::text("第 1–", "rows 1–") + std::to_string(header - 1) + xj::text(" 行", "")
                 : xj::text("第 1 行", "row 1")) +
            (title.empty() || unnamed(title, 0) ? std::string{} : " (" + title + ")") +
            xj::text("：表格上方的标题；表头在第 ",
                     ": a title above the table; its header is row ") +
            std::to_string(header) + xj::text(" 行", ""));
        data.features.erase(data.features.begin(),
                            data.features.begin() + static_cast<std::ptrdiff_t>(k + 1));
        return;
    }
}

/// A header on two rows: a group name merged over its columns ("计划" over "开工", "完工") and
/// the columns' own names below. Each such column is named by both ("计划开工"), as staff
/// would name it in one row; a column merged down both rows keeps its one name.
void join_two_row_header(SourceData& data) {
    const std::size_t columns = data.fields.size();
    if (data.features.empty() || columns < 2) {
        return;
    }
    const SourceFeature& below = data.features.front();
    const CellKinds kinds = kinds_of(below);
    bool covers_unnamed = false;
    for (std::size_t i = 0; i < columns; ++i) {
        if (unnamed(data.fields[i], i)) {
            if (!filled(below.values[i])) {
                return; // a column named nowhere: not a header
            }
            covers_unnamed = true;
        }
    }
    if (!covers_unnamed || kinds.numbers > 0 || kinds.texts < 2) {
        return;
    }
    std::string group;
    data.groups.assign(columns, std::string{});
    for (std::size_t i = 0; i < columns; ++i) {
        if (!unnamed(data.fields[i], i)) {
            group = data.fields[i];
        }
        if (filled(below.values[i])) {
            data.fields[i] = group + std::string{core::trimmed(*below.values[i])};
            data.groups[i] = group;
        }
    }
    const std::size_t second = below.ordinal + 1;
    data.notes.push_back(xj::text("表头占两行（第 ", "the header is on two rows (") +
                         std::to_string(second - 1) + xj::text(" 和 ", " and ") +
                         std::to_string(second) +
                         xj::text(" 行）：各列名由两行合成", "): columns named by both"));
    data.features.erase(data.features.begin());
}

/// Totals and subtotals sum the rows above them: they are not projects or reports.
void drop_totals(SourceData& data) {
    std::string skipped;
    const auto is_total = [&](const SourceFeature& row) {
        const std::string first = first_cell(row);
        if (first == "合计" || first == "总计" || first == "小计" || first == "共计") {
            skipped += (skipped.empty() ? "" : ", ") + row_number(row);
            return true;
        }
        return false;
    };
    data.features.erase(std::remove_if(data.features.begin(), data.features.end(), is_total),
                        data.features.end());
    if (!skipped.empty()) {
        data.notes.push_back(
            xj::text("已跳过合计行（合计、小计）：第 ", "totals rows skipped (合计, 小计): row ") +
            skipped + xj::text(" 行", ""));
    }
}

} // namespace

void tidy_spreadsheet(SourceData& data) {
    skip_title(data);
    join_two_row_header(data);
    drop_totals(data);
}

} // namespace xj::import::detail
