#include "field_match.h"

#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/core/text.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace xj::import::detail {

namespace {

/// A header as it compares: full-width forms as ASCII, no whitespace (line breaks in a cell
/// included), ASCII lower case; without a trailing unit in brackets when asked ("总投资（万元）"
/// is 总投资, "进度(%)" is 进度).
std::string folded(std::string_view text, bool without_unit) {
    const std::string ascii = core::halfwidth(text);
    std::string result;
    for (const char c : ascii) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
            result += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    if (without_unit && result.ends_with(")")) {
        if (const auto open = result.rfind('('); open != std::string::npos && open > 0) {
            result.erase(open);
        }
    }
    return result;
}

} // namespace

int find_field(const SourceData& data, const std::string& named,
               std::initializer_list<const char*> synonyms, const char* option) {
    if (!named.empty()) {
        const int column = data.column(named);
        if (column < 0) {
            throw InputError(data.path + text("：没有字段“", ": no field '") + named +
                                 text("”（由 ", "' (given with ") + option +
                                 text(" 指定）；", "); ") + fields_present(data),
                             InputPlace{data.path});
        }
        return column;
    }
    return match_header(data, std::span<const char* const>(synonyms.begin(), synonyms.size()));
}

int match_header(const SourceData& data, std::span<const char* const> synonyms) {
    for (const bool without_unit : {false, true}) {
        for (const char* synonym : synonyms) {
            const std::string wanted = folded(synonym, false);
            for (std::size_t i = 0; i < data.fields.size(); ++i) {
                if (folded(data.fields[i], without_unit) == wanted) {
                    return static_cast<int>(i);
                }
            }
        }
    }
    // A group name over the column ("坐标" merged over 经度 and 纬度): its own name.
    for (const bool without_unit : {false, true}) {
        for (const char* synonym : synonyms) {
            const std::string wanted = folded(synonym, false);
            for (std::size_t i = 0; i < data.groups.size() && i < data.fields.size(); ++i) {
                const std::string& group = data.groups[i];
                if (!group.empty() && data.fields[i].starts_with(group) &&
                    folded(std::string_view{data.fields[i]}.substr(group.size()), without_unit) ==
                        wanted) {
                    return static_cast<int>(i);
                }
            }
        }
    }
    return -1;
}

std::string unused_columns(const SourceData& data, std::span<const int> used) {
    std::string list;
    for (std::size_t i = 0; i < data.fields.size(); ++i) {
        const int column = static_cast<int>(i);
        if (std::find(used.begin(), used.end(), column) == used.end() &&
            std::find(data.geometry_fields.begin(), data.geometry_fields.end(), column) ==
                data.geometry_fields.end()) {
            list += (list.empty() ? std::string{} : text("、", ", ")) + data.fields[i];
        }
    }
    if (list.empty()) {
        return list;
    }
    return text("未使用的列：", "columns not used: ") + list +
           text("（表头无法识别；如有用，请用 --columns 键=表头 指明）",
                " (headers not recognised; if one matters, name it with --columns key=header)");
}

std::optional<double> parse_number(std::string_view raw) {
    const std::string normalised = core::halfwidth(raw);
    std::string_view text = core::trimmed(normalised);
    if (text.ends_with("%")) {
        text = core::trimmed(text.substr(0, text.size() - 1));
    }
    std::string digits{text};
    // Thousands separators: groups of exactly three digits after the first comma, up to the
    // decimal point ("1,200.5"); any other comma is not part of a number.
    if (const auto comma = digits.find(','); comma != std::string::npos) {
        const std::size_t point = std::min(digits.find('.'), digits.size());
        const std::size_t lead = comma - (digits[0] == '-' ? 1 : 0);
        if (lead < 1 || lead > 3) {
            return std::nullopt;
        }
        for (std::size_t i = comma; i < point; i += 4) {
            if (digits[i] != ',' || i + 4 > point ||
                digits.substr(i + 1, 3).find_first_not_of("0123456789") != std::string::npos) {
                return std::nullopt;
            }
        }
        digits.erase(std::remove(digits.begin(), digits.end(), ','), digits.end());
    }
    double value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || error != std::errc{} || end != digits.data() + digits.size() ||
        !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::optional<core::Date> parse_date(const SourceData& data, std::string_view text) {
    if (auto date = core::Date::parse_loose(text)) {
        return date;
    }
    if (data.driver != "XLSX" && data.driver != "ODS") {
        return std::nullopt;
    }
    // Five digits: day 10000 (1927) to 99999 (2173) counted from 1899-12-30, which is where
    // Excel's count lands once its phantom 1900-02-29 is behind.
    const std::string_view digits = core::trimmed(text);
    int serial = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), serial);
    if (error != std::errc{} || end != digits.data() + digits.size() || digits.size() != 5) {
        return std::nullopt;
    }
    constexpr int unix_epoch_serial = 25569; // 1970-01-01
    return core::Date::from_days(serial - unix_epoch_serial);
}

std::string fields_present(const SourceData& data) {
    if (data.fields.empty()) {
        return data.features.empty() ? text("图层是空的：没有字段，也没有要素",
                                            "the layer is empty: no fields, no features")
                                     : text("它没有属性字段", "it has no attribute fields");
    }
    std::string fields = text("字段：", "fields: ");
    for (std::size_t i = 0; i < data.fields.size(); ++i) {
        fields += (i == 0 ? std::string{} : text("、", ", ")) + data.fields[i];
    }
    return fields;
}

std::string cell(const SourceFeature& feature, int column) {
    if (column < 0 || !feature.values[static_cast<std::size_t>(column)]) {
        return {};
    }
    std::string_view text = *feature.values[static_cast<std::size_t>(column)];
    constexpr std::string_view ideographic_space = "\xE3\x80\x80"; // U+3000, common in Chinese data
    bool trimmed = true;
    while (trimmed && !text.empty()) {
        trimmed = false;
        for (const std::string_view space :
             {std::string_view{" "}, std::string_view{"\t"}, std::string_view{"\r"},
              std::string_view{"\n"}, ideographic_space}) {
            if (text.starts_with(space)) {
                text.remove_prefix(space.size());
                trimmed = true;
            }
            if (text.ends_with(space)) {
                text.remove_suffix(space.size());
                trimmed = true;
            }
        }
    }
    return std::string{text};
}

ImportReport report_for(const SourceData& data, bool dry_run) {
    ImportReport report;
    report.dry_run = dry_run;
    report.source = data.path + " (" + data.driver + text("，图层 ", ", layer ") + data.layer + ")";
    report.encoding = data.encoding + " (" + data.encoding_reason + ")";
    report.source_crs = data.source_crs;
    report.read = data.features.size();
    report.notes = data.notes;
    return report;
}

std::optional<Quantity> quantity_with_unit(std::string_view written) {
    const std::string normal = core::halfwidth(written);
    std::size_t end = 0;
    while (end < normal.size() && (std::isdigit(static_cast<unsigned char>(normal[end])) ||
                                   normal[end] == '.' || normal[end] == ',')) {
        ++end;
    }
    if (end == 0) {
        return std::nullopt;
    }
    const auto value = detail::parse_number(normal.substr(0, end));
    const std::string unit{core::trimmed(std::string_view{normal}.substr(end))};
    if (!value || unit.find_first_of("0123456789") != std::string::npos) {
        return std::nullopt;
    }
    return Quantity{*value, unit};
}

} // namespace xj::import::detail
