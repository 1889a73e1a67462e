#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace xj::cli {

/// Terminal columns a UTF-8 string occupies: East Asian wide characters (汉字, full-width
/// punctuation) take two, so that Chinese tables line up.
std::size_t display_width(std::string_view utf8);

/// A plain text table with columns padded to the widest cell.
class TextTable {
public:
    enum class Align { left, right };
    explicit TextTable(std::vector<std::string> header, std::vector<Align> align = {});
    void add_row(std::vector<std::string> cells);
    std::string str(std::string_view indent = "  ") const;

private:
    std::vector<std::string> m_header;
    std::vector<Align> m_align;
    std::vector<std::vector<std::string>> m_rows;
};

} // namespace xj::cli
