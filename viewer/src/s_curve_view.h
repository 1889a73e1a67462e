#pragma once

// The planned-versus-actual S-curve of a project (Qt Charts), with the as-of day marked.

// moc cannot parse libstdc++'s C++20 headers these bring in; it needs only the names.
#ifndef Q_MOC_RUN
#include "xiangjian/core/portfolio.h"
#endif

#include <QChartView>

class QLineSeries;

namespace xj::viewer {

class SCurveView : public QChartView {
    Q_OBJECT
public:
    explicit SCurveView(QWidget* parent = nullptr);
    /// From the project's first plan or record to the later of its finish and the as-of day.
    void show_project(const core::Portfolio& portfolio, std::size_t project, core::Date as_of);
    int point_count() const;
    void retranslate();

private:
    QLineSeries* m_planned;
    QLineSeries* m_actual;
    QLineSeries* m_today;
};

} // namespace xj::viewer
