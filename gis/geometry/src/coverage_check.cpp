#include "xiangjian/geometry/coverage_check.h"

#include "xiangjian/core/error.h"
#include "xiangjian/crs/crs.h"
#include "xiangjian/crs/transformation.h"
#include "xiangjian/geometry/geos_context.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <geos_c.h>
#include <map>
#include <memory>
#include <set>
#include <tuple>

namespace xj::geometry {

namespace {

/// Unit envelopes; items are unit indexes, in order. The first few queries scan the
/// envelopes (a clean province has a face or two to look at); more build a GEOS STR-tree.
class EnvelopeIndex {
public:
    EnvelopeIndex(GeosContext& geos, const std::vector<OGREnvelope>& boxes)
        : m_geos(geos), m_context(geos.handle()), m_boxes(boxes) {}
    EnvelopeIndex(const EnvelopeIndex&) = delete;
    EnvelopeIndex& operator=(const EnvelopeIndex&) = delete;
    ~EnvelopeIndex() {
        if (m_tree != nullptr) {
            GEOSSTRtree_destroy_r(m_context, m_tree);
        }
    }

    /// The units whose envelopes meet the geometry's (touching counts, as in GEOS).
    std::vector<std::size_t> query(const GEOSGeometry* geometry) {
        std::vector<std::size_t> hits;
        double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
        if (m_tree == nullptr && m_scans < scans_before_tree &&
            GEOSGeom_getXMin_r(m_context, geometry, &min_x) == 1 &&
            GEOSGeom_getYMin_r(m_context, geometry, &min_y) == 1 &&
            GEOSGeom_getXMax_r(m_context, geometry, &max_x) == 1 &&
            GEOSGeom_getYMax_r(m_context, geometry, &max_y) == 1) {
            ++m_scans;
            for (std::size_t i = 0; i < m_boxes.size(); ++i) {
                const OGREnvelope& box = m_boxes[i];
                if (!(box.MinX > max_x || box.MaxX < min_x || box.MinY > max_y ||
                      box.MaxY < min_y)) {
                    hits.push_back(i);
                }
            }
            return hits;
        }
        GEOSSTRtree_query_r(
            m_context, tree(), geometry,
            [](void* item, void* user) {
                static_cast<std::vector<std::size_t>*>(user)->push_back(
                    *static_cast<std::size_t*>(item));
            },
            &hits);
        std::sort(hits.begin(), hits.end());
        return hits;
    }

private:
    static constexpr int scans_before_tree = 8;

    GEOSSTRtree* tree() {
        if (m_tree == nullptr) {
            m_tree = GEOSSTRtree_create_r(m_context, 10);
            m_ids.resize(m_boxes.size());
            for (std::size_t i = 0; i < m_boxes.size(); ++i) {
                const OGREnvelope& box = m_boxes[i];
                m_ids[i] = i;
                GEOSSTRtree_insert_r(
                    m_context, m_tree,
                    m_geos.own(GEOSGeom_createRectangle_r(m_context, box.MinX, box.MinY, box.MaxX,
                                                          box.MaxY),
                               "while checking overlaps and gaps"),
                    &m_ids[i]);
            }
        }
        return m_tree;
    }

