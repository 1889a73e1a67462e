#pragma once

// Text as it arrives from county offices: shapefiles and CSV in GBK/GB18030 as often as in
// UTF-8, frequently without a .cpg saying which.

#include <string>
#include <string_view>

namespace xj::import {

bool is_valid_utf8(std::string_view bytes);

/// The encoding a .cpg file names ("UTF-8", "65001", "936", "GBK", "CP936", "GB2312",
/// "GB18030", "ANSI 936", "1252" …) as an iconv name, or empty if it names none we know.
std::string encoding_from_cpg(std::string_view cpg_content);

/// Normalises a user's --encoding value to an iconv name ("UTF-8", "GB18030"); GBK and GB2312
/// map to GB18030, their superset. Empty for "auto" or an unknown name.
std::string normalise_encoding_name(std::string_view name);

/// Converts `bytes` from `encoding` to UTF-8 through GDAL's CPLRecode (iconv). Returns false
/// if the bytes are not valid in that encoding.
bool to_utf8(std::string_view bytes, const std::string& encoding, std::string& out);

} // namespace xj::import
