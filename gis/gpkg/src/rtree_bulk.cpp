#include "rtree_bulk.h"

#include "gpkg_geometry.h"
#include "xiangjian/core/error.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <ogr_core.h>
#include <optional>
#include <vector>

namespace xj::gpkg::detail {

namespace {

struct Box {
    long long id; ///< the row's fid in a leaf, the child's node number above
    float min_x, max_x, min_y, max_y;
};

// SQLite's R-tree stores 32-bit floats rounded outwards from the doubles it is given
// (rtreeValueDown and rtreeValueUp in rtree.c), so that a box never shrinks.
constexpr double towards_zero = 1.0 - 1.0 / 8388608.0;
constexpr double away_from_zero = 1.0 + 1.0 / 8388608.0;

float value_down(double d) {
    auto f = static_cast<float>(d);
    if (f > d) {
        f = static_cast<float>(d * (d < 0 ? away_from_zero : towards_zero));
    }
    return f;
}

float value_up(double d) {
    auto f = static_cast<float>(d);
    if (f < d) {
        f = static_cast<float>(d * (d < 0 ? towards_zero : away_from_zero));
    }
    return f;
}

double read_double(const unsigned char* at, bool little_endian) {
    std::uint64_t bits = 0;
    for (int i = 0; i < 8; ++i) {
        const int shift = little_endian ? 8 * i : 8 * (7 - i);
        bits |= static_cast<std::uint64_t>(at[i]) << shift;
    }
    return std::bit_cast<double>(bits);
}

std::uint32_t read_u32(const unsigned char* at, bool little_endian) {
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
        const int shift = little_endian ? 8 * i : 8 * (3 - i);
        value |= static_cast<std::uint32_t>(at[i]) << shift;
    }
    return value;
}

/// The bounds GDAL's ST_MinX … ST_MaxY give for a blob: the header's envelope, else (points)
/// the coordinates. Nothing for empty geometries, which the triggers leave out.
std::optional<OGREnvelope> bounds_of(std::span<const unsigned char> blob) {
    if (blob.size() < 8 || blob[0] != 'G' || blob[1] != 'P' || (blob[3] & 0x10) != 0) {
        return std::nullopt;
    }
    const bool little = (blob[3] & 0x01) != 0;
    const unsigned kind = (blob[3] >> 1) & 0x07;
    OGREnvelope box;
    if (kind >= 1 && kind <= 4) {
        if (blob.size() < 8 + 32) {
            return std::nullopt;
        }
        box.MinX = read_double(blob.data() + 8, little);
        box.MaxX = read_double(blob.data() + 16, little);
        box.MinY = read_double(blob.data() + 24, little);
        box.MaxY = read_double(blob.data() + 32, little);
        return box;
    }
    const auto wkb = wkb_of_blob(blob);
    if (wkb.size() >= 21) {
        const bool wkb_little = wkb[0] == 1;
        if (read_u32(wkb.data() + 1, wkb_little) % 1000 == 1) { // a point, any dimension
            box.MinX = box.MaxX = read_double(wkb.data() + 5, wkb_little);
            box.MinY = box.MaxY = read_double(wkb.data() + 13, wkb_little);
            if (std::isnan(box.MinX) || std::isnan(box.MinY)) {
                return std::nullopt; // POINT EMPTY
            }
            return box;
        }
    }
    store::Box extent;
    try {
        extent = geometry_of_blob(blob).box();
    } catch (const Error&) {
        return std::nullopt; // not WKB: the triggers' ST_ functions give NULL too
    }
    if (extent.empty()) {
        return std::nullopt;
    }
    box.MinX = extent.min_x;
    box.MaxX = extent.max_x;
    box.MinY = extent.min_y;
    box.MaxY = extent.max_y;
    return box;
}

void put_u16(unsigned char* at, unsigned value) {
    at[0] = static_cast<unsigned char>(value >> 8);
    at[1] = static_cast<unsigned char>(value);
}

void put_u64(unsigned char* at, std::uint64_t value) {
    for (int i = 0; i < 8; ++i) {
        at[i] = static_cast<unsigned char>(value >> (8 * (7 - i)));
    }
}

void put_float(unsigned char* at, float value) {
    const auto bits = std::bit_cast<std::uint32_t>(value);
    for (int i = 0; i < 4; ++i) {
        at[i] = static_cast<unsigned char>(bits >> (8 * (3 - i)));
    }
}

Box cover(long long id, std::span<const Box> boxes) {
    Box result{id, boxes[0].min_x, boxes[0].max_x, boxes[0].min_y, boxes[0].max_y};
    for (const Box& box : boxes) {
        result.min_x = std::min(result.min_x, box.min_x);
        result.max_x = std::max(result.max_x, box.max_x);
        result.min_y = std::min(result.min_y, box.min_y);
        result.max_y = std::max(result.max_y, box.max_y);
    }
    return result;
}

/// Sort-Tile-Recursive: vertical slices by x, then runs of `capacity` by y within each.
std::vector<std::span<Box>> tiles(std::vector<Box>& boxes, std::size_t capacity) {
    const auto centre_x = [](const Box& b) { return double{b.min_x} + double{b.max_x}; };
    const auto centre_y = [](const Box& b) { return double{b.min_y} + double{b.max_y}; };
    std::sort(boxes.begin(), boxes.end(),
              [&](const Box& a, const Box& b) { return centre_x(a) < centre_x(b); });
    const std::size_t nodes = (boxes.size() + capacity - 1) / capacity;
    const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(nodes))));
    const std::size_t slice_size = slices * capacity;
    std::vector<std::span<Box>> result;
    for (std::size_t start = 0; start < boxes.size(); start += slice_size) {
        const auto end =
            boxes.begin() + static_cast<std::ptrdiff_t>(std::min(boxes.size(), start + slice_size));
        const auto begin = boxes.begin() + static_cast<std::ptrdiff_t>(start);
        std::sort(begin, end,
                  [&](const Box& a, const Box& b) { return centre_y(a) < centre_y(b); });
        for (auto at = begin; at < end;
             at += std::min<std::ptrdiff_t>(end - at, static_cast<std::ptrdiff_t>(capacity))) {
            const auto size =
                std::min<std::ptrdiff_t>(end - at, static_cast<std::ptrdiff_t>(capacity));
            result.emplace_back(&*at, static_cast<std::size_t>(size));
        }
    }
    return result;
}

} // namespace