    GeosContext& m_geos;
    GEOSContextHandle_t m_context;
    const std::vector<OGREnvelope>& m_boxes;
    GEOSSTRtree* m_tree = nullptr;
    std::vector<std::size_t> m_ids;
    int m_scans = 0;
};

/// A boundary segment, by two independent hashes of its canonical (lexicographically ordered)
/// endpoints, 64 and 32 bits: equal segments have equal hashes, and two different segments
/// that collide in both (one chance in 2^96) are not to be expected in any coverage. `vertex`
/// finds its coordinates and its unit again for the few segments that end up without a twin.
struct Segment {
    std::uint64_t key;
    std::uint32_t check;
    /// The global index of its first vertex, in ring order, and (lowest bit) whether it runs
    /// the way its canonical form does. Not bit-fields: writing one reads its word first, and
    /// a read of each fresh page of the segments mapped the zero page, faulted again on the
    /// write and flushed the other core's TLB.
    std::uint32_t vertex_forward;
    std::uint32_t vertex() const { return vertex_forward >> 1; }
    std::uint32_t forward() const { return vertex_forward & 1u; }
};
static_assert(sizeof(Segment) == 16);

std::uint64_t mix(std::uint64_t h, double value) {
    h ^= std::bit_cast<std::uint64_t>(value + 0.0) + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 27);
}

/// The second hash only tells apart segments whose keys collide: a cheap one (products by
/// odd constants, summed, top bits) that shares nothing with the key's.
std::uint32_t check_of(const OGRRawPoint& low, const OGRRawPoint& high) {
    const auto bits = [](double value) { return std::bit_cast<std::uint64_t>(value + 0.0); };
    return static_cast<std::uint32_t>(
        (bits(low.x) * 0xD6E8FEB86659FD93ull + bits(low.y) * 0xA0761D6478BD642Full +
         bits(high.x) * 0xE7037ED1A0B428DBull + bits(high.y) * 0x8EBC6AF09C88C6E3ull) >>
        32);
}

/// Gives a vector's memory back (assigning {} would keep its capacity).
template <typename T> void release(std::vector<T>& vector) {
    std::vector<T>().swap(vector);
}

bool before(const OGRRawPoint& a, const OGRRawPoint& b) {
    return std::tie(a.x, a.y) < std::tie(b.x, b.y);
}
bool same(const OGRRawPoint& a, const OGRRawPoint& b) {
    return a.x == b.x && a.y == b.y;
}

/// Segments are grouped by the top bits of their key: each group is twinned on its own, in
/// cache, instead of sorting millions of segments in passes over memory.
constexpr int bucket_bits = 11;
constexpr std::size_t buckets = std::size_t{1} << bucket_bits;
std::size_t bucket_of(std::uint64_t key) {
    return static_cast<std::size_t>(key >> (64 - bucket_bits));
}

/// A boundary segment without a twin, in the direction its unit runs.
struct Loose {
    OGRRawPoint from;
    OGRRawPoint to;
    std::uint32_t unit;
    std::pair<OGRRawPoint, OGRRawPoint> canonical() const {
        return before(from, to) ? std::pair{from, to} : std::pair{to, from};
    }
};

/// Sorts segments so that equal ones are adjacent and keeps those that are not exactly one
/// pair running in opposite directions.
template <typename S, typename Less, typename Forward, typename Emit>
void keep_untwinned(std::vector<S>& segments, Less less, Forward forward, Emit emit) {
    std::sort(segments.begin(), segments.end(), less);
    for (std::size_t i = 0; i < segments.size();) {
        std::size_t j = i + 1;
        std::size_t forwards = forward(segments[i]);
        while (j < segments.size() && !less(segments[i], segments[j])) {
            forwards += forward(segments[j]);
            ++j;
        }
        if (!(j - i == 2 && forwards == 1)) {
            for (std::size_t k = i; k < j; ++k) {
                emit(segments[k]);
            }
        }
        i = j;
    }
}

} // namespace

/// The units and the segments of their rings, collected as the units are added.
struct CoverageCheck::State {
    std::vector<CoverageUnit> units;
    std::vector<OGREnvelope> envelopes; ///< of the units
    std::vector<const OGRLinearRing*> rings;
    std::vector<std::uint32_t> ring_starts; ///< where each ring's vertices start
    std::vector<std::uint32_t> ring_units;
    /// The segments, by bucket as they come (in the order of their vertices), in chunks carved
    /// from blocks: twinning reads each bucket where it is, with no pass to sort them out.
    struct Bucket {
        std::vector<Segment*> chunks;
        std::size_t size = 0;
    };
    static constexpr std::size_t chunk_size = 256; ///< segments: 4 KiB
    /// 64 MiB of address space, of which only what is written takes memory: blocks this large
    /// are mapped and unmapped by malloc, so that their memory goes back to the system when
    /// the check is done with them (smaller ones would stay in the thread's arena).
    static constexpr std::size_t block_size = std::size_t{1} << 22;
    std::array<Bucket, buckets> by_bucket;
    std::vector<std::unique_ptr<Segment[]>> blocks;
    std::size_t chunks_left = 0;     ///< in the last block
    std::vector<OGRRawPoint> points; ///< of the ring being read
    std::uint64_t vertices = 0;      ///< so far, numbering them all
    bool too_many = false;

