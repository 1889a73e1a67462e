// Planar arrangements of the demo county's generation: linework noded and polygonized into
// faces that share exact vertices, and every unit made one edge-connected group of faces.

#include "county_generation.h"

namespace xj::demo::detail {

// ---------------------------------------------------------------------------------------------
// Planar arrangements: noded linework, polygonized into faces that share exact vertices.

Face make_face(const Geos& geos, GeomPtr polygon) {
    Face face;
    face.rings = rings_of(geos, polygon.get());
    face.box = box_of(face.rings.front());
    Point moment;
    for (std::size_t i = 0; i < face.rings.size(); ++i) {
        const RingMoments m = moments_of(face.rings[i]);
        // Holes subtract whatever way round GEOS happened to orient each ring.
        const double sign = (i == 0 ? 1.0 : -1.0) * (m.area >= 0.0 ? 1.0 : -1.0);
        face.area += sign * m.area;
        moment.x += sign * (m.cx / 6.0 + m.area * m.origin.x);
        moment.y += sign * (m.cy / 6.0 + m.area * m.origin.y);
    }
    face.centroid = face.area > 0.0 ? Point{moment.x / face.area, moment.y / face.area}
                                    : face.rings.front().front();
    face.polygon = std::move(polygon);
    return face;
}

GeomPtr voronoi_edges(const Geos& geos, const std::vector<Point>& sites,
                      const GEOSGeometry* extent) {
    std::vector<GeomPtr> points;
    points.reserve(sites.size());
    for (const Point p : sites) {
        points.push_back(make_point(geos, p));
    }
    const GeomPtr multipoint = make_collection(geos, GEOS_MULTIPOINT, std::move(points));
    return own(geos, GEOSVoronoiDiagram_r(geos.handle(), multipoint.get(), extent, 0.0, 1),
               "Voronoi diagram");
}

/// Voronoi edges of the sites, cut to the polygon, plus the polygon's boundary. The cut is left
/// in floating point: the noding in polygonize() decides the final vertices.
void add_cell_linework(const Geos& geos, const std::vector<Point>& sites,
                       const GEOSGeometry* polygon, std::vector<GeomPtr>& linework) {
    linework.push_back(own(geos, GEOSBoundary_r(geos.handle(), polygon), "boundary"));
    if (sites.size() < 2) {
        return;
    }
    const GeomPtr edges = voronoi_edges(geos, sites, polygon);
    linework.push_back(own(geos, GEOSIntersection_r(geos.handle(), edges.get(), polygon), "clip"));
}

/// Nodes all linework in one union, so faces sharing an edge get identical vertices.
std::vector<Face> polygonize(const Geos& geos, std::vector<GeomPtr> linework, Noding noding) {
    const GeomPtr all = make_collection(geos, GEOS_GEOMETRYCOLLECTION, std::move(linework));
    const GeomPtr noded =
        own(geos,
            noding == Noding::grid ? GEOSUnaryUnionPrec_r(geos.handle(), all.get(), k_grid)
                                   : GEOSUnaryUnion_r(geos.handle(), all.get()),
            "noding");
    const GEOSGeometry* inputs[] = {noded.get()};
    const GeomPtr polygons = own(geos, GEOSPolygonize_r(geos.handle(), inputs, 1), "polygonize");
    const int count = GEOSGetNumGeometries_r(geos.handle(), polygons.get());
    std::vector<Face> faces;
    faces.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        const GEOSGeometry* part =
            geos.check(GEOSGetGeometryN_r(geos.handle(), polygons.get(), i), "face");
        faces.push_back(make_face(geos, clone(geos, part)));
    }
    return faces;
}

Adjacency face_adjacency(const std::vector<Face>& faces) {
    using SegmentKey = std::array<double, 4>;
    std::map<SegmentKey, int> first_face;
    Adjacency adjacency(faces.size());
    for (std::size_t f = 0; f < faces.size(); ++f) {
        for (const Ring& ring : faces[f].rings) {
            for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
                Point a = ring[i];
                Point b = ring[i + 1];
                if (std::pair(b.x, b.y) < std::pair(a.x, a.y)) {
                    std::swap(a, b);
                }
                const auto [it, inserted] =
                    first_face.try_emplace(SegmentKey{a.x, a.y, b.x, b.y}, static_cast<int>(f));
                if (inserted || it->second == static_cast<int>(f)) {
                    continue;
                }
                const double length = std::sqrt(squared_distance(a, b));
                adjacency[f][it->second] += length;
                adjacency[static_cast<std::size_t>(it->second)][static_cast<int>(f)] += length;
            }
        }
    }
    return adjacency;
}

int face_containing(const std::vector<Face>& faces, Point p) {
    for (std::size_t f = 0; f < faces.size(); ++f) {
        if (faces[f].box.contains(p) && rings_contain(faces[f].rings, p)) {
            return static_cast<int>(f);
        }
    }
    fail("the seat lies outside the generated outline");
}

