#pragma once

#include "xiangjian/core/date.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xj::demo {

/// A CSV table read through GDAL's CSV driver, every cell as text. Accessors throw xj::Error
/// naming the table, the row (as a spreadsheet shows it, header = row 1) and the column.
class CsvTable {
public:
    /// Reads CSV text; `name` is what error messages call it.
    static CsvTable parse(std::string_view name, std::string_view text);

    /// The table's name and column positions, shared by its rows so that a row stays usable
    /// on its own.
    struct Header {
        std::string name;
        std::map<std::string, std::size_t> columns;
    };

    class Row {
    public:
        const std::string& text(const std::string& column) const;
        std::optional<double> number(const std::string& column) const;
        std::optional<core::Date> date(const std::string& column) const;
        core::Date required_date(const std::string& column) const;
        [[noreturn]] void fail(const std::string& column, const std::string& reason) const;

    private:
        friend class CsvTable;
        std::shared_ptr<const Header> m_header;
        std::size_t m_index = 0;
        std::vector<std::string> m_cells;
    };

    const std::vector<Row>& rows() const { return m_rows; }

private:
    std::vector<Row> m_rows;
};

} // namespace xj::demo