    void add(const OGRMultiPolygon& geometry);
    std::vector<Loose> untwinned();
    std::pair<OGRRawPoint, OGRRawPoint> directed(std::uint32_t vertex, std::uint32_t& unit) const;
};

void CoverageCheck::State::add(const OGRMultiPolygon& geometry) {
    const auto unit = static_cast<std::uint32_t>(units.size() - 1);
    std::uint64_t total = vertices;
    for (const OGRPolygon* polygon : geometry) {
        for (const OGRLinearRing* ring : *polygon) {
            total += static_cast<std::uint64_t>(ring->getNumPoints());
        }
    }
    if (total >= (std::uint64_t{1} << 31) || units.size() >= (std::size_t{1} << 31)) {
        too_many = true;
    }
    if (too_many) {
        return;
    }
    for (const OGRPolygon* polygon : geometry) {
        for (const OGRLinearRing* ring : *polygon) {
            const int n = ring->getNumPoints();
            points.resize(static_cast<std::size_t>(n));
            ring->getPoints(points.data());
            const auto at = static_cast<std::uint32_t>(vertices);
            rings.push_back(ring);
            ring_starts.push_back(at);
            ring_units.push_back(unit);
            for (std::size_t k = 0; k + 1 < points.size(); ++k) {
                const OGRRawPoint& a = points[k];
                const OGRRawPoint& b = points[k + 1];
                if (same(a, b)) {
                    continue;
                }
                const bool forward = before(a, b);
                const OGRRawPoint& low = forward ? a : b;
                const OGRRawPoint& high = forward ? b : a;
                const std::uint64_t key = mix(mix(mix(mix(0, low.x), low.y), high.x), high.y);
                Bucket& bucket = by_bucket[bucket_of(key)];
                if (bucket.size % chunk_size == 0) {
                    if (chunks_left == 0) {
                        // Not value-initialised: each page is first touched by a write.
                        blocks.emplace_back(new Segment[block_size]);
                        chunks_left = block_size / chunk_size;
                    }
                    bucket.chunks.push_back(blocks.back().get() +
                                            (block_size / chunk_size - chunks_left--) * chunk_size);
                }
                bucket.chunks.back()[bucket.size++ % chunk_size] = {
                    key, check_of(low, high),
                    (at + static_cast<std::uint32_t>(k)) << 1 | (forward ? 1u : 0u)};
            }
            vertices += static_cast<std::uint64_t>(n);
        }
    }
}

std::pair<OGRRawPoint, OGRRawPoint> CoverageCheck::State::directed(std::uint32_t vertex,
                                                                   std::uint32_t& unit) const {
    const auto ring = static_cast<std::size_t>(
        std::upper_bound(ring_starts.begin(), ring_starts.end(), vertex) - ring_starts.begin() - 1);
    unit = ring_units[ring];
    const int k = static_cast<int>(vertex - ring_starts[ring]);
    return {{rings[ring]->getX(k), rings[ring]->getY(k)},
            {rings[ring]->getX(k + 1), rings[ring]->getY(k + 1)}};
}

