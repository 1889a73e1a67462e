#include "text_sort_proxy.h"

#include <QCollator>

namespace xj::viewer {

TextSortProxy::TextSortProxy(int text_columns, QObject* parent)
    : QSortFilterProxyModel(parent), m_text_columns(text_columns) {
    setSortLocaleAware(true);
}

void TextSortProxy::setSourceModel(QAbstractItemModel* model) {
    if (sourceModel() != nullptr) {
        disconnect(sourceModel(), nullptr, this, nullptr);
    }
    m_keys.clear();
    if (model != nullptr) {
        // Any change of rows or text makes keys stale. Connected before the base class's own
        // slots, so that its dynamic re-sort of changed rows already finds them gone and sorts
        // by the new text.
        const auto forget = [this] { m_keys.clear(); };
        connect(model, &QAbstractItemModel::modelReset, this, forget);
        connect(model, &QAbstractItemModel::layoutChanged, this, forget);
        connect(model, &QAbstractItemModel::rowsInserted, this, forget);
        connect(model, &QAbstractItemModel::rowsRemoved, this, forget);
        connect(model, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex& top_left, const QModelIndex& bottom_right) {
                    for (int column = top_left.column(); column <= bottom_right.column();
                         ++column) {
                        m_keys.erase(column);
                    }
                });
    }
    QSortFilterProxyModel::setSourceModel(model);
}

const std::vector<QCollatorSortKey>& TextSortProxy::keys(int column) const {
    auto found = m_keys.find(column);
    if (found == m_keys.end()) {
        const QCollator collator; // the default locale's, as localeAwareCompare uses
        const QAbstractItemModel& model = *sourceModel();
        std::vector<QCollatorSortKey> made;
        made.reserve(static_cast<std::size_t>(model.rowCount()));
        for (int row = 0; row < model.rowCount(); ++row) {
            made.push_back(
                collator.sortKey(model.data(model.index(row, column), sortRole()).toString()));
        }
        found = m_keys.emplace(column, std::move(made)).first;
    }
    return found->second;
}

bool TextSortProxy::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    if (left.column() >= m_text_columns || left.column() != right.column()) {
        return QSortFilterProxyModel::lessThan(left, right);
    }
    const auto& column = keys(left.column());
    return column[static_cast<std::size_t>(left.row())].compare(
               column[static_cast<std::size_t>(right.row())]) < 0;
}

} // namespace xj::viewer
