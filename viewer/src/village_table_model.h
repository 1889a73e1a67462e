#pragma once

// The village table: one row per village of the project, with the roll-up of the projects that
// count in it as of the snapshot's day.

// moc cannot parse libstdc++'s C++20 headers these bring in; it needs only the names.
#ifndef Q_MOC_RUN
#include "snapshot.h"
#endif
#include "text_sort_proxy.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <memory>
#include <span>

namespace xj::viewer {

class VillageTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        code,
        name,
        township,
        projects,
        weighted,
        mean,
        open_problems,
        overdue_problems,
        column_count
    };
    static constexpr int sort_role = Qt::UserRole;
    static constexpr int code_role = Qt::UserRole + 1;
    static constexpr int township_role = Qt::UserRole + 2;

    explicit VillageTableModel(QObject* parent = nullptr);
    void set_portfolio(const core::Portfolio* portfolio);
    void set_snapshot(std::shared_ptr<const Snapshot> snapshot);
    int row_of(const std::string& code) const;
    const core::AdminUnit& village(int row) const {
        return *m_villages[static_cast<std::size_t>(row)];
    }
    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    /// m_rows from the day's village roll-up.
    void pair_rows(std::span<const core::RollupRow> rows);
    const core::Portfolio* m_portfolio = nullptr;
    std::vector<const core::AdminUnit*> m_villages;
    std::shared_ptr<const Snapshot> m_snapshot;
    std::vector<const core::RollupRow*> m_rows; ///< per village; null without projects
};

/// Search over code and name; the filter's township.
class VillageFilterProxy : public TextSortProxy {
    Q_OBJECT
public:
    explicit VillageFilterProxy(QObject* parent = nullptr);
    void set_search(const QString& text);
    void set_township(const std::string& code);

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override;

private:
    QString m_search;
    std::string m_township;
};

} // namespace xj::viewer
