#include "village_table_model.h"

#include "labels.h"

#include <algorithm>

namespace xj::viewer {

VillageTableModel::VillageTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void VillageTableModel::set_portfolio(const core::Portfolio* portfolio) {
    beginResetModel();
    m_portfolio = portfolio;
    m_villages.clear();
    m_rows.clear();
    m_snapshot.reset();
    if (portfolio != nullptr) {
        for (const core::AdminUnit& unit : portfolio->admin_units()) {
            if (unit.level == core::AdminLevel::village) {
                m_villages.push_back(&unit);
            }
        }
        m_rows.assign(m_villages.size(), nullptr);
    }
    endResetModel();
}

void VillageTableModel::set_snapshot(std::shared_ptr<const Snapshot> snapshot) {
    m_snapshot = std::move(snapshot);
    std::span<const core::RollupRow> rows;
    if (m_snapshot != nullptr) {
        const auto found = m_snapshot->rollups.find(core::RollupBy::village);
        if (found != m_snapshot->rollups.end()) {
            rows = found->second;
        }
    }
    pair_rows(rows);
    if (rowCount() > 0) {
        emit dataChanged(index(0, projects), index(rowCount() - 1, column_count - 1));
    }
}

void VillageTableModel::pair_rows(std::span<const core::RollupRow> rows) {
    // The villages are in the order of their codes (the Portfolio keeps its units by code, as
    // row_of() relies on too), and so is the roll-up (the Portfolio numbers the linked
    // villages in that order): one pass pairs them. A table of codes, built at every date
    // step, took a province's 47,000 villages 0.02 s of the GUI thread.
    std::size_t next = 0;
    for (std::size_t i = 0; i < m_villages.size(); ++i) {
        const std::string_view village_code = m_villages[i]->code;
        while (next < rows.size() && rows[next].key < village_code) {
            ++next;
        }
        m_rows[i] = next < rows.size() && rows[next].key == village_code ? &rows[next] : nullptr;
    }
}

int VillageTableModel::row_of(const std::string& village_code) const {
    // The portfolio keeps its units by code, so the rows are in code order.
    const auto found = std::lower_bound(
        m_villages.begin(), m_villages.end(), village_code,
        [](const core::AdminUnit* unit, const std::string& wanted) { return unit->code < wanted; });
    return found != m_villages.end() && (*found)->code == village_code
               ? static_cast<int>(found - m_villages.begin())
               : -1;
}

void VillageTableModel::retranslate() {
    emit headerDataChanged(Qt::Horizontal, 0, column_count - 1);
}

int VillageTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_villages.size());
}

int VillageTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : column_count;
}

QVariant VillageTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) {
        return {};
    }
    const auto i = static_cast<std::size_t>(index.row());
    const core::AdminUnit& village = *m_villages[i];
    if (role == code_role) {
        return qs(village.code);
    }
    if (role == township_role) {
        return qs(village.parent_code);
    }
    if (role == Qt::TextAlignmentRole) {
        return index.column() >= projects ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                          : QVariant();
    }
    if (role != Qt::DisplayRole && role != sort_role) {
        return {};
    }
    const core::RollupRow* row = m_rows[i];
    const bool sorting = role == sort_role;
    switch (index.column()) {
    case code:
        return qs(village.code);
    case name:
        return qs(village.name);
    case township: {
        const core::AdminUnit* parent = m_portfolio->admin_unit(village.parent_code);
        return parent != nullptr ? qs(parent->name) : qs(village.parent_code);
    }
    case projects:
        return row != nullptr ? row->projects : 0;
    case weighted:
        if (row == nullptr || !row->budget_weighted_percent) {
            return sorting ? QVariant(-1.0) : QVariant(QString());
        }
        return sorting ? QVariant(*row->budget_weighted_percent)
                       : QVariant(QString::number(*row->budget_weighted_percent, 'f', 1));
    case mean:
        if (row == nullptr) {
            return sorting ? QVariant(-1.0) : QVariant(QString());
        }
        return sorting ? QVariant(row->mean_percent)
                       : QVariant(QString::number(row->mean_percent, 'f', 1));
    case open_problems:
        return row != nullptr ? row->problems_open : 0;
    case overdue_problems:
        return row != nullptr ? row->problems_overdue : 0;
    default:
        return {};
    }
}

QVariant VillageTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case code:
        return tr("Code");
    case name:
        return tr("Village");
    case township:
        return tr("Township");
    case projects:
        return tr("Projects");
    case weighted:
        return tr("Budget-weighted %");
    case mean:
        return tr("Mean %");
    case open_problems:
        return tr("Open problems");
    case overdue_problems:
        return tr("Overdue problems");
    default:
        return {};
    }
}

VillageFilterProxy::VillageFilterProxy(QObject* parent)
    : TextSortProxy(VillageTableModel::township + 1, parent) { // code, name, township are text
    setSortRole(VillageTableModel::sort_role);
}

void VillageFilterProxy::set_search(const QString& text) {
    m_search = text.trimmed();
    invalidateFilter();
}

void VillageFilterProxy::set_township(const std::string& code) {
    if (code != m_township) {
        m_township = code;
        invalidateFilter();
    }
}

bool VillageFilterProxy::filterAcceptsRow(int row, const QModelIndex&) const {
    const auto* model = static_cast<const VillageTableModel*>(sourceModel());
    const core::AdminUnit& village = model->village(row);
    if (!m_township.empty() && village.parent_code != m_township) {
        return false;
    }
    return m_search.isEmpty() || qs(village.name).contains(m_search, Qt::CaseInsensitive) ||
           qs(village.code).startsWith(m_search);
}

} // namespace xj::viewer
