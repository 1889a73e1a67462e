#include "tables_panel.h"

#include "labels.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <set>

namespace xj::viewer {

namespace {

QTableView* make_view(QWidget* parent, QAbstractItemModel* model) {
    auto* view = new QTableView(parent);
    view->setModel(model);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(22);
    view->horizontalHeader()->setStretchLastSection(true);
    // Columns fit the first 200 rows, not Qt's 1000: a province's two tables took 0.05 s of
    // the GUI thread to measure while the map's first layers were drawing, and 200 rows of
    // a county's projects show its long names as well.
    view->horizontalHeader()->setResizeContentsPrecision(200);
    view->setWordWrap(false);
    return view;
}

template <typename E> void fill_terms(QComboBox* box) {
    for (const auto& t : core::terms(E{})) {
        box->addItem(label(t.value), static_cast<int>(t.value));
    }
}

template <typename E> std::optional<E> chosen(const QComboBox* box) {
    if (box->currentIndex() <= 0) {
        return std::nullopt;
    }
    return static_cast<E>(box->currentData().toInt());
}

void choose(QComboBox* box, const QVariant& data) {
    const QSignalBlocker block(box);
    const int index = data.isValid() ? box->findData(data) : 0;
    box->setCurrentIndex(std::max(0, index));
}

} // namespace

TablesPanel::TablesPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    auto* filters = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setClearButtonEnabled(true);
    m_type = new QComboBox(this);
    m_status = new QComboBox(this);
    m_stage = new QComboBox(this);
    m_township = new QComboBox(this);
    m_leader = new QComboBox(this);
    m_count = new QLabel(this);
    filters->addWidget(m_search, 2);
    for (QComboBox* box : {m_type, m_status, m_stage, m_township, m_leader}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        filters->addWidget(box, 1);
    }
    filters->addWidget(m_count);
    layout->addLayout(filters);

    m_project_model = new ProjectTableModel(this);
    m_project_proxy = new ProjectFilterProxy(this);
    m_project_proxy->setSourceModel(m_project_model);
    m_village_model = new VillageTableModel(this);
    m_village_proxy = new VillageFilterProxy(this);
    m_village_proxy->setSourceModel(m_village_model);
    m_tabs = new QTabWidget(this);
    m_projects = make_view(m_tabs, m_project_proxy);
    m_villages = make_view(m_tabs, m_village_proxy);
    m_villages->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tabs->addTab(m_projects, QString());
    m_tabs->addTab(m_villages, QString());
    layout->addWidget(m_tabs, 1);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_project_proxy->set_search(text);
        m_village_proxy->set_search(text);
        update_count();
    });
    for (QComboBox* box : {m_type, m_status, m_stage, m_township, m_leader}) {
        connect(box, &QComboBox::currentIndexChanged, this,
                [this] { emit filter_changed(filter_from_boxes()); });
    }
    connect(m_projects->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (m_selecting) {
            return;
        }
        std::set<std::string> ids;
        for (const QModelIndex& index : m_projects->selectionModel()->selectedRows()) {
            ids.insert(index.data(ProjectTableModel::id_role).toString().toStdString());
        }
        emit projects_selected(ids);
    });
    connect(m_villages->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (m_selecting) {
            return;
        }
        const auto rows = m_villages->selectionModel()->selectedRows();
        if (!rows.isEmpty()) {
            emit village_selected(
                rows.front().data(VillageTableModel::code_role).toString().toStdString());
        }
    });
    connect(m_project_proxy, &QAbstractItemModel::rowsInserted, this, [this] { update_count(); });
    connect(m_project_proxy, &QAbstractItemModel::rowsRemoved, this, [this] { update_count(); });
    connect(m_project_proxy, &QAbstractItemModel::modelReset, this, [this] { update_count(); });
    retranslate();
}

void TablesPanel::retranslate() {
    m_search->setPlaceholderText(tr("Search: id, name, leader, unit, village"));
    m_search->setToolTip(tr("Search the tables (Ctrl+F)"));
    m_tabs->setTabText(0, tr("Projects"));
    m_tabs->setTabText(1, tr("Villages"));
    m_type->setToolTip(tr("Filter by project type"));
    m_status->setToolTip(tr("Filter by status as of the day"));
    m_stage->setToolTip(tr("Filter by stage"));
    m_township->setToolTip(tr("Filter by township"));
    m_leader->setToolTip(tr("Filter by leader"));
    m_project_model->retranslate();
    m_village_model->retranslate();
    fill_choices();
    update_count();
}

void TablesPanel::fill_choices() {
    const MapFilter filter = filter_from_boxes();
    // Filling the boxes is not choosing in them: no filter_changed.
    const QSignalBlocker blocks[] = {QSignalBlocker(m_type), QSignalBlocker(m_status),
                                     QSignalBlocker(m_stage), QSignalBlocker(m_township),
                                     QSignalBlocker(m_leader)};
    for (QComboBox* box : {m_type, m_status, m_stage, m_township, m_leader}) {
        box->clear();
    }
    m_type->addItem(tr("All types"));
    fill_terms<core::ProjectType>(m_type);
    m_status->addItem(tr("All statuses"));
    fill_terms<core::ScheduleStatus>(m_status);
    m_stage->addItem(tr("All stages"));
    fill_terms<core::Stage>(m_stage);
    m_township->addItem(tr("All townships"));
    m_leader->addItem(tr("All leaders"));
    if (m_portfolio != nullptr) {
        for (const core::AdminUnit& unit : m_portfolio->admin_units()) {
            if (unit.level == core::AdminLevel::township) {
                m_township->addItem(qs(unit.name), qs(unit.code));
            }
        }
        std::set<std::string> leaders;
        for (const core::Project& project : m_portfolio->projects()) {
            if (!project.leader.empty()) {
                leaders.insert(project.leader);
            }
        }
        for (const std::string& leader : leaders) {
            m_leader->addItem(qs(leader), qs(leader));
        }
    }
    set_filter(filter);
}

