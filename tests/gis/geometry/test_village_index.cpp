// The spatial index of the project import: every answer is the one GEOS gives for the same
// boundaries, on shared borders and vertices too, whatever form the boundaries come in.

#include "xiangjian/crs/crs.h"
#include "xiangjian/geometry/village_index.h"

#include <algorithm>
#include <cmath>
#include <cpl_conv.h>
#include <cstdint>
#include <gtest/gtest.h>
#include <iomanip>
#include <iostream>
#include <memory>
#include <ogr_geometry.h>
#include <ogr_spatialref.h>
#include <optional>
#include <string>
#include <vector>

using namespace xj;
using geometry::VillageIndex;

namespace {

/// Deterministic pseudo-random numbers in [0, 1).
class Random {
public:
    double next() {
        m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(m_state >> 11) / 9007199254740992.0;
    }

private:
    std::uint64_t m_state = 42;
};

/// Villages in a 6 × 6 grid whose shared borders zigzag (both neighbours hold the same
/// vertices), one with a hole and one in two parts.
struct Villages {
    std::vector<std::string> codes;
    std::vector<std::unique_ptr<OGRMultiPolygon>> boundaries;

    Villages() {
        constexpr int n = 6;
        constexpr double size = 0.1;
        // Corner points, jittered inside so that the borders are not axis-aligned.
        Random random;
        double cx[n + 1][n + 1], cy[n + 1][n + 1];
        for (int i = 0; i <= n; ++i) {
            for (int j = 0; j <= n; ++j) {
                const bool edge_x = i == 0 || i == n, edge_y = j == 0 || j == n;
                cx[i][j] = 112.0 + i * size + (edge_x ? 0 : (random.next() - 0.5) * 0.03);
                cy[i][j] = 34.0 + j * size + (edge_y ? 0 : (random.next() - 0.5) * 0.03);
            }
        }
        // One zigzag vertex in the middle of each border, shared by the two sides.
        auto middle = [&](double x1, double y1, double x2, double y2, double& x, double& y) {
            const double h = std::fabs(x1 * 1e3 + y2 * 7e3);
            x = (x1 + x2) / 2 + (std::fmod(h, 1.0) - 0.5) * 0.01;
            y = (y1 + y2) / 2 + (std::fmod(h * 3, 1.0) - 0.5) * 0.01;
        };
        for (int i = 0; i < n; ++i) {
            for (int j = 0; j < n; ++j) {
                const double xs[] = {cx[i][j], cx[i + 1][j], cx[i + 1][j + 1], cx[i][j + 1]};
                const double ys[] = {cy[i][j], cy[i + 1][j], cy[i + 1][j + 1], cy[i][j + 1]};
                auto ring = std::make_unique<OGRLinearRing>();
                for (int k = 0; k < 4; ++k) {
                    const int a = k, b = (k + 1) % 4;
                    ring->addPoint(xs[a], ys[a]);
                    // The same middle for both neighbours: computed from the ordered ends.
                    const bool forward = xs[a] < xs[b] || (xs[a] == xs[b] && ys[a] < ys[b]);
                    double x = 0, y = 0;
                    if (forward) {
                        middle(xs[a], ys[a], xs[b], ys[b], x, y);
                    } else {
                        middle(xs[b], ys[b], xs[a], ys[a], x, y);
                    }
                    const bool outer = (k == 0 && j == 0) || (k == 1 && i == n - 1) ||
                                       (k == 2 && j == n - 1) || (k == 3 && i == 0);
                    if (!outer) {
                        ring->addPoint(x, y);
                    }
                }
                ring->closeRings();
                auto polygon = std::make_unique<OGRPolygon>();
                polygon->addRingDirectly(ring.release());
                if (i == 2 && j == 2) { // a hole, with a horizontal edge
                    auto hole = std::make_unique<OGRLinearRing>();
                    hole->addPoint(112.24, 34.24);
                    hole->addPoint(112.27, 34.24);
                    hole->addPoint(112.26, 34.27);
                    hole->closeRings();
                    polygon->addRingDirectly(hole.release());
                }
                auto multi = std::make_unique<OGRMultiPolygon>();
                multi->addGeometryDirectly(polygon.release());
                if (i == 4 && j == 4) { // a second part, away in the hole of (2, 2)
                    auto part = std::make_unique<OGRPolygon>();
                    auto ring2 = std::make_unique<OGRLinearRing>();
                    ring2->addPoint(112.25, 34.245);
                    ring2->addPoint(112.26, 34.245);
                    ring2->addPoint(112.255, 34.255);
                    ring2->closeRings();
                    part->addRingDirectly(ring2.release());
                    multi->addGeometryDirectly(part.release());
                }
                codes.push_back("4103261002" + std::to_string(10 + i * n + j));
                boundaries.push_back(std::move(multi));
            }
        }
    }

