#include "map_furniture.h"

#include "marker.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <cmath>

namespace xj::render::detail {

namespace {

QFont furniture_font(double pixel_size, bool bold) {
    QFont font{QString::fromUtf8(map_font_family().data(),
                                 static_cast<qsizetype>(map_font_family().size()))};
    font.setPixelSize(std::max(1, static_cast<int>(pixel_size)));
    font.setBold(bold);
    font.setStyleStrategy(QFont::PreferNoShaping); // copyable digits in PDF and SVG text
    return font;
}

QString text(const RenderOptions& options, const std::string& zh, const std::string& en) {
    return QString::fromStdString(options.english ? en : zh);
}

QString format_distance(double metres) {
    return metres >= 1000 ? QString::number(metres / 1000, 'g', 4) + " km"
                          : QString::number(metres, 'g', 4) + " m";
}

void panel(QPainter& painter, const QRectF& box, double scale) {
    painter.setPen(QPen(QColor(120, 120, 120), 0.8 * scale));
    painter.setBrush(QColor(255, 255, 255, 225));
    painter.drawRoundedRect(box, 4 * scale, 4 * scale);
}

QRectF draw_title(QPainter& painter, const RenderOptions& options, double s) {
    if (options.title.isEmpty()) {
        return {};
    }
    const QFont title_font = furniture_font(20 * s, true);
    const QFont sub_font = furniture_font(12.5 * s, false);
    const QFontMetricsF title_metrics(title_font, painter.device());
    const QFontMetricsF sub_metrics(sub_font, painter.device());
    const double pad = 8 * s;
    const double w = std::max(title_metrics.horizontalAdvance(options.title),
                              sub_metrics.horizontalAdvance(options.subtitle)) +
                     2 * pad;
    const double h =
        title_metrics.height() + (options.subtitle.isEmpty() ? 0 : sub_metrics.height()) + 2 * pad;
    const QRectF box(10 * s, 10 * s, w, h);
    panel(painter, box, s);
    painter.setPen(QColor(20, 20, 20));
    painter.setFont(title_font);
    painter.drawText(QPointF(box.left() + pad, box.top() + pad + title_metrics.ascent()),
                     options.title);
    if (!options.subtitle.isEmpty()) {
        painter.setFont(sub_font);
        painter.setPen(QColor(70, 70, 70));
        painter.drawText(QPointF(box.left() + pad,
                                 box.top() + pad + title_metrics.height() + sub_metrics.ascent()),
                         options.subtitle);
    }
    return box;
}

QRectF draw_legend(QPainter& painter, const MapView& view, const ThemeData& theme,
                   const RenderOptions& options, double s) {
    std::vector<const LegendItem*> items;
    for (const auto* list : {&theme.village_legend, &theme.project_legend}) {
        for (const LegendItem& item : *list) {
            items.push_back(&item);
        }
    }
    if (items.empty()) {
        return {};
    }
    const QFont head_font = furniture_font(13 * s, true);
    const QFont item_font = furniture_font(11.5 * s, false);
    const QFontMetricsF head(head_font, painter.device());
    const QFontMetricsF metrics(item_font, painter.device());
    const QString heading = text(options, std::string{theme_label_zh(theme.theme)},
                                 std::string{theme_label_en(theme.theme)});
    const double pad = 8 * s;
    const double row = std::max(metrics.height(), 16 * s) + 2 * s;
    const double swatch = 14 * s;
    std::vector<QString> labels;
    double width = head.horizontalAdvance(heading);
    for (const LegendItem* item : items) {
        QString label = text(options, item->label_zh, item->label_en);
        if (item->type < 0 && item->kind != LegendItem::Kind::line) {
            // a class: how many of the map's villages or projects
            label += QStringLiteral(" (%1)").arg(item->count);
        }
        width = std::max(width, swatch + 6 * s + metrics.horizontalAdvance(label));
        labels.push_back(label);
    }
    const double height = head.height() + 4 * s + row * static_cast<double>(items.size());
    const QRectF box(10 * s, view.height - 10 * s - height - 2 * pad, width + 2 * pad,
                     height + 2 * pad);
    panel(painter, box, s);
    painter.setPen(QColor(20, 20, 20));
    painter.setFont(head_font);
    painter.drawText(QPointF(box.left() + pad, box.top() + pad + head.ascent()), heading);
    double y = box.top() + pad + head.height() + 4 * s;
    painter.setFont(item_font);
    for (std::size_t i = 0; i < items.size(); ++i, y += row) {
        const LegendItem& item = *items[i];
        const QRectF swatch_box(box.left() + pad, y + (row - swatch) / 2, swatch, swatch);
        if (item.kind == LegendItem::Kind::line) {
            // The boundary as the map draws it at this scale.
            painter.setRenderHint(QPainter::Antialiasing);
            const QPointF from(swatch_box.left(), swatch_box.center().y());
            const QPointF to(swatch_box.right() + 2 * s, swatch_box.center().y());
            const bool township = item.category == 0;
            if (township && view.metres_per_pixel() <= 150) { // the band, as on the map
                painter.setPen(QPen(qt_colour(township_boundary_band().colour),
                                    township_boundary_band().width * s, Qt::SolidLine,
                                    Qt::FlatCap));
                painter.drawLine(from, to);
            }
            const LineStyle style = township ? township_boundary_style(view.metres_per_pixel())
                                             : county_boundary_style();
            QPen pen(qt_colour(style.colour), style.width * s, Qt::SolidLine, Qt::FlatCap);
            if (style.dashed) {
                pen.setDashPattern({7.0, 2.5, 1.5, 2.5});
            }
            painter.setPen(pen);
            painter.drawLine(from, to);
        } else if (item.kind == LegendItem::Kind::fill) {
            painter.setPen(QPen(QColor(110, 110, 110), 0.6 * s));
            painter.setBrush(qt_colour(item.colour));
            painter.drawRect(swatch_box);
        } else {
            painter.setRenderHint(QPainter::Antialiasing);
            draw_marker(painter, swatch_box.center(), item.shape, item.colour, 10, s);
        }
        painter.setPen(QColor(30, 30, 30));
        painter.drawText(QPointF(swatch_box.right() + 6 * s,
                                 y + (row - metrics.height()) / 2 + metrics.ascent()),
                         labels[i]);
    }
    return box;
}

QRectF draw_scale_bar(QPainter& painter, const MapView& view, const QString& crs_name, double s) {
    const double mpp = view.metres_per_pixel();
    const double length_m = nice_scale_length(view.width * 0.18 * mpp);
    const double length = length_m / mpp;
    const QFont font = furniture_font(11 * s, false);
    const QFont small = furniture_font(9 * s, false);
    const QFontMetricsF metrics(font, painter.device());
    const QFontMetricsF small_metrics(small, painter.device());
    const double pad = 8 * s;
    const double bar_h = 6 * s;
    const double w = std::max(length + metrics.horizontalAdvance(format_distance(length_m)),
                              small_metrics.horizontalAdvance(crs_name)) +
                     2 * pad;
    const double h = metrics.height() + bar_h + small_metrics.height() + 2 * pad + 4 * s;
    const QRectF box(view.width - 10 * s - w, view.height - 10 * s - h, w, h);
    panel(painter, box, s);
    const double x0 = box.left() + pad;
    const double y0 = box.top() + pad + metrics.height();
    // Four alternating segments, as printed maps have them.
    for (int i = 0; i < 4; ++i) {
        painter.setPen(QPen(QColor(30, 30, 30), 0.8 * s));
        painter.setBrush(i % 2 == 0 ? QColor(30, 30, 30) : QColor(255, 255, 255));
        painter.drawRect(QRectF(x0 + length * i / 4, y0, length / 4, bar_h));
    }
    painter.setFont(font);
    painter.setPen(QColor(20, 20, 20));
    painter.drawText(QPointF(x0 - 2 * s, y0 - 3 * s), QStringLiteral("0"));
    const QString label = format_distance(length_m);
    painter.drawText(QPointF(x0 + length - metrics.horizontalAdvance(label) / 2, y0 - 3 * s),
                     label);
    painter.setFont(small);
    painter.setPen(QColor(80, 80, 80));
    painter.drawText(QPointF(x0, y0 + bar_h + 4 * s + small_metrics.ascent()), crs_name);
    return box;
}

QRectF draw_north_arrow(QPainter& painter, const MapView& view, double north_deg, double s) {
    const double size = 46 * s;
    const QRectF box(view.width - 10 * s - size, 10 * s, size, size * 1.25);
    panel(painter, box, s);
    const QPointF centre(box.center().x(), box.top() + size * 0.62);
    painter.save();
    painter.translate(centre);
    painter.rotate(north_deg);
    const double r = size * 0.36;
    QPainterPath left, right;
    left.moveTo(0, -r);
    left.lineTo(-r * 0.45, r * 0.55);
    left.lineTo(0, r * 0.25);
    left.closeSubpath();
    right.moveTo(0, -r);
    right.lineTo(r * 0.45, r * 0.55);
    right.lineTo(0, r * 0.25);
    right.closeSubpath();
    painter.setPen(QPen(QColor(30, 30, 30), 0.8 * s));
    painter.setBrush(QColor(30, 30, 30));
    painter.drawPath(left);
    painter.setBrush(QColor(255, 255, 255));
    painter.drawPath(right);
    painter.restore();
    const QFont font = furniture_font(12 * s, true);
    const QFontMetricsF metrics(font, painter.device());
    painter.setFont(font);
    painter.setPen(QColor(20, 20, 20));
    painter.drawText(QPointF(box.center().x() - metrics.horizontalAdvance(QStringLiteral("N")) / 2,
                             box.top() + 4 * s + metrics.ascent()),
                     QStringLiteral("N"));
    return box;
}

} // namespace

double nice_scale_length(double at_most) {
    if (!(at_most > 0)) {
        return 1;
    }
    const double magnitude = std::pow(10.0, std::floor(std::log10(at_most)));
    for (const double step : {5.0, 2.0, 1.0}) {
        if (step * magnitude <= at_most) {
            return step * magnitude;
        }
    }
    return magnitude;
}

std::vector<QRectF> draw_furniture(QPainter& painter, const MapView& view, const ThemeData& theme,
                                   const RenderOptions& options, double north_deg,
                                   const QString& crs_name) {
    const double s = options.scale;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    std::vector<QRectF> boxes;
    for (const QRectF& box :
         {draw_title(painter, options, s),
          options.legend ? draw_legend(painter, view, theme, options, s) : QRectF(),
          draw_scale_bar(painter, view, crs_name, s),
          draw_north_arrow(painter, view, north_deg, s)}) {
        if (!box.isEmpty()) {
            boxes.push_back(box);
        }
    }
    painter.restore();
    return boxes;
}

} // namespace xj::render::detail
