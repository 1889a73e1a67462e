// Validity of village rings: the sweep in front of GEOS (xj::geometry::surely_simple_ring)
// against GEOS's IsValidOp on the same rings, on a villages layer such as xj_make_province's
// (straight or --wiggly-edges borders).
//   build/bin/xj_bench_ring_validity PROVINCE_DIR/villages.shp

#include "xiangjian/gdal/gdal_errors.h"
#include "xiangjian/geometry/geos_context.h"
#include "xiangjian/geometry/simple_ring.h"

#include <chrono>
#include <cstdio>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <vector>

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s villages.shp\n", argv[0]);
        return 2;
    }
    xj::gdal::initialize_gdal();
    GDALDatasetUniquePtr dataset(
        GDALDataset::Open(argv[1], GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!dataset) {
        std::fprintf(stderr, "cannot open %s\n", argv[1]);
        return 1;
    }
    std::vector<std::vector<double>> rings;
    std::size_t vertices = 0;
    for (auto& feature : *dataset->GetLayer(0)) {
        const OGRGeometry* geometry = feature->GetGeometryRef();
        if (geometry == nullptr || wkbFlatten(geometry->getGeometryType()) != wkbPolygon) {
            continue;
        }
        const OGRLinearRing& ring = *geometry->toPolygon()->getExteriorRing();
        std::vector<OGRRawPoint> points(static_cast<std::size_t>(ring.getNumPoints()));
        ring.getPoints(points.data());
        std::vector<double>& xy = rings.emplace_back();
        for (const OGRRawPoint& point : points) {
            xy.push_back(point.x);
            xy.push_back(point.y);
        }
        vertices += points.size();
    }
    auto start = std::chrono::steady_clock::now();
    std::size_t simple = 0;
    for (const auto& xy : rings) {
        simple += xj::geometry::surely_simple_ring(xy.data(), xy.size() / 2);
    }
    const double sweep = seconds_since(start);

    xj::geometry::GeosContext geos;
    GEOSContextHandle_t context = geos.handle();
    start = std::chrono::steady_clock::now();
    std::size_t valid = 0;
    for (const auto& xy : rings) {
        GEOSCoordSequence* sequence = GEOSCoordSeq_copyFromBuffer_r(
            context, xy.data(), static_cast<unsigned>(xy.size() / 2), 0, 0);
        GEOSGeometry* shell = GEOSGeom_createLinearRing_r(context, sequence);
        GEOSGeometry* polygon = GEOSGeom_createPolygon_r(context, shell, nullptr, 0);
        valid += GEOSisValid_r(context, polygon) == 1;
        GEOSGeom_destroy_r(context, polygon);
    }
    const double geos_time = seconds_since(start);
    std::printf("%zu rings, %zu vertices\n", rings.size(), vertices);
    std::printf("sweep (surely_simple_ring): %.3f s, %.2f us a ring, %zu simple\n", sweep,
                1e6 * sweep / static_cast<double>(rings.size()), simple);
    std::printf("GEOS IsValidOp (with building): %.3f s, %.2f us a ring, %zu valid\n", geos_time,
                1e6 * geos_time / static_cast<double>(rings.size()), valid);
    return 0;
}
