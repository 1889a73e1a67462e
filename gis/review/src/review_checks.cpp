#include "xiangjian/review/review_checks.h"

#include "geometry_check.h"
#include "xiangjian/core/admin_unit.h"
#include "xiangjian/core/language.h"
#include "xiangjian/geometry/ogr_conversion.h"

#include <ogr_geometry.h>
#include <set>

namespace xj::review {

namespace {

constexpr std::size_t at_most = 50; // errors listed; the rest counted

void add(std::vector<std::string>& list, std::string message) {
    list.push_back(std::move(message));
}

/// Why the geometry is not valid, or empty when it is.
std::string invalid_because(const store::Geometry& geometry) {
    if (geometry.empty()) {
        return text("没有几何", "no geometry");
    }
    return detail::invalid_because(*geometry::to_ogr(geometry));
}

bool inside(const store::Box& outer, const store::Box& inner) {
    constexpr double tolerance = 1e-6; // degrees, about 10 cm
    return inner.min_x >= outer.min_x - tolerance && inner.max_x <= outer.max_x + tolerance &&
           inner.min_y >= outer.min_y - tolerance && inner.max_y <= outer.max_y + tolerance;
}

} // namespace

Findings check_for_review(const store::ProjectStore& store, const std::vector<LayerData>& layers,
                          Encoding encoding) {
    Findings findings;
    // The project's CRS.
    for (const store::LayerSummary& layer : store.layers()) {
        if (!layer.geometry_type.empty() && layer.crs != "EPSG:4490") {
            add(findings.errors,
                layer.name + text("：坐标系为 ", ": its CRS is ") + layer.crs +
                    text("，不是 CGCS2000（EPSG:4490）", ", not CGCS2000 (EPSG:4490)"));
        }
    }
    // Codes under their parents, and the county's box.
    store::Box county;
    std::set<std::string> townships;
    for (const core::AdminUnit& unit : store.unit_list()) {
        const std::string what = unit.name + " " + unit.code;
        if (!core::admin_code::is_valid(unit.code)) {
            add(findings.errors,
                what + text("：代码不是 12 位数字", ": the code is not 12 digits"));
            continue;
        }
        if (core::admin_code::level_of(unit.code) != unit.level) {
            add(findings.errors, what + text("：代码的层级与单位的层级不符",
                                             ": the code's level is not the unit's"));
        } else if (unit.level != core::AdminLevel::county && // its parent, a prefecture, is
                   !unit.parent_code.empty() &&              // outside the county's codes
                   core::admin_code::parent_of(unit.code) != unit.parent_code) {
            add(findings.errors,
                what + text("：代码不在上级 ", ": the code is not under its parent ") +
                    unit.parent_code + text(" 之下", ""));
        }
        if (unit.level == core::AdminLevel::township) {
            townships.insert(unit.code);
        }
        if (unit.level == core::AdminLevel::county) {
            for (const store::UnitRecord& record : store.unit_and_children(unit.code)) {
                if (record.unit.code == unit.code && !record.boundary.empty()) {
                    county.expand(record.boundary.box());
                }
            }
        }
    }
    // A project's village code: a village under the project's own township.
    for (const core::Project& project : store.projects()) {
        if (project.village_code.empty()) {
            continue;
        }
        const std::string what = text("项目 ", "project ") + project.id;
        if (!core::admin_code::is_valid(project.village_code) ||
            core::admin_code::level_of(project.village_code) != core::AdminLevel::village) {
            add(findings.errors,
                what + text("：行政村代码 ", ": village code ") + project.village_code +
                    text(" 不是 12 位的村级代码", " is not a 12-digit village code"));
        } else if (core::admin_code::parent_of(project.village_code) != project.township_code) {
            add(findings.errors, what + text("：行政村 ", ": village ") + project.village_code +
                                     text(" 不在所属乡镇 ", " is not under its township ") +
                                     project.township_code + text(" 之下", ""));
        }
    }
    for (const LayerData& layer : layers) {
        if (layer.name == "村" && county.empty()) { // no county boundary: its villages' box
            for (const Feature& feature : layer.features) {
                if (!feature.geometry.empty()) {
                    county.expand(feature.geometry.box());
                }
            }
        }
    }
    for (const LayerData& layer : layers) {
        // A project layer's township is a code (a village layer's is a name).
        const int township_field =
            layer.geometry != LayerGeometry::none && field_index(layer, "项目编号") == 0
                ? field_index(layer, "所属乡镇")
                : -1;
        for (const Feature& feature : layer.features) {
            const std::string where = layer.name + text("：", ": ") + feature.label;
            // Required fields: the first two of every layer (code or id, and name).
            for (std::size_t f = 0; f < std::min<std::size_t>(2, feature.values.size()); ++f) {
                if (std::holds_alternative<std::monostate>(feature.values[f])) {
                    add(findings.errors, where + text("：缺少“", ": '") + layer.fields[f].name +
                                             text("”", "' is missing"));
                }
            }
            if (township_field >= 0) {
                const auto* township = std::get_if<std::string>(
                    &feature.values[static_cast<std::size_t>(township_field)]);
                if (township == nullptr || townships.count(*township) == 0) {
                    add(findings.errors,
                        where + text("：所属乡镇代码不是本县的乡镇",
                                     ": its township code is not a township of the county"));
                }
            }
            if (layer.geometry != LayerGeometry::none) {
                if (const std::string why = invalid_because(feature.geometry); !why.empty()) {
                    add(findings.errors, where + text("：", ": ") + why);
                } else if (!county.empty() && !inside(county, feature.geometry.box())) {
                    add(findings.errors, where + text("：在县界之外", ": lies outside the county"));
                }
            }
            for (std::size_t f = 0; f < feature.values.size(); ++f) {
                const auto* value = std::get_if<std::string>(&feature.values[f]);
                if (value == nullptr) {
                    continue;
                }
                if (const std::string bad = first_unencodable(*value, encoding); !bad.empty()) {
                    add(findings.errors, where + text("，字段“", ", field '") +
                                             layer.fields[f].name +
                                             text("”：字符“", "': the character '") + bad +
                                             text("”无法用 GBK 编码", "' has no GBK code"));
                } else if (encoded_size(*value, encoding) > 254) {
                    add(findings.warnings, where + text("，字段“", ", field '") +
                                               layer.fields[f].name +
                                               text("”：文本超过 254 字节，将截断",
                                                    "': text over 254 bytes, to be cut"));
                }
            }
        }
    }
    if (findings.errors.size() > at_most) {
        const std::size_t more = findings.errors.size() - at_most;
        findings.errors.resize(at_most);
        findings.errors.push_back(text("另有 ", "and ") + std::to_string(more) +
                                  text(" 处错误", " more errors"));
    }
    return findings;
}

} // namespace xj::review
