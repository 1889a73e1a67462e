#include "s_curve_view.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>

namespace xj::viewer {

namespace {

qreal msecs(core::Date day) {
    return static_cast<qreal>(
        QDateTime(QDate(day.year(), static_cast<int>(day.month()), static_cast<int>(day.day())),
                  QTime(12, 0))
            .toMSecsSinceEpoch());
}

} // namespace

SCurveView::SCurveView(QWidget* parent) : QChartView(parent) {
    auto* chart = new QChart;
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_planned = new QLineSeries(chart);
    m_actual = new QLineSeries(chart);
    m_today = new QLineSeries(chart);
    m_planned->setPen(QPen(QColor(86, 180, 233), 2, Qt::DashLine));
    m_actual->setPen(QPen(QColor(0, 114, 178), 2.5));
    m_today->setPen(QPen(QColor(213, 94, 0), 1, Qt::DotLine));
    chart->addSeries(m_planned);
    chart->addSeries(m_actual);
    chart->addSeries(m_today);
    auto* x = new QDateTimeAxis(chart);
    x->setFormat(QStringLiteral("yyyy-MM"));
    x->setTickCount(5);
    auto* y = new QValueAxis(chart);
    y->setRange(0, 100);
    y->setLabelFormat(QStringLiteral("%d%%"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries* series : {m_planned, m_actual, m_today}) {
        series->attachAxis(x);
        series->attachAxis(y);
    }
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(200);
    retranslate();
}

void SCurveView::retranslate() {
    m_planned->setName(tr("planned"));
    m_actual->setName(tr("actual"));
    m_today->setName(tr("as of"));
}

int SCurveView::point_count() const {
    return static_cast<int>(m_actual->count());
}

void SCurveView::show_project(const core::Portfolio& portfolio, std::size_t project,
                              core::Date as_of) {
    const core::Project& p = portfolio.projects()[project];
    core::Date from = p.planned_start.value_or(as_of);
    core::Date to = std::max(p.planned_finish.value_or(as_of), as_of);
    for (const core::Milestone& m : portfolio.milestones(project)) {
        from = std::min(from, m.planned_date);
        to = std::max(to, m.planned_date);
    }
    for (const core::ProgressReport& r : portfolio.reports(project)) {
        from = std::min(from, r.report_date);
    }
    QList<QPointF> planned, actual;
    // About 60 points whatever the span.
    const int step = std::max(1, days_between(from, to) / 60);
    for (const core::SCurvePoint& point : portfolio.s_curve(p.id, from, to, step)) {
        if (point.planned_percent) {
            planned.append({msecs(point.date), *point.planned_percent});
        }
        if (point.date <= as_of) {
            actual.append({msecs(point.date), point.actual_percent});
        }
    }
    m_planned->replace(planned);
    m_actual->replace(actual);
    m_today->replace(QList<QPointF>{{msecs(as_of), 0}, {msecs(as_of), 100}});
    auto* x = static_cast<QDateTimeAxis*>(chart()->axes(Qt::Horizontal).front());
    x->setRange(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(msecs(from))),
                QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(msecs(to))));
}

} // namespace xj::viewer