/// The segments that are not exactly one pair running in opposite directions, in the order
/// of their keys (then of their vertices). Each bucket's segments are counted by hash and key
/// in a table that stays in cache.
std::vector<Loose> CoverageCheck::State::untwinned() {
    struct Group {
        std::uint64_t key;
        std::uint32_t check;
        std::uint32_t count = 0;
        std::uint32_t forwards = 0;
    };
    std::vector<std::uint32_t> table;
    std::vector<Group> groups;
    std::vector<std::uint32_t> group_of;
    std::vector<Segment> lonely;
    std::size_t total = 0;
    for (const Bucket& bucket : by_bucket) {
        total += bucket.size;
    }
    lonely.reserve(total); // address space only, given back whole (see block_size)
    constexpr std::uint32_t none = ~std::uint32_t{0};
    for (Bucket& bucket : by_bucket) {
        const auto at = [&](std::size_t i) -> const Segment& {
            return bucket.chunks[i / chunk_size][i % chunk_size];
        };
        std::size_t slots = 16;
        while (slots < 2 * bucket.size) {
            slots *= 2;
        }
        table.assign(slots, none);
        groups.clear();
        group_of.resize(bucket.size);
        for (std::size_t i = 0; i < bucket.size; ++i) {
            const Segment& segment = at(i);
            std::size_t slot = static_cast<std::size_t>(segment.key) & (slots - 1);
            while (table[slot] != none && (groups[table[slot]].key != segment.key ||
                                           groups[table[slot]].check != segment.check)) {
                slot = (slot + 1) & (slots - 1);
            }
            if (table[slot] == none) {
                table[slot] = static_cast<std::uint32_t>(groups.size());
                groups.push_back({segment.key, segment.check});
            }
            Group& group = groups[table[slot]];
            ++group.count;
            group.forwards += segment.forward();
            group_of[i] = table[slot];
        }
        const std::size_t first = lonely.size();
        for (std::size_t i = 0; i < bucket.size; ++i) {
            const Group& group = groups[group_of[i]];
            if (!(group.count == 2 && group.forwards == 1)) {
                lonely.push_back(at(i));
            }
        }
        std::sort(lonely.begin() + static_cast<std::ptrdiff_t>(first), lonely.end(),
                  [](const Segment& x, const Segment& y) {
                      if (x.key != y.key) {
                          return x.key < y.key;
                      }
                      if (x.check != y.check) {
                          return x.check < y.check;
                      }
                      return x.vertex() < y.vertex();
                  });
        bucket = Bucket{};
    }
    release(blocks);
    std::vector<Loose> loose;
    loose.reserve(lonely.size());
    for (const Segment& segment : lonely) {
        std::uint32_t unit = 0;
        const auto [from, to] = directed(segment.vertex(), unit);
        loose.push_back({from, to, unit});
    }
    return loose;
}

