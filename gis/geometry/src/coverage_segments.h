#pragma once

// The coverage check's first step: every boundary segment of every unit, twinned with the one
// running the other way along the neighbour's border; what has no twin (the outer border, and
// wherever neighbours disagree) is left for the arrangement in coverage_check.cpp.

#include "xiangjian/geometry/coverage_check.h"
#include "xiangjian/store/geometry.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <memory>
#include <ogr_geometry.h>
#include <tuple>
#include <utility>
#include <vector>

namespace xj::geometry {

namespace detail {

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

inline std::uint64_t mix(std::uint64_t h, double value) {
    h ^= std::bit_cast<std::uint64_t>(value + 0.0) + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 27);
}

/// The second hash only tells apart segments whose keys collide: a cheap one (products by
/// odd constants, summed, top bits) that shares nothing with the key's.
inline std::uint32_t check_of(const OGRRawPoint& low, const OGRRawPoint& high) {
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

inline bool before(const OGRRawPoint& a, const OGRRawPoint& b) {
    return std::tie(a.x, a.y) < std::tie(b.x, b.y);
}
inline bool same(const OGRRawPoint& a, const OGRRawPoint& b) {
    return a.x == b.x && a.y == b.y;
}

/// Segments are grouped by the top bits of their key: each group is twinned on its own, in
/// cache, instead of sorting millions of segments in passes over memory.
constexpr int bucket_bits = 11;
constexpr std::size_t buckets = std::size_t{1} << bucket_bits;
inline std::size_t bucket_of(std::uint64_t key) {
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

} // namespace detail

/// The units and the segments of their rings, collected as the units are added.
struct CoverageCheck::State {
    std::vector<CoverageUnit> units;
    std::vector<store::Box> boxes; ///< of the units
    std::vector<const OGRLinearRing*> rings;
    std::vector<std::uint32_t> ring_starts; ///< where each ring's vertices start
    std::vector<std::uint32_t> ring_units;
    /// The segments, by bucket as they come (in the order of their vertices), in chunks carved
    /// from blocks: twinning reads each bucket where it is, with no pass to sort them out.
    struct Bucket {
        std::vector<detail::Segment*> chunks;
        std::size_t size = 0;
    };
    static constexpr std::size_t chunk_size = 256; ///< segments: 4 KiB
    /// 64 MiB of address space, of which only what is written takes memory: blocks this large
    /// are mapped and unmapped by malloc, so that their memory goes back to the system when
    /// the check is done with them (smaller ones would stay in the thread's arena).
    static constexpr std::size_t block_size = std::size_t{1} << 22;
    std::array<Bucket, detail::buckets> by_bucket;
    std::vector<std::unique_ptr<detail::Segment[]>> blocks;
    std::size_t chunks_left = 0;     ///< in the last block
    std::vector<OGRRawPoint> points; ///< of the ring being read
    std::uint64_t vertices = 0;      ///< so far, numbering them all
    bool too_many = false;

    void add(const OGRMultiPolygon& geometry);
    std::vector<detail::Loose> untwinned();

    std::pair<OGRRawPoint, OGRRawPoint> directed(std::uint32_t vertex, std::uint32_t& unit) const;
};

namespace detail {

/// The loose segments split where a vertex of another lies on them, twinned again: what is
/// left where neighbours share a border but not all its vertices.
std::vector<Loose> untwinned_after_splitting(std::vector<Loose> loose);

} // namespace detail

} // namespace xj::geometry