MapFilter TablesPanel::filter_from_boxes() const {
    MapFilter filter;
    filter.type = chosen<core::ProjectType>(m_type);
    filter.status = chosen<core::ScheduleStatus>(m_status);
    filter.stage = chosen<core::Stage>(m_stage);
    if (m_township->currentIndex() > 0) {
        filter.township_code = m_township->currentData().toString().toStdString();
    }
    if (m_leader->currentIndex() > 0) {
        filter.leader = m_leader->currentData().toString().toStdString();
    }
    filter.unit = m_project_proxy->filter().unit; // set by the roll-ups only
    return filter;
}

void TablesPanel::set_filter(const MapFilter& filter) {
    choose(m_type, filter.type ? QVariant(static_cast<int>(*filter.type)) : QVariant());
    choose(m_status, filter.status ? QVariant(static_cast<int>(*filter.status)) : QVariant());
    choose(m_stage, filter.stage ? QVariant(static_cast<int>(*filter.stage)) : QVariant());
    choose(m_township,
           filter.township_code.empty() ? QVariant() : QVariant(qs(filter.township_code)));
    choose(m_leader, filter.leader.empty() ? QVariant() : QVariant(qs(filter.leader)));
    m_project_proxy->set_filter(filter);
    m_village_proxy->set_township(filter.township_code);
    update_count();
}

void TablesPanel::set_portfolio(const core::Portfolio* portfolio) {
    m_portfolio = portfolio;
    m_project_model->set_portfolio(portfolio);
    m_village_model->set_portfolio(portfolio);
    fill_choices();
    // The engine keeps projects by id and villages by code: the rows come sorted, and the
    // header only has to say so (sorting 140,000 rows again costs half a second).
    for (auto [view, proxy] :
         {std::pair<QTableView*, QSortFilterProxyModel*>{m_projects, m_project_proxy},
          std::pair<QTableView*, QSortFilterProxyModel*>{m_villages, m_village_proxy}}) {
        proxy->sort(-1);
        const QSignalBlocker block(view->horizontalHeader());
        view->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder);
    }
}

void TablesPanel::set_snapshot(std::shared_ptr<const Snapshot> snapshot) {
    const bool first = m_project_model->snapshot() == nullptr;
    m_project_model->set_snapshot(snapshot);
    m_village_model->set_snapshot(std::move(snapshot));
    if (m_project_proxy->filter().status) {
        m_project_proxy->invalidate(); // the status of each project may have changed
    }
    if (first) {
        // The day's columns have their words now (Qt measures the first thousand rows).
        for (QTableView* view : {m_projects, m_villages}) {
            view->resizeColumnsToContents();
            // The last column fills what is left of the width again at once, as it does at
            // the view's next resize: else the table looks one way or the other depending on
            // whether the first snapshot came before or after the window's layout.
            view->horizontalHeader()->setStretchLastSection(false);
            view->horizontalHeader()->setStretchLastSection(true);
        }
    }
    update_count();
}

void TablesPanel::select_projects(const std::set<std::string>& ids) {
    m_selecting = true;
    QItemSelection selection;
    QModelIndex first;
    for (const std::string& id : ids) {
        const int row = m_project_model->row_of(id);
        if (row < 0) {
            continue;
        }
        const QModelIndex index = m_project_proxy->mapFromSource(m_project_model->index(row, 0));
        if (index.isValid()) {
            selection.select(index, index.siblingAtColumn(ProjectTableModel::column_count - 1));
            first = first.isValid() ? first : index;
        }
    }
    m_projects->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect |
                                                        QItemSelectionModel::Rows);
    if (first.isValid()) {
        m_projects->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_projects->scrollTo(first);
        m_tabs->setCurrentWidget(m_projects);
    }
    m_selecting = false;
}

void TablesPanel::select_village(const std::string& code) {
    const int row = m_village_model->row_of(code);
    if (row < 0) {
        return;
    }
    m_selecting = true;
    const QModelIndex index = m_village_proxy->mapFromSource(m_village_model->index(row, 0));
    if (index.isValid()) {
        m_villages->selectRow(index.row());
        m_villages->scrollTo(index);
        m_tabs->setCurrentWidget(m_villages);
    }
    m_selecting = false;
}

QTableView* TablesPanel::current_view() const {
    return m_tabs->currentWidget() == m_villages ? m_villages : m_projects;
}

void TablesPanel::update_count() {
    m_count->setText(
        tr("%1 of %2 projects").arg(m_project_proxy->rowCount()).arg(m_project_model->rowCount()));
}

} // namespace xj::viewer
