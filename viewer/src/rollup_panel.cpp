#include "rollup_panel.h"

#include "labels.h"
#include "xiangjian/core/amounts.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace xj::viewer {

namespace {

std::span<const core::Term<core::ScheduleStatus>> statuses() {
    return core::terms(core::ScheduleStatus{});
}

int fixed_columns() {
    return 2;
} // group, projects

} // namespace

RollupModel::RollupModel(QObject* parent) : QAbstractTableModel(parent) {}

void RollupModel::set_rows(core::RollupBy by, std::shared_ptr<const Snapshot> snapshot) {
    beginResetModel();
    m_by = by;
    m_snapshot = std::move(snapshot);
    m_rows = nullptr;
    m_made.clear();
    if (m_snapshot != nullptr) {
        const auto found = m_snapshot->rollups.find(by);
        if (found != m_snapshot->rollups.end()) {
            m_rows = &found->second;
        } else if (m_snapshot->portfolio != nullptr) {
            // Another grouping than the day's snapshot brought (the next one brings it).
            m_made = core::rollup(*m_snapshot->portfolio, m_snapshot->evaluation, by);
            m_rows = &m_made;
        }
    }
    endResetModel();
}

const core::RollupRow* RollupModel::row(int index) const {
    return m_rows != nullptr && index >= 0 && index < static_cast<int>(m_rows->size())
               ? &(*m_rows)[static_cast<std::size_t>(index)]
               : nullptr;
}

void RollupModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

int RollupModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || m_rows == nullptr ? 0 : static_cast<int>(m_rows->size());
}

int RollupModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : fixed_columns() + static_cast<int>(statuses().size()) + 6;
}

QVariant RollupModel::data(const QModelIndex& index, int role) const {
    const core::RollupRow* r = row(index.row());
    if (r == nullptr) {
        return {};
    }
    if (role == Qt::TextAlignmentRole) {
        return index.column() == 0 ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    const int c = index.column();
    if (c == 0) {
        return qs(r->label);
    }
    if (c == 1) {
        return r->projects;
    }
    const int status_count = static_cast<int>(statuses().size());
    if (c < fixed_columns() + status_count) {
        return r->count(statuses()[static_cast<std::size_t>(c - fixed_columns())].value);
    }
    switch (c - fixed_columns() - status_count) {
    case 0:
        return percent_text(r->budget_weighted_percent);
    case 1:
        return QString::number(r->mean_percent, 'f', 1);
    case 2: {
        QString text;
        for (const auto& q : r->quantities) {
            text += (text.isEmpty() ? QString() : QStringLiteral("; ")) +
                    qs(core::done_of_planned_text(q.done, q.planned, q.unit));
        }
        return text;
    }
    case 3:
        return r->problems_open;
    case 4:
        return r->problems_overdue;
    case 5:
        return r->problems_closed;
    default:
        return {};
    }
}

QVariant RollupModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (section == 0) {
        return tr("Group");
    }
    if (section == 1) {
        return tr("Projects");
    }
    const int status_count = static_cast<int>(statuses().size());
    if (section < fixed_columns() + status_count) {
        return label(statuses()[static_cast<std::size_t>(section - fixed_columns())].value);
    }
    switch (section - fixed_columns() - status_count) {
    case 0:
        return tr("Budget-weighted %");
    case 1:
        return tr("Mean %");
    case 2:
        return tr("Done / planned");
    case 3:
        return tr("Open problems");
    case 4:
        return tr("Overdue problems");
    case 5:
        return tr("Closed");
    default:
        return {};
    }
}

RollupPanel::RollupPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    auto* top = new QHBoxLayout;
    m_by_label = new QLabel(this);
    m_by = new QComboBox(this);
    for (const core::RollupBy by : {core::RollupBy::township, core::RollupBy::type,
                                    core::RollupBy::leader, core::RollupBy::unit}) {
        m_by->addItem(QString(), static_cast<int>(by));
    }
    m_clear = new QPushButton(this);
    m_clear->setIcon(style()->standardIcon(QStyle::SP_DialogResetButton));
    top->addWidget(m_by_label);
    top->addWidget(m_by, 1);
    top->addWidget(m_clear);
    layout->addLayout(top);
    m_model = new RollupModel(this);
    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Widths from 100 rows, not Qt's default 1,000: a province has 2,000+ townships, and
    // measuring 1,000 rows again for every new day held the GUI thread up some 25 ms a step.
    m_view->horizontalHeader()->setResizeContentsPrecision(100);
    layout->addWidget(m_view);

    connect(m_by, &QComboBox::currentIndexChanged, this, [this] {
        m_model->set_rows(static_cast<core::RollupBy>(m_by->currentData().toInt()), m_snapshot);
    });
    connect(m_view, &QTableView::clicked, this, [this](const QModelIndex& index) {
        if (const core::RollupRow* row = m_model->row(index.row())) {
            emit group_chosen(m_model->by(), row->key);
        }
    });
    connect(m_clear, &QPushButton::clicked, this, [this] {
        m_view->clearSelection();
        emit filter_cleared();
    });
    retranslate();
}

void RollupPanel::retranslate() {
    m_by_label->setText(tr("By"));
    m_by->setItemText(0, tr("township"));
    m_by->setItemText(1, tr("type"));
    m_by->setItemText(2, tr("leader"));
    m_by->setItemText(3, tr("responsible unit"));
    m_clear->setText(tr("Show all"));
    m_clear->setToolTip(tr("Clear the filter: every project on the map and in the tables"));
    m_view->setToolTip(tr("Click a row to show only its projects on the map and in the tables"));
    // Group labels (types, statuses) come from the engine in the current language.
    m_model->set_rows(m_model->by(), m_snapshot);
}

void RollupPanel::set_snapshot(std::shared_ptr<const Snapshot> snapshot) {
    m_snapshot = std::move(snapshot);
    // Keep the selected group across days.
    const int selected =
        m_view->selectionModel()->hasSelection() ? m_view->currentIndex().row() : -1;
    m_model->set_rows(m_model->by(), m_snapshot);
    if (selected >= 0 && selected < m_model->rowCount()) {
        m_view->selectRow(selected);
    }
}

void RollupPanel::set_by(core::RollupBy by) {
    const int index = m_by->findData(static_cast<int>(by));
    if (index >= 0) {
        m_by->setCurrentIndex(index);
    }
}

} // namespace xj::viewer
