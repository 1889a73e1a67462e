#pragma once

// The tables' sorting proxy: text columns sort by collation keys made once per column, not by
// collating each pair of rows. QSortFilterProxyModel's locale-aware sort asks the model for
// both strings and collates them at every one of a sort's n log n comparisons (a province's
// 140,000 projects by name: some 2.4 million). The keys give the same order as
// QString::localeAwareCompare, which that sort uses: a QCollator of the default locale (pinyin
// for Chinese under zh_CN).

#include <QCollatorSortKey>
#include <QSortFilterProxyModel>
#include <map>
#include <vector>

namespace xj::viewer {

class TextSortProxy : public QSortFilterProxyModel {
public:
    /// Columns 0 … text_columns - 1 hold text in the sort role; the others sort as before.
    explicit TextSortProxy(int text_columns, QObject* parent = nullptr);
    void setSourceModel(QAbstractItemModel* model) override;

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    const std::vector<QCollatorSortKey>& keys(int column) const;

    int m_text_columns;
    mutable std::map<int, std::vector<QCollatorSortKey>> m_keys; ///< by column, made on use
};

} // namespace xj::viewer
