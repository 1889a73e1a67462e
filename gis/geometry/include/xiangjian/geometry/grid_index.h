#pragma once

// Boxes under a regular grid: which of them meet a window. The spatial index of the map's
// layers and of the villages' spatial join; no geometry object, no allocation per query.

#include "xiangjian/store/geometry.h"

#include <cstdint>
#include <vector>

namespace xj::geometry {

class GridIndex {
public:
    using Box = store::Box;

    /// Indexes these boxes: item i is boxes[i]; empty boxes are never found. About one box a
    /// cell (at most 4096 × 4096 cells), each cell listing the items whose box meets it, in
    /// their order.
    void build(std::vector<Box> boxes);

    /// Appends the items whose box meets `window` (edges included), each once, in ascending
    /// order.
    void query(const Box& window, std::vector<std::uint32_t>& out) const;

    std::size_t size() const { return m_boxes.size(); }
    const Box& box(std::uint32_t item) const { return m_boxes[item]; }
    const Box& extent() const { return m_extent; }

private:
    /// The grid column and row of a coordinate, clamped to the grid.
    std::size_t column_of(double x) const;
    std::size_t row_of(double y) const;

    std::vector<Box> m_boxes;
    Box m_extent;
    double m_grid_x = 0, m_grid_y = 0, m_cell_w = 1, m_cell_h = 1;
    std::size_t m_columns = 0, m_rows = 0;
    std::vector<std::uint32_t> m_cell_start; ///< CSR: cell c holds m_items[start[c], start[c+1])
    std::vector<std::uint32_t> m_items;
};

} // namespace xj::geometry
