#include "csv_table.h"

#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/gdal/gdal_errors.h"

#include <charconv>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

namespace xj::demo {

CsvTable CsvTable::parse(std::string_view name, std::string_view text) {
    gdal::initialize_gdal();
    // GDAL reads from memory through its /vsimem/ file system; the buffer is not copied.
    const std::string path = "/vsimem/xiangjian-demo/" + std::string{name};
    VSILFILE* file = VSIFileFromMemBuffer(
        path.c_str(), reinterpret_cast<GByte*>(const_cast<char*>(text.data())), text.size(), FALSE);
    if (file == nullptr) {
        throw Error(std::string{name} + xj::text("：无法读取", ": cannot be read"));
    }
    VSIFCloseL(file);
    struct Unlink {
        const std::string& path;
        ~Unlink() { VSIUnlink(path.c_str()); }
    } unlink{path};

    const char* const drivers[] = {"CSV", nullptr};
    gdal::GdalErrorCapture errors;
    GDALDatasetUniquePtr dataset{
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR, drivers, nullptr, nullptr)};
    if (!dataset || dataset->GetLayerCount() != 1) {
        throw Error(std::string{name} +
                    xj::text("：不是可读的 CSV 表（", ": not a readable CSV table (") +
                    errors.message() + xj::text("）", ")"));
    }
    OGRLayer* layer = dataset->GetLayer(0);

    auto header = std::make_shared<Header>();
    header->name = name;
    const OGRFeatureDefn* definition = layer->GetLayerDefn();
    for (int i = 0; i < definition->GetFieldCount(); ++i) {
        header->columns.emplace(definition->GetFieldDefn(i)->GetNameRef(),
                                static_cast<std::size_t>(i));
    }
    CsvTable table;
    for (auto& feature : *layer) {
        Row row;
        row.m_header = header;
        row.m_index = table.m_rows.size();
        for (int i = 0; i < feature->GetFieldCount(); ++i) {
            row.m_cells.emplace_back(feature->IsFieldSetAndNotNull(i) ? feature->GetFieldAsString(i)
                                                                      : "");
        }
        table.m_rows.push_back(std::move(row));
    }
    return table;
}

void CsvTable::Row::fail(const std::string& column, const std::string& reason) const {
    throw Error(m_header->name + xj::text("，第 ", ", row ") + std::to_string(m_index + 2) +
                xj::text(" 行，列“", ", column '") + column + xj::text("”：", "': ") + reason);
}

const std::string& CsvTable::Row::text(const std::string& column) const {
    const auto found = m_header->columns.find(column);
    if (found == m_header->columns.end()) {
        fail(column, "no such column");
    }
    return m_cells.at(found->second);
}

std::optional<double> CsvTable::Row::number(const std::string& column) const {
    const std::string& cell = text(column);
    if (cell.empty()) {
        return std::nullopt;
    }
    double value = 0;
    const auto* end = cell.data() + cell.size();
    const auto [ptr, error] = std::from_chars(cell.data(), end, value); // locale-independent
    if (error != std::errc{} || ptr != end) {
        fail(column, "'" + cell + "' is not a number");
    }
    return value;
}

std::optional<core::Date> CsvTable::Row::date(const std::string& column) const {
    const std::string& cell = text(column);
    if (cell.empty()) {
        return std::nullopt;
    }
    if (auto parsed = core::Date::parse_iso(cell)) {
        return parsed;
    }
    fail(column, "'" + cell + "' is not a date (YYYY-MM-DD)");
}

core::Date CsvTable::Row::required_date(const std::string& column) const {
    if (auto value = date(column)) {
        return *value;
    }
    fail(column, "a date is required");
}

} // namespace xj::demo
