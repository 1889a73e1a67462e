// The viewer on the demo county, driven as a user drives it: clicks on the map and on the
// tables, the date bar's buttons, the filter boxes. Each test waits for the real renders and
// checks what the widgets, the map's pixels and the engine say.

#include "date_bar.h"
#include "identify_panel.h"
#include "layers_panel.h"
#include "milestone_timeline.h"
#include "project_session.h"
#include "rollup_panel.h"
#include "tables_panel.h"
#include "viewer_fixture.h"
#include "xiangjian/core/rollup.h"
#include "xiangjian/core/village_exit.h"
#include "xiangjian/import/photo_import.h"
#include "xiangjian/render/theme_data.h"
#include "xiangjian/store/open_project.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPainterPath>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QWheelEvent>
#include <cmath>
#include <gdal_priv.h>
#include <map>
#include <set>

using namespace xj;
using viewer::MainWindow;

namespace {

QColor qt_colour(const render::Colour& colour) {
    return QColor(colour.r, colour.g, colour.b);
}

/// An interior point of a village (device pixels): the centre of the largest ring's box when
/// inside, else a scan of the box for one.
std::optional<QPointF> inside_village(const MainWindow& window, std::size_t index) {
    const render::MapLayers& layers = window.session()->layers();
    const auto& shape = layers.villages.shape(index);
    QPainterPath path;
    for (const auto& part : layers.villages.parts(shape)) {
        const auto xy = layers.villages.points(part);
        QPolygonF ring;
        for (std::size_t k = 0; k < xy.count(); ++k) {
            ring << window.canvas()->device_point(xy.x(k), xy.y(k));
        }
        path.addPolygon(ring);
    }
    const QRectF box = path.boundingRect();
    if (box.width() < 16 || box.height() < 16) {
        return std::nullopt;
    }
    for (int step = 0; step < 9; ++step) {
        for (int row = 1; row < 8; ++row) {
            const QPointF at(box.left() + box.width() * (0.2 + 0.075 * step),
                             box.top() + box.height() * row / 8.0);
            // Away from the outline: the fill there is the village's own.
            if (path.contains(at) && path.contains(at + QPointF(4, 0)) &&
                path.contains(at - QPointF(4, 0)) && path.contains(at + QPointF(0, 4)) &&
                path.contains(at - QPointF(0, 4))) {
                return at;
            }
        }
    }
    return std::nullopt;
}

} // namespace

