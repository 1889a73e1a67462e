#pragma once

// Text as a shapefile's DBF holds it, for the province's reviewers (QGIS, ArcGIS): in UTF-8 or
// GBK (code page 936), field names of at most 10 bytes, values of at most 254. GDAL 3.6 cuts
// both by bytes, which leaves half a Chinese character (土地利用类型名称 → 土地利 and a stray
// byte) and renames duplicates by cutting bytes again; these cut at a character boundary.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace xj::review {

enum class Encoding { utf8, gbk };

/// "UTF-8" or "GBK", as the user writes it (--encoding); none for anything else.
std::optional<Encoding> parse_encoding(std::string_view name);
/// What the .cpg file says: "UTF-8" or "936".
std::string_view cpg_text(Encoding encoding);
/// The DBF header's language-driver id (byte 29): 0x4D for GBK (code page 936) so that it
/// agrees with the .cpg, 0 for UTF-8 (no code page of its own; the .cpg says it).
unsigned char ldid(Encoding encoding);

/// The UTF-8 text in the encoding's bytes; none when a character has no code there (𬱖 in
/// GBK), never a silent '?'.
std::optional<std::string> encode(std::string_view utf8, Encoding encoding);
/// The first character of `utf8` that has no code in the encoding, as UTF-8; empty when all do.
std::string first_unencodable(std::string_view utf8, Encoding encoding);
/// The longest start of `utf8` whose encoded form takes at most `bytes`, cut between characters.
/// Every character must be encodable.
std::string cut_to_bytes(std::string_view utf8, std::size_t bytes, Encoding encoding);
/// How many bytes the text takes in the encoding (every character encodable).
std::size_t encoded_size(std::string_view utf8, Encoding encoding);

/// DBF field names for `wanted` (UTF-8, in order): each at most 10 bytes in the encoding, cut
/// between characters, and unique without regard to ASCII case (as DBF readers compare them):
/// a name that collides after cutting ends in 1, 2 … instead, still within 10 bytes.
std::vector<std::string> dbf_field_names(std::span<const std::string> wanted, Encoding encoding);

} // namespace xj::review
