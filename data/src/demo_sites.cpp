#include "demo_sites.h"

#include "seeded_random.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"
#include "xiangjian/crs/crs.h"
#include "xiangjian/crs/transformation.h"

#include <cmath>
#include <numbers>
#include <ogr_api.h>

namespace xj::demo {

namespace {

constexpr double segment_m = 250.0; // meander resolution of generated lines

} // namespace

SiteGenerator::SiteGenerator(int projected_epsg)
    : m_forward(crs::transformation(crs::storage_epsg, projected_epsg)),
      m_inverse(crs::transformation(projected_epsg, crs::storage_epsg)) {}

SiteGenerator::~SiteGenerator() = default;

std::unique_ptr<OGRGeometry> SiteGenerator::to_metres(const OGRGeometry& geometry) const {
    std::unique_ptr<OGRGeometry> copy{geometry.clone()};
    if (copy->transform(m_forward.get()) != OGRERR_NONE) {
        throw Error(xj::text("PROJ 无法把示范项目位置投影到米制坐标",
                             "PROJ failed to project a demo site to metres"));
    }
    return copy;
}

void SiteGenerator::to_degrees(OGRGeometry& geometry) const {
    if (geometry.transform(m_inverse.get()) != OGRERR_NONE) {
        throw Error(xj::text("PROJ 无法把示范项目位置变换回 CGCS2000",
                             "PROJ failed to project a demo site back to CGCS2000"));
    }
    geometry.assignSpatialReference(nullptr);
}

std::unique_ptr<OGRPoint> SiteGenerator::point_in(const OGRMultiPolygon& area,
                                                  const std::string& key) const {
    const auto metric = to_metres(area);
    // Shrink first, so that the point is not on a boundary a neighbour shares.
    std::unique_ptr<OGRGeometry> core{metric->Buffer(-150.0)};
    const OGRGeometry& target = (core && !core->IsEmpty()) ? *core : *metric;
    OGREnvelope box;
    target.getEnvelope(&box);
    for (std::uint64_t attempt = 0; attempt < 10000; ++attempt) {
        OGRPoint candidate(box.MinX + uniform(key, 2 * attempt) * (box.MaxX - box.MinX),
                           box.MinY + uniform(key, 2 * attempt + 1) * (box.MaxY - box.MinY));
        if (target.Contains(&candidate)) {
            to_degrees(candidate);
            return std::make_unique<OGRPoint>(candidate);
        }
    }
    auto fallback = std::make_unique<OGRPoint>();
    metric->toMultiPolygon()->PointOnSurface(fallback.get());
    to_degrees(*fallback);
    return fallback;
}

std::unique_ptr<OGRMultiLineString> SiteGenerator::line_in(const OGRMultiPolygon& area,
                                                           double length_km, const std::string& key,
                                                           const OGRPoint* start,
                                                           const double* bearing_deg) const {
    // Keep clear of the boundary, so that lines do not hug the county's edge.
    const auto whole = to_metres(area);
    std::unique_ptr<OGRGeometry> shrunk{whole->Buffer(-600.0)};
    const OGRGeometry* metric = (shrunk && !shrunk->IsEmpty()) ? shrunk.get() : whole.get();
    std::unique_ptr<OGRPoint> origin;
    if (start != nullptr) {
        origin.reset(to_metres(*start).release()->toPoint());
    } else {
        origin.reset(to_metres(*point_in(area, key + "/start")).release()->toPoint());
    }
    double heading = bearing_deg != nullptr ? *bearing_deg * std::numbers::pi / 180.0
                                            : uniform(key, 7) * 2 * std::numbers::pi;
    const double preferred = heading;
    OGRLineString line;
    // A start too near the edge can be boxed in at the first step; a line of one point is no
    // site, so such a line starts again from inside the shrunk area.
    for (int start_attempt = 0; start_attempt < 2 && line.getNumPoints() < 2; ++start_attempt) {
        if (start_attempt == 1) {
            OGRGeometryH inside =
                OGR_G_PointOnSurface(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(metric)));
            if (inside == nullptr) {
                break;
            }
            origin.reset(OGRGeometry::FromHandle(inside)->toPoint());
            heading = preferred;
        }
        line.empty();
        line.addPoint(origin->getX(), origin->getY());
        const int segments =
            std::max(2, static_cast<int>(std::lround(length_km * 1000.0 / segment_m)));
        double x = origin->getX();
        double y = origin->getY();
        for (int i = 0; i < segments; ++i) {
            bool placed = false;
            for (std::uint64_t attempt = 0; attempt < 24 && !placed; ++attempt) {
                // Meander around the preferred heading; widen the search when blocked by the edge.
                const double spread = 0.35 + 0.25 * static_cast<double>(attempt);
                const double turn =
                    (uniform(key, 1000 + 64 * static_cast<std::uint64_t>(i) + attempt) - 0.5) *
                    spread;
                const double candidate =
                    (bearing_deg != nullptr ? 0.7 * heading + 0.3 * preferred : heading) + turn;
                OGRPoint next(x + segment_m * std::cos(candidate),
                              y + segment_m * std::sin(candidate));
                if (metric->Contains(&next)) {
                    heading = candidate;
                    x = next.getX();
                    y = next.getY();
                    line.addPoint(x, y);
                    placed = true;
                }
            }
            if (!placed) {
                break; // boxed in by the boundary: a shorter line is still a plausible site
            }
        }
    }
    auto result = std::make_unique<OGRMultiLineString>();
    result->addGeometry(&line);
    to_degrees(*result);
    return result;
}

