#pragma once

// The as-of day: a slider over the project's time with ticks on the days that have records, a
// field to type a day (as county tables write them: 2018-06-15, 2018/6/15, 2018年6月15日) or pick
// it from a calendar, and play/pause stepping by day, week or month. Changing the step
// keeps the day (users of QGIS's temporal controller asked for that, #39994).

// moc cannot parse libstdc++'s C++20 headers these bring in; it needs only the names.
#ifndef Q_MOC_RUN
#include "xiangjian/core/date.h"
#endif

#include <QSlider>
#include <QTimer>
#include <QWidget>
#include <vector>

class QComboBox;
class QCalendarWidget;
class QLineEdit;
class QLabel;
class QToolButton;

namespace xj::viewer {

/// A slider (one position per day) that marks the record days under its groove.
class DaySlider : public QSlider {
    Q_OBJECT
public:
    explicit DaySlider(QWidget* parent = nullptr);
    void set_record_days(std::vector<int> offsets); ///< days from the slider's minimum

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<int> m_offsets;
};

class DateBar : public QWidget {
    Q_OBJECT
public:
    explicit DateBar(QWidget* parent = nullptr);

    void set_span(core::Date first, core::Date last, const std::vector<core::Date>& record_days);
    void set_date(core::Date day); ///< clamped to the span; emits date_changed when it moves
    core::Date date() const { return m_date; }
    /// Days per step: 1, 7 or 30 (a month is stepped by the calendar).
    void step(int direction);
    bool playing() const { return m_timer.isActive(); }
    void set_playing(bool playing);
    void retranslate();

    DaySlider* slider() const { return m_slider; }
    QLineEdit* date_edit() const { return m_edit; }
    QToolButton* calendar_button() const { return m_calendar_button; }
    QToolButton* play_button() const { return m_play; }
    QToolButton* back_button() const { return m_back; }
    QToolButton* forward_button() const { return m_forward; }
    QComboBox* step_box() const { return m_step; }

signals:
    void date_changed(core::Date day);

private:
    void show_date();

    core::Date m_first, m_last, m_date;
    DaySlider* m_slider;
    QLineEdit* m_edit;
    QToolButton* m_calendar_button;
    QCalendarWidget* m_calendar;
    QToolButton* m_play;
    QToolButton* m_back;
    QToolButton* m_forward;
    QComboBox* m_step;
    QLabel* m_label;
    QTimer m_timer;
};

} // namespace xj::viewer
