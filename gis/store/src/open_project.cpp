#include "xiangjian/store/open_project.h"

#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/gpkg/gpkg_store.h"

#include <string_view>

namespace xj::store {

namespace {

bool is_postgresql(std::string_view uri) {
    return uri.starts_with("postgresql://") || uri.starts_with("postgres://") ||
           uri.starts_with("PG:") || uri.starts_with("pg:");
}

void refuse_postgresql(const std::string& uri) {
    if (is_postgresql(uri)) {
        throw ProjectFileError(
            uri + text("：此版本没有 PostgreSQL 后端（请打开 GeoPackage 文件）",
                       ": this build has no PostgreSQL backend (open a GeoPackage file)"),
            uri, ProjectFileError::Reason::unsupported_backend);
    }
}

} // namespace

std::unique_ptr<ProjectStore> open_project(const std::string& uri, Access access) {
    refuse_postgresql(uri);
    return gpkg::GpkgStore::open(uri, access);
}

std::unique_ptr<ProjectStore> create_project(const std::string& uri) {
    refuse_postgresql(uri);
    return gpkg::GpkgStore::create(uri);
}

} // namespace xj::store
