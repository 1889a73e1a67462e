#pragma once

// The project table: one row per project of the portfolio, its figures from the snapshot of
// the as-of day. A new day changes the figures in place (rows stay, so do the selection and
// the sort); the proxy filters and sorts.

// moc cannot parse libstdc++'s C++20 headers these bring in; it needs only the names.
#ifndef Q_MOC_RUN
#include "snapshot.h"
#endif
#include "text_sort_proxy.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <memory>

namespace xj::viewer {

class ProjectTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        id,
        name,
        type,
        township,
        leader,
        unit,
        stage,
        status,
        percent,
        planned,
        variance,
        open_problems,
        last_report,
        column_count
    };
    static constexpr int sort_role = Qt::UserRole;
    static constexpr int id_role = Qt::UserRole + 1;

    explicit ProjectTableModel(QObject* parent = nullptr);
    void set_portfolio(const core::Portfolio* portfolio);
    void set_snapshot(std::shared_ptr<const Snapshot> snapshot);
    const core::Portfolio* portfolio() const { return m_portfolio; }
    const Snapshot* snapshot() const { return m_snapshot.get(); }
    /// Row of a project id, or -1.
    int row_of(const std::string& project_id) const;
    /// Headers follow the language.
    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    const core::Portfolio* m_portfolio = nullptr;
    std::shared_ptr<const Snapshot> m_snapshot;
};

/// Search text over id, name, leader and unit, and the shared MapFilter.
class ProjectFilterProxy : public TextSortProxy {
    Q_OBJECT
public:
    explicit ProjectFilterProxy(QObject* parent = nullptr);
    void set_search(const QString& text);
    void set_filter(const MapFilter& filter);
    const MapFilter& filter() const { return m_filter; }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override;

private:
    QString m_search;
    MapFilter m_filter;
};

} // namespace xj::viewer