namespace {

/// Splits each loose segment at the loose vertices of other segments lying on it (within a
/// millimetre or so), using those vertices' exact coordinates so that the pieces can twin.
std::vector<Loose> split_at_vertices_on_them(const std::vector<Loose>& loose) {
    if (loose.empty()) {
        return {};
    }
    double length = 0;
    for (const auto& s : loose) {
        length += std::hypot(s.to.x - s.from.x, s.to.y - s.from.y);
    }
    // Vertices by grid cell (cells about four mean segment lengths wide), each vertex once.
    const double cell = std::max(4 * length / static_cast<double>(loose.size()), 1e-7);
    const auto cell_of = [cell](double v) {
        // Biased so that negative coordinates keep their order.
        return static_cast<std::uint32_t>(static_cast<std::int64_t>(std::floor(v / cell)) +
                                          (std::int64_t{1} << 31));
    };
    const auto key_of = [](std::uint32_t cx, std::uint32_t cy) {
        return (std::uint64_t{cx} << 32) | cy;
    };
    std::vector<std::pair<std::uint64_t, OGRRawPoint>> vertices;
    vertices.reserve(2 * loose.size());
    for (const auto& s : loose) {
        for (const OGRRawPoint& p : {s.from, s.to}) {
            vertices.emplace_back(key_of(cell_of(p.x), cell_of(p.y)), p);
        }
    }
    const auto by_key = [](const auto& a, const auto& b) {
        return std::tie(a.first, a.second.x, a.second.y) <
               std::tie(b.first, b.second.x, b.second.y);
    };
    std::sort(vertices.begin(), vertices.end(), by_key);
    vertices.erase(
        std::unique(vertices.begin(), vertices.end(),
                    [](const auto& a, const auto& b) { return same(a.second, b.second); }),
        vertices.end());
    vertices.shrink_to_fit(); // most vertices end two segments: half the memory, before the pieces
    // Where each cell's vertices start, in an open-addressing table: a binary search over the
    // whole array per lookup cost seconds in cache misses on a province.
    struct Slot {
        std::uint64_t key = ~std::uint64_t{0};
        std::uint32_t first = 0, last = 0;
    };
    std::size_t cells = 0;
    for (std::size_t i = 0; i < vertices.size(); ++i) {
        cells += i == 0 || vertices[i].first != vertices[i - 1].first;
    }
    std::size_t slots = 16;
    while (slots < 2 * cells) {
        slots *= 2;
    }
    std::vector<Slot> table(slots);
    const auto slot_of = [&](std::uint64_t key) {
        std::uint64_t h = (key ^ (key >> 31)) * 0xBF58476D1CE4E5B9ull;
        std::size_t at = static_cast<std::size_t>(h ^ (h >> 29)) & (slots - 1);
        while (table[at].key != key && table[at].key != ~std::uint64_t{0}) {
            at = (at + 1) & (slots - 1);
        }
        return at;
    };
    for (std::uint32_t i = 0; i < vertices.size();) {
        std::uint32_t j = i + 1;
        while (j < vertices.size() && vertices[j].first == vertices[i].first) {
            ++j;
        }
        table[slot_of(vertices[i].first)] = {vertices[i].first, i, j};
        i = j;
    }
    const auto cell_range = [&](std::uint32_t cx, std::uint32_t cy) {
        const Slot& slot = table[slot_of(key_of(cx, cy))];
        return std::pair{vertices.begin() + slot.first, vertices.begin() + slot.last};
    };

    constexpr double epsilon = 1e-8; // degrees: about a millimetre
    // The vertices lying inside a segment, as (position along it, vertex).
    const auto for_each_cut = [&](const Loose& s, const auto& cut) {
        const double dx = s.to.x - s.from.x, dy = s.to.y - s.from.y;
        const double length2 = dx * dx + dy * dy;
        for (std::uint32_t cx = cell_of(std::min(s.from.x, s.to.x) - epsilon);
             cx <= cell_of(std::max(s.from.x, s.to.x) + epsilon); ++cx) {
            for (std::uint32_t cy = cell_of(std::min(s.from.y, s.to.y) - epsilon);
                 cy <= cell_of(std::max(s.from.y, s.to.y) + epsilon); ++cy) {
                const auto [first, last] = cell_range(cx, cy);
                for (auto v = first; v != last; ++v) {
                    const OGRRawPoint* p = &v->second;
                    const double t = ((p->x - s.from.x) * dx + (p->y - s.from.y) * dy) / length2;
                    if (t <= 0 || t >= 1 || same(*p, s.from) || same(*p, s.to)) {
                        continue;
                    }
                    const double off = std::abs((p->x - s.from.x) * dy - (p->y - s.from.y) * dx);
                    if (off * off < epsilon * epsilon * length2) {
                        cut(t, *p);
                    }
                }
            }
        }
    };
    // Borders digitised on both sides cut about every segment once. A vector that grows past
    // its reserve holds both copies at once (it was the peak of such an import); reserving
    // three pieces a segment costs address space only, as the pages are touched when written.
    std::vector<Loose> pieces;
    pieces.reserve(3 * loose.size());
    std::vector<std::pair<double, OGRRawPoint>> cuts;
    for (const auto& s : loose) {
        cuts.clear();
        for_each_cut(s, [&](double t, const OGRRawPoint& p) { cuts.emplace_back(t, p); });
        std::sort(cuts.begin(), cuts.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        OGRRawPoint at = s.from;
        for (const auto& [t, p] : cuts) {
            pieces.push_back({at, p, s.unit});
            at = p;
        }
        pieces.push_back({at, s.to, s.unit});
    }
    return pieces;
}

std::vector<Loose> untwinned_after_splitting(std::vector<Loose> loose) {
    std::vector<Loose> pieces = split_at_vertices_on_them(loose);
    release(loose);
    std::vector<Loose> result;
    keep_untwinned(
        pieces,
        [](const Loose& a, const Loose& b) {
            const auto [a0, a1] = a.canonical();
            const auto [b0, b1] = b.canonical();
            return std::tie(a0.x, a0.y, a1.x, a1.y) < std::tie(b0.x, b0.y, b1.x, b1.y);
        },
        [](const Loose& s) { return std::size_t{before(s.from, s.to)}; },
        [&](const Loose& s) { result.push_back(s); });
    return result;
}

/// More loose segments than this are borders digitised separately on both sides.
constexpr std::size_t max_arranged_segments = 200000;

void sort_findings(CoverageReport& report) {
    std::sort(report.overlaps.begin(), report.overlaps.end(),
              [](const auto& a, const auto& b) { return std::tie(a.a, a.b) < std::tie(b.a, b.b); });
}

/// Whether (x, y) is inside a valid multipolygon: crossings of a ray to the east, counted over
/// all rings (holes and parts do not overlap in a valid geometry).
bool contains(const OGRMultiPolygon& shape, double x, double y) {
    bool inside = false;
    for (const OGRPolygon* polygon : shape) {
        for (const OGRLinearRing* ring : *polygon) {
            const int n = ring->getNumPoints();
            for (int i = 0, j = n - 1; i < n; j = i++) {
                const double xi = ring->getX(i), yi = ring->getY(i);
                const double xj = ring->getX(j), yj = ring->getY(j);
                if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                    inside = !inside;
                }
            }
        }
    }
    return inside;
}

} // namespace