class TestViewerMap : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        xj::test::demo_project();
    }

    void clickOnASiteOpensItsPanel() {
        auto window = xj::test::open_demo();
        QVERIFY(xj::test::wait_settled(*window));
        const std::string id = xj::test::isolated_point_project(*window, 22);
        QVERIFY2(!id.empty(), "the demo has a point site standing apart");
        const QPointF at = xj::test::site_point(*window, id);
        QTest::mouseClick(window->canvas(), Qt::LeftButton, {}, at.toPoint());
        QTRY_COMPARE(window->identify()->project_id(), id);

        const core::Portfolio& portfolio = window->session()->portfolio();
        const std::size_t index = *portfolio.find(id);
        QCOMPARE(window->identify()->title()->text(),
                 QString::fromStdString(portfolio.projects()[index].name));
        const auto& shown = window->identify()->timeline()->milestones();
        const auto milestones = portfolio.milestones(index);
        QCOMPARE(shown.size(), milestones.size());
        for (std::size_t i = 0; i < shown.size(); ++i) {
            QCOMPARE(shown[i].name, QString::fromStdString(milestones[i].name));
            QCOMPARE(shown[i].planned, milestones[i].planned_date);
        }
        QVERIFY(window->identify()->timeline()->isVisible());
        // The row is selected too, and the site is drawn highlighted.
        const auto rows = window->tables()->project_view()->selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.front().data(viewer::ProjectTableModel::id_role).toString().toStdString(),
                 id);
        QCOMPARE(window->canvas()->selection(), std::set<std::string>{id});
    }

    void movingTheDateChangesColoursRollupsAndTable() {
        auto window = xj::test::open_demo();
        QVERIFY(xj::test::wait_settled(*window));
        // Only the villages on the map, as a user who unticks the other layers sees it: the
        // colours checked below are then not under a label, a road or a boundary.
        QListWidget* list = window->layers_panel()->layer_list();
        for (int row = 0; row < list->count(); ++row) {
            if (list->item(row)->text() != QStringLiteral("村")) {
                list->item(row)->setCheckState(Qt::Unchecked);
            }
        }
        QCOMPARE(std::count_if(window->canvas()->layers().begin(), window->canvas()->layers().end(),
                               [](const viewer::LayerState& state) { return state.visible; }),
                 1);
        QVERIFY(xj::test::wait_settled(*window));
        const core::Date before = window->as_of();
        const QImage map_before = window->canvas()->composed();
        // Ten weeks back with the date bar's back button.
        QToolButton* back = window->date_bar()->back_button();
        for (int i = 0; i < 10; ++i) {
            QTest::mouseClick(back, Qt::LeftButton);
        }
        const core::Date after = before.plus_days(-70);
        QCOMPARE(window->date_bar()->date(), after);
        QVERIFY(xj::test::wait_settled(*window));
        QCOMPARE(window->snapshot()->as_of, after);

        // The table says what the engine says for that day.
        const core::Portfolio& portfolio = window->session()->portfolio();
        const core::Evaluation evaluation = portfolio.evaluate(after);
        const QAbstractItemModel* table = window->tables()->project_view()->model();
        int differ = 0;
        for (int row = 0; row < table->rowCount(); ++row) {
            const std::string id = table->index(row, 0)
                                       .data(viewer::ProjectTableModel::id_role)
                                       .toString()
                                       .toStdString();
            const auto& status = evaluation.projects[*portfolio.find(id)];
            QCOMPARE(table->index(row, viewer::ProjectTableModel::percent).data().toString(),
                     QString::number(status.percent_done, 'f', 1));
            differ += window->snapshot()->evaluation.projects[*portfolio.find(id)].percent_done !=
                              portfolio.evaluate(*portfolio.find(id), before).percent_done
                          ? 1
                          : 0;
        }
        QVERIFY2(differ > 0, "ten weeks earlier some project had less done");

        // The roll-ups too (by township, the panel's default).
        const auto rows = core::rollup(portfolio, evaluation, core::RollupBy::township);
        const viewer::RollupModel* rollups = window->rollups()->model();
        QCOMPARE(rollups->rowCount(), static_cast<int>(rows.size()));
        for (int i = 0; i < rollups->rowCount(); ++i) {
            QCOMPARE(rollups->index(i, 0).data().toString(), QString::fromStdString(rows[i].label));
            QCOMPARE(rollups->index(i, 1).data().toInt(), rows[i].projects);
            QCOMPARE(rollups->row(i)->mean_percent, rows[i].mean_percent);
        }

        // The village table too: each village's row is its row of the engine's roll-up by
        // village, or empty when no project serves it.
        std::map<std::string, const core::RollupRow*> by_village;
        const auto village_rows = core::rollup(portfolio, evaluation, core::RollupBy::village);
        for (const core::RollupRow& row : village_rows) {
            by_village[row.key] = &row;
        }
        const QAbstractItemModel* villages = window->tables()->village_view()->model();
        QCOMPARE(villages->rowCount(),
                 static_cast<int>(window->session()->layers().village_units.size()));
        int with_projects = 0;
        for (int row = 0; row < villages->rowCount(); ++row) {
            const std::string code = villages->index(row, 0)
                                         .data(viewer::VillageTableModel::code_role)
                                         .toString()
                                         .toStdString();
            const auto found = by_village.find(code);
            const QString mean =
                villages->index(row, viewer::VillageTableModel::mean).data().toString();
            if (found == by_village.end()) {
                QCOMPARE(villages->index(row, viewer::VillageTableModel::projects).data().toInt(),
                         0);
                QVERIFY(mean.isEmpty());
                continue;
            }
            ++with_projects;
            QCOMPARE(villages->index(row, viewer::VillageTableModel::projects).data().toInt(),
                     found->second->projects);
            QCOMPARE(mean, QString::number(found->second->mean_percent, 'f', 1));
        }
        QCOMPARE(with_projects, static_cast<int>(village_rows.size()));

        // And the villages wear the engine's colours of that day.
        const render::ThemeData then =
            render::theme_data(portfolio, evaluation, render::Theme::progress);
        const render::ThemeData now =
            render::theme_data(portfolio, portfolio.evaluate(before), render::Theme::progress);
        const QImage map_after = window->canvas()->composed();
        QVERIFY(map_after != map_before);
        const render::MapLayers& layers = window->session()->layers();
        int changed = 0, matching = 0;
        for (std::size_t i = 0; i < layers.village_units.size(); ++i) {
            const std::string& code = layers.village_units[i].code;
            const auto fill = [&](const render::ThemeData& data) {
                const auto found = data.village_fill.find(code);
                return found != data.village_fill.end() ? found->second : data.default_village_fill;
            };
            if (fill(then) == fill(now)) {
                continue;
            }
            const auto at = inside_village(*window, i);
            if (!at) {
                continue;
            }
            ++changed;
            const QPointF pixel = *at * map_after.devicePixelRatio();
            matching += map_after.pixelColor(pixel.toPoint()) == qt_colour(fill(then)) ? 1 : 0;
        }
        QVERIFY2(changed >= 3, "the progress of several villages changed in ten weeks");
        QVERIFY2(matching * 100 >= changed * 95,
                 qPrintable(QStringLiteral("%1 of %2 changed villages show the engine's colour")
                                .arg(matching)
                                .arg(changed)));
    }

    void eachGroupingOfTheRollupsIsTheEnginesOnEveryDay() {
        auto window = xj::test::open_demo();
        QVERIFY(xj::test::wait_settled(*window));
        const core::Portfolio& portfolio = window->session()->portfolio();
        QComboBox* by_box = window->rollups()->by_box();
        const viewer::RollupModel* model = window->rollups()->model();
        const auto shows_the_engines = [&](core::RollupBy by, core::Date day) {
            const auto rows = core::rollup(portfolio, portfolio.evaluate(day), by);
            QCOMPARE(model->by(), by);
            QCOMPARE(model->rowCount(), static_cast<int>(rows.size()));
            for (int i = 0; i < model->rowCount(); ++i) {
                QCOMPARE(model->row(i)->key, rows[i].key);
                QCOMPARE(model->row(i)->projects, rows[i].projects);
                QCOMPARE(model->row(i)->mean_percent, rows[i].mean_percent);
            }
        };
        // Down the box with the keyboard: township, type, leader, responsible unit.
        by_box->setFocus();
        for (const core::RollupBy by :
             {core::RollupBy::type, core::RollupBy::leader, core::RollupBy::unit}) {
            QTest::keyClick(by_box, Qt::Key_Down);
            shows_the_engines(by, window->as_of());
        }
        // A day ten weeks back: the grouping chosen stays, with that day's figures.
        QToolButton* back = window->date_bar()->back_button();
        for (int i = 0; i < 10; ++i) {
            QTest::mouseClick(back, Qt::LeftButton);
        }
        QVERIFY(xj::test::wait_settled(*window));
        const core::Date day = window->as_of();
        QCOMPARE(window->snapshot()->as_of, day);
        shows_the_engines(core::RollupBy::unit, day);
        // Back to the township: the panel's first grouping, for the same day.
        QTest::keyClick(by_box, Qt::Key_Home);
        shows_the_engines(core::RollupBy::township, day);
    }

    void rowAndMapSelectionFollowEachOther() {
        auto window = xj::test::open_demo();
        QVERIFY(xj::test::wait_settled(*window));
        QTableView* view = window->tables()->project_view();
        const std::string first = xj::test::isolated_point_project(*window, 22);
        QVERIFY(!first.empty());
        // Click the project's row: its site is selected and drawn highlighted.
        const int source_row = static_cast<int>(*window->session()->portfolio().find(first));
        const QModelIndex index = window->tables()->project_proxy()->mapFromSource(
            window->tables()->project_proxy()->sourceModel()->index(source_row, 1));
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
        QTRY_COMPARE(window->canvas()->selection(), std::set<std::string>{first});
        QCOMPARE(window->identify()->project_id(), first);
        const QImage map = window->canvas()->composed();
        const QPointF at = xj::test::site_point(*window, first) * map.devicePixelRatio();
        int highlighted = 0;
        for (int dx = -14; dx <= 14; ++dx) {
            for (int dy = -14; dy <= 14; ++dy) {
                const QColor c = map.pixelColor(at.toPoint() + QPoint(dx, dy));
                highlighted += c.red() < 40 && c.green() > 180 && c.blue() > 230 ? 1 : 0;
            }
        }
        QVERIFY2(highlighted > 20, "a highlight ring is drawn around the selected site");

        // Click another site on the map: its row is selected.
        const std::string second = xj::test::isolated_point_project(*window, 22, first);
        QVERIFY(!second.empty());
        QTest::mouseClick(window->canvas(), Qt::LeftButton, {},
                          xj::test::site_point(*window, second).toPoint());
        QTRY_COMPARE(window->canvas()->selection(), std::set<std::string>{second});
        const auto rows = view->selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.front().data(viewer::ProjectTableModel::id_role).toString().toStdString(),
                 second);
    }

    void townshipFilterKeepsTableAndMapTogether() {
        auto window = xj::test::open_demo();
        window->set_theme(render::Theme::status);
        QVERIFY(xj::test::wait_settled(*window));
        QComboBox* township = window->tables()->township_box();
        township->setFocus();
        QTest::keyClick(township, Qt::Key_Down); // the first township
        const std::string code = township->currentData().toString().toStdString();
        QVERIFY(!code.empty());
        QCOMPARE(window->filter().township_code, code);
        QVERIFY(xj::test::wait_settled(*window));

        const core::Portfolio& portfolio = window->session()->portfolio();
        std::set<std::string> in_township, in_table, on_map;
        for (const core::Project& project : portfolio.projects()) {
            if (project.township_code == code) {
                in_township.insert(project.id);
            }
        }
        QVERIFY(!in_township.empty());
        const QAbstractItemModel* table = window->tables()->project_view()->model();
        for (int row = 0; row < table->rowCount(); ++row) {
            in_table.insert(table->index(row, 0)
                                .data(viewer::ProjectTableModel::id_role)
                                .toString()
                                .toStdString());
        }
        // On the map: the projects still in their status colours (the others are faded).
        const render::ThemeData full =
            render::theme_data(portfolio, window->snapshot()->evaluation, render::Theme::status);
        const auto& shown = window->snapshot()->theme_data.projects;
        QCOMPARE(shown.size(), full.projects.size());
        for (std::size_t i = 0; i < shown.size(); ++i) {
            if (shown[i].colour == full.projects[i].colour) {
                on_map.insert(portfolio.projects()[i].id);
            }
        }
        QCOMPARE(in_table, in_township);
        QCOMPARE(on_map, in_township);
        // The legend counts the township's projects only.
        int counted = 0;
        for (const render::LegendItem& item : window->canvas()->legend()) {
            counted +=
                item.kind == render::LegendItem::Kind::marker && item.type < 0 ? item.count : 0;
        }
        QVERIFY(counted > 0);
        QVERIFY(counted <= static_cast<int>(in_township.size()));
    }

    void theTownshipMenuZoomsToTheTownshipChosen() {
        auto window = xj::test::open_demo();
        QVERIFY(xj::test::wait_settled(*window));
        // View → Zoom to township: the one submenu of the menu bar's View menu.
        QMenu* view_menu = nullptr;
        QMenu* townships = nullptr;
        for (QAction* entry : window->menuBar()->actions()) {
            for (QAction* item : entry->menu() ? entry->menu()->actions() : QList<QAction*>{}) {
                if (item->menu() != nullptr) {
                    view_menu = entry->menu();
                    townships = item->menu();
                }
            }
        }
        QVERIFY(townships != nullptr);
        QMenuBar* bar = window->menuBar();
        QTest::mouseClick(bar, Qt::LeftButton, {},
                          bar->actionGeometry(view_menu->menuAction()).center());
        QTRY_VERIFY(view_menu->isVisible());
        QTest::mouseClick(view_menu, Qt::LeftButton, {},
                          view_menu->actionGeometry(townships->menuAction()).center());
        QTRY_VERIFY(townships->isVisible());
        // Filled as it opened: the project's townships, in the engine's order.
        const render::MapLayers& layers = window->session()->layers();
        QStringList expected;
        for (const core::AdminUnit& unit : window->session()->portfolio().admin_units()) {
            if (unit.level == core::AdminLevel::township) {
                expected << QString::fromStdString(unit.name);
            }
        }
        QStringList shown;
        for (const QAction* action : townships->actions()) {
            shown << action->text();
        }
        QVERIFY(expected.size() >= 2);
        QCOMPARE(shown, expected);

        const int pick = 1;
        std::size_t shape = layers.township_units.size();
        for (std::size_t i = 0; i < layers.township_units.size(); ++i) {
            if (QString::fromStdString(layers.township_units[i].name) == expected[pick]) {
                shape = i;
            }
        }
        QVERIFY(shape < layers.township_units.size());
        const double county_mpp = window->canvas()->view().metres_per_pixel();
        QTest::mouseClick(townships, Qt::LeftButton, {},
                          townships->actionGeometry(townships->actions()[pick]).center());
        QVERIFY(xj::test::wait_settled(*window));
        // The township fills the canvas: its box is in view, and spans most of it one way.
        QVERIFY(window->canvas()->view().metres_per_pixel() < county_mpp / 1.5);
        const render::Box box = layers.townships.shape(shape).box;
        const QPointF low = window->canvas()->device_point(box.min_x, box.min_y);
        const QPointF high = window->canvas()->device_point(box.max_x, box.max_y);
        const QRectF township = QRectF(low, high).normalized();
        const qreal ratio = window->canvas()->devicePixelRatioF();
        const QRectF canvas(0, 0, window->canvas()->width() * ratio,
                            window->canvas()->height() * ratio);
        QVERIFY(canvas.adjusted(-2, -2, 2, 2).contains(township));
        QVERIFY(township.width() > canvas.width() / 2 || township.height() > canvas.height() / 2);
    }

    void dragPansAndWheelZoomsReusingTheLastImage() {
        auto window = xj::test::open_demo();
        QVERIFY(xj::test::wait_settled(*window));
        viewer::MapCanvas* canvas = window->canvas();
        const render::MapView start = canvas->view();
        const double mpp = start.metres_per_pixel();
        const QPoint from(canvas->width() / 2, canvas->height() / 2);
        const QPoint by(120, -80);
        const QImage before = canvas->composed();

        // The cursor's position, in lon/lat and Gauss–Krüger metres, is in the status bar.
        QTest::mouseMove(canvas, from);
        QTRY_VERIFY(window->coordinates()->text().contains(QStringLiteral("°")));
        QVERIFY(window->coordinates()->text().contains(QStringLiteral("米")));

        // Drag: while the button is down the last image moves with the mouse; nothing is drawn.
        QTest::mousePress(canvas, Qt::LeftButton, {}, from);
        QTest::mouseMove(canvas, from + by / 2);
        QTest::mouseMove(canvas, from + by);
        QCOMPARE(canvas->view().box.min_x, start.box.min_x - by.x() * mpp);
        QCOMPARE(canvas->view().box.max_y, start.box.max_y + by.y() * mpp);
        QVERIFY(!canvas->settled());
        const QImage moved = canvas->composed();
        // A pixel well inside both frames is the one that was `by` away before the drag.
        int same = 0, compared = 0;
        for (int x = 200; x < canvas->width() - 200; x += 37) {
            for (int y = 150; y < canvas->height() - 150; y += 29) {
                ++compared;
                same += moved.pixel(x + by.x(), y + by.y()) == before.pixel(x, y) ? 1 : 0;
            }
        }
        QVERIFY2(same * 10 >= compared * 9,
                 qPrintable(QStringLiteral("%1 of %2").arg(same).arg(compared)));
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, from + by);
        QVERIFY(xj::test::wait_settled(*window));
        QVERIFY(canvas->composed() != moved); // drawn anew for the new view: the edges filled

        // The wheel zooms about the cursor: the point under it stays put.
        const QPointF anchor(300, 200);
        const QPointF map_before = canvas->view().to_map(anchor);
        QWheelEvent wheel(anchor, canvas->mapToGlobal(anchor), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(canvas, &wheel);
        QVERIFY(std::abs(canvas->view().metres_per_pixel() - mpp / 1.25) < 1e-6 * mpp);
        const QPointF map_after = canvas->view().to_map(anchor);
        QVERIFY(std::abs(map_after.x() - map_before.x()) < 1e-6 * mpp);
        QVERIFY(std::abs(map_after.y() - map_before.y()) < 1e-6 * mpp);
        QVERIFY(xj::test::wait_settled(*window));

        // Keys: minus zooms out, Home shows the county again.
        canvas->setFocus();
        QTest::keyClick(canvas, Qt::Key_Minus);
        QVERIFY(canvas->view().metres_per_pixel() > mpp / 1.25);
        QTest::keyClick(canvas, Qt::Key_Home);
        const render::MapView county = render::MapView::fit(window->session()->display_extent(),
                                                            canvas->width(), canvas->height());
        QCOMPARE(canvas->view().metres_per_pixel(), county.metres_per_pixel());
        QVERIFY(xj::test::wait_settled(*window));
    }

    void aRollupRowFiltersTheMapAndTheTables() {
        auto window = xj::test::open_demo();
        QVERIFY(xj::test::wait_settled(*window));
        QTableView* rollups = window->rollups()->view();
        const QModelIndex first = rollups->model()->index(0, 0);
        QVERIFY(window->rollups()->model()->row(0) != nullptr);
        // A copy: the row belongs to the day's snapshot, which the click replaces.
        const core::RollupRow chosen = *window->rollups()->model()->row(0);
        const core::RollupRow* row = &chosen;
        rollups->scrollTo(first);
        QTest::mouseClick(rollups->viewport(), Qt::LeftButton, {},
                          rollups->visualRect(first).center());
        QCOMPARE(window->filter().township_code, row->key);
        QCOMPARE(window->tables()->township_box()->currentData().toString().toStdString(),
                 row->key);
        QVERIFY(xj::test::wait_settled(*window));
        QCOMPARE(window->tables()->project_view()->model()->rowCount(), row->projects);
        QCOMPARE(window->snapshot()->passing(), row->projects);
        // The map went to the township.
        const render::Box township = window->session()->renderer().township_extent(row->key);
        const render::Box shown = window->canvas()->view().box;
        QVERIFY(shown.min_x <= township.min_x && shown.max_x >= township.max_x);
        QVERIFY(shown.width() < window->session()->display_extent().width());
    }

    void theDateBarStepsPlaysAndKeepsTheDayWhenTheStepChanges() {
        auto window = xj::test::open_demo();
        QVERIFY(xj::test::wait_settled(*window));
        viewer::DateBar* bar = window->date_bar();
        const core::Date day = bar->date();
        // Months: the step changes, the day does not.
        bar->step_box()->setFocus();
        QTest::keyClick(bar->step_box(), Qt::Key_Down);
        QCOMPARE(bar->step_box()->currentData().toInt(), 30);
        QCOMPARE(bar->date(), day);
        QTest::mouseClick(bar->back_button(), Qt::LeftButton);
        QCOMPARE(bar->date(), core::Date(day.year(), day.month() - 1, day.day()));
        // Typing a day in the date field, as county tables write it; a word that is not a day
        // is refused where it was typed and changes nothing.
        QLineEdit* field = bar->date_edit();
        QTest::mouseClick(field, Qt::LeftButton);
        field->selectAll();
        QTest::keyClicks(field, QStringLiteral("2018/6/1x"));
        QTest::keyClick(field, Qt::Key_Enter);
        QCOMPARE(bar->date(), core::Date(day.year(), day.month() - 1, day.day()));
        QVERIFY(field->toolTip().contains(QStringLiteral("2018/6/1x")));
        field->selectAll();
        QTest::keyClicks(field, QStringLiteral("2018/6/15"));
        QTest::keyClick(field, Qt::Key_Enter);
        QTRY_COMPARE(bar->date(), core::Date(2018, 6, 15));
        QCOMPARE(field->text(), QStringLiteral("2018-06-15"));
        QVERIFY(xj::test::wait_settled(*window));
        QCOMPARE(window->snapshot()->as_of, core::Date(2018, 6, 15));
        // Play steps on by itself, and the map follows each step.
        QTest::mouseClick(bar->play_button(), Qt::LeftButton);
        QVERIFY(bar->playing());
        QTRY_VERIFY_WITH_TIMEOUT(bar->date() > core::Date(2018, 8, 1), 10000);
        QTest::mouseClick(bar->play_button(), Qt::LeftButton);
        QVERIFY(!bar->playing());
        QVERIFY(xj::test::wait_settled(*window));
        QCOMPARE(window->snapshot()->as_of, bar->date());
        // The slider's ticks are the days with records.
        QCOMPARE(bar->slider()->minimum(), window->session()->first_day().days_since_epoch());
    }

    void clickOnAVillageShowsItsIndicatorsAndProjects() {
        auto window = xj::test::open_demo();
        QVERIFY(xj::test::wait_settled(*window));
        const core::Portfolio& portfolio = window->session()->portfolio();
        const render::MapLayers& layers = window->session()->layers();
        // A village with projects, clicked where no site is.
        std::string code;
        QPointF at;
        for (std::size_t i = 0; i < layers.village_units.size() && code.empty(); ++i) {
            if (portfolio.projects_in_village(layers.village_units[i].code).empty()) {
                continue;
            }
            const auto inside = inside_village(*window, i);
            if (inside && window->canvas()->hit(*inside).kind == viewer::MapHit::Kind::village) {
                code = layers.village_units[i].code;
                at = *inside;
            }
        }
        QVERIFY2(!code.empty(), "a village with projects can be clicked apart from its sites");
        QTest::mouseClick(window->canvas(), Qt::LeftButton, {}, at.toPoint());
        QTRY_COMPARE(window->identify()->village_code(), code);
        QCOMPARE(window->identify()->title()->text(),
                 QString::fromStdString(portfolio.admin_unit(code)->name));
        QTreeWidget* projects = window->identify()->village_projects();
        const auto expected = portfolio.projects_in_village(code);
        QCOMPARE(projects->topLevelItemCount(), static_cast<int>(expected.size()));
        QCOMPARE(projects->topLevelItem(0)->text(0),
                 QString::fromStdString(portfolio.projects()[expected[0]].id));
        const auto exits = core::village_exit(portfolio, window->snapshot()->evaluation);
        const auto exit = std::find_if(exits.begin(), exits.end(), [&](const core::VillageExit& v) {
            return v.village_code == code;
        });
        QVERIFY(exit != exits.end());
        QCOMPARE(window->identify()->indicators()->topLevelItemCount(),
                 static_cast<int>(exit->indicators.size()));
        // The village's row is selected in the village table.
        const auto rows = window->tables()->village_view()->selectionModel()->selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.front().data(viewer::VillageTableModel::code_role).toString().toStdString(),
                 code);
        // Its projects' list leads on: a click selects the project.
        QTest::mouseClick(projects->viewport(), Qt::LeftButton, {},
                          projects->visualItemRect(projects->topLevelItem(0)).center());
        QTRY_COMPARE(window->identify()->project_id(), projects->topLevelItem(0)
                                                           ? portfolio.projects()[expected[0]].id
                                                           : std::string{});
    }

    void aNewDayRedrawsOnlyTheLayersItRecolours() {
        auto window = xj::test::open_demo();
        QVERIFY(xj::test::wait_settled(*window));
        std::vector<viewer::CanvasLayer> drawn;
        connect(&window->worker(), &viewer::RenderWorker::layer_rendered, this,
                [&](const viewer::RenderedLayer& layer) { drawn.push_back(layer.layer); });
        // A week back: the villages' progress changes; boundaries, labels and (in the progress
        // theme, where sites wear one quiet colour) the sites do not.
        QTest::mouseClick(window->date_bar()->back_button(), Qt::LeftButton);
        QVERIFY(xj::test::wait_settled(*window));
        const std::set<viewer::CanvasLayer> redrawn(drawn.begin(), drawn.end());
        QCOMPARE(redrawn, std::set<viewer::CanvasLayer>{viewer::CanvasLayer::villages});
        // The status theme colours the sites by the day: they are redrawn on a step, the
        // boundaries still not.
        window->set_theme(render::Theme::status);
        QVERIFY(xj::test::wait_settled(*window));
        drawn.clear();
        for (int i = 0; i < 8; ++i) {
            QTest::mouseClick(window->date_bar()->back_button(), Qt::LeftButton);
        }
        QVERIFY(xj::test::wait_settled(*window));
        const std::set<viewer::CanvasLayer> after(drawn.begin(), drawn.end());
        QVERIFY(after.contains(viewer::CanvasLayer::points));
        QVERIFY(!after.contains(viewer::CanvasLayer::boundaries));
        QVERIFY(!after.contains(viewer::CanvasLayer::labels));
        // A pan redraws every layer for the new view.
        drawn.clear();
        window->canvas()->pan_by({50, 0});
        QVERIFY(xj::test::wait_settled(*window));
        const std::set<viewer::CanvasLayer> panned(drawn.begin(), drawn.end());
        QVERIFY(panned.contains(viewer::CanvasLayer::boundaries));
        QVERIFY(panned.contains(viewer::CanvasLayer::villages));
    }

    void aProjectWithSitesInTwoLayersCountsOnceInTheLegend() {
        // A copy of the demo in which a road gets a point site too (a bridge on it): the road
        // shows in the lines layer and in the points layer, drawn apart.
        const QString folder = xj::test::scratch_dir() + QStringLiteral("/two-layers");
        QDir().mkpath(folder);
        const QString project = folder + QStringLiteral("/ruyang.gpkg");
        QFile::remove(project);
        QVERIFY(QFile::copy(xj::test::demo_project(), project));
        std::string road;
        {
            auto store = store::open_project(project.toStdString(), store::Access::update);
            for (const core::Project& candidate : store->projects()) {
                for (const auto& site : store->sites(std::vector<std::string>{candidate.id})) {
                    if (road.empty() &&
                        site.geometry.type() == store::GeometryType::multi_line_string) {
                        road = candidate.id;
                        const store::Box box = site.geometry.box();
                        store->add_site({road, "桥",
                                         store::Geometry::point((box.min_x + box.max_x) / 2,
                                                                (box.min_y + box.max_y) / 2)});
                    }
                }
            }
        }
        QVERIFY2(!road.empty(), "the demo has a road drawn as a line");
        viewer::MainWindow window(viewer::UiLanguage::zh, false);
        window.resize(1400, 900);
        window.show();
        window.open_project_now(project);
        window.set_theme(render::Theme::status);
        QVERIFY(xj::test::wait_settled(window));
        // The whole county is in view: each project with a site counts once, in its status.
        std::set<std::string> with_sites;
        const render::MapLayers& layers = window.session()->layers();
        for (const auto* sites : {&layers.point_sites, &layers.line_sites, &layers.polygon_sites}) {
            for (const render::MapSite& site : *sites) {
                with_sites.insert(site.project_id);
            }
        }
        QVERIFY(with_sites.contains(road));
        int counted = 0;
        for (const render::LegendItem& item : window.canvas()->legend()) {
            if (item.kind == render::LegendItem::Kind::marker && item.type < 0) {
                counted += item.count;
            }
        }
        QCOMPARE(counted, static_cast<int>(with_sites.size()));
    }

    void photosShowAsThumbnailsThatOpenFullSize() {
        // A copy of the demo with one site photo of RY2018-003, imported as `import photos`
        // does, from the photos/ folder beside the project.
        const QString folder = xj::test::scratch_dir() + QStringLiteral("/with-photos");
        QDir().mkpath(folder + QStringLiteral("/photos/RY2018-003"));
        const QString project = folder + QStringLiteral("/ruyang.gpkg");
        QFile::remove(project);
        QVERIFY(QFile::copy(xj::test::demo_project(), project));
        {
            auto store = store::open_project(project.toStdString(), store::Access::update);
            const auto sites = store->sites(std::vector<std::string>{"RY2018-003"});
            QVERIFY(!sites.empty());
            const store::Box box = sites.front().geometry.box();
            const QString photo = folder + QStringLiteral("/photos/RY2018-003/site.jpg");
            QVERIFY(xj::test::geotagged_photo(photo, box.min_x, box.min_y, "2018:08:03 10:15:00"));
            import::import_photos(*store, (folder + QStringLiteral("/photos")).toStdString(), {});
        }
        viewer::MainWindow window(viewer::UiLanguage::zh, false);
        window.resize(1400, 900);
        window.show();
        window.open_project_now(project);
        window.select_projects({"RY2018-003"});
        QVERIFY(xj::test::wait_settled(window));
        QListWidget* photos = window.identify()->photos();
        QTRY_VERIFY(photos->isVisible());
        QCOMPARE(photos->count(), 1);
        QCOMPARE(photos->item(0)->text(), QStringLiteral("2018-08-03"));
        QVERIFY(!photos->item(0)->icon().isNull());
        // Double-click: the photo opens full size in a window of its own.
        photos->scrollToItem(photos->item(0));
        const QRect item = photos->visualItemRect(photos->item(0));
        // A double-click as the mouse sends it: a click, then the second press as a double-click.
        QTest::mouseClick(photos->viewport(), Qt::LeftButton, {}, item.center());
        QTest::mouseDClick(photos->viewport(), Qt::LeftButton, {}, item.center());
        const auto open_photo = [&]() -> QDialog* {
            for (QDialog* dialog : window.findChildren<QDialog*>()) {
                if (dialog->isVisible() && dialog->windowTitle() == QStringLiteral("site.jpg")) {
                    return dialog;
                }
            }
            return nullptr;
        };
        QTRY_VERIFY(open_photo() != nullptr);
        QDialog* dialog = open_photo();
        QCOMPARE(dialog->windowTitle(), QStringLiteral("site.jpg"));
        const auto* label = dialog->findChild<QLabel*>();
        QVERIFY(label != nullptr);
        QCOMPARE(label->pixmap().size(), QSize(320, 240));
        dialog->close();
    }
};

QTEST_MAIN(TestViewerMap)
#include "test_viewer_map.moc"
