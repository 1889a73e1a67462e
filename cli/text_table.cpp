#include "text_table.h"

#include <algorithm>

namespace xj::cli {

namespace {

bool is_wide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

} // namespace

std::size_t display_width(std::string_view utf8) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const auto lead = static_cast<unsigned char>(utf8[i]);
        std::size_t length = 1;
        char32_t code = lead;
        if (lead >= 0xF0) {
            length = 4;
            code = lead & 0x07u;
        } else if (lead >= 0xE0) {
            length = 3;
            code = lead & 0x0Fu;
        } else if (lead >= 0xC0) {
            length = 2;
            code = lead & 0x1Fu;
        }
        for (std::size_t k = 1; k < length && i + k < utf8.size(); ++k) {
            code = (code << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3Fu);
        }
        width += is_wide(code) ? 2 : 1;
        i += length;
    }
    return width;
}

TextTable::TextTable(std::vector<std::string> header, std::vector<Align> align)
    : m_header(std::move(header)), m_align(std::move(align)) {
    m_align.resize(m_header.size(), Align::left);
}

void TextTable::add_row(std::vector<std::string> cells) {
    cells.resize(m_header.size());
    m_rows.push_back(std::move(cells));
}

std::string TextTable::str(std::string_view indent) const {
    std::vector<std::size_t> widths(m_header.size(), 0);
    auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            widths[c] = std::max(widths[c], display_width(row[c]));
        }
    };
    measure(m_header);
    std::for_each(m_rows.begin(), m_rows.end(), measure);

    std::string out;
    auto emit = [&](const std::vector<std::string>& row) {
        std::string line{indent};
        for (std::size_t c = 0; c < row.size(); ++c) {
            const std::string padding(widths[c] - display_width(row[c]), ' ');
            line += m_align[c] == Align::right ? padding + row[c] : row[c] + padding;
            if (c + 1 < row.size()) {
                line += "  ";
            }
        }
        while (!line.empty() && line.back() == ' ') {
            line.pop_back();
        }
        out += line + '\n';
    };
    emit(m_header);
    for (const auto& row : m_rows) {
        emit(row);
    }
    return out;
}

} // namespace xj::cli
