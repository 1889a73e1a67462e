#include "xiangjian/core/text.h"

#include <charconv>
#include <cstdio>

namespace xj::core {

std::string halfwidth(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0xEF && i + 2 < text.size()) {
            const auto b1 = static_cast<unsigned char>(text[i + 1]);
            const auto b2 = static_cast<unsigned char>(text[i + 2]);
            // U+FF01..U+FF3F is EF BC 81..BF; U+FF40..U+FF5E is EF BD 80..9E.
            if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) {
                out += static_cast<char>(b2 - 0x81 + 0x21);
                i += 2;
                continue;
            }
            if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) {
                out += static_cast<char>(b2 - 0x80 + 0x60);
                i += 2;
                continue;
            }
        }
        if (c == 0xE3 && i + 2 < text.size() && text[i + 1] == '\x80' && text[i + 2] == '\x80') {
            out += ' ';
            i += 2;
            continue;
        }
        out += static_cast<char>(c);
    }
    return out;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

namespace {

/// std::to_chars: as printf in the C locale, by its definition, whatever setlocale says.
std::string formatted(double value, std::chars_format format, int precision) {
    char buffer[400]; // 1e308 with decimals: to_chars writes no more than it is given room for
    const auto [end, error] =
        std::to_chars(buffer, buffer + sizeof buffer, value, format, precision);
    return error == std::errc{} ? std::string(buffer, end) : std::string{"?"};
}

} // namespace

std::string fixed(double value, int decimals) {
    return formatted(value, std::chars_format::fixed, decimals);
}

std::string general(double value, int significant) {
    return formatted(value, std::chars_format::general, significant);
}

std::string shortest(double value) {
    for (int significant = 1; significant < 17; ++significant) {
        std::string text = general(value, significant);
        double back = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), back);
        if (error == std::errc{} && end == text.data() + text.size() && back == value) {
            return text;
        }
    }
    return general(value, 17);
}

} // namespace xj::core
