#include "ogr_values.h"

#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"

#include <filesystem>

namespace xj::review::detail {

void refuse_existing(const std::string& out) {
    if (std::filesystem::exists(out)) {
        throw Error(out + text("：已存在；请另选名称或先移走它（导出不覆盖）",
                               ": exists already; choose another name or move it away (an export "
                               "never overwrites)"));
    }
}

OGRwkbGeometryType ogr_type(LayerGeometry geometry) {
    switch (geometry) {
    case LayerGeometry::point:
        return wkbPoint;
    case LayerGeometry::line:
        return wkbMultiLineString;
    case LayerGeometry::polygon:
        return wkbMultiPolygon;
    default:
        return wkbNone;
    }
}

void set_value(OGRFeature& row, int index, const Value& value, bool dates_as_text) {
    std::visit(
        [&](const auto& v) {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, std::string>) {
                row.SetField(index, v.c_str());
            } else if constexpr (std::is_same_v<V, long long>) {
                row.SetField(index, static_cast<GIntBig>(v));
            } else if constexpr (std::is_same_v<V, double>) {
                row.SetField(index, v);
            } else if constexpr (std::is_same_v<V, core::Date>) {
                if (dates_as_text) {
                    row.SetField(index, v.iso().c_str());
                } else {
                    row.SetField(index, v.year(), static_cast<int>(v.month()),
                                 static_cast<int>(v.day()));
                }
            }
        },
        value);
}

} // namespace xj::review::detail
