// The viewer as a program: what it does with a file that is not a project, the switch to
// English, exports from the window, and `--screenshot` for scripts.

#include "date_bar.h"
#include "layers_panel.h"
#include "project_session.h"
#include "project_table_model.h"
#include "review_export.h"
#include "tables_panel.h"
#include "viewer_fixture.h"
#include "village_table_model.h"
#include "xiangjian/core/error.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <gdal.h>
#include <ogrsf_frmts.h>

using namespace xj;
using viewer::MainWindow;

namespace {

/// Clicks the menu bar's entry, then the action in the menu that opens.
void click_menu(MainWindow& window, QMenu* menu, QAction* action) {
    QMenuBar* bar = window.menuBar();
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->actionGeometry(menu->menuAction()).center());
    QTRY_VERIFY(menu->isVisible());
    QTest::mouseClick(menu, Qt::LeftButton, {}, menu->actionGeometry(action).center());
}

QAction* action_named(QMenu* menu, const QString& text) {
    for (QAction* action : menu->actions()) {
        if (action->text() == text) {
            return action;
        }
    }
    return nullptr;
}

/// Clicks a table's header on `column` until it sorts that column ascending.
void sort_by_header(QTableView* view, int column) {
    QHeaderView* header = view->horizontalHeader();
    const QPoint at(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                    header->height() / 2);
    for (int click = 0; click < 3; ++click) {
        if (header->sortIndicatorSection() == column &&
            header->sortIndicatorOrder() == Qt::AscendingOrder) {
            return;
        }
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
    }
}

/// A column's texts as the table shows them, top to bottom.
QStringList column_texts(const QTableView* view, int column) {
    QStringList texts;
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        texts << view->model()->index(row, column).data().toString();
    }
    return texts;
}

/// The same texts in the order QString::localeAwareCompare gives (stable).
QStringList collated(QStringList texts) {
    std::stable_sort(texts.begin(), texts.end(), [](const QString& a, const QString& b) {
        return QString::localeAwareCompare(a, b) < 0;
    });
    return texts;
}

} // namespace