CoverageCheck::CoverageCheck() : m_state(std::make_unique<State>()) {}

CoverageCheck::~CoverageCheck() = default;

void CoverageCheck::add(std::string label, const OGRMultiPolygon& geometry) {
    m_state->units.push_back({std::move(label), &geometry});
    geometry.getEnvelope(&m_state->envelopes.emplace_back());
    m_state->add(geometry);
}

CoverageReport check_coverage(const std::vector<CoverageUnit>& units, int projected_epsg,
                              double tolerance_m2) {
    CoverageCheck check;
    for (const auto& unit : units) {
        check.add(unit.label, *unit.geometry);
    }
    return check.check(projected_epsg, tolerance_m2);
}

CoverageReport CoverageCheck::check(int projected_epsg, double tolerance_m2) {
    CoverageReport report;
    const std::vector<CoverageUnit>& units = m_state->units;
    if (units.empty()) {
        return report;
    }
    if (m_state->too_many) {
        throw Error("too many boundary vertices for the overlap and gap check");
    }
    // 1. Twin the segments; keep those without a twin.
    std::vector<Loose> loose = m_state->untwinned();
    // Neighbours often share a border but not all its vertices (a vertex of one lies on a
    // segment of the other): split such segments there and twin again.
    loose = untwinned_after_splitting(std::move(loose));
    report.unmatched_segments = loose.size();

    GeosContext geos;
    GEOSContextHandle_t context = geos.handle();
    const std::unique_ptr<OGRCoordinateTransformation> to_metres =
        crs::transformation(crs::storage_epsg, projected_epsg);
    EnvelopeIndex index(geos, m_state->envelopes);
    std::map<std::size_t, GEOSGeometry*> in_degrees, in_metres; // converted when needed
    const auto shape = [&](std::size_t i, bool metres) {
        auto& cache = metres ? in_metres : in_degrees;
        if (const auto found = cache.find(i); found != cache.end()) {
            return found->second;
        }
        std::unique_ptr<OGRGeometry> copy(units[i].geometry->clone());
        if (metres) {
            copy->transform(to_metres.get());
        }
        return cache[i] = geos.own(copy->exportToGEOS(context), "while checking overlaps and gaps");
    };
    std::set<std::pair<std::size_t, std::size_t>> checked;
    const auto check_pair = [&](std::size_t i, std::size_t j) {
        if (i > j) {
            std::swap(i, j);
        }
        if (!checked.emplace(i, j).second ||
            GEOSRelatePattern_r(context, shape(i, true), shape(j, true), "T********") != 1) {
            return;
        }
        GEOSGeometry* shared = GEOSIntersection_r(context, shape(i, true), shape(j, true));
        if (shared == nullptr) {
            return;
        }
        const double area = geos.area(shared);
        GEOSGeom_destroy_r(context, shared);
        if (area > tolerance_m2) {
            report.overlaps.push_back({units[i].label, units[j].label, area});
        }
    };

    if (loose.size() > max_arranged_segments) {
        // Borders digitised separately on both sides: an arrangement of all of them would take
        // gigabytes. Check each unit with such borders against its neighbours instead.
        report.gaps_checked = false;
        std::set<std::uint32_t> involved;
        for (const auto& segment : loose) {
            involved.insert(segment.unit);
        }
        release(loose);
        for (const std::uint32_t i : involved) {
            for (const std::size_t j : index.query(shape(i, false))) {
                if (j != i && involved.count(static_cast<std::uint32_t>(j)) != 0) {
                    check_pair(i, j);
                }
            }
            GEOSGeom_destroy_r(context, in_metres[i]); // keep memory flat: one unit at a time
            in_metres[i] = geos.own(GEOSGeom_createEmptyPolygon_r(context),
                                    "while checking overlaps and gaps");
        }
        sort_findings(report);
        return report;
    }

    // 2. Node the loose segments and take the faces they enclose.
    std::vector<GEOSGeometry*> lines;
    lines.reserve(loose.size());
    for (const auto& segment : loose) {
        const double xy[4] = {segment.from.x, segment.from.y, segment.to.x, segment.to.y};
        lines.push_back(GEOSGeom_createLineString_r(
            context, GEOSCoordSeq_copyFromBuffer_r(context, xy, 2, 0, 0)));
    }
    release(loose);
    GEOSGeometry* collection =
        geos.own(GEOSGeom_createCollection_r(context, GEOS_MULTILINESTRING, lines.data(),
                                             static_cast<unsigned>(lines.size())),
                 "while checking overlaps and gaps");
    // Sewn into chains first (the border of a province is one ring of thousands of segments):
    // the same linework, noded in a fraction of the time.
    GEOSGeometry* chains =
        geos.own(GEOSLineMerge_r(context, collection), "while checking overlaps and gaps");
    GEOSGeometry* noded =
        geos.own(GEOSUnaryUnion_r(context, chains), "while checking overlaps and gaps");
    const GEOSGeometry* noded_lines[] = {noded};
    GEOSGeometry* faces =
        geos.own(GEOSPolygonize_r(context, noded_lines, 1), "while checking overlaps and gaps");

    // 3. Count the units over each face.
    const auto metric_area = [&](const GEOSGeometry* face) {
        std::unique_ptr<OGRGeometry> copy(
            OGRGeometryFactory::createFromGEOS(context, const_cast<GEOSGeometry*>(face)));
        copy->transform(to_metres.get());
        return copy->toPolygon()->get_Area();
    };

    const int face_count = GEOSGetNumGeometries_r(context, faces);
    for (int f = 0; f < face_count; ++f) {
        const GEOSGeometry* face = GEOSGetGeometryN_r(context, faces, f);
        GEOSGeometry* inside =
            geos.own(GEOSPointOnSurface_r(context, face), "while checking overlaps and gaps");
        double x = 0, y = 0;
        GEOSGeomGetX_r(context, inside, &x);
        GEOSGeomGetY_r(context, inside, &y);
        std::size_t cover = 0;
        for (const std::size_t i : index.query(inside)) {
            cover += contains(*units[i].geometry, x, y);
        }
        if (cover == 1) {
            continue;
        }
        if (cover == 0) {
            const double area = metric_area(face);
            if (area <= tolerance_m2) {
                continue;
            }
            CoverageGap gap{area, x, y, {}};
            for (const std::size_t i : index.query(face)) {
                if (GEOSIntersects_r(context, shape(i, false), face) == 1) {
                    gap.neighbours.push_back(units[i].label);
                }
            }
            report.gaps.push_back(std::move(gap));
            continue;
        }
        // Overlap: every pair of the units over this face, measured exactly.
        std::vector<std::size_t> over;
        for (const std::size_t i : index.query(face)) {
            if (GEOSRelatePattern_r(context, shape(i, false), face, "T********") == 1) {
                over.push_back(i);
            }
        }
        for (std::size_t a = 0; a < over.size(); ++a) {
            for (std::size_t b = a + 1; b < over.size(); ++b) {
                check_pair(over[a], over[b]);
            }
        }
    }
    sort_findings(report);
    return report;
}

} // namespace xj::geometry
