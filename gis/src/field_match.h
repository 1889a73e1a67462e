#pragma once

#include "xiangjian/gis/vector_source.h"

#include <initializer_list>
#include <string>

namespace xj::gis::detail {

/// The column for a role: the one the user named (an error if absent), else the first whose
/// name matches a synonym, ignoring case and surrounding spaces; -1 if none.
int find_field(const SourceData& data, const std::string& named,
               std::initializer_list<const char*> synonyms, const char* option);

/// Trimmed text of a column, or empty.
std::string cell(const SourceFeature& feature, int column);

} // namespace xj::gis::detail