    std::vector<VillageIndex::Village> list() const {
        std::vector<VillageIndex::Village> result;
        for (std::size_t i = 0; i < codes.size(); ++i) {
            result.push_back({codes[i], boundaries[i].get()});
        }
        return result;
    }

    /// What GEOS says: the first village whose boundary the point intersects.
    std::optional<std::string> reference(double x, double y) const {
        const OGRPoint point(x, y);
        for (std::size_t i = 0; i < codes.size(); ++i) {
            if (boundaries[i]->Intersects(&point)) {
                return codes[i];
            }
        }
        return std::nullopt;
    }

    /// Points that make a point-in-polygon test work: random ones, every vertex, and the
    /// middle of every edge (on the border up to rounding, where only exact arithmetic
    /// decides).
    std::vector<std::pair<double, double>> probes() const {
        std::vector<std::pair<double, double>> points;
        Random random;
        for (int i = 0; i < 5000; ++i) {
            points.emplace_back(111.95 + random.next() * 0.7, 33.95 + random.next() * 0.7);
        }
        for (const auto& boundary : boundaries) {
            for (const OGRPolygon* polygon : *boundary) {
                for (const OGRLinearRing* ring : *polygon) {
                    for (int k = 0; k + 1 < ring->getNumPoints(); ++k) {
                        const double x1 = ring->getX(k), y1 = ring->getY(k);
                        const double x2 = ring->getX(k + 1), y2 = ring->getY(k + 1);
                        points.emplace_back(x1, y1);
                        points.emplace_back((x1 + x2) / 2, (y1 + y2) / 2);
                        points.emplace_back(x1 + (x2 - x1) / 3, y1 + (y2 - y1) / 3);
                        points.emplace_back((x1 + x2) / 2, y1); // level with a vertex
                    }
                }
            }
        }
        return points;
    }
};

/// The reference of the flat path: OGR (GEOS) intersection of the site with each village,
/// projected and measured — lengths of a line, or areas of a polygon.
std::vector<VillageIndex::Share> geos_shares(const Villages& villages, const OGRGeometry& site,
                                             OGRCoordinateTransformation& to_metres, bool is_area) {
    std::vector<VillageIndex::Share> expected;
    for (std::size_t i = 0; i < villages.codes.size(); ++i) {
        if (!villages.boundaries[i]->Intersects(&site)) {
            continue;
        }
        std::unique_ptr<OGRGeometry> part(villages.boundaries[i]->Intersection(&site));
        part->transform(&to_metres);
        double value = 0;
        const auto measure = [&](const OGRGeometry& piece) {
            const auto type = wkbFlatten(piece.getGeometryType());
            if (is_area && type == wkbPolygon) {
                value += piece.toPolygon()->get_Area();
            } else if (!is_area && type == wkbLineString) {
                value += piece.toLineString()->get_Length();
            }
        };
        if (OGR_GT_IsSubClassOf(part->getGeometryType(), wkbGeometryCollection)) {
            for (const OGRGeometry* piece : *part->toGeometryCollection()) {
                measure(*piece);
            }
        } else {
            measure(*part);
        }
        if (value > 0) {
            expected.push_back({villages.codes[i], value});
        }
    }
    return expected;
}

} // namespace

TEST(VillageIndex, EveryPointLandsWhereGeosPutsItOnBordersAndVerticesToo) {
    const Villages villages;
    const VillageIndex index(villages.list(), 4547);
    ASSERT_EQ(index.size(), villages.codes.size());
    std::size_t inside = 0;
    for (const auto& [x, y] : villages.probes()) {
        const auto expected = villages.reference(x, y);
        ASSERT_EQ(index.containing(x, y), expected) << std::setprecision(17) << x << " " << y;
        inside += expected ? 1 : 0;
    }
    EXPECT_GT(inside, 4000u);
    EXPECT_FALSE(index.containing(std::nan(""), 34.2));
    EXPECT_FALSE(index.containing(200.0, 34.2));
}

