// GCJ-02 and BD-09 against published point pairs (the eviltransform project's test vectors,
// which the Chinese web-map community uses as reference), and the inverse to under 0.5 m.

#include "xiangjian/crs/china_offsets.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace xj::crs;

namespace {

/// Metres between two nearby points (equirectangular; exact enough at these distances).
double metres(LonLat a, LonLat b) {
    const double r = 6371000.0;
    const double x = (a.lon - b.lon) * M_PI / 180 * std::cos(a.lat * M_PI / 180);
    const double y = (a.lat - b.lat) * M_PI / 180;
    return r * std::hypot(x, y);
}

struct Pair {
    LonLat wgs;
    LonLat gcj;
};
// Shanghai, Shenzhen, Beijing: (WGS 84, GCJ-02).
const Pair published[] = {
    {{121.5272106, 31.1774276}, {121.531541859215, 31.17530398364597}},
    {{113.912316, 22.543847}, {113.9171764808363, 22.540796131694766}},
    {{116.377817, 39.911954}, {116.38404722455657, 39.91334545536069}},
};

} // namespace

TEST(ChinaOffsets, ForwardMatchesThePublishedPairs) {
    for (const auto& [wgs, gcj] : published) {
        const LonLat computed = wgs84_to_gcj02(wgs);
        EXPECT_LT(metres(computed, gcj), 0.001) << wgs.lon << "," << wgs.lat;
        EXPECT_GT(metres(wgs, gcj), 100.0) << "the offset is hundreds of metres";
    }
}

TEST(ChinaOffsets, InverseRecoversWgs84ToUnderHalfAMetre) {
    for (const auto& [wgs, gcj] : published) {
        EXPECT_LT(metres(gcj02_to_wgs84(gcj), wgs), 0.5);
        EXPECT_LT(metres(gcj02_to_wgs84(gcj), wgs), 0.01) << "the iteration converges to cm";
    }
    // Over Ruyang and the whole of China on a grid, the round trip holds.
    double worst = 0;
    for (double lon = 74; lon < 135; lon += 1.7) {
        for (double lat = 19; lat < 53; lat += 1.3) {
            const LonLat wgs{lon, lat};
            worst = std::max(worst, metres(gcj02_to_wgs84(wgs84_to_gcj02(wgs)), wgs));
        }
    }
    EXPECT_LT(worst, 0.01);
}

TEST(ChinaOffsets, Bd09MatchesThePublishedPairs) {
    // The coordtransform project's reference values at Tiananmen (116.404, 39.915).
    const LonLat point{116.404, 39.915};
    EXPECT_LT(metres(gcj02_to_bd09(point), {116.41036949371029, 39.92133699351021}), 0.001);
    // Its BD-09 → GCJ-02 uses the one-step formula; ours refines it by a few centimetres.
    EXPECT_LT(metres(bd09_to_gcj02(point), {116.39762729119315, 39.90865673957631}), 0.1);
    EXPECT_LT(metres(wgs84_to_gcj02(point), {116.41024449916938, 39.91640428150164}), 0.001);
    // Its GCJ-02 → WGS 84 is the one-step inverse, a few metres off; ours is exact.
    EXPECT_LT(metres(gcj02_to_wgs84(point), {116.39775550083061, 39.91359571849836}), 5.0);
    EXPECT_LT(metres(wgs84_to_gcj02(gcj02_to_wgs84(point)), point), 0.01);
    // BD-09 round trips exactly through GCJ-02 and WGS 84.
    for (const LonLat bd : {LonLat{120.019809, 29.199786}, LonLat{112.47, 34.15}}) {
        EXPECT_LT(metres(gcj02_to_bd09(bd09_to_gcj02(bd)), bd), 0.01);
        EXPECT_LT(metres(gcj02_to_bd09(wgs84_to_gcj02(bd09_to_wgs84(bd))), bd), 0.01);
    }
}

TEST(ChinaOffsets, OutsideChinaNothingMoves) {
    const LonLat paris{2.35, 48.85};
    EXPECT_DOUBLE_EQ(wgs84_to_gcj02(paris).lon, paris.lon);
    EXPECT_DOUBLE_EQ(gcj02_to_wgs84(paris).lat, paris.lat);
}
