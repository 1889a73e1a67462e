#pragma once

#include "xiangjian/import/import_report.h"
#include "xiangjian/store/project_store.h"

#include <map>
#include <string>

namespace xj::import {

enum class TableKind { milestones, progress, problems };

struct TableImportOptions {
    TableKind kind = TableKind::progress;
    std::string encoding = "auto";
    std::string layer; ///< XLSX sheet, when there are several
    /// --columns key=header: which header holds a column the importer did not recognise.
    std::map<std::string, std::string> columns;
    bool dry_run = false;
};

/// The canonical column keys of a table kind and the headers recognised for each, as county
/// staff write them (for --help and error messages).
std::string describe_table_columns(TableKind kind);

/// Imports milestones, progress reports or problems from CSV (UTF-8 with or without BOM, or
/// GBK) or XLSX, keyed by project id. Every row is checked (unknown project ids, bad dates,
/// negative quantities, percents over 100, cumulative progress that goes backwards) before
/// anything is written; then one transaction. Re-importing the same file changes nothing.
ImportReport import_table(store::ProjectStore& store, const std::string& path,
                          const TableImportOptions& options);

/// Parses --columns "key=header,key=header".
std::map<std::string, std::string> parse_column_mapping(const std::string& text);

} // namespace xj::import