TEST(VillageIndex, BoundariesAsWkbInEitherByteOrderAndWithZGiveTheSameAnswers) {
    const Villages villages;
    for (const OGRwkbByteOrder order : {wkbNDR, wkbXDR}) {
        for (const bool with_z : {false, true}) {
            VillageIndex index(4547);
            for (std::size_t i = 0; i < villages.codes.size(); ++i) {
                std::unique_ptr<OGRGeometry> boundary(villages.boundaries[i]->clone());
                if (with_z) {
                    boundary->set3D(TRUE);
                }
                std::vector<unsigned char> wkb(boundary->WkbSize());
                boundary->exportToWkb(order, wkb.data(), wkbVariantIso);
                index.add_wkb(villages.codes[i], wkb);
            }
            // A lone polygon (not a multipolygon) too.
            const OGRPolygon* lone = villages.boundaries[0]->getGeometryRef(0);
            std::vector<unsigned char> wkb(lone->WkbSize());
            lone->exportToWkb(order, wkb.data(), wkbVariantIso);
            index.add_wkb("410326100999", wkb);
            ASSERT_EQ(index.size(), villages.codes.size() + 1);
            for (const auto& [x, y] : villages.probes()) {
                ASSERT_EQ(index.containing(x, y), villages.reference(x, y))
                    << std::setprecision(17) << x << " " << y;
            }
        }
    }
    VillageIndex index(4547);
    const unsigned char truncated[] = {1, 6, 0, 0, 0, 1, 0};
    EXPECT_ANY_THROW(index.add_wkb("410326100001", truncated));
}

TEST(VillageIndex, LinesAndPolygonsAreMeasuredInEachVillageTheyCross) {
    const Villages villages;
    const VillageIndex index(villages.list(), 4547);
    OGRLineString line;
    line.addPoint(111.98, 34.113);
    line.addPoint(112.31, 34.2471);
    line.addPoint(112.55, 34.5012);
    OGRPolygon area;
    auto* ring = new OGRLinearRing();
    ring->addPoint(112.05, 34.05);
    ring->addPoint(112.33, 34.07);
    ring->addPoint(112.29, 34.36);
    ring->closeRings();
    area.addRingDirectly(ring);

    // The reference: OGR (GEOS) intersection, projected, measured.
    const OGRSpatialReference geographic = crs::srs_from_epsg(crs::storage_epsg);
    const OGRSpatialReference metric = crs::srs_from_epsg(4547);
    std::unique_ptr<OGRCoordinateTransformation> to_metres(
        OGRCreateCoordinateTransformation(&geographic, &metric));
    // A road in the hole of one village, around the second part of another: it meets neither.
    OGRMultiLineString in_hole;
    auto* bend = new OGRLineString();
    bend->addPoint(112.2445, 34.2415);
    bend->addPoint(112.2640, 34.2415);
    bend->addPoint(112.2600, 34.2600);
    in_hole.addGeometryDirectly(bend);
    // A road along a shared border, from vertex to vertex.
    const OGRLinearRing* border = villages.boundaries[7]->getGeometryRef(0)->getExteriorRing();
    OGRLineString along_border;
    for (int k = 0; k < 4; ++k) {
        along_border.addPoint(border->getX(k), border->getY(k));
    }
    const OGRGeometry* sites[] = {&line, &in_hole, &along_border, &area};
    for (const OGRGeometry* each : sites) {
        const OGRGeometry& site = *each;
        const bool is_area = each == &area;
        const auto shares = is_area ? index.under(site) : index.along(site);
        const auto expected = geos_shares(villages, site, *to_metres, is_area);
        ASSERT_EQ(shares.size(), expected.size());
        if (each == &in_hole) {
            EXPECT_TRUE(shares.empty());
        } else if (each != &along_border) {
            EXPECT_GT(shares.size(), 3u);
        }
        for (std::size_t i = 0; i < shares.size(); ++i) {
            EXPECT_EQ(shares[i].code, expected[i].code);
            EXPECT_DOUBLE_EQ(shares[i].measure, expected[i].measure);
        }
    }
}

