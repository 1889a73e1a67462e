#pragma once

// Roll-ups by township, type, leader or unit, with the columns `xiangjian status --by` prints.
// A click on a row filters the map and the tables to that group.

// moc cannot parse libstdc++'s C++20 headers these bring in; it needs only the names.
#ifndef Q_MOC_RUN
#include "snapshot.h"
#endif

#include <QAbstractTableModel>
#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace xj::viewer {

class RollupModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit RollupModel(QObject* parent = nullptr);
    void set_rows(core::RollupBy by, std::shared_ptr<const Snapshot> snapshot);
    const core::RollupRow* row(int index) const;
    core::RollupBy by() const { return m_by; }
    void retranslate();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    core::RollupBy m_by = core::RollupBy::township;
    std::shared_ptr<const Snapshot> m_snapshot;
    const std::vector<core::RollupRow>* m_rows = nullptr;
    std::vector<core::RollupRow> m_made; ///< a roll-up the snapshot did not bring, made here
};

class RollupPanel : public QWidget {
    Q_OBJECT
public:
    explicit RollupPanel(QWidget* parent = nullptr);
    void set_snapshot(std::shared_ptr<const Snapshot> snapshot);
    void set_by(core::RollupBy by);
    void retranslate();

    QTableView* view() const { return m_view; }
    QComboBox* by_box() const { return m_by; }
    RollupModel* model() const { return m_model; }

signals:
    /// A row was clicked: narrow everything to the group (key as RollupRow::key).
    void group_chosen(core::RollupBy by, const std::string& key);
    void filter_cleared();

private:
    std::shared_ptr<const Snapshot> m_snapshot;
    QComboBox* m_by;
    QLabel* m_by_label;
    QPushButton* m_clear;
    QTableView* m_view;
    RollupModel* m_model;
};

} // namespace xj::viewer
