// The spatial join of the import benchmark: every project point into the village containing
// it, and every road's length in each village it crosses, on the province data set of
// xj_make_province.
//   build/bin/xj_bench_spatial_join PROVINCE_DIR/province.gpkg [PROVINCE_DIR/roads.shp]

#include "xiangjian/gdal/gdal_errors.h"
#include "xiangjian/geometry/village_index.h"

#include <chrono>
#include <cstdio>
#include <gdal_priv.h>
#include <memory>
#include <ogrsf_frmts.h>
#include <string>
#include <vector>

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2 && argc != 3) {
        std::fprintf(stderr, "usage: %s province.gpkg [roads.shp]\n", argv[0]);
        return 2;
    }
    xj::gdal::initialize_gdal();
    GDALDatasetUniquePtr dataset(
        GDALDataset::Open(argv[1], GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!dataset) {
        std::fprintf(stderr, "cannot open %s\n", argv[1]);
        return 1;
    }
    std::vector<std::string> codes;
    std::vector<std::unique_ptr<OGRMultiPolygon>> boundaries;
    for (auto& feature : *dataset->GetLayerByName("villages")) {
        codes.emplace_back(feature->GetFieldAsString("code"));
        boundaries.emplace_back(
            OGRGeometryFactory::forceToMultiPolygon(feature->StealGeometry())->toMultiPolygon());
    }
    std::vector<std::pair<double, double>> points;
    for (auto& feature : *dataset->GetLayerByName("sites")) {
        const OGRPoint* point = feature->GetGeometryRef()->toPoint();
        points.emplace_back(point->getX(), point->getY());
    }
    std::vector<xj::geometry::VillageIndex::Village> villages;
    for (std::size_t i = 0; i < codes.size(); ++i) {
        villages.push_back({codes[i], boundaries[i].get()});
    }

    auto start = std::chrono::steady_clock::now();
    const xj::geometry::VillageIndex index(villages, 4547);
    const double build = seconds_since(start);
    start = std::chrono::steady_clock::now();
    std::size_t matched = 0;
    for (const auto& [lon, lat] : points) {
        matched += index.containing(lon, lat).has_value() ? 1 : 0;
    }
    const double join = seconds_since(start);
    std::printf("spatial join: %zu villages indexed in %.3f s; %zu points joined in %.3f s "
                "(%.2f µs a point), %zu matched; total %.3f s\n",
                villages.size(), build, points.size(), join, 1e6 * join / points.size(), matched,
                build + join);
    if (argc == 3) {
        GDALDatasetUniquePtr roads(GDALDataset::Open(argv[2], GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                     nullptr, nullptr, nullptr));
        if (!roads) {
            std::fprintf(stderr, "cannot open %s\n", argv[2]);
            return 1;
        }
        std::vector<std::unique_ptr<OGRGeometry>> lines;
        for (auto& feature : *roads->GetLayer(0)) {
            lines.emplace_back(feature->StealGeometry());
        }
        start = std::chrono::steady_clock::now();
        std::size_t shares = 0;
        double metres = 0;
        for (const auto& line : lines) {
            for (const auto& share : index.along(*line)) {
                ++shares;
                metres += share.measure;
            }
        }
        const double along = seconds_since(start);
        std::printf("lines: %zu roads measured in %.3f s (%.1f µs a road, one thread), %zu "
                    "village shares, %.3f km\n",
                    lines.size(), along, 1e6 * along / static_cast<double>(lines.size()), shares,
                    metres / 1000);
    }
    return 0;
}
