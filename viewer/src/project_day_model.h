#pragma once

// The rows of a leader's project day: their projects in the engine's project-day order (late,
// stalled, with overdue problems, behind, the rest; core::attention_order), each with its
// status, percent against plan, next milestone and how far off it is, and open problems.

#ifndef Q_MOC_RUN
#include "snapshot.h"
#endif

#include <QAbstractTableModel>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace xj::core {
class Portfolio;
}

namespace xj::viewer {

class ProjectDayModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        id_column,
        name_column,
        status_column,
        percent_column,
        next_column,
        problems_column,
        column_count
    };

    struct Row {
        const core::ProjectStatus* status = nullptr;
        const core::Milestone* next = nullptr; ///< the first not reached by the day
        std::optional<int> days_to_next;       ///< negative: overdue
        int open_problems = 0;
        int overdue_problems = 0;
    };

    explicit ProjectDayModel(QObject* parent = nullptr);
    /// The leader's projects (as stored) in the snapshot's evaluation; none when empty.
    void show(const core::Portfolio* portfolio, std::shared_ptr<const Snapshot> snapshot,
              const std::string& leader);
    const std::vector<Row>& rows() const { return m_rows; }
    std::string project_id(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const Snapshot> m_snapshot; ///< keeps the rows' pointers alive
    std::vector<Row> m_rows;
};

} // namespace xj::viewer
