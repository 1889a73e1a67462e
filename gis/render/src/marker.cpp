#include "marker.h"

#include <QPainter>
#include <cmath>
#include <numbers>

namespace xj::render::detail {

namespace {

QPolygonF regular(int corners, double radius, double rotation_deg) {
    QPolygonF polygon;
    for (int i = 0; i < corners; ++i) {
        const double angle = (rotation_deg + 360.0 * i / corners) * std::numbers::pi / 180;
        polygon << QPointF(radius * std::sin(angle), -radius * std::cos(angle));
    }
    polygon << polygon.front();
    return polygon;
}

} // namespace

QPainterPath marker_path(MarkerShape shape, double size) {
    const double r = size / 2;
    QPainterPath path;
    switch (shape) {
    case MarkerShape::circle:
        path.addEllipse(QPointF(0, 0), r, r);
        break;
    case MarkerShape::square:
        path.addRect(QRectF(-r * 0.88, -r * 0.88, 1.76 * r, 1.76 * r));
        break;
    case MarkerShape::triangle:
        path.addPolygon(regular(3, r * 1.15, 0));
        break;
    case MarkerShape::diamond:
        path.addPolygon(regular(4, r * 1.12, 0));
        break;
    case MarkerShape::hexagon:
        path.addPolygon(regular(6, r, 0));
        break;
    case MarkerShape::star: {
        QPolygonF star;
        for (int i = 0; i < 10; ++i) {
            const double radius = i % 2 == 0 ? r * 1.2 : r * 0.5;
            const double angle = i * std::numbers::pi / 5;
            star << QPointF(radius * std::sin(angle), -radius * std::cos(angle));
        }
        star << star.front();
        path.addPolygon(star);
        break;
    }
    case MarkerShape::cross: {
        const double t = r * 0.38;
        QPolygonF cross;
        cross << QPointF(-t, -r) << QPointF(t, -r) << QPointF(t, -t) << QPointF(r, -t)
              << QPointF(r, t) << QPointF(t, t) << QPointF(t, r) << QPointF(-t, r) << QPointF(-t, t)
              << QPointF(-r, t) << QPointF(-r, -t) << QPointF(-t, -t) << QPointF(-t, -r);
        path.addPolygon(cross);
        break;
    }
    }
    path.closeSubpath();
    return path;
}

void draw_marker(QPainter& painter, QPointF at, MarkerShape shape, const Colour& colour,
                 double size, double scale) {
    const QPainterPath path = marker_path(shape, size * scale).translated(at);
    // A white halo wide enough to part a grey marker from the darkest class.
    painter.setPen(QPen(QColor(255, 255, 255), 3.4 * scale));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
    painter.setPen(QPen(QColor(30, 30, 30), 0.7 * scale));
    painter.setBrush(qt_colour(colour));
    painter.drawPath(path);
}

QImage marker_sprite(MarkerShape shape, const Colour& colour, double size, double scale) {
    const int side = static_cast<int>(std::ceil((size * 1.3 + 5) * scale)) | 1;
    QImage sprite(side, side, QImage::Format_ARGB32_Premultiplied);
    sprite.fill(Qt::transparent);
    QPainter painter(&sprite);
    painter.setRenderHint(QPainter::Antialiasing);
    draw_marker(painter, QPointF(side / 2.0, side / 2.0), shape, colour, size, scale);
    return sprite;
}

} // namespace xj::render::detail
