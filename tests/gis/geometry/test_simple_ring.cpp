// The fast simplicity test in front of GEOS's validity check must never call a ring simple
// that GEOS finds invalid; on rings in general position it must agree with GEOS both ways.

#include "xiangjian/geometry/geos_context.h"
#include "xiangjian/geometry/simple_ring.h"

#include <cmath>
#include <gtest/gtest.h>
#include <limits>
#include <random>
#include <vector>

namespace {

using Ring = std::vector<double>; // x0, y0, x1, y1, …, closed

bool simple(const Ring& ring) {
    return xj::geometry::surely_simple_ring(ring.data(), ring.size() / 2);
}

/// GEOS's verdict on the polygon of that ring.
bool geos_valid(const Ring& ring) {
    xj::geometry::GeosContext geos;
    GEOSCoordSequence* sequence = GEOSCoordSeq_copyFromBuffer_r(
        geos.handle(), ring.data(), static_cast<unsigned>(ring.size() / 2), 0, 0);
    GEOSGeometry* shell = GEOSGeom_createLinearRing_r(geos.handle(), sequence);
    if (shell == nullptr) {
        return false; // GEOS refuses to make it a ring at all
    }
    GEOSGeometry* polygon =
        geos.own(GEOSGeom_createPolygon_r(geos.handle(), shell, nullptr, 0), "polygon");
    return geos.predicate(GEOSisValid_r(geos.handle(), polygon), "isValid");
}

Ring closed(Ring ring) {
    ring.push_back(ring[0]);
    ring.push_back(ring[1]);
    return ring;
}

TEST(SimpleRing, AcceptsPlainRingsAsGeosDoes) {
    for (const Ring& ring : {closed({0, 0, 4, 0, 4, 3, 0, 3}),             // a rectangle
                             closed({0, 0, 2, 0, 4, 0, 4, 3, 0, 3}),       // a collinear vertex
                             closed({0, 0, 4, 0, 4, 0, 4, 3, 0, 3, 0, 3}), // repeated points
                             closed({0, 0, 3, 0, 0, 3})}) {                // clockwise or not
        EXPECT_TRUE(geos_valid(ring));
        EXPECT_TRUE(simple(ring));
    }
}

TEST(SimpleRing, LeavesEveryKindOfInvalidRingToGeos) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    for (const Ring& ring : {
             closed({0, 0, 4, 4, 4, 0, 0, 4}),                   // bow tie
             closed({0, 0, 4, 0, 4, 3, 2, 3, 2, 5, 2, 3, 0, 3}), // a spike out and back
             closed({0, 0, 4, 0, 4, 4, 2, 0, 0, 4}),             // touches itself at a vertex
             closed({0, 0, 4, 0, 4, 4, 2, 2, 2, 0, 1, 4}),       // a vertex on another segment
             closed({0, 0, 1, 0, 2, 0}),                         // collinear: no area
             closed({0, 0, 4, 0, 0, 0}),                         // too few points
             closed({0, 0, 4, 0, 4, nan, 0, 3}),                 // not a number
             Ring{0, 0, 4, 0, 4, 3, 0, 3, 0, 1},                 // not closed
         }) {
        EXPECT_FALSE(simple(ring));
        if (ring.front() == ring[ring.size() - 2] && ring[1] == ring.back()) {
            EXPECT_FALSE(geos_valid(ring));
        }
    }
}

TEST(SimpleRing, AgreesWithGeosOnRandomRings) {
    std::mt19937_64 random(20261206);
    std::uniform_real_distribution<double> coordinate(0.0, 1.0);
    std::size_t simple_count = 0;
    for (int n = 0; n < 3000; ++n) {
        Ring ring;
        const int vertices = 3 + n % 12;
        const bool star = n % 2 == 0; // sorted by angle round a centre: always simple
        for (int v = 0; v < vertices; ++v) {
            if (star) {
                const double angle = 6.283185307179586 * (v + 0.9 * coordinate(random)) / vertices;
                const double radius = 0.2 + coordinate(random);
                ring.push_back(112.0 + radius * std::cos(angle));
                ring.push_back(34.0 + radius * std::sin(angle));
            } else {
                ring.push_back(112.0 + coordinate(random));
                ring.push_back(34.0 + coordinate(random));
            }
        }
        ring = closed(ring);
        const bool valid = geos_valid(ring);
        ASSERT_EQ(simple(ring), valid) << "ring " << n;
        simple_count += valid;
    }
    EXPECT_GT(simple_count, 1500u); // every star and some of the scrambled rings
}

} // namespace
