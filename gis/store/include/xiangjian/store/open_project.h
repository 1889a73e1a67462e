#pragma once

// The one way into a project for the front ends (CLI, viewer, benchmarks): a URI in, a store
// out, whatever backend holds it.

#include "xiangjian/store/project_store.h"

#include <memory>
#include <string>

namespace xj::store {

/// Opens the project at `uri`: a GeoPackage file path (the embedded default). A PostgreSQL URI
/// (`postgresql://…`, `postgres://…` or `PG:…`) is refused until that backend exists. With
/// Access::update an older schema is migrated in place; a newer one is refused. Throws
/// xj::Error naming the project and what is wrong with it.
std::unique_ptr<ProjectStore> open_project(const std::string& uri, Access access);

/// Creates a new, empty project at `uri` with the default checklist and engine settings, open
/// for update. Never overwrites: an existing project is an error.
std::unique_ptr<ProjectStore> create_project(const std::string& uri);

} // namespace xj::store
