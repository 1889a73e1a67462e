#pragma once

// One layer of a review bundle as a shapefile (or a lone DBF for a table): fields with their
// full Chinese names and DBF short names, values checked before anything is written (text the
// encoding cannot hold is an error naming the feature and field; text over 254 bytes is cut
// between characters, with a warning), geometry moved into the chosen CGCS2000 CRS through
// PROJ, the .cpg and the DBF language-driver byte set to agree, and the files read back with
// GDAL and compared with what was meant.

#include "xiangjian/core/date.h"
#include "xiangjian/review/dbf_text.h"
#include "xiangjian/store/geometry.h"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace xj::review {

enum class FieldType { text, integer, real, date };

/// A field as the data dictionary (字段说明) gives it.
struct FieldSpec {
    std::string name; ///< the full Chinese name (the field's alias in QGIS)
    FieldType type = FieldType::text;
    int precision = 0;   ///< decimals of a real
    std::string unit;    ///< of a number: km, 户, 万元, % …
    std::string meaning; ///< one line for the reviewer
};

using Value = std::variant<std::monostate, std::string, long long, double, core::Date>;

struct Feature {
    std::string label;         ///< for messages: "村 410326100201 杜康村", "项目 RY2018-002"
    store::Geometry geometry;  ///< lon/lat (EPSG:4490); none for a table
    std::vector<Value> values; ///< one per field, in order
};

enum class LayerGeometry { none, point, line, polygon };

struct LayerData {
    std::string name;  ///< the file's base name: 村, 项目点 …
    std::string title; ///< for the manifest: "villages with their indicators and progress"
    LayerGeometry geometry = LayerGeometry::none;
    std::vector<FieldSpec> fields;
    std::vector<Feature> features;
};

/// The index of the layer's field with this full name; -1 when it has none.
int field_index(const LayerData& layer, std::string_view full_name);

/// The field short names a layer is written with (dbf_field_names of the full names).
std::vector<std::string> short_names(const LayerData& layer, Encoding encoding);

/// The checks before writing: every text encodable (else an xj::Error naming the layer,
/// feature, field and character), texts over 254 bytes (warnings, cut when written). Returns
/// the warnings.
std::vector<std::string> check_layer(const LayerData& layer, Encoding encoding);

/// Writes the layer into `folder` as NAME.shp/.shx/.dbf/.prj/.cpg (or NAME.dbf/.cpg for a
/// table), in `epsg`, then reads it back and compares counts, values and CRS; throws
/// xj::Error naming the file and the first difference. Returns the warnings (cut texts).
std::vector<std::string> write_shapefile(const LayerData& layer, const std::string& folder,
                                         Encoding encoding, int epsg, bool read_back = true);

/// The read-back alone, for a layer written with `read_back` false (a bundle checks one layer
/// on the second core while it writes the next). Throws as write_shapefile does.
void verify_shapefile(const LayerData& layer, const std::string& folder, Encoding encoding,
                      int epsg);

} // namespace xj::review
