#include "xiangjian/geometry/grid_index.h"

#include <algorithm>
#include <cmath>

namespace xj::geometry {

void GridIndex::build(std::vector<Box> boxes) {
    m_boxes = std::move(boxes);
    m_extent = Box{};
    for (const Box& box : m_boxes) {
        m_extent.expand(box);
    }
    m_cell_start.clear();
    m_items.clear();
    if (m_extent.empty()) {
        m_columns = m_rows = 0;
        return;
    }
    // About one box a cell: a window query then reads little more than what it meets.
    const double width = std::max(m_extent.width(), 1e-9);
    const double height = std::max(m_extent.height(), 1e-9);
    const double cells = std::clamp(static_cast<double>(m_boxes.size()), 1.0, 4.0e6);
    m_columns = std::clamp<std::size_t>(
        static_cast<std::size_t>(std::ceil(std::sqrt(cells * width / height))), 1, 4096);
    m_rows =
        std::clamp<std::size_t>(static_cast<std::size_t>(std::ceil(cells / m_columns)), 1, 4096);
    m_grid_x = m_extent.min_x;
    m_grid_y = m_extent.min_y;
    m_cell_w = width / static_cast<double>(m_columns);
    m_cell_h = height / static_cast<double>(m_rows);

    const auto for_cells = [&](const Box& box, auto&& visit) {
        for (std::size_t r = row_of(box.min_y); r <= row_of(box.max_y); ++r) {
            for (std::size_t c = column_of(box.min_x); c <= column_of(box.max_x); ++c) {
                visit(r * m_columns + c);
            }
        }
    };
    m_cell_start.assign(m_columns * m_rows + 1, 0);
    for (const Box& box : m_boxes) {
        if (!box.empty()) {
            for_cells(box, [&](std::size_t cell) { ++m_cell_start[cell + 1]; });
        }
    }
    for (std::size_t c = 1; c < m_cell_start.size(); ++c) {
        m_cell_start[c] += m_cell_start[c - 1];
    }
    m_items.resize(m_cell_start.back());
    std::vector<std::uint32_t> fill(m_cell_start.begin(), m_cell_start.end() - 1);
    for (std::size_t i = 0; i < m_boxes.size(); ++i) {
        if (!m_boxes[i].empty()) {
            for_cells(m_boxes[i], [&](std::size_t cell) {
                m_items[fill[cell]++] = static_cast<std::uint32_t>(i);
            });
        }
    }
}

std::size_t GridIndex::column_of(double x) const {
    return std::min(m_columns - 1,
                    static_cast<std::size_t>(std::max(0.0, (x - m_grid_x) / m_cell_w)));
}

std::size_t GridIndex::row_of(double y) const {
    return std::min(m_rows - 1, static_cast<std::size_t>(std::max(0.0, (y - m_grid_y) / m_cell_h)));
}

void GridIndex::query(const Box& window, std::vector<std::uint32_t>& out) const {
    if (m_columns == 0 || !window.intersects(m_extent)) {
        return;
    }
    const std::size_t first = out.size();
    const std::size_t r0 = row_of(window.min_y), r1 = row_of(window.max_y);
    const std::size_t c0 = column_of(window.min_x), c1 = column_of(window.max_x);
    if ((r1 - r0 + 1) * (c1 - c0 + 1) * 4 >= m_rows * m_columns) {
        // A quarter of the grid or more (a map of the whole province): one pass over the
        // boxes finds the same in order, with no cell visited, no box met twice, no sort.
        for (std::size_t item = 0; item < m_boxes.size(); ++item) {
            if (!m_boxes[item].empty() && m_boxes[item].intersects(window)) {
                out.push_back(static_cast<std::uint32_t>(item));
            }
        }
        return;
    }
    for (std::size_t r = r0; r <= r1; ++r) {
        for (std::size_t c = c0; c <= c1; ++c) {
            const std::size_t cell = r * m_columns + c;
            for (std::uint32_t k = m_cell_start[cell]; k < m_cell_start[cell + 1]; ++k) {
                const std::uint32_t item = m_items[k];
                const Box& box = m_boxes[item];
                // A box listed in several cells is reported by one: the cell holding the
                // lower-left corner of the box clipped to the window.
                if (box.intersects(window) && column_of(std::max(box.min_x, window.min_x)) == c &&
                    row_of(std::max(box.min_y, window.min_y)) == r) {
                    out.push_back(item);
                }
            }
        }
    }
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
}

} // namespace xj::geometry
