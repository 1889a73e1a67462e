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

std::vector<unsigned char> gpkg_blob(const OGRGeometry& geometry, int srs_id, bool as_multi,
                                     OGREnvelope& envelope) {
    const OGRwkbGeometryType flat = wkbFlatten(geometry.getGeometryType());
    const bool promote = as_multi && (flat == wkbLineString || flat == wkbPolygon);
    const bool point = flat == wkbPoint;
    const bool z = geometry.Is3D();
    const std::size_t wkb_size = geometry.WkbSize();

    std::vector<unsigned char> out;
    out.reserve(8 + 48 + 9 + wkb_size);
    const bool empty = geometry.IsEmpty();
    const int envelope_kind = point || empty ? 0 : (z ? 2 : 1); // GDAL gives an empty one none
    out.insert(out.end(),
               {'G', 'P', 0,
                static_cast<unsigned char>(0x01 | (envelope_kind << 1) | (empty ? 0x10 : 0x00))});
    append_u32(out, static_cast<std::uint32_t>(srs_id));
    if (z) {
        OGREnvelope3D box;
        geometry.getEnvelope(&box);
        envelope = box;
        if (envelope_kind == 2) {
            for (const double value :
                 {box.MinX, box.MaxX, box.MinY, box.MaxY, box.MinZ, box.MaxZ}) {
                append_double(out, value);
            }
        }
    } else {
        geometry.getEnvelope(&envelope);
        if (envelope_kind == 1) {
            for (const double value :
                 {envelope.MinX, envelope.MaxX, envelope.MinY, envelope.MaxY}) {
                append_double(out, value);
            }
        }
    }
    if (empty) {
        envelope = OGREnvelope{}; // extends no extent
    }
    if (promote) {
        const std::uint32_t base = flat == wkbLineString ? 5 : 6;
        out.push_back(0x01);
        append_u32(out, base + (z ? 1000 : 0) + (geometry.IsMeasured() ? 2000 : 0));
        append_u32(out, 1);
    }
    const std::size_t at = out.size();
    out.resize(at + wkb_size);
    geometry.exportToWkb(wkbNDR, out.data() + at, wkbVariantIso);
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

std::unique_ptr<OGRGeometry> geometry_of_blob(std::span<const unsigned char> blob) {
    const auto wkb = wkb_of_blob(blob);
    if (wkb.empty()) {
        return nullptr;
    }
    OGRGeometry* geometry = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &geometry, wkb.size(),
                                          wkbVariantIso) != OGRERR_NONE) {
        delete geometry;
        return nullptr;
    }
    return std::unique_ptr<OGRGeometry>(geometry);
}

} // namespace xj::gpkg::detail
