#pragma once

// The week's summary for the county office (本周汇总): per leader, the projects visited and
// with progress recorded in the week ending on the project day, problems raised and closed,
// and problems overdue. Shown as a table, written as CSV or XLSX (table_export.h).

#ifndef Q_MOC_RUN
#include "xiangjian/core/date.h"
#endif

#include <QDialog>
#include <memory>

class QStandardItemModel;
class QTableView;

namespace xj::core {
class Portfolio;
}

namespace xj::viewer {

/// The summary as a table model, one row per leader (names as people say them).
std::unique_ptr<QStandardItemModel> week_summary_model(const core::Portfolio& portfolio,
                                                       core::Date friday);

class WeekSummaryDialog : public QDialog {
    Q_OBJECT
public:
    WeekSummaryDialog(const core::Portfolio& portfolio, core::Date friday,
                      QWidget* parent = nullptr);
    ~WeekSummaryDialog() override;
    QTableView* table() const { return m_table; }

private:
    void export_dialog();

    core::Date m_friday;
    std::unique_ptr<QStandardItemModel> m_model;
    QTableView* m_table;
};

} // namespace xj::viewer
