#include "spreadsheet_layout.h"

#include "xiangjian/core/text.h"

#include <algorithm>
#include <charconv>
#include <string>

namespace xj::gis::detail {

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
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc{} && end == text.data() + text.size();
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

} // namespace

void tidy_spreadsheet(SourceData& data) {
    const std::size_t columns = data.fields.size();
    std::size_t named = 0;
    for (std::size_t i = 0; i < columns; ++i) {
        named += unnamed(data.fields[i], i) ? 0 : 1;
    }
    // A title: one cell of text over a table of several columns. The header is the first row
    // below it that names at least half the columns, with text, not numbers.
    if (columns >= 2 && named <= 1) {
        const std::size_t look = std::min<std::size_t>(data.features.size(), 10);
        for (std::size_t k = 0; k < look; ++k) {
            const auto& values = data.features[k].values;
            std::size_t texts = 0, numbers = 0;
            for (const auto& value : values) {
                if (filled(value)) {
                    (numeric(*value) ? numbers : texts) += 1;
                }
            }
            if (numbers > 0 || texts < 2 || 2 * texts < columns) {
                continue;
            }
            const std::string title = data.fields[0];
            for (std::size_t i = 0; i < columns; ++i) {
                if (filled(values[i])) {
                    data.fields[i] = *values[i];
                }
            }
            const std::size_t header = data.features[k].ordinal + 1;
            data.notes.push_back(
                (header > 2 ? "rows 1–" + std::to_string(header - 1) : std::string{"row 1"}) +
                (title.empty() || unnamed(title, 0) ? std::string{} : " (" + title + ")") +
                ": a title above the table; its header is row " + std::to_string(header));
            data.features.erase(data.features.begin(),
                                data.features.begin() + static_cast<std::ptrdiff_t>(k + 1));
            break;
        }
    }
    // Totals and subtotals sum the rows above them: they are not projects or reports.
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
        data.notes.push_back("totals rows skipped (合计, 小计): row " + skipped);
    }
}

} // namespace xj::gis::detail
