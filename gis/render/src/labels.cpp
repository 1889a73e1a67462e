#include "labels.h"

#include "marker.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <array>
#include <map>

namespace xj::render::detail {

namespace {

QFont label_font(const LabelStyle& style, double scale) {
    QFont font{QString::fromUtf8(map_font_family().data(),
                                 static_cast<qsizetype>(map_font_family().size()))};
    // Point sizes are for 96-dpi pixels: 1 pt = 96/72 px.
    font.setPixelSize(std::max(1, static_cast<int>(style.point_size * 96.0 / 72.0 * scale)));
    font.setBold(style.bold);
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

/// Placed labels under a coarse grid, so that a candidate is checked against its neighbours
/// only.
class Occupancy {
public:
    Occupancy(const QRectF& bounds, double cell) : m_bounds(bounds), m_cell(cell) {
        m_columns = std::max(1, static_cast<int>(bounds.width() / cell) + 1);
        m_rows = std::max(1, static_cast<int>(bounds.height() / cell) + 1);
        m_cells.resize(static_cast<std::size_t>(m_columns) * static_cast<std::size_t>(m_rows));
    }
    bool free(const QRectF& rect) const {
        bool clear = true;
        visit(*this, rect, [&](const std::vector<QRectF>& cell) {
            for (const QRectF& other : cell) {
                if (other.intersects(rect)) {
                    clear = false;
                }
            }
        });
        return clear;
    }
    void add(const QRectF& rect) {
        visit(*this, rect, [&](std::vector<QRectF>& cell) { cell.push_back(rect); });
    }

private:
    /// Calls f on each cell the rectangle meets (const or not, as the occupancy is).
    template <typename Self, typename F> static void visit(Self& self, const QRectF& rect, F f) {
        const auto [c0, c1, r0, r1] = self.span(rect);
        for (int r = r0; r <= r1; ++r) {
            for (int c = c0; c <= c1; ++c) {
                f(self.m_cells[static_cast<std::size_t>(r * self.m_columns + c)]);
            }
        }
    }
    std::array<int, 4> span(const QRectF& rect) const {
        const auto clamp_column = [&](double x) {
            return std::clamp(static_cast<int>((x - m_bounds.left()) / m_cell), 0, m_columns - 1);
        };
        const auto clamp_row = [&](double y) {
            return std::clamp(static_cast<int>((y - m_bounds.top()) / m_cell), 0, m_rows - 1);
        };
        return {clamp_column(rect.left()), clamp_column(rect.right()), clamp_row(rect.top()),
                clamp_row(rect.bottom())};
    }

    QRectF m_bounds;
    double m_cell;
    int m_columns = 1, m_rows = 1;
    std::vector<std::vector<QRectF>> m_cells;
};

} // namespace

std::vector<PlacedLabel> place_labels(QPainter& painter, std::vector<LabelCandidate> candidates,
                                      const QRectF& bounds, const std::vector<QRectF>& reserved,
                                      double scale) {
    std::stable_sort(
        candidates.begin(), candidates.end(),
        [](const LabelCandidate& a, const LabelCandidate& b) { return a.priority < b.priority; });
    Occupancy occupied(bounds, 64 * scale);
    for (const QRectF& box : reserved) {
        occupied.add(box);
    }
    std::vector<PlacedLabel> placed;
    const double gap = 2 * scale;
    // Fonts and their metrics once per style: measuring is most of the work of a candidate.
    struct Measured {
        QFont font;
        QFontMetricsF metrics;
    };
    std::map<std::pair<int, bool>, Measured> fonts;
    // On an image, the halo is the text drawn eight times around its place (glyphs come from
    // Qt's cache); on a PDF or SVG page, a stroked outline under the text, so that the text is
    // there once.
    const bool raster = painter.device()->devType() == QInternal::Image;
    for (const LabelCandidate& candidate : candidates) {
        const auto key = std::make_pair(static_cast<int>(candidate.style.point_size * 100),
                                        candidate.style.bold);
        auto found = fonts.find(key);
        if (found == fonts.end()) {
            QFont font = label_font(candidate.style, scale);
            found = fonts.emplace(key, Measured{font, QFontMetricsF(font, painter.device())}).first;
        }
        const QFont& font = found->second.font;
        const QFontMetricsF& metrics = found->second.metrics;
        const double w = metrics.horizontalAdvance(candidate.text) + 2 * gap;
        const double h = metrics.height() + gap;
        const QPointF a = candidate.anchor;
        const double c = candidate.clearance;
        std::array<QRectF, 6> positions;
        std::size_t count = 0;
        if (c > 0) { // beside the symbol: right, left, above, below, then the diagonals
            positions = {QRectF(a.x() + c, a.y() - h / 2, w, h),
                         QRectF(a.x() - c - w, a.y() - h / 2, w, h),
                         QRectF(a.x() - w / 2, a.y() - c - h, w, h),
                         QRectF(a.x() - w / 2, a.y() + c, w, h),
                         QRectF(a.x() + c * 0.7, a.y() - c * 0.7 - h, w, h),
                         QRectF(a.x() + c * 0.7, a.y() + c * 0.7, w, h)};
            count = 6;
        } else { // on the area: centred, then a little above or below
            positions = {QRectF(a.x() - w / 2, a.y() - h / 2, w, h),
                         QRectF(a.x() - w / 2, a.y() - 1.5 * h, w, h),
                         QRectF(a.x() - w / 2, a.y() + h / 2, w, h)};
            count = 3;
        }
        for (std::size_t p = 0; p < count; ++p) {
            const QRectF& rect = positions[p];
            if (!bounds.contains(rect) || !occupied.free(rect)) {
                continue;
            }
            occupied.add(rect);
            const QPointF baseline(rect.left() + gap, rect.top() + gap / 2 + metrics.ascent());
            if (raster) {
                painter.setFont(font);
                painter.setPen(qt_colour(candidate.style.halo));
                const double r = 1.4 * scale, d = r * 0.7;
                for (const QPointF offset :
                     {QPointF(r, 0), QPointF(-r, 0), QPointF(0, r), QPointF(0, -r), QPointF(d, d),
                      QPointF(-d, d), QPointF(d, -d), QPointF(-d, -d)}) {
                    painter.drawText(baseline + offset, candidate.text);
                }
                painter.setPen(qt_colour(candidate.style.text));
                painter.drawText(baseline, candidate.text);
            } else {
                // The halo is the stroked outline; the text over it is text, which a reader
                // finds and copies.
                QPainterPath path;
                path.addText(baseline, font, candidate.text);
                painter.setBrush(Qt::NoBrush);
                painter.setPen(QPen(qt_colour(candidate.style.halo), 3.0 * scale, Qt::SolidLine,
                                    Qt::RoundCap, Qt::RoundJoin));
                painter.drawPath(path);
                painter.setFont(font);
                painter.setPen(qt_colour(candidate.style.text));
                painter.drawText(baseline, candidate.text);
            }
            placed.push_back({candidate.text, rect, candidate.priority});
            break;
        }
    }
    return placed;
}

} // namespace xj::render::detail
