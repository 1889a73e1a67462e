// The demo county's townships (a capacity-constrained power diagram over fine Voronoi cells)
// and villages (best-candidate seeds, relaxed, their Voronoi cells clipped to the township).

#include "county_generation.h"

namespace xj::demo::detail {

// ---------------------------------------------------------------------------------------------
// Townships: a capacity-constrained power diagram over fine Voronoi cells.

std::vector<Point> jittered_points(const Region& region, double spacing, Rng& rng) {
    const Box& box = region.box();
    const auto columns = static_cast<int>(std::ceil(box.width() / spacing));
    const auto rows = static_cast<int>(std::ceil(box.height() / spacing));
    std::vector<Point> points;
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < columns; ++column) {
            const Point p{box.min_x + (column + rng.uniform()) * spacing,
                          box.min_y + (row + rng.uniform()) * spacing};
            if (region.contains(p)) {
                points.push_back(p);
            }
        }
    }
    return points;
}

std::vector<int> power_labels(const std::vector<Face>& faces, const PowerSites& sites,
                              int seat_township, int seat_face) {
    std::vector<int> labels(faces.size(), 0);
    for (std::size_t f = 0; f < faces.size(); ++f) {
        double best = std::numeric_limits<double>::max();
        for (std::size_t i = 0; i < sites.seeds.size(); ++i) {
            const double power =
                squared_distance(faces[f].centroid, sites.seeds[i]) - sites.weights[i];
            if (power < best) {
                best = power;
                labels[f] = static_cast<int>(i);
            }
        }
    }
    labels[static_cast<std::size_t>(seat_face)] = seat_township;
    return labels;
}

/// Seat township on the seat, the others spread by best-candidate sampling of face centroids.
std::vector<Point> initial_seeds(const std::vector<Face>& faces, std::size_t count,
                                 int seat_township, Point seat, Rng& rng) {
    std::vector<Point> seeds(count, seat);
    std::vector<Point> placed{seat};
    for (std::size_t i = 0; i < count; ++i) {
        if (static_cast<int>(i) == seat_township) {
            continue;
        }
        Point best;
        double best_distance = -1.0;
        for (int c = 0; c < k_best_candidates; ++c) {
            const Point candidate = faces[rng.index(faces.size())].centroid;
            double nearest = std::numeric_limits<double>::max();
            for (const Point p : placed) {
                nearest = std::min(nearest, squared_distance(candidate, p));
            }
            if (nearest > best_distance) {
                best_distance = nearest;
                best = candidate;
            }
        }
        seeds[i] = best;
        placed.push_back(best);
    }
    return seeds;
}

std::vector<int> assign_townships(const std::vector<Face>& faces, const std::vector<double>& target,
                                  int seat_township, int seat_face, Point seat, Rng& rng) {
    const std::size_t count = target.size();
    PowerSites sites{initial_seeds(faces, count, seat_township, seat, rng),
                     std::vector<double>(count, 0.0)};
    for (int iteration = 0; iteration < k_power_iterations; ++iteration) {
        const std::vector<int> labels = power_labels(faces, sites, seat_township, seat_face);
        std::vector<double> area(count, 0.0);
        std::vector<Point> moment(count);
        for (std::size_t f = 0; f < faces.size(); ++f) {
            const auto i = static_cast<std::size_t>(labels[f]);
            area[i] += faces[f].area;
            moment[i].x += faces[f].area * faces[f].centroid.x;
            moment[i].y += faces[f].area * faces[f].centroid.y;
        }
        for (std::size_t i = 0; i < count; ++i) {
            // Raising w_i by δ pushes the region's edges out by about δ / (2·spacing), which
            // adds about π·δ / 2 of area: this step goes half-way, which does not oscillate.
            sites.weights[i] += (target[i] - area[i]) / std::numbers::pi;
            if (iteration < k_lloyd_iterations && static_cast<int>(i) != seat_township &&
                area[i] > 0.0) {
                sites.seeds[i] = {moment[i].x / area[i], moment[i].y / area[i]};
            }
        }
    }
    return power_labels(faces, sites, seat_township, seat_face);
}

// ---------------------------------------------------------------------------------------------
// Villages.

Point random_point_in(const Region& region, Rng& rng) {
    const Box& box = region.box();
    for (int i = 0; i < k_rejection_limit; ++i) {
        const Point p{rng.uniform(box.min_x, box.max_x), rng.uniform(box.min_y, box.max_y)};
        if (region.contains(p)) {
            return p;
        }
    }
    fail("cannot place a village seed inside a township");
}

/// Index of the point nearest to p; the first one on a tie.
std::size_t nearest_point(const std::vector<Point>& points, Point p) {
    std::size_t nearest = 0;
    for (std::size_t i = 1; i < points.size(); ++i) {
        if (squared_distance(p, points[i]) < squared_distance(p, points[nearest])) {
            nearest = i;
        }
    }
    return nearest;
}

