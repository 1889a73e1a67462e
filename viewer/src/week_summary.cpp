#include "week_summary.h"

#include "labels.h"
#include "table_export.h"
#include "xiangjian/core/leaders.h"
#include "xiangjian/core/project_day.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace xj::viewer {

std::unique_ptr<QStandardItemModel> week_summary_model(const core::Portfolio& portfolio,
                                                       core::Date friday) {
    auto model = std::make_unique<QStandardItemModel>();
    model->setHorizontalHeaderLabels(
        {WeekSummaryDialog::tr("Leader"), WeekSummaryDialog::tr("Projects"),
         WeekSummaryDialog::tr("Visited"), WeekSummaryDialog::tr("Progress recorded"),
         WeekSummaryDialog::tr("Problems raised"), WeekSummaryDialog::tr("Problems closed"),
         WeekSummaryDialog::tr("Problems overdue")});
    for (const core::WeekSummaryRow& row : core::week_summary(portfolio, friday)) {
        QList<QStandardItem*> items;
        auto* name = new QStandardItem(qs(core::leader_name(row.leader)));
        name->setToolTip(qs(row.leader));
        items << name;
        for (const int count : {row.projects, row.visited, row.progress_recorded,
                                row.problems_raised, row.problems_closed, row.problems_overdue}) {
            auto* item = new QStandardItem;
            item->setData(count, Qt::DisplayRole); // a number in CSV and XLSX
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            items << item;
        }
        model->appendRow(items);
    }
    return model;
}

WeekSummaryDialog::WeekSummaryDialog(const core::Portfolio& portfolio, core::Date friday,
                                     QWidget* parent)
    : QDialog(parent), m_friday(friday), m_model(week_summary_model(portfolio, friday)) {
    setWindowTitle(tr("Week's summary"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("The week of %1 to %2, per leader")
                                     .arg(qs(friday.plus_days(-6).iso()), qs(friday.iso())),
                                 this));
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("week_summary"));
    m_table->setModel(m_model.get());
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->resizeColumnsToContents();
    layout->addWidget(m_table, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* write = buttons->addButton(tr("Write CSV/XLSX…"), QDialogButtonBox::ActionRole);
    connect(write, &QPushButton::clicked, this, &WeekSummaryDialog::export_dialog);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(760, 480);
}

WeekSummaryDialog::~WeekSummaryDialog() = default;

void WeekSummaryDialog::export_dialog() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Write the week's summary"), tr("week-summary-%1.xlsx").arg(qs(m_friday.iso())),
        tr("Excel (*.xlsx);;CSV for Excel (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    try {
        export_table(*m_model, path);
    } catch (const std::exception& error) {
        QMessageBox::warning(this, windowTitle(), QString::fromUtf8(error.what()));
    }
}

} // namespace xj::viewer