GeomPtr coverage_union(const Geos& geos, const std::vector<Face>& faces,
                       const std::vector<int>& members) {
    std::vector<GeomPtr> parts;
    parts.reserve(members.size());
    for (const int f : members) {
        parts.push_back(clone(geos, faces[static_cast<std::size_t>(f)].polygon.get()));
    }
    const GeomPtr collection = make_collection(geos, GEOS_MULTIPOLYGON, std::move(parts));
    GeomPtr merged = own(geos, GEOSCoverageUnion_r(geos.handle(), collection.get()), "union");
    if (GEOSGeomTypeId_r(geos.handle(), merged.get()) == GEOS_POLYGON) {
        return merged;
    }
    if (GEOSGetNumGeometries_r(geos.handle(), merged.get()) == 1) {
        return clone(geos, GEOSGetGeometryN_r(geos.handle(), merged.get(), 0));
    }
    fail("a generated unit fell apart into several polygons");
}

// ---------------------------------------------------------------------------------------------
// Contiguity: every label ends up as one edge-connected group of faces.

std::vector<Component> components_of(const std::vector<int>& labels, const std::vector<Face>& faces,
                                     const Adjacency& adjacency) {
    std::vector<Component> components;
    std::vector<bool> seen(labels.size(), false);
    for (std::size_t start = 0; start < labels.size(); ++start) {
        if (seen[start]) {
            continue;
        }
        Component component{labels[start], {}, 0.0};
        std::vector<int> stack{static_cast<int>(start)};
        seen[start] = true;
        while (!stack.empty()) {
            const int f = stack.back();
            stack.pop_back();
            component.faces.push_back(f);
            component.area += faces[static_cast<std::size_t>(f)].area;
            for (const auto& [g, length] : adjacency[static_cast<std::size_t>(f)]) {
                const auto ug = static_cast<std::size_t>(g);
                if (!seen[ug] && labels[ug] == component.label && length > 0.0) {
                    seen[ug] = true;
                    stack.push_back(g);
                }
            }
        }
        components.push_back(std::move(component));
    }
    return components;
}

/// The label sharing the longest boundary with the component, among those it may join.
int best_neighbour_label(const Component& component, const std::vector<int>& labels,
                         const Adjacency& adjacency,
                         const std::function<bool(int, int)>& may_join) {
    std::map<int, double> shared;
    for (const int f : component.faces) {
        for (const auto& [g, length] : adjacency[static_cast<std::size_t>(f)]) {
            const int other = labels[static_cast<std::size_t>(g)];
            if (other != component.label && may_join(component.label, other)) {
                shared[other] += length;
            }
        }
    }
    int best = -1;
    double best_length = 0.0;
    for (const auto& [label, length] : shared) {
        if (length > best_length) {
            best = label;
            best_length = length;
        }
    }
    return best;
}

/// Indices of the components to keep: per label the one holding its pinned face, else the
/// largest (the first found on a tie).
std::vector<bool> main_components(const std::vector<Component>& components, int label_count,
                                  const std::vector<int>& pinned_face) {
    std::vector<int> main(static_cast<std::size_t>(label_count), -1);
    std::vector<bool> pinned_found(static_cast<std::size_t>(label_count), false);
    for (std::size_t c = 0; c < components.size(); ++c) {
        const auto label = static_cast<std::size_t>(components[c].label);
        const int pin = pinned_face[label];
        const bool holds_pin =
            pin >= 0 && std::find(components[c].faces.begin(), components[c].faces.end(), pin) !=
                            components[c].faces.end();
        if (pinned_found[label]) {
            continue;
        }
        if (holds_pin || main[label] < 0 ||
            components[c].area > components[static_cast<std::size_t>(main[label])].area) {
            main[label] = static_cast<int>(c);
            pinned_found[label] = holds_pin;
        }
    }
    std::vector<bool> keep(components.size(), false);
    for (const int c : main) {
        if (c >= 0) {
            keep[static_cast<std::size_t>(c)] = true;
        }
    }
    return keep;
}

void make_contiguous(std::vector<int>& labels, int label_count, const std::vector<Face>& faces,
                     const Adjacency& adjacency, const std::vector<int>& pinned_face,
                     const std::function<bool(int, int)>& may_join) {
    // Every hand-over joins two components, so this ends after at most one pass per face.
    for (std::size_t pass = 0; pass <= faces.size(); ++pass) {
        const std::vector<Component> components = components_of(labels, faces, adjacency);
        const std::vector<bool> keep = main_components(components, label_count, pinned_face);
        if (std::all_of(keep.begin(), keep.end(), [](bool k) { return k; })) {
            return;
        }
        for (std::size_t c = 0; c < components.size(); ++c) {
            if (keep[c]) {
                continue;
            }
            const int target = best_neighbour_label(components[c], labels, adjacency, may_join);
            if (target < 0) {
                fail("a detached piece of a unit has no neighbour to join");
            }
            for (const int f : components[c].faces) {
                labels[static_cast<std::size_t>(f)] = target;
            }
        }
    }
    fail("could not make every unit contiguous");
}

std::vector<std::vector<int>> faces_by_label(const std::vector<int>& labels, int label_count) {
    std::vector<std::vector<int>> groups(static_cast<std::size_t>(label_count));
    for (std::size_t f = 0; f < labels.size(); ++f) {
        groups[static_cast<std::size_t>(labels[f])].push_back(static_cast<int>(f));
    }
    return groups;
}

} // namespace xj::demo::detail