/// Mitchell's best-candidate sampling: each new point is the candidate farthest from the rest.
std::vector<Point> best_candidate_points(const Region& region, std::size_t count, Rng& rng) {
    std::vector<Point> points;
    points.reserve(count);
    while (points.size() < count) {
        Point best;
        double best_distance = -1.0;
        for (int c = 0; c < k_best_candidates; ++c) {
            const Point candidate = random_point_in(region, rng);
            double nearest = std::numeric_limits<double>::max();
            for (const Point p : points) {
                nearest = std::min(nearest, squared_distance(candidate, p));
            }
            if (nearest > best_distance) {
                best_distance = nearest;
                best = candidate;
            }
        }
        points.push_back(best);
    }
    return points;
}

/// A few rounds of Lloyd's relaxation on random samples (k-means): evens out village sizes,
/// which best-candidate sampling alone leaves ragged next to the township boundary.
void relax_seeds(const Region& region, std::vector<Point>& seeds, Rng& rng) {
    std::vector<Point> samples(seeds.size() * k_relax_samples);
    for (Point& sample : samples) {
        sample = random_point_in(region, rng);
    }
    for (int round = 0; round < k_relax_rounds; ++round) {
        std::vector<Point> sum(seeds.size());
        std::vector<int> count(seeds.size(), 0);
        for (const Point sample : samples) {
            const std::size_t nearest = nearest_point(seeds, sample);
            sum[nearest].x += sample.x;
            sum[nearest].y += sample.y;
            ++count[nearest];
        }
        for (std::size_t s = 0; s < seeds.size(); ++s) {
            if (count[s] == 0) {
                continue;
            }
            const Point mean{sum[s].x / count[s], sum[s].y / count[s]};
            // The mean of a cell in a concave township may fall outside it; keep the old seed.
            if (region.contains(mean)) {
                seeds[s] = mean;
            }
        }
    }
}

Point point_on_surface(const Geos& geos, const GEOSGeometry* polygon) {
    const GeomPtr point = own(geos, GEOSPointOnSurface_r(geos.handle(), polygon), "interior point");
    Point p;
    GEOSGeomGetX_r(geos.handle(), point.get(), &p.x);
    GEOSGeomGetY_r(geos.handle(), point.get(), &p.y);
    return p;
}

/// The township containing the point; the nearest one for a point that snapping moved just
/// outside every township (only a sliver face narrower than the grid could have one).
std::size_t township_at(const Geos& geos, const std::vector<Region>& townships, Point p) {
    for (std::size_t t = 0; t < townships.size(); ++t) {
        if (townships[t].contains(p)) {
            return t;
        }
    }
    const GeomPtr point = make_point(geos, p);
    std::size_t nearest = 0;
    double nearest_distance = std::numeric_limits<double>::max();
    for (std::size_t t = 0; t < townships.size(); ++t) {
        double distance = 0.0;
        if (GEOSDistance_r(geos.handle(), point.get(), townships[t].polygon(), &distance) == 0) {
            geos.raise("distance");
        }
        if (distance < nearest_distance) {
            nearest = t;
            nearest_distance = distance;
        }
    }
    return nearest;
}

/// Labels each village face with the township containing it and that township's nearest seed.
std::vector<int> label_village_faces(const Geos& geos, const std::vector<Face>& faces,
                                     const std::vector<Region>& townships,
                                     const std::vector<std::vector<Point>>& seeds,
                                     const std::vector<int>& first_village) {
    std::vector<int> labels(faces.size(), -1);
    for (std::size_t f = 0; f < faces.size(); ++f) {
        const Point inner = point_on_surface(geos, faces[f].polygon.get());
        const std::size_t t = township_at(geos, townships, inner);
        labels[f] = first_village[t] + static_cast<int>(nearest_point(seeds[t], inner));
    }
    return labels;
}

VillageLayout place_villages(const Geos& geos, const std::vector<Region>& townships,
                             const CountySpec& spec, Rng& rng) {
    VillageLayout layout;
    std::vector<std::vector<Point>> seeds;
    std::vector<int> first_village;
    std::vector<GeomPtr> linework;
    for (std::size_t t = 0; t < townships.size(); ++t) {
        const std::size_t count = spec.townships[t].village_codes.size();
        seeds.push_back(best_candidate_points(townships[t], count, rng));
        relax_seeds(townships[t], seeds.back(), rng);
        first_village.push_back(static_cast<int>(layout.township_of_village.size()));
        layout.township_of_village.insert(layout.township_of_village.end(), count,
                                          static_cast<int>(t));
        add_cell_linework(geos, seeds.back(), townships[t].polygon(), linework);
    }
    layout.faces = polygonize(geos, std::move(linework), Noding::grid);
    layout.village_of_face =
        label_village_faces(geos, layout.faces, townships, seeds, first_village);
    const auto village_count = static_cast<int>(layout.township_of_village.size());
    const std::vector<int> no_pins(layout.township_of_village.size(), -1);
    const std::vector<int>& township_of = layout.township_of_village;
    make_contiguous(layout.village_of_face, village_count, layout.faces,
                    face_adjacency(layout.faces), no_pins, [&township_of](int a, int b) {
                        return township_of[static_cast<std::size_t>(a)] ==
                               township_of[static_cast<std::size_t>(b)];
                    });
    return layout;
}

} // namespace xj::demo::detail
