// The one grid index: a window finds exactly the boxes that meet it, each once, in order,
// whatever their sizes and however the window lies across the grid.

#include "xiangjian/geometry/grid_index.h"

#include <algorithm>
#include <cstdint>
#include <gtest/gtest.h>
#include <random>

using namespace xj;

namespace {

std::vector<std::uint32_t> brute_force(const std::vector<store::Box>& boxes,
                                       const store::Box& window) {
    std::vector<std::uint32_t> found;
    for (std::uint32_t i = 0; i < boxes.size(); ++i) {
        if (!boxes[i].empty() && boxes[i].intersects(window)) {
            found.push_back(i);
        }
    }
    return found;
}

} // namespace

TEST(GridIndex, AWindowFindsExactlyTheBoxesThatMeetItEachOnceInOrder) {
    std::mt19937 random(410326);
    std::uniform_real_distribution<double> lon(112.0, 113.0), lat(33.8, 34.4), size(0.0, 0.05);
    std::vector<store::Box> boxes;
    for (int i = 0; i < 3000; ++i) {
        const double x = lon(random), y = lat(random);
        // Points, small boxes, and now and then one spanning many cells.
        const double w = i % 97 == 0 ? 0.6 : (i % 3 == 0 ? 0.0 : size(random));
        boxes.push_back({x, y, x + w, y + w * 0.7});
    }
    boxes.push_back({}); // an empty box is never found
    geometry::GridIndex index;
    index.build(boxes);
    for (int q = 0; q < 500; ++q) {
        const double x = lon(random) - 0.1, y = lat(random) - 0.1;
        // Small windows (the cells), the whole extent, and between them windows on either
        // side of a quarter of the grid, where the query passes over all the boxes instead.
        const double w =
            q % 50 == 0 ? 2.0 : (q % 5 == 0 ? 0.3 + size(random) * 16 : size(random) * 3);
        const store::Box window{x, y, x + w, y + w};
        std::vector<std::uint32_t> found{7777}; // appended to, not replaced
        index.query(window, found);
        found.erase(found.begin());
        EXPECT_EQ(found, brute_force(boxes, window)) << "window " << q;
    }
    // A point window on a box's corner: edges count.
    std::vector<std::uint32_t> corner;
    index.query({boxes[5].max_x, boxes[5].max_y, boxes[5].max_x, boxes[5].max_y}, corner);
    EXPECT_TRUE(std::binary_search(corner.begin(), corner.end(), 5u));
}

TEST(GridIndex, NothingIndexedFindsNothing) {
    geometry::GridIndex index;
    index.build({});
    std::vector<std::uint32_t> found;
    index.query({0, 0, 1, 1}, found);
    EXPECT_TRUE(found.empty());
    index.build({store::Box{}, store::Box{}});
    index.query({-1e9, -1e9, 1e9, 1e9}, found);
    EXPECT_TRUE(found.empty());
}
