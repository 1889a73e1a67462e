#pragma once

#include "xiangjian/render/map_layers.h"

#include <QPointF>

namespace xj::render {

/// The window of a map: a box of the display CRS drawn into width × height units of a paint
/// device (pixels of an image, 1/96 in of a PDF or SVG page). The box has the device's aspect.
/// A square box around the middle of `box`, `margin` times its larger side and at least
/// `min_side` across (display units, metres): a project's surroundings.
render::Box surroundings(const render::Box& box, double min_side, double margin = 1.0);

struct MapView {
    render::Box box;
    int width = 0;
    int height = 0;

    /// The view showing `box` whole, centred, with `margin` (a fraction of the size) around it.
    /// A degenerate box (a single point) is shown 2 km wide.
    static MapView fit(const render::Box& box, int width, int height, double margin = 0.04);

    /// The same box in device pixels, `ratio` of them to a logical pixel (a screen's device
    /// pixel ratio): what is drawn for a window of this view.
    MapView in_device_pixels(double ratio) const {
        return {box, static_cast<int>(width * ratio), static_cast<int>(height * ratio)};
    }

    double metres_per_pixel() const { return box.width() / width; }
    QPointF to_device(double x, double y) const {
        const double scale = width / box.width();
        return {(x - box.min_x) * scale, (box.max_y - y) * scale};
    }
    /// The display-CRS point under a device point.
    QPointF to_map(QPointF device) const {
        const double mpp = metres_per_pixel();
        return {box.min_x + device.x() * mpp, box.max_y - device.y() * mpp};
    }
};

} // namespace xj::render
