#include "date_bar.h"

#include <QCalendarWidget>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QToolButton>
#include <QWidgetAction>
#include <algorithm>

namespace xj::viewer {

namespace {

QDate to_qdate(core::Date day) {
    return QDate(day.year(), static_cast<int>(day.month()), static_cast<int>(day.day()));
}

core::Date from_qdate(const QDate& day) {
    return core::Date(day.year(), static_cast<unsigned>(day.month()),
                      static_cast<unsigned>(day.day()));
}

} // namespace

DaySlider::DaySlider(QWidget* parent) : QSlider(Qt::Horizontal, parent) {
    setMinimumHeight(30);
}

void DaySlider::set_record_days(std::vector<int> offsets) {
    m_offsets = std::move(offsets);
    update();
}

void DaySlider::paintEvent(QPaintEvent* event) {
    QSlider::paintEvent(event);
    if (m_offsets.empty() || maximum() <= minimum()) {
        return;
    }
    QStyleOptionSlider option;
    initStyleOption(&option);
    const QRect groove =
        style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderGroove, this);
    const QRect handle =
        style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, this);
    const int span = groove.width() - handle.width();
    QPainter painter(this);
    painter.setPen(QPen(QColor(0, 114, 178), 1));
    const int bottom = height() - 2;
    for (const int offset : m_offsets) {
        const int x =
            groove.left() + handle.width() / 2 +
            QStyle::sliderPositionFromValue(minimum(), maximum(), minimum() + offset, span);
        painter.drawLine(x, bottom - 5, x, bottom);
    }
}

DateBar::DateBar(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    m_label = new QLabel(this);
    m_back = new QToolButton(this);
    m_back->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
    m_play = new QToolButton(this);
    m_play->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_play->setCheckable(true);
    m_forward = new QToolButton(this);
    m_forward->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_step = new QComboBox(this);
    m_step->addItem(QString(), 1);
    m_step->addItem(QString(), 7);
    m_step->addItem(QString(), 30);
    m_step->setCurrentIndex(1); // weeks: county reports are weekly
    m_slider = new DaySlider(this);
    m_edit = new QLineEdit(this);
    m_edit->setMaximumWidth(
        m_edit->fontMetrics().horizontalAdvance(QStringLiteral("2018年12月31日")) + 16);
    m_calendar_button = new QToolButton(this);
    m_calendar_button->setIcon(style()->standardIcon(QStyle::SP_FileDialogDetailedView));
    m_calendar_button->setPopupMode(QToolButton::InstantPopup);
    m_calendar = new QCalendarWidget(this);
    auto* menu = new QMenu(m_calendar_button);
    auto* holder = new QWidgetAction(menu);
    holder->setDefaultWidget(m_calendar);
    menu->addAction(holder);
    m_calendar_button->setMenu(menu);
    layout->addWidget(m_label);
    layout->addWidget(m_back);
    layout->addWidget(m_play);
    layout->addWidget(m_forward);
    layout->addWidget(m_step);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_edit);
    layout->addWidget(m_calendar_button);

    m_timer.setInterval(700);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_date >= m_last) {
            set_playing(false);
            return;
        }
        step(+1);
    });
    connect(m_play, &QToolButton::toggled, this, [this](bool on) { set_playing(on); });
    connect(m_back, &QToolButton::clicked, this, [this] { step(-1); });
    connect(m_forward, &QToolButton::clicked, this, [this] { step(+1); });
    connect(m_slider, &QSlider::valueChanged, this,
            [this](int value) { set_date(core::Date::from_days(value)); });
    // A typed day counts when it is complete (Enter or leaving the field), not at each digit;
    // one that is not a day is refused in place, and the field shows the current day again.
    connect(m_edit, &QLineEdit::editingFinished, this, [this] {
        const auto day = core::Date::parse_loose(m_edit->text().trimmed().toStdString());
        if (!day) {
            m_edit->setStyleSheet(QStringLiteral("color: #d55e00"));
            m_edit->setToolTip(
                tr("Not a day: %1. Type it as 2018-06-15, 2018/6/15 or 2018年6月15日")
                    .arg(m_edit->text()));
            return;
        }
        m_edit->setStyleSheet(QString());
        retranslate();
        set_date(*day);
        show_date(); // clamped to the span, in one spelling
    });
    connect(m_calendar, &QCalendarWidget::clicked, this, [this](const QDate& day) {
        m_calendar_button->menu()->close();
        set_date(from_qdate(day));
    });
    retranslate();
}

void DateBar::retranslate() {
    m_label->setText(tr("As of"));
    m_back->setToolTip(tr("Step back (Ctrl+Left)"));
    m_forward->setToolTip(tr("Step forward (Ctrl+Right)"));
    m_play->setToolTip(tr("Play / pause: step through the days (Ctrl+P)"));
    m_step->setItemText(0, tr("day"));
    m_step->setItemText(1, tr("week"));
    m_step->setItemText(2, tr("month"));
    m_step->setToolTip(tr("Step size; changing it keeps the day"));
    m_slider->setToolTip(tr("Drag to change the as-of day; ticks mark days with records"));
    m_edit->setToolTip(tr("Type a day (2018-06-15, 2018/6/15, 2018年6月15日) and press Enter"));
    m_calendar_button->setToolTip(tr("Pick the day on a calendar"));
}

void DateBar::set_span(core::Date first, core::Date last,
                       const std::vector<core::Date>& record_days) {
    m_first = first;
    m_last = std::max(first, last);
    const QSignalBlocker block_slider(m_slider);
    m_slider->setRange(m_first.days_since_epoch(), m_last.days_since_epoch());
    m_slider->setPageStep(30);
    m_calendar->setDateRange(to_qdate(m_first), to_qdate(m_last));
    std::vector<int> offsets;
    for (const core::Date day : record_days) {
        offsets.push_back(days_between(m_first, day));
    }
    m_slider->set_record_days(std::move(offsets));
}

void DateBar::set_date(core::Date day) {
    day = std::clamp(day, m_first, m_last);
    if (day == m_date && m_slider->value() == day.days_since_epoch()) {
        return;
    }
    m_date = day;
    show_date();
    emit date_changed(m_date);
}

void DateBar::show_date() {
    const QSignalBlocker block_slider(m_slider);
    const QSignalBlocker block_calendar(m_calendar);
    m_slider->setValue(m_date.days_since_epoch());
    m_edit->setText(QString::fromStdString(m_date.iso()));
    m_calendar->setSelectedDate(to_qdate(m_date));
}

void DateBar::step(int direction) {
    const int days = m_step->currentData().toInt();
    if (days == 30) {
        set_date(from_qdate(to_qdate(m_date).addMonths(direction)));
    } else {
        set_date(m_date.plus_days(direction * days));
    }
}

void DateBar::set_playing(bool playing) {
    if (playing == m_timer.isActive()) {
        return;
    }
    if (playing) {
        if (m_date >= m_last) {
            set_date(m_first); // play from the start after the end
        }
        m_timer.start();
    } else {
        m_timer.stop();
    }
    const QSignalBlocker block(m_play);
    m_play->setChecked(playing);
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

} // namespace xj::viewer