TEST(VillageIndex, LineLengthsAgreeWithGeosAcrossBordersVerticesAndEdges) {
    const Villages villages;
    const VillageIndex index(villages.list(), 4547);
    const OGRSpatialReference geographic = crs::srs_from_epsg(crs::storage_epsg);
    const OGRSpatialReference metric = crs::srs_from_epsg(4547);
    std::unique_ptr<OGRCoordinateTransformation> to_metres(
        OGRCreateCoordinateTransformation(&geographic, &metric));
    ASSERT_TRUE(to_metres);

    std::vector<std::unique_ptr<OGRGeometry>> sites;
    const auto line_of = [](const std::vector<std::pair<double, double>>& points) {
        auto line = std::make_unique<OGRLineString>();
        for (const auto& [x, y] : points) {
            line->addPoint(x, y);
        }
        return line;
    };
    // Random roads of a few segments, some running off the villages.
    Random random;
    for (int i = 0; i < 300; ++i) {
        std::vector<std::pair<double, double>> points;
        double x = 111.95 + random.next() * 0.7, y = 33.95 + random.next() * 0.7;
        const int n = 2 + static_cast<int>(random.next() * 10);
        for (int k = 0; k < n; ++k) {
            points.emplace_back(x, y);
            x += (random.next() - 0.5) * 0.15;
            y += (random.next() - 0.5) * 0.15;
        }
        sites.push_back(line_of(points));
    }
    // Roads from vertex to vertex of the rings, along their edges (shared borders), and
    // through them; roads from a third of an edge along it and on; level with vertices.
    for (std::size_t b = 0; b < villages.boundaries.size(); b += 5) {
        const OGRLinearRing* ring = villages.boundaries[b]->getGeometryRef(0)->getExteriorRing();
        const int n = ring->getNumPoints();
        std::vector<std::pair<double, double>> border;
        for (int k = 0; k < std::min(n, 5); ++k) {
            border.emplace_back(ring->getX(k), ring->getY(k));
        }
        sites.push_back(line_of(border));
        for (int k = 0; k + 2 < n; ++k) {
            const double x0 = ring->getX(k), y0 = ring->getY(k);
            const double x1 = ring->getX(k + 1), y1 = ring->getY(k + 1);
            const double x2 = ring->getX(k + 2), y2 = ring->getY(k + 2);
            // Through a vertex, across the ring.
            sites.push_back(line_of({{x0, y0}, {2 * x1 - x2, 2 * y1 - y2}}));
            sites.push_back(line_of({{x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3},
                                     {x1, y1},
                                     {x2, y2},
                                     {x2 + 0.05, y2 + 0.01}}));
            sites.push_back(line_of({{x1 - 0.05, y1}, {x1 + 0.05, y1}}));
            sites.push_back(line_of({{x1, y1 - 0.05}, {x1, y1 + 0.05}}));
            // Touching the border at a vertex and turning back.
            sites.push_back(line_of({{x1 - 0.02, y1 - 0.03}, {x1, y1}, {x1 + 0.02, y1 - 0.03}}));
        }
    }
    // Across the hole with its horizontal edge, along that edge, and a road that doubles
    // back over itself (GEOS counts the doubled stretch once).
    sites.push_back(line_of({{112.20, 34.24}, {112.30, 34.24}}));
    sites.push_back(line_of({{112.22, 34.25}, {112.28, 34.25}, {112.23, 34.25}}));
    // A repeated vertex, and two parts that cross each other.
    sites.push_back(line_of({{112.03, 34.03}, {112.13, 34.21}, {112.13, 34.21}, {112.37, 34.19}}));
    auto crossing = std::make_unique<OGRMultiLineString>();
    crossing->addGeometryDirectly(line_of({{112.02, 34.31}, {112.44, 34.12}}).release());
    crossing->addGeometryDirectly(line_of({{112.05, 34.11}, {112.41, 34.33}}).release());
    sites.push_back(std::move(crossing));
    auto parts = std::make_unique<OGRMultiLineString>();
    parts->addGeometryDirectly(line_of({{112.05, 34.05}, {112.35, 34.15}}).release());
    parts->addGeometryDirectly(line_of({{112.2, 34.1}, {112.35, 34.15}, {112.4, 34.4}}).release());
    sites.push_back(std::move(parts));

    double worst = 0;
    std::size_t measured = 0;
    for (const auto& site : sites) {
        const auto shares = index.along(*site);
        const auto expected = geos_shares(villages, *site, *to_metres, false);
        char* wkt = nullptr;
        site->exportToWkt(&wkt);
        const std::string text = wkt;
        CPLFree(wkt);
        ASSERT_EQ(shares.size(), expected.size()) << text;
        for (std::size_t i = 0; i < shares.size(); ++i) {
            EXPECT_EQ(shares[i].code, expected[i].code) << text;
            const double difference = std::fabs(shares[i].measure - expected[i].measure);
            EXPECT_LE(difference, std::max(1e-9 * expected[i].measure, 1e-6)) << text;
            worst = std::max(worst, difference / expected[i].measure);
            ++measured;
        }
    }
    EXPECT_GT(measured, 500u);
    std::cout << "largest relative difference from GEOS: " << worst << " (" << measured
              << " lengths)\n";
}
