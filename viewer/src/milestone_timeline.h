#pragma once

// A project's milestones on a line of time: planned (hollow) and reached (filled) against the
// as-of day (a vertical line); a milestone past its plan and not reached is red.

// moc cannot parse libstdc++'s C++20 headers these bring in; it needs only the names.
#ifndef Q_MOC_RUN
#include "xiangjian/core/date.h"
#endif

#include <QString>
#include <QWidget>
#include <optional>
#include <vector>

namespace xj::viewer {

struct TimelineMilestone {
    QString name;
    core::Date planned;
    std::optional<core::Date> reached; ///< on or before the as-of day
};

class MilestoneTimeline : public QWidget {
    Q_OBJECT
public:
    explicit MilestoneTimeline(QWidget* parent = nullptr);
    void set_milestones(std::vector<TimelineMilestone> milestones, core::Date as_of);
    const std::vector<TimelineMilestone>& milestones() const { return m_milestones; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<TimelineMilestone> m_milestones;
    core::Date m_as_of;
};

} // namespace xj::viewer
