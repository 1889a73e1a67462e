#include "gpkg_geometry.h"

#include <cstdint>
#include <cstring>

namespace xj::gpkg::detail {

namespace {

void append_u32(std::vector<unsigned char>& out, std::uint32_t value) {
    for (int i = 0; i < 4; ++i) { // little-endian, as the header's byte-order flag says
        out.push_back(static_cast<unsigned char>(value >> (8 * i)));
    }
}

void append_double(std::vector<unsigned char>& out, double value) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    for (int i = 0; i < 8; ++i) {
        out.push_back(static_cast<unsigned char>(bits >> (8 * i)));
    }
}

} // namespace

std::vector<unsigned char> gpkg_blob(const store::Geometry& geometry, int srs_id, bool as_multi) {
    using Type = store::GeometryType;
    const Type type = geometry.type();
    const bool promote = as_multi && (type == Type::line_string || type == Type::polygon);
    const bool z = geometry.has_z();
    const auto wkb = geometry.wkb();

    std::vector<unsigned char> out;
    out.reserve(8 + 48 + 9 + wkb.size());
    const bool empty = geometry.empty();
    const int envelope_kind = type == Type::point || empty ? 0 : (z ? 2 : 1); // as GDAL writes
    out.push_back('G');
    out.push_back('P');
    out.push_back(0); // version
    out.push_back(static_cast<unsigned char>(0x01 | (envelope_kind << 1) | (empty ? 0x10 : 0x00)));
    append_u32(out, static_cast<std::uint32_t>(srs_id));
    const store::Box& box = geometry.box();
    if (envelope_kind != 0) {
        for (const double value : {box.min_x, box.max_x, box.min_y, box.max_y}) {
            append_double(out, value);
        }
    }
    if (envelope_kind == 2) {
        const auto [min_z, max_z] = geometry.z_range().value_or(std::pair{0.0, 0.0});
        append_double(out, min_z);
        append_double(out, max_z);
    }
    if (promote) {
        const std::uint32_t base = type == Type::line_string ? 5 : 6;
        out.push_back(0x01);
        append_u32(out, base + (z ? 1000 : 0) + (geometry.has_m() ? 2000 : 0));
        append_u32(out, 1);
    }
    const std::size_t at = out.size();
    out.resize(at + wkb.size());
    if (!wkb.empty()) {
        std::memcpy(out.data() + at, wkb.data(), wkb.size());
    }
    return out;
}

std::span<const unsigned char> wkb_of_blob(std::span<const unsigned char> blob) {
    if (blob.size() < 8 || blob[0] != 'G' || blob[1] != 'P') {
        return {};
    }
    const unsigned flags = blob[3];
    if ((flags & 0x20) != 0) {
        return {}; // an extended geometry type
    }
    static constexpr std::size_t envelope_sizes[] = {0, 32, 48, 48, 64};
    const unsigned kind = (flags >> 1) & 0x07;
    if (kind >= std::size(envelope_sizes) || blob.size() <= 8 + envelope_sizes[kind]) {
        return {};
    }
    return blob.subspan(8 + envelope_sizes[kind]);
}

store::Geometry geometry_of_blob(std::span<const unsigned char> blob) {
    return store::Geometry::from_wkb(wkb_of_blob(blob));
}

} // namespace xj::gpkg::detail