class TestViewerApp : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        xj::test::demo_project();
    }

    void aFileThatIsNotAProjectGivesAnErrorDialog() {
        const QString notes = xj::test::scratch_dir() + QStringLiteral("/notes.gpkg");
        QFile file(notes);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("项目台账，不是 GeoPackage\n");
        file.close();
        // A project written by a newer Xiangjian (a schema version this build does not know).
        const QString newer = xj::test::scratch_dir() + QStringLiteral("/newer.gpkg");
        QFile::remove(newer);
        QVERIFY(QFile::copy(xj::test::demo_project(), newer));
        {
            GDALAllRegister();
            GDALDatasetUniquePtr dataset(GDALDataset::Open(newer.toUtf8().constData(),
                                                           GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr,
                                                           nullptr, nullptr));
            QVERIFY(dataset != nullptr);
            dataset->ExecuteSQL("UPDATE xj_meta SET value = '99' WHERE key = 'schema_version'",
                                nullptr, nullptr);
        }
        MainWindow window(viewer::UiLanguage::zh, false);
        window.resize(1200, 800);
        window.show();
        // The dialog is modal and runs its own event loop: a timer looks for it, reads it and
        // presses OK.
        const auto dialog_for = [&](const QString& path) {
            QString shown;
            QTimer poll;
            poll.setInterval(20);
            connect(&poll, &QTimer::timeout, &window, [&] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                if (box == nullptr) {
                    return;
                }
                poll.stop();
                shown = box->text() + QStringLiteral("\n") + box->informativeText();
                QTest::mouseClick(box->button(QMessageBox::Ok), Qt::LeftButton);
            });
            poll.start();
            window.open_project(path);
            QElapsedTimer waited;
            waited.start();
            while (shown.isEmpty() && waited.elapsed() < 20000) {
                QTest::qWait(20);
            }
            return shown;
        };
        const QString not_a_project = dialog_for(notes);
        QVERIFY2(not_a_project.contains(QStringLiteral("notes.gpkg")), qPrintable(not_a_project));
        QVERIFY2(not_a_project.contains(QStringLiteral("xiangjian init")),
                 qPrintable(not_a_project)); // what to do
        QVERIFY(window.session() == nullptr);
        const QString too_new = dialog_for(newer);
        QVERIFY2(too_new.contains(QStringLiteral("99")), qPrintable(too_new));
        QVERIFY2(too_new.contains(QStringLiteral("更新版本")), qPrintable(too_new));
        QVERIFY(window.session() == nullptr);
        QVERIFY(window.isVisible()); // still there, still usable
        // A real project opens in the same window afterwards.
        window.open_project_now(xj::test::demo_project());
        QVERIFY(xj::test::wait_settled(window));
    }

    void switchingToEnglishTranslatesMenusAndPanels() {
        auto window = xj::test::open_demo(viewer::UiLanguage::zh);
        QVERIFY(xj::test::wait_settled(*window));
        QCOMPARE(window->file_menu()->title(), QStringLiteral("文件(&F)"));
        QCOMPARE(
            window->tables()->project_view()->model()->headerData(1, Qt::Horizontal).toString(),
            QStringLiteral("项目"));
        QMenu* language = nullptr;
        for (QAction* entry : window->menuBar()->actions()) {
            if (entry->menu() != nullptr && entry->text() == QStringLiteral("语言(&L)")) {
                language = entry->menu();
            }
        }
        QVERIFY(language != nullptr);
        click_menu(*window, language, action_named(language, QStringLiteral("English")));
        QTRY_COMPARE(window->file_menu()->title(), QStringLiteral("&File"));
        QCOMPARE(window->language(), viewer::UiLanguage::en);
        QCOMPARE(
            window->tables()->project_view()->model()->headerData(1, Qt::Horizontal).toString(),
            QStringLiteral("Project"));
        QCOMPARE(window->tables()->tabs()->tabText(0), QStringLiteral("Projects"));
        QCOMPARE(window->date_bar()->findChild<QLabel*>()->text(), QStringLiteral("As of"));
        QCOMPARE(window->layers_panel()->theme_box()->itemText(0),
                 QStringLiteral("Progress (villages)"));
        QVERIFY(xj::test::wait_settled(*window));
        // The engine's words follow: statuses in the table are English.
        const QAbstractItemModel* table = window->tables()->project_view()->model();
        const QString status = table->index(0, viewer::ProjectTableModel::status).data().toString();
        QVERIFY2(!status.isEmpty() && status.at(0).unicode() < 128, qPrintable(status));
        // And back.
        click_menu(*window, language, action_named(language, QStringLiteral("中文")));
        QTRY_COMPARE(window->file_menu()->title(), QStringLiteral("文件(&F)"));
    }

    void clickingAHeaderSortsTextAsTheLocaleCollates() {
        auto window = xj::test::open_demo(viewer::UiLanguage::zh);
        QVERIFY(xj::test::wait_settled(*window));
        QTableView* projects = window->tables()->project_view();
        for (const int column :
             {int{viewer::ProjectTableModel::name}, int{viewer::ProjectTableModel::township},
              int{viewer::ProjectTableModel::leader}}) {
            sort_by_header(projects, column);
            const QStringList shown = column_texts(projects, column);
            QCOMPARE(shown.size(), 36);
            QCOMPARE(shown, collated(shown));
        }
        // A new day keeps the order; the text of a column that follows the language is sorted
        // again in the new language (its collation keys are made afresh).
        sort_by_header(projects, viewer::ProjectTableModel::type);
        const QStringList chinese = column_texts(projects, viewer::ProjectTableModel::type);
        QCOMPARE(chinese, collated(chinese));
        window->set_as_of(window->as_of().plus_days(-30));
        QVERIFY(xj::test::wait_settled(*window));
        QCOMPARE(column_texts(projects, viewer::ProjectTableModel::type), chinese);
        window->set_language(viewer::UiLanguage::en);
        QTRY_VERIFY(column_texts(projects, viewer::ProjectTableModel::type) != chinese);
        const QStringList english = column_texts(projects, viewer::ProjectTableModel::type);
        QVERIFY2(english.front().at(0).unicode() < 128, qPrintable(english.front()));
        QCOMPARE(english, collated(english));

        window->tables()->tabs()->setCurrentIndex(1);
        QTableView* villages = window->tables()->village_view();
        sort_by_header(villages, viewer::VillageTableModel::name);
        const QStringList names = column_texts(villages, viewer::VillageTableModel::name);
        QVERIFY(names.size() > 100);
        QCOMPARE(names, collated(names));
    }

    void exportsWriteWhatTheWindowShows() {
        auto window = xj::test::open_demo();
        QVERIFY(xj::test::wait_settled(*window));
        const QString png = xj::test::scratch_dir() + QStringLiteral("/map.png");
        window->export_map_now(png);
        const QImage image(png);
        QCOMPARE(image.size(), window->canvas()->size());
        const QString pdf = xj::test::scratch_dir() + QStringLiteral("/map.pdf");
        window->export_map_now(pdf);
        QFile written(pdf);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(written.read(5), QByteArray("%PDF-"));

        // The table as filtered: CSV for Excel and XLSX through GDAL.
        window->tables()->search()->setFocus();
        QTest::keyClicks(window->tables()->search(), QStringLiteral("RY2018-00"));
        const QAbstractItemModel* table = window->tables()->project_view()->model();
        QTRY_VERIFY(table->rowCount() > 0);
        const int rows = table->rowCount();
        QVERIFY(rows < static_cast<int>(window->session()->portfolio().projects().size()));
        const QString csv = xj::test::scratch_dir() + QStringLiteral("/projects.csv");
        window->export_table_now(csv);
        QFile csv_file(csv);
        QVERIFY(csv_file.open(QIODevice::ReadOnly));
        const QByteArray bytes = csv_file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QCOMPARE(bytes.count("\r\n"), rows + 1);
        const QString xlsx = xj::test::scratch_dir() + QStringLiteral("/projects.xlsx");
        window->export_table_now(xlsx);
        GDALAllRegister();
        GDALDatasetUniquePtr dataset(GDALDataset::Open(xlsx.toUtf8().constData(), GDAL_OF_VECTOR));
        QVERIFY2(dataset != nullptr,
                 qPrintable(QStringLiteral("%1: %2 bytes").arg(xlsx).arg(QFileInfo(xlsx).size())));
        OGRLayer* layer = dataset->GetLayer(0);
        QCOMPARE(static_cast<int>(layer->GetFeatureCount()), rows);
        QCOMPARE(QString::fromUtf8(layer->GetLayerDefn()->GetFieldDefn(1)->GetNameRef()),
                 QStringLiteral("项目"));
        // A folder that does not exist is an error naming the file; nothing is written.
        bool refused = false;
        try {
            window->export_table_now(QStringLiteral("/nonexistent/projects.xlsx"));
        } catch (const xj::Error& error) {
            refused = QString::fromUtf8(error.what()).contains(QStringLiteral("projects.xlsx"));
        }
        QVERIFY(refused);
    }

    void exportForReviewWritesWhatTheProvinceOpens() {
        auto window = xj::test::open_demo();
        QVERIFY(xj::test::wait_settled(*window));
        // The dialog, from the File menu: its formats, CRSs and the county's townships.
        QAction* action = nullptr; // its words are in either language: found by a word in both
        for (QAction* candidate : window->file_menu()->actions()) {
            if (candidate->text().contains(QStringLiteral("GeoPackage"))) {
                action = candidate;
            }
        }
        QVERIFY(action != nullptr);
        QString seen;
        QTimer::singleShot(0, window.get(), [&] {
            auto* dialog =
                qobject_cast<viewer::ReviewExportDialog*>(QApplication::activeModalWidget());
            if (dialog != nullptr) {
                seen = QString::number(
                           dialog->findChild<QComboBox*>(QStringLiteral("format"))->count()) +
                       QStringLiteral(" ") +
                       QString::number(
                           dialog->findChild<QComboBox*>(QStringLiteral("township"))->count());
                dialog->reject();
            }
        });
        action->trigger();
        QCOMPARE(seen, QStringLiteral("3 15")); // 14 townships and the whole county

        viewer::ReviewExportOptions options;
        options.out = xj::test::scratch_dir() + QStringLiteral("/审核.zip");
        options.encoding = review::Encoding::gbk;
        options.epsg = 4546;
        const QString said = window->export_review_now(options);
        QVERIFY2(said.contains(QStringLiteral("220")), qPrintable(said));
        GDALAllRegister();
        GDALDatasetUniquePtr villages(
            GDALDataset::Open((QStringLiteral("/vsizip/") + options.out + QStringLiteral("/村.shp"))
                                  .toUtf8()
                                  .constData(),
                              GDAL_OF_VECTOR));
        QVERIFY(villages != nullptr);
        QCOMPARE(villages->GetLayer(0)->GetFeatureCount(), 220);
        // Again to the same name: refused, the first left as it was.
        QVERIFY_THROWS_EXCEPTION(xj::Error, window->export_review_now(options));
    }

    void aDayAskedBeforeOpeningIsTheFirstOneMadeAndShown() {
        // As `--as-of` with a project to open: the first snapshot, made while the project is
        // read, is of that day and theme, and is the one the window shows, with no other.
        MainWindow window(viewer::UiLanguage::zh, false);
        window.resize(1400, 900);
        window.show();
        const core::Date asked = *core::Date::parse_iso("2018-06-29");
        window.set_theme(render::Theme::status);
        window.set_first_as_of(asked);
        window.open_project_now(xj::test::demo_project());
        QVERIFY(window.snapshot() != nullptr); // applied at once, not computed again
        QCOMPARE(window.snapshot()->as_of, asked);
        QCOMPARE(window.snapshot()->theme, render::Theme::status);
        QCOMPARE(window.as_of(), asked);
        QCOMPARE(window.date_bar()->date(), asked);
        QVERIFY(xj::test::wait_settled(window));
        QCOMPARE(window.snapshot()->as_of, asked);

        // A day beyond the project's span opens at its nearer end, as the date bar keeps it;
        // the next opening is at the project's own day again.
        window.set_first_as_of(*core::Date::parse_iso("2031-01-01"));
        window.open_project_now(xj::test::demo_project());
        QCOMPARE(window.as_of(), window.session()->last_day());
        QCOMPARE(window.snapshot()->as_of, window.session()->last_day());
        QVERIFY(xj::test::wait_settled(window));
        window.open_project_now(xj::test::demo_project());
        QCOMPARE(window.as_of(), window.session()->default_as_of());
        QVERIFY(xj::test::wait_settled(window));
    }

    void screenshotOptionDrawsTheStateAsked() {
        const QString out = xj::test::scratch_dir() + QStringLiteral("/shot.png");
        QProcess viewer;
        viewer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        viewer.start(
            QStringLiteral(XJ_VIEWER),
            {xj::test::demo_project(), QStringLiteral("--as-of"), QStringLiteral("2018-06-30"),
             QStringLiteral("--select"), QStringLiteral("RY2018-003"), QStringLiteral("--theme"),
             QStringLiteral("status"), QStringLiteral("--size"), QStringLiteral("1280x800"),
             QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--screenshot"), out});
        QVERIFY(viewer.waitForFinished(120000));
        QCOMPARE(viewer.exitCode(), 0);
        const QImage image(out);
        QCOMPARE(image.size(), QSize(1280, 800));

        // Errors: a message and a non-zero exit, no file.
        const QString bad = xj::test::scratch_dir() + QStringLiteral("/bad.png");
        viewer.setProcessChannelMode(QProcess::SeparateChannels);
        viewer.start(QStringLiteral(XJ_VIEWER),
                     {xj::test::demo_project(), QStringLiteral("--select"),
                      QStringLiteral("NO-SUCH-ID"), QStringLiteral("--screenshot"), bad});
        QVERIFY(viewer.waitForFinished(120000));
        QVERIFY(viewer.exitCode() != 0);
        QVERIFY(QString::fromUtf8(viewer.readAllStandardError()).contains("NO-SUCH-ID"));
        QVERIFY(!QFile::exists(bad));
    }

    void helpAndVersionNeedNoDisplay() {
        // As on a server with no display and no Qt platform chosen: the options are printed,
        // not an abort of Qt's window system.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}) {
            environment.remove(QString::fromLatin1(name));
        }
        QProcess viewer;
        viewer.setProcessEnvironment(environment);
        viewer.start(QStringLiteral(XJ_VIEWER), {QStringLiteral("--help")});
        QVERIFY(viewer.waitForFinished(60000));
        const QString help = QString::fromUtf8(viewer.readAllStandardOutput());
        QCOMPARE(viewer.exitStatus(), QProcess::NormalExit);
        QCOMPARE(viewer.exitCode(), 0);
        QVERIFY2(help.contains(QStringLiteral("--screenshot")), qPrintable(help));
        viewer.start(QStringLiteral(XJ_VIEWER), {QStringLiteral("--version")});
        QVERIFY(viewer.waitForFinished(60000));
        QCOMPARE(viewer.exitStatus(), QProcess::NormalExit);
        QCOMPARE(viewer.exitCode(), 0);
        QVERIFY(QString::fromUtf8(viewer.readAllStandardOutput()).contains(QStringLiteral("0.")));
    }
};

QTEST_MAIN(TestViewerApp)
#include "test_viewer_app.moc"
