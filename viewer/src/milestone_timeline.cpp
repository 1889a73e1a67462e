#include "milestone_timeline.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>

namespace xj::viewer {

MilestoneTimeline::MilestoneTimeline(QWidget* parent) : QWidget(parent) {
    setMinimumHeight(40);
}

void MilestoneTimeline::set_milestones(std::vector<TimelineMilestone> milestones,
                                       core::Date as_of) {
    m_milestones = std::move(milestones);
    m_as_of = as_of;
    updateGeometry();
    update();
}

QSize MilestoneTimeline::sizeHint() const {
    return {320, 34 + 20 * static_cast<int>(m_milestones.size())};
}

void MilestoneTimeline::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_milestones.empty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No milestones"));
        return;
    }
    core::Date first = m_as_of, last = m_as_of;
    for (const TimelineMilestone& m : m_milestones) {
        first = std::min({first, m.planned, m.reached.value_or(m.planned)});
        last = std::max({last, m.planned, m.reached.value_or(m.planned)});
    }
    const int span = std::max(1, days_between(first, last));
    const QFontMetrics metrics(font());
    int name_width = 0;
    for (const TimelineMilestone& m : m_milestones) {
        name_width = std::max(name_width, metrics.horizontalAdvance(m.name));
    }
    name_width = std::min(name_width + 8, width() / 3);
    const double left = name_width + 8, right = width() - 12;
    const auto x_of = [&](core::Date day) {
        return left + (right - left) * days_between(first, day) / span;
    };
    const int row_height = 20, top = 6;
    painter.setPen(palette().color(QPalette::WindowText));
    for (std::size_t i = 0; i < m_milestones.size(); ++i) {
        const TimelineMilestone& m = m_milestones[i];
        const double y = top + row_height * (static_cast<double>(i) + 0.5);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRectF(2, y - row_height / 2.0, name_width, row_height),
                         Qt::AlignVCenter | Qt::AlignLeft,
                         metrics.elidedText(m.name, Qt::ElideRight, name_width));
        painter.setPen(QPen(QColor(200, 200, 200), 1));
        painter.drawLine(QPointF(left, y), QPointF(right, y));
        const bool late = !m.reached && m.planned < m_as_of;
        const QColor colour = m.reached ? QColor(0, 158, 115)
                              : late    ? QColor(213, 94, 0)
                                        : QColor(86, 86, 86);
        const auto diamond = [&](double x, bool filled) {
            QPainterPath path;
            path.moveTo(x, y - 6);
            path.lineTo(x + 6, y);
            path.lineTo(x, y + 6);
            path.lineTo(x - 6, y);
            path.closeSubpath();
            painter.setPen(QPen(colour, 1.6));
            painter.setBrush(filled ? QBrush(colour) : QBrush(Qt::white));
            painter.drawPath(path);
        };
        if (m.reached && *m.reached != m.planned) {
            painter.setPen(QPen(colour, 2));
            painter.drawLine(QPointF(x_of(m.planned), y), QPointF(x_of(*m.reached), y));
        }
        diamond(x_of(m.planned), false);
        if (m.reached) {
            diamond(x_of(*m.reached), true);
        }
    }
    const double x = x_of(m_as_of);
    const double bottom = top + row_height * static_cast<double>(m_milestones.size());
    painter.setPen(QPen(QColor(0, 114, 178), 1.5, Qt::DashLine));
    painter.drawLine(QPointF(x, 2), QPointF(x, bottom + 2));
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QRectF(left, bottom + 2, right - left, 16), Qt::AlignLeft,
                     QString::fromStdString(first.iso()));
    painter.drawText(QRectF(left, bottom + 2, right - left, 16), Qt::AlignRight,
                     QString::fromStdString(last.iso()));
}

} // namespace xj::viewer
