// Twinning the boundary segments of the coverage check: hashed, grouped by bucket, sorted in
// cache; the untwinned ones split where a neighbour's vertex lies on them and twinned again.

#include "coverage_segments.h"

#include "xiangjian/core/error.h"

#include <cmath>
#include <unordered_map>

namespace xj::geometry {

using namespace detail;

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
std::vector<detail::Loose> CoverageCheck::State::untwinned() {
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

namespace detail {

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

} // namespace

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

} // namespace detail

} // namespace xj::geometry
