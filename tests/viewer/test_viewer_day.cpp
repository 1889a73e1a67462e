// The project-day mode as a leader and the county office use it, on a copy of the demo county:
// picking a leader, recording in the forms (real keys and clicks), a refused entry that leaves
// the file as it was, closing a problem, withdrawing an entry, two windows on one file, and
// an entry that survives the viewer being killed right after "saved".

#include "entry_desk.h"
#include "entry_dialog.h"
#include "identify_panel.h"
#include "project_day_panel.h"
#include "project_session.h"
#include "test_support.h"
#include "viewer_fixture.h"
#include "week_summary.h"
#include "xiangjian/core/language.h"
#include "xiangjian/store/open_project.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QImage>
#include <QInputMethodEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>
#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <sys/types.h>

using namespace xj;
using viewer::EntryDialog;
using viewer::EntryKind;
using viewer::MainWindow;

namespace {

/// A copy of the demo of its own: the tests write to it.
QString fresh_project(const QString& name) {
    const QString path = xj::test::scratch_dir() + QStringLiteral("/") + name;
    QFile::remove(path);
    if (!QFile::copy(xj::test::demo_project(), path)) {
        qFatal("cannot copy the demo");
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

std::unique_ptr<MainWindow> open_window(const QString& path) {
    auto window = std::make_unique<MainWindow>(viewer::UiLanguage::zh, false);
    window->resize(1400, 900);
    window->show();
    window->open_project_now(path);
    return window;
}

/// Everything an entry may change, as the file holds it: the content digest a refused entry
/// must leave alone.
std::string contents(const QString& path) {
    const auto store = store::open_project(path.toStdString(), store::Access::read_only);
    std::string all;
    for (const auto& r : store->progress_reports()) {
        all += r.project_id + r.report_date.iso() +
               std::to_string(r.cumulative_quantity.value_or(-1)) +
               std::to_string(r.percent.value_or(-1)) + r.note + ";";
    }
    for (const auto& p : store->problems()) {
        all += p.id + p.description + (p.closed_date ? p.closed_date->iso() : "") + ";";
    }
    for (const auto& m : store->milestones()) {
        all += m.project_id + std::to_string(m.seq) + (m.actual_date ? m.actual_date->iso() : "") +
               ";";
    }
    for (const auto& v : store->site_visits()) {
        all += v.project_id + v.visit_date.iso() + v.visitor + ";";
    }
    for (const auto& c : store->changes()) {
        all += c.action + c.subject + c.detail + ";";
    }
    return all;
}

/// Picks the leader in the panel's list with the keyboard (Down until it is shown), as a user
/// would without a mouse.
void pick_leader(MainWindow& window, const QString& name) {
    window.project_day()->parentWidget()->show();
    QComboBox* box = window.project_day()->leader_box();
    box->setFocus();
    for (int step = 0; step < box->count() && box->currentText() != name; ++step) {
        QTest::keyClick(box, Qt::Key_Down);
    }
    QCOMPARE(box->currentText(), name);
    QVERIFY(xj::test::wait_settled(window));
}

/// Clicks the project's row in the project-day list.
void click_project(MainWindow& window, const std::string& id) {
    QTableView* list = window.project_day()->list();
    const auto ids = window.project_day()->listed();
    const auto at = std::find(ids.begin(), ids.end(), id);
    QVERIFY(at != ids.end());
    const int row = static_cast<int>(at - ids.begin());
    list->scrollTo(list->model()->index(row, 0));
    const QRect cell = list->visualRect(list->model()->index(row, 0));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(window.project_day()->current_project(), id);
}

/// Clicks the form's button and waits for the dialog it opens.
EntryDialog* open_form(MainWindow& window, EntryKind kind) {
    QPushButton* button = window.project_day()->entry_button(kind);
    if (button == nullptr || !button->isEnabled()) {
        return nullptr;
    }
    QTest::mouseClick(button, Qt::LeftButton);
    EntryDialog* dialog = nullptr;
    for (int i = 0; i < 100 && dialog == nullptr; ++i) {
        dialog = qobject_cast<EntryDialog*>(QApplication::activeModalWidget());
        if (dialog == nullptr) {
            QTest::qWait(10);
        }
    }
    return dialog;
}

/// Replaces a field's text by typing.
void type_into(EntryDialog* dialog, const char* field, const QString& text) {
    auto* edit = dialog->findChild<QLineEdit*>(QString::fromLatin1(field));
    QVERIFY2(edit != nullptr, field);
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    // Chinese comes as a Chinese input method gives it (committed text, not key presses);
    // ASCII as keys. Runs of each, in order.
    for (qsizetype at = 0; at < text.size();) {
        const bool ascii = text.at(at).unicode() < 0x80;
        qsizetype end = at;
        while (end < text.size() && (text.at(end).unicode() < 0x80) == ascii) {
            ++end;
        }
        const QString run = text.mid(at, end - at);
        if (ascii) {
            QTest::keyClicks(edit, run);
        } else {
            QInputMethodEvent commit;
            commit.setCommitString(run);
            QApplication::sendEvent(edit, &commit);
        }
        at = end;
    }
    QCOMPARE(edit->text(), text);
}

void type_date(EntryDialog* dialog, const QString& iso) {
    auto* date = dialog->findChild<QDateEdit*>(QStringLiteral("date"));
    QVERIFY(date != nullptr);
    date->setFocus();
    date->setSelectedSection(QDateTimeEdit::YearSection);
    QTest::keyClicks(date, iso.left(4));
    date->setSelectedSection(QDateTimeEdit::MonthSection);
    QTest::keyClicks(date, iso.mid(5, 2));
    date->setSelectedSection(QDateTimeEdit::DaySection);
    QTest::keyClicks(date, iso.mid(8, 2));
    QCOMPARE(date->date().toString(Qt::ISODate), iso);
}

/// Saves the form and waits for the window to have read the project again.
void save_and_wait(MainWindow& window, EntryDialog* dialog) {
    QSignalSpy refreshed(&window, &MainWindow::project_refreshed);
    QTest::mouseClick(dialog->save_button(), Qt::LeftButton);
    QVERIFY(refreshed.wait(20000));
    QVERIFY(xj::test::wait_settled(window));
}

const core::ProjectStatus* status_of(const MainWindow& window, const std::string& id) {
    for (const auto& status : window.snapshot()->evaluation.projects) {
        if (status.project->id == id) {
            return &status;
        }
    }
    return nullptr;
}

/// The child of killedRightAfterSavingTheEntryIsThere: records a visit through the form, says
/// so on stdout, and waits to be killed.
int run_child(const QString& path) {
    auto window = open_window(path);
    window->choose_leader("张卫东", core::Date(2018, 8, 31));
    if (!xj::test::wait_settled(*window)) {
        return 3;
    }
    window->project_day()->select_project("RY2018-011");
    EntryDialog* dialog = window->open_entry_form(EntryKind::visit, "RY2018-011");
    dialog->findChild<QLineEdit*>(QStringLiteral("note"))->setText(QStringLiteral("SIGKILL 之前"));
    QObject::connect(window.get(), &MainWindow::entry_saved, [](const QString& said) {
        std::printf("saved %s\n", said.toUtf8().constData());
        std::fflush(stdout);
    });
    QTest::mouseClick(dialog->save_button(), Qt::LeftButton);
    for (;;) {
        QTest::qWait(100); // until killed
    }
}

} // namespace

class TestViewerDay : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        xj::test::demo_project();
    }