void rebuild_rtree(Connection& sql, const std::string& table, const std::string& column) {
    const std::string rtree = "rtree_" + table + "_" + column;
    const std::string context = "rebuilding the spatial index " + rtree;

    // Nodes keep the size SQLite chose when it created the tree (the root is always there).
    std::size_t node_size = 0;
    {
        auto root = sql.prepare("SELECT length(data) FROM \"" + rtree + "_node\" WHERE nodeno = 1");
        if (root.step(context)) {
            node_size = static_cast<std::size_t>(root.integer(0).value_or(0));
        }
    }
    constexpr std::size_t cell_size = 8 + 4 * 4;
    if (node_size < 4 + 2 * cell_size) {
        throw Error(context + ": its root node is missing or malformed");
    }
    const std::size_t capacity = (node_size - 4) / cell_size;

    std::vector<Box> level;
    {
        auto row = sql.prepare("SELECT fid, \"" + column + "\" FROM \"" + table + "\"");
        while (row.step(context)) {
            const auto box = bounds_of(row.blob(1));
            if (!box) {
                continue;
            }
            level.push_back({*row.integer(0), value_down(box->MinX), value_up(box->MaxX),
                             value_down(box->MinY), value_up(box->MaxY)});
        }
    }

    const DefensiveOff shadow_writes(sql.handle());
    sql.execute("DELETE FROM \"" + rtree + "_node\"; DELETE FROM \"" + rtree +
                    "_rowid\"; DELETE FROM \"" + rtree + "_parent\"",
                context);
    auto node = sql.prepare("INSERT INTO \"" + rtree + "_node\" (nodeno, data) VALUES (?1, ?2)");
    std::vector<unsigned char> data(node_size);
    auto write_node = [&](long long number, std::span<const Box> cells, unsigned depth) {
        std::fill(data.begin(), data.end(), 0);
        put_u16(data.data(), depth);
        put_u16(data.data() + 2, static_cast<unsigned>(cells.size()));
        unsigned char* at = data.data() + 4;
        for (const Box& cell : cells) {
            put_u64(at, static_cast<std::uint64_t>(cell.id));
            put_float(at + 8, cell.min_x);
            put_float(at + 12, cell.max_x);
            put_float(at + 16, cell.min_y);
            put_float(at + 20, cell.max_y);
            at += cell_size;
        }
        node.integer(1, number).blob(2, data).run(context);
        node.reset();
    };
    // Which node holds each row, and each node's parent: written in key order at the end
    // (appending to the B-trees instead of inserting all over them).
    std::vector<std::pair<long long, long long>> rowids, parents;
    unsigned depth = 0; // of the level being packed: 0 for the leaves
    auto link = [&](long long child, long long number) {
        (depth == 0 ? rowids : parents).emplace_back(child, number);
    };

    long long next_node = 2; // the root is node 1
    while (level.size() > capacity) {
        std::vector<Box> upper;
        for (const std::span<Box> cells : tiles(level, capacity)) {
            const long long number = next_node++;
            write_node(number, cells, 0);
            for (const Box& cell : cells) {
                link(cell.id, number);
            }
            upper.push_back(cover(number, cells));
        }
        level = std::move(upper);
        ++depth;
    }
    write_node(1, level, depth);
    for (const Box& cell : level) {
        link(cell.id, 1);
    }
    for (const char* shadow : {"rowid", "parent"}) {
        auto& pairs = shadow == std::string_view{"rowid"} ? rowids : parents;
        std::sort(pairs.begin(), pairs.end());
        auto insert = sql.prepare("INSERT INTO \"" + rtree + "_" + shadow + "\" VALUES (?1, ?2)");
        for (const auto& [child, number] : pairs) {
            insert.integer(1, child).integer(2, number).run(context);
            insert.reset();
        }
    }
}

} // namespace xj::gpkg::detail
