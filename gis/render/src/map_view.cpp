#include "xiangjian/render/map_view.h"

#include <algorithm>

namespace xj::render {

render::Box surroundings(const render::Box& box, double min_side, double margin) {
    const double cx = (box.min_x + box.max_x) / 2, cy = (box.min_y + box.max_y) / 2;
    const double half = std::max(std::max(box.width(), box.height()) * margin, min_side) / 2;
    return {cx - half, cy - half, cx + half, cy + half};
}

MapView MapView::fit(const render::Box& box, int width, int height, double margin) {
    MapView view;
    view.width = std::max(width, 1);
    view.height = std::max(height, 1);
    const double cx = (box.min_x + box.max_x) / 2;
    const double cy = (box.min_y + box.max_y) / 2;
    const double w = std::max(box.width(), 1.0);
    const double h = std::max(box.height(), 1.0);
    const double usable = 1.0 - 2 * margin;
    double mpp = std::max(w / (view.width * usable), h / (view.height * usable));
    if (box.width() < 1 && box.height() < 1) {
        mpp = 2000.0 / view.width;
    }
    view.box = {cx - mpp * view.width / 2, cy - mpp * view.height / 2, cx + mpp * view.width / 2,
                cy + mpp * view.height / 2};
    return view;
}

} // namespace xj::render