    void pickingALeaderListsTheProjectDayOrderAndFramesTheirProjects() {
        const QString path = fresh_project(QStringLiteral("pick.gpkg"));
        auto window = open_window(path);
        QVERIFY(xj::test::wait_settled(*window));
        // Names as people say them: no bracketed titles in the list.
        QComboBox* box = window->project_day()->leader_box();
        for (int i = 1; i < box->count(); ++i) {
            QVERIFY2(!box->itemText(i).contains(QStringLiteral("（")),
                     qPrintable(box->itemText(i)));
        }
        pick_leader(*window, QStringLiteral("郑晓东"));

        QProcess cli;
        cli.start(QStringLiteral(XJ_CLI),
                  {QStringLiteral("project-day"), path, QStringLiteral("--leader"),
                   QStringLiteral("郑晓东"), QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY(cli.waitForFinished(30000));
        const QJsonObject day = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        std::vector<std::string> expected;
        for (const auto& project : day[QStringLiteral("projects")].toArray()) {
            expected.push_back(
                project.toObject()[QStringLiteral("project_id")].toString().toStdString());
        }
        QVERIFY(expected.size() >= 2);
        const auto joined = [](const std::vector<std::string>& ids) {
            std::string all;
            for (const auto& id : ids) {
                all += id + " ";
            }
            return all;
        };
        QVERIFY2(window->project_day()->listed() == expected,
                 (joined(window->project_day()->listed()) + "≠ " + joined(expected)).c_str());
        QCOMPARE(window->as_of().iso(), day[QStringLiteral("date")].toString().toStdString());
        // The other projects fade (the leader filter) and the map frames the leader's.
        QVERIFY(window->filter().leader.starts_with("郑晓东"));
        for (const std::string& id : expected) {
            const QPointF at = xj::test::site_point(*window, id);
            QVERIFY2(window->canvas()->rect().contains(at.toPoint()), id.c_str());
        }
    }

    void recordingProgressInTheFormReachesTheFileTheHistoryAndTheMap() {
        const QString path = fresh_project(QStringLiteral("progress.gpkg"));
        auto window = open_window(path);
        pick_leader(*window, QStringLiteral("张卫东"));
        click_project(*window, "RY2018-011");
        const double before = status_of(*window, "RY2018-011")->percent_done;
        EntryDialog* dialog = open_form(*window, EntryKind::progress);
        QVERIFY(dialog != nullptr);
        type_date(dialog, QStringLiteral("2018-08-31"));
        const auto reports_before =
            store::open_project(path.toStdString(), store::Access::read_only)
                ->progress_reports()
                .size();
        // 刘店镇“油返砂”公路修复工程 is 24.6 km; 34.8 % on the day is about 8.6 km.
        type_into(dialog, "quantity", QStringLiteral("20.5"));
        type_into(dialog, "note", QStringLiteral("雨后复工，砂石料已到"));
        // The same day has a report already in the demo: the form says so next to the date.
        QTest::mouseClick(dialog->save_button(), Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY2(!dialog->message(EntryField::date).isEmpty(),
                 qPrintable(dialog->message(EntryField::quantity) + dialog->form_message()));
        type_date(dialog, QStringLiteral("2018-08-30"));
        // … then a day before it would go backwards past 31 August: also refused.
        QTest::mouseClick(dialog->save_button(), Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY(!dialog->message(EntryField::quantity).isEmpty());
        // Dated after the demo's last report, it goes.
        dialog->findChild<QDateEdit*>(QStringLiteral("date"))->setDate(QDate(2018, 8, 31));
        type_date(dialog, QStringLiteral("2018-09-07"));
        save_and_wait(*window, dialog);

        const auto store = store::open_project(path.toStdString(), store::Access::read_only);
        const auto reports = store->progress_reports();
        QCOMPARE(reports.size(), reports_before + 1);
        const auto found = std::find_if(reports.begin(), reports.end(), [](const auto& r) {
            return r.project_id == "RY2018-011" && r.report_date == core::Date(2018, 9, 7);
        });
        QVERIFY(found != reports.end());
        QCOMPARE(found->cumulative_quantity.value_or(0), 20.5);
        QCOMPARE(QString::fromStdString(found->note), QStringLiteral("雨后复工，砂石料已到"));
        QCOMPARE(store->changes().back().action, std::string("record progress"));

        // The history shows it; the map and the list follow once the day reaches it.
        QCOMPARE(window->project_day()->history()->count(), 1);
        QVERIFY(window->project_day()->history()->item(0)->text().contains(
            QStringLiteral("2018-09-07")));
        window->set_as_of(core::Date(2018, 9, 7));
        QVERIFY(xj::test::wait_settled(*window));
        QTreeWidget* history = window->identify()->history();
        QCOMPARE(history->topLevelItem(0)->text(0), QStringLiteral("2018-09-07"));
        QVERIFY(status_of(*window, "RY2018-011")->percent_done > before + 10);
    }

    void photosOfAProgressEntryAreCopiedBesideTheProjectAndChecked() {
        const QString folder = xj::test::scratch_dir() + QStringLiteral("/office");
        QDir().mkpath(folder);
        const QString path = folder + QStringLiteral("/ruyang.gpkg");
        QFile::remove(path);
        QVERIFY(QFile::copy(xj::test::demo_project(), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        const auto sites = store::open_project(path.toStdString(), store::Access::read_only)
                               ->sites(std::vector<std::string>{"RY2018-011"});
        QVERIFY(!sites.empty());
        const store::Box box = sites.front().geometry.box();
        const QString phone = xj::test::scratch_dir() + QStringLiteral("/phone");
        QDir().mkpath(phone);
        const QString on_site = phone + QStringLiteral("/IMG_0412.JPG");
        const QString far_away = phone + QStringLiteral("/IMG_0413.JPG");
        const QString no_fix = phone + QStringLiteral("/IMG_0414.JPG");
        QVERIFY(xj::test::geotagged_photo(on_site, box.min_x, box.min_y, "2018:09:07 09:40:00"));
        QVERIFY(xj::test::geotagged_photo(far_away, box.min_x + 0.05, box.min_y,
                                          "2018:09:07 09:45:00"));
        QVERIFY(
            xj::test::geotagged_photo(no_fix, std::nan(""), std::nan(""), "2018:09:07 09:50:00"));

        auto window = open_window(path);
        pick_leader(*window, QStringLiteral("张卫东"));
        click_project(*window, "RY2018-011");
        EntryDialog* dialog = open_form(*window, EntryKind::progress);
        QVERIFY(dialog != nullptr);
        type_date(dialog, QStringLiteral("2018-09-07"));
        type_into(dialog, "quantity", QStringLiteral("12.5"));
        // A photo the phone took without a fix is refused, and nothing is kept of the entry.
        const std::string before = contents(path);
        dialog->set_photos({on_site, no_fix});
        QTest::mouseClick(dialog->save_button(), Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->form_message().contains(QStringLiteral("IMG_0414")),
                 qPrintable(dialog->form_message()));
        QCOMPARE(contents(path), before);
        QVERIFY(
            QDir(folder + QStringLiteral("/photos/RY2018-011")).entryList(QDir::Files).isEmpty());

        dialog->set_photos({on_site, far_away});
        save_and_wait(*window, dialog);
        const QStringList copies =
            QDir(folder + QStringLiteral("/photos/RY2018-011")).entryList(QDir::Files, QDir::Name);
        QCOMPARE(copies, QStringList({QStringLiteral("RY2018-011_2018-09-07_1.jpg"),
                                      QStringLiteral("RY2018-011_2018-09-07_2.jpg")}));
        const auto photos =
            store::open_project(path.toStdString(), store::Access::read_only)->photos();
        QCOMPARE(photos.size(), std::size_t{2});
        QCOMPARE(QString::fromStdString(photos[0].path),
                 QStringLiteral("photos/RY2018-011/RY2018-011_2018-09-07_1.jpg"));
        QCOMPARE(QString::fromStdString(photos[0].project_id), QStringLiteral("RY2018-011"));
        QVERIFY2(photos[0].flags.empty(), photos[0].flags.c_str());
        QVERIFY(!photos[1].flags.empty()); // about 4.6 km from the road: flagged as import flags it
        // The project folder can move: the paths are relative to it.
        QVERIFY(QFileInfo(photos[0].path.c_str()).isRelative());
        QTRY_COMPARE(window->identify()->photos()->count(), 2);
    }

    void aRefusedEntryShowsItsMessageByTheFieldAndLeavesTheFileAlone() {
        const QString path = fresh_project(QStringLiteral("refused.gpkg"));
        auto window = open_window(path);
        pick_leader(*window, QStringLiteral("张卫东"));
        click_project(*window, "RY2018-011");
        const std::string before = contents(path);
        EntryDialog* dialog = open_form(*window, EntryKind::progress);
        QVERIFY(dialog != nullptr);
        type_date(dialog, QStringLiteral("2018-09-07"));
        type_into(dialog, "percent", QStringLiteral("120"));
        QTest::mouseClick(dialog->save_button(), Qt::LeftButton);
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->message(EntryField::percent).contains(QStringLiteral("0–100")),
                 qPrintable(dialog->message(EntryField::percent)));
        QVERIFY(dialog->message(EntryField::quantity).isEmpty());
        dialog->reject();

        EntryDialog* problem = open_form(*window, EntryKind::problem);
        QVERIFY(problem != nullptr);
        type_date(problem, QStringLiteral("2018-09-07"));
        type_into(problem, "description", QStringLiteral("涵洞基础渗水"));
        type_into(problem, "owner", QStringLiteral("刘店镇人民政府"));
        type_into(problem, "deadline", QStringLiteral("2018-09-01"));
        QTest::mouseClick(problem->save_button(), Qt::LeftButton);
        QVERIFY(problem->isVisible());
        QVERIFY(!problem->message(EntryField::deadline).isEmpty());
        // A day in the future is refused next to the date.
        type_into(problem, "deadline", QString());
        type_date(problem, QStringLiteral("2999-01-01"));
        QTest::mouseClick(problem->save_button(), Qt::LeftButton);
        QVERIFY(problem->isVisible());
        QVERIFY(!problem->message(EntryField::date).isEmpty());
        problem->reject();
        QCOMPARE(contents(path), before);
    }

    void closingAProblemChangesTheLedgerCounts() {
        const QString path = fresh_project(QStringLiteral("close.gpkg"));
        auto window = open_window(path);
        pick_leader(*window, QStringLiteral("张卫东"));
        click_project(*window, "RY2018-011"); // WT-015 is open
        const int open_before = status_of(*window, "RY2018-011")->open_problems;
        const int closed_before = status_of(*window, "RY2018-011")->closed_problems;
        QVERIFY2(open_before >= 1,
                 qPrintable(QString::number(open_before) + QStringLiteral(" open on ") +
                            QString::fromStdString(window->as_of().iso())));
        EntryDialog* dialog = open_form(*window, EntryKind::close_problem);
        QVERIFY(dialog != nullptr);
        type_date(dialog, QStringLiteral("2018-08-31"));
        type_into(dialog, "resolution", QStringLiteral("砂石料已协调到位"));
        save_and_wait(*window, dialog);
        QCOMPARE(status_of(*window, "RY2018-011")->open_problems, open_before - 1);
        QCOMPARE(status_of(*window, "RY2018-011")->closed_problems, closed_before + 1);
        const auto problems =
            store::open_project(path.toStdString(), store::Access::read_only)->problems();
        const auto closed = std::count_if(problems.begin(), problems.end(), [](const auto& p) {
            return p.project_id == "RY2018-011" && p.closed_date == core::Date(2018, 8, 31);
        });
        QCOMPARE(closed, 1);
    }

    void withdrawingAnEntryKeepsBothInTheHistory() {
        const QString path = fresh_project(QStringLiteral("withdraw.gpkg"));
        auto window = open_window(path);
        pick_leader(*window, QStringLiteral("张卫东"));
        click_project(*window, "RY2018-002");
        EntryDialog* dialog = open_form(*window, EntryKind::visit);
        QVERIFY(dialog != nullptr);
        type_date(dialog, QStringLiteral("2018-08-31"));
        type_into(dialog, "note", QStringLiteral("路面平整，边沟未完"));
        save_and_wait(*window, dialog);
        QListWidget* history = window->project_day()->history();
        QCOMPARE(history->count(), 1);
        const auto visits = [&] {
            return store::open_project(path.toStdString(), store::Access::read_only)->site_visits();
        };
        const auto visits_after_entry = visits().size();

        QSignalSpy refreshed(window.get(), &MainWindow::project_refreshed);
        const QRect line = history->visualItemRect(history->item(0));
        QTest::mouseClick(history->viewport(), Qt::LeftButton, {}, line.center());
        QVERIFY(window->project_day()->withdraw_button()->isEnabled());
        QTest::mouseClick(window->project_day()->withdraw_button(), Qt::LeftButton);
        QVERIFY(refreshed.wait(20000));
        QVERIFY(xj::test::wait_settled(*window));
        QCOMPARE(history->count(), 2);
        QVERIFY2(history->item(0)->text().contains(QStringLiteral("登记督导")),
                 qPrintable(history->item(0)->text()));
        QVERIFY2(history->item(1)->text().contains(QStringLiteral("撤回：登记督导")),
                 qPrintable(history->item(1)->text()));
        QCOMPARE(visits().size(), visits_after_entry - 1);
        QVERIFY(!window->project_day()->withdraw_button()->isEnabled());
    }

    void theWeeksSummaryCountsWhatWasRecordedAndIsWrittenForExcel() {
        const QString path = fresh_project(QStringLiteral("summary.gpkg"));
        auto window = open_window(path);
        pick_leader(*window, QStringLiteral("张卫东"));
        const auto visited = [&]() -> QString {
            QTest::mouseClick(window->project_day()->findChild<QPushButton*>(
                                  QStringLiteral("week_summary_button")),
                              Qt::LeftButton);
            auto* dialog =
                qobject_cast<viewer::WeekSummaryDialog*>(QApplication::activeModalWidget());
            if (dialog == nullptr) {
                return QStringLiteral("no dialog");
            }
            const QAbstractItemModel* model = dialog->table()->model();
            QString found = QStringLiteral("no row");
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->index(row, 0).data().toString() == QStringLiteral("张卫东")) {
                    found = model->index(row, 2).data().toString();
                }
            }
            dialog->reject();
            return found;
        };
        const QString before = visited();
        click_project(*window, "RY2018-002");
        EntryDialog* dialog = open_form(*window, EntryKind::visit);
        QVERIFY(dialog != nullptr);
        type_date(dialog, QStringLiteral("2018-08-30"));
        save_and_wait(*window, dialog);
        QCOMPARE(visited(), QString::number(before.toInt() + 1));

        const QString csv = xj::test::scratch_dir() + QStringLiteral("/week.csv");
        window->write_week_summary_now(csv);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // Excel on Chinese Windows reads UTF-8 so
        const QString text = QString::fromUtf8(bytes);
        QVERIFY(text.contains(QStringLiteral("张卫东,")));
        QVERIFY2(text.contains(QStringLiteral("张卫东,3,") + QString::number(before.toInt() + 1) +
                               QStringLiteral(",")),
                 qPrintable(text));
    }

    void theLeadersSheetsPrintAndTheModeHasItsScreenshot() {
        auto window = open_window(xj::test::demo_project());
        pick_leader(*window, QStringLiteral("郑晓东"));
        const QString pdf = xj::test::scratch_dir() + QStringLiteral("/郑晓东.pdf");
        window->write_sheets_now(pdf);
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(30000));
        const QString sheets = QString::fromUtf8(text.readAllStandardOutput());
        for (const std::string& id : window->project_day()->listed()) {
            QVERIFY2(sheets.contains(QString::fromStdString(id)), id.c_str());
        }
        QVERIFY(sheets.contains(QStringLiteral("2018-08-31")));

        const QString out = xj::test::scratch_dir() + QStringLiteral("/day.png");
        QProcess viewer;
        viewer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        viewer.start(QStringLiteral(XJ_VIEWER),
                     {xj::test::demo_project(), QStringLiteral("--leader"),
                      QStringLiteral("张卫东"), QStringLiteral("--date"),
                      QStringLiteral("2018-08-24"), QStringLiteral("--select"),
                      QStringLiteral("RY2018-011"), QStringLiteral("--size"),
                      QStringLiteral("1280x800"), QStringLiteral("--screenshot"), out});
        QVERIFY(viewer.waitForFinished(120000));
        QCOMPARE(viewer.exitCode(), 0);
        QCOMPARE(QImage(out).size(), QSize(1280, 800));
        // A name that is nobody's: the leaders are listed, no file.
        const QString bad = xj::test::scratch_dir() + QStringLiteral("/nobody.png");
        viewer.setProcessChannelMode(QProcess::SeparateChannels);
        viewer.start(QStringLiteral(XJ_VIEWER),
                     {xj::test::demo_project(), QStringLiteral("--leader"),
                      QStringLiteral("王小二"), QStringLiteral("--screenshot"), bad});
        QVERIFY(viewer.waitForFinished(120000));
        QVERIFY(viewer.exitCode() != 0);
        const QString error = QString::fromUtf8(viewer.readAllStandardError());
        QVERIFY2(error.contains(QStringLiteral("王小二")) &&
                     error.contains(QStringLiteral("张卫东")),
                 qPrintable(error));
        QVERIFY(!QFile::exists(bad));
    }

    void twoWindowsOnOneFileSeeEachOthersEntriesOnRefresh() {
        const QString path = fresh_project(QStringLiteral("shared.gpkg"));
        auto first = open_window(path);
        auto second = open_window(path);
        pick_leader(*first, QStringLiteral("张卫东"));
        click_project(*first, "RY2018-005");
        EntryDialog* dialog = open_form(*first, EntryKind::visit);
        QVERIFY(dialog != nullptr);
        type_date(dialog, QStringLiteral("2018-08-31"));
        type_into(dialog, "visitor", QStringLiteral("李明"));
        save_and_wait(*first, dialog);
        const auto visits_in = [](const MainWindow& window) {
            const auto& portfolio = window.session()->portfolio();
            const auto visits = portfolio.site_visits(*portfolio.find("RY2018-005"));
            return std::count_if(visits.begin(), visits.end(),
                                 [](const auto& v) { return v.visitor == "李明"; });
        };
        QCOMPARE(visits_in(*first), 1);
        QCOMPARE(visits_in(*second), 0);
        QSignalSpy refreshed(second.get(), &MainWindow::project_refreshed);
        second->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(second.get()));
        QTest::keyClick(second.get(), Qt::Key_F5);
        QVERIFY(refreshed.wait(20000));
        QCOMPARE(visits_in(*second), 1);
    }

    void killedRightAfterSavingTheEntryIsThere() {
        const QString path = fresh_project(QStringLiteral("killed.gpkg"));
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XJ_DAY_CHILD"), path);
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForStarted());
        QByteArray out;
        for (int waited = 0; !out.contains("saved") && waited < 600; ++waited) {
            child.waitForReadyRead(100);
            out += child.readAllStandardOutput();
        }
        QVERIFY2(out.contains("saved"), out.constData());
        ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        const auto store = store::open_project(path.toStdString(), store::Access::read_only);
        const auto visits = store->site_visits();
        QVERIFY(std::any_of(visits.begin(), visits.end(),
                            [](const auto& v) { return v.note == "SIGKILL 之前"; }));
        QCOMPARE(store->changes().back().action, std::string("record visit"));
        QCOMPARE(xj::test::sql_scalar(path.toStdString(), "PRAGMA integrity_check"),
                 std::string("ok"));
    }
};

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    if (const char* child = std::getenv("XJ_DAY_CHILD")) {
        return run_child(QString::fromUtf8(child));
    }
    TestViewerDay tests;
    return QTest::qExec(&tests, argc, argv);
}

#include "test_viewer_day.moc"
