#include "project_day_model.h"

#include "labels.h"
#include "xiangjian/core/portfolio.h"
#include "xiangjian/core/project_day.h"

#include <QBrush>
#include <QColor>

namespace xj::viewer {

ProjectDayModel::ProjectDayModel(QObject* parent) : QAbstractTableModel(parent) {}

void ProjectDayModel::show(const core::Portfolio* portfolio,
                           std::shared_ptr<const Snapshot> snapshot, const std::string& leader) {
    beginResetModel();
    m_rows.clear();
    m_snapshot = std::move(snapshot);
    if (portfolio != nullptr && m_snapshot && !leader.empty()) {
        std::vector<const core::ProjectStatus*> mine;
        for (const core::ProjectStatus& status : m_snapshot->evaluation.projects) {
            if (status.project->leader == leader) {
                mine.push_back(&status);
            }
        }
        const core::Date day = m_snapshot->as_of;
        for (const core::ProjectStatus* status : core::attention_order(mine)) {
            Row row;
            row.status = status;
            for (const core::Milestone& milestone : portfolio->milestones(status->index)) {
                const bool reached = milestone.actual_date && *milestone.actual_date <= day;
                if (!reached &&
                    (row.next == nullptr || milestone.planned_date < row.next->planned_date)) {
                    row.next = &milestone;
                }
            }
            if (row.next != nullptr) {
                row.days_to_next =
                    row.next->planned_date.days_since_epoch() - day.days_since_epoch();
            }
            for (const core::Problem& problem : portfolio->problems(status->index)) {
                if (problem.open_on(day)) {
                    ++row.open_problems;
                    if (problem.deadline && *problem.deadline < day) {
                        ++row.overdue_problems;
                    }
                }
            }
            m_rows.push_back(row);
        }
    }
    endResetModel();
}

std::string ProjectDayModel::project_id(int row) const {
    return row >= 0 && row < static_cast<int>(m_rows.size())
               ? m_rows[static_cast<std::size_t>(row)].status->project->id
               : std::string();
}

int ProjectDayModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ProjectDayModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : column_count;
}

QVariant ProjectDayModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= static_cast<int>(m_rows.size())) {
        return {};
    }
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const core::ProjectStatus& status = *row.status;
    if (role == Qt::ForegroundRole && index.column() == Column::status_column &&
        (status.status == core::ScheduleStatus::late ||
         status.status == core::ScheduleStatus::stalled)) {
        return QBrush(QColor(0xb3, 0x26, 0x1e));
    }
    if (role == Qt::ForegroundRole && index.column() == Column::problems_column &&
        row.overdue_problems > 0) {
        return QBrush(QColor(0xb3, 0x26, 0x1e));
    }
    if (role == Qt::ToolTipRole && index.column() == Column::name_column) {
        return qs(status.project->name);
    }
    if (role != Qt::DisplayRole) {
        return {};
    }
    switch (index.column()) {
    case Column::id_column:
        return qs(status.project->id);
    case Column::name_column:
        return qs(status.project->name);
    case Column::status_column:
        return label(status.status);
    case Column::percent_column:
        return status.planned_percent ? tr("%1% / %2%")
                                            .arg(status.percent_done, 0, 'f', 0)
                                            .arg(*status.planned_percent, 0, 'f', 0)
                                      : tr("%1%").arg(status.percent_done, 0, 'f', 0);
    case Column::next_column:
        if (row.next == nullptr) {
            return tr("all reached");
        }
        return *row.days_to_next < 0
                   ? tr("%1 · %2 days overdue").arg(qs(row.next->name)).arg(-*row.days_to_next)
                   : tr("%1 · in %2 days").arg(qs(row.next->name)).arg(*row.days_to_next);
    case Column::problems_column:
        if (row.open_problems == 0) {
            return QStringLiteral("—");
        }
        return row.overdue_problems > 0
                   ? tr("%1 (%2 overdue)").arg(row.open_problems).arg(row.overdue_problems)
                   : QString::number(row.open_problems);
    default:
        return {};
    }
}

QVariant ProjectDayModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case Column::id_column:
        return tr("ID");
    case Column::name_column:
        return tr("Project");
    case Column::status_column:
        return tr("Status");
    case Column::percent_column:
        return tr("Done / plan");
    case Column::next_column:
        return tr("Next milestone");
    case Column::problems_column:
        return tr("Open problems");
    default:
        return {};
    }
}

} // namespace xj::viewer