std::unique_ptr<OGRMultiLineString> SiteGenerator::line_through(const OGRMultiPolygon& area,
                                                                const std::vector<OGRPoint>& stops,
                                                                const std::string& key) const {
    const auto whole = to_metres(area);
    std::unique_ptr<OGRGeometry> shrunk{whole->Buffer(-100.0)};
    const OGRGeometry* metric = (shrunk && !shrunk->IsEmpty()) ? shrunk.get() : whole.get();
    OGRLineString line;
    std::uint64_t draw = 0;
    for (const OGRPoint& stop : stops) {
        const auto target = to_metres(stop);
        const double tx = target->toPoint()->getX(), ty = target->toPoint()->getY();
        if (line.getNumPoints() == 0) {
            line.addPoint(tx, ty);
            continue;
        }
        double x = line.getX(line.getNumPoints() - 1), y = line.getY(line.getNumPoints() - 1);
        // Towards the stop, wandering a little; around the boundary where it is in the way.
        const int most = 4 * static_cast<int>(std::hypot(tx - x, ty - y) / segment_m) + 8;
        for (int step = 0; step < most && std::hypot(tx - x, ty - y) > segment_m; ++step) {
            const double towards = std::atan2(ty - y, tx - x);
            bool placed = false;
            for (std::uint64_t attempt = 0; attempt < 24 && !placed; ++attempt, ++draw) {
                const double spread = 0.6 + 0.25 * static_cast<double>(attempt);
                const double heading = towards + (uniform(key, 5000 + draw) - 0.5) * spread;
                OGRPoint next(x + segment_m * std::cos(heading), y + segment_m * std::sin(heading));
                if (metric->Contains(&next)) {
                    x = next.getX();
                    y = next.getY();
                    line.addPoint(x, y);
                    placed = true;
                }
            }
            if (!placed) {
                break;
            }
        }
        line.addPoint(tx, ty);
    }
    auto result = std::make_unique<OGRMultiLineString>();
    result->addGeometry(&line);
    to_degrees(*result);
    return result;
}

std::unique_ptr<OGRMultiPolygon> SiteGenerator::lake_upstream_of(const OGRPoint& dam,
                                                                 double length_km, double width_km,
                                                                 const std::string& key) const {
    const auto centre = to_metres(dam);
    const double x0 = centre->toPoint()->getX();
    const double y0 = centre->toPoint()->getY();
    const double length = length_km * 1000.0;
    const double half_width = width_km * 500.0;
    OGRLinearRing ring;
    constexpr int steps = 48;
    // North shore west-bound, then south shore east-bound; the width narrows upstream.
    for (int side = 0; side < 2; ++side) {
        for (int i = 0; i <= steps; ++i) {
            const int k = side == 0 ? i : steps - i;
            const double t = static_cast<double>(k) / steps; // 0 at the dam, 1 upstream
            const double wobble =
                0.7 + 0.4 * uniform(key, static_cast<std::uint64_t>(side * 100 + k));
            const double w = half_width * (1.0 - 0.7 * t) * wobble; // widest at the dam
            const double bend = 0.12 * length * std::sin(2.5 * std::numbers::pi * t);
            ring.addPoint(x0 - t * length, y0 + bend + (side == 0 ? 1 : -1) * std::abs(w));
        }
    }
    ring.closeRings();
    OGRPolygon polygon;
    polygon.addRing(&ring);
    auto result = std::make_unique<OGRMultiPolygon>();
    result->addGeometry(&polygon);
    to_degrees(*result);
    return result;
}

std::unique_ptr<OGRMultiPolygon> SiteGenerator::plot_around(const OGRPoint& centre,
                                                            double area_m2) const {
    const auto metric = to_metres(centre);
    const double x = metric->toPoint()->getX();
    const double y = metric->toPoint()->getY();
    const double half = std::sqrt(area_m2) / 2.0;
    OGRLinearRing ring;
    ring.addPoint(x - half, y - half);
    ring.addPoint(x + half, y - half);
    ring.addPoint(x + half, y + half);
    ring.addPoint(x - half, y + half);
    ring.closeRings();
    OGRPolygon polygon;
    polygon.addRing(&ring);
    auto result = std::make_unique<OGRMultiPolygon>();
    result->addGeometry(&polygon);
    to_degrees(*result);
    return result;
}

} // namespace xj::demo
