#pragma once

#include "xiangjian/import/import_report.h"
#include "xiangjian/import/vector_source.h"
#include "xiangjian/store/project_store.h"

#include <map>
#include <string>

namespace xj::import {

struct ProjectImportOptions {
    SourceOptions source;
    std::string id_field;   ///< else recognised (项目编号, 编号, project_id …)
    std::string type_field; ///< else recognised (项目类型, 类型, type …)
    /// --columns key=header: which header holds a field the importer did not recognise
    /// (keys as describe_project_columns lists them).
    std::map<std::string, std::string> columns;
    bool dry_run = false;
};

/// The field keys of a projects file and the headers recognised for each (for --help).
std::string describe_project_columns();

/// Imports project sites — points (water sites, housing), lines (roads, pipes, dikes) and
/// polygons (reservoirs, PV) — from any GDAL vector source or a CSV/XLSX table with
/// longitude/latitude columns. Projects are created or updated by id with the attributes the
/// file carries; their sites are replaced by the file's; each project is linked to villages by
/// code when given, else spatially (with lengths and areas per village). One transaction.
ImportReport import_projects(store::ProjectStore& store, const std::string& path,
                             const ProjectImportOptions& options,
                             const ProgressCallback& progress = {});

} // namespace xj::import
