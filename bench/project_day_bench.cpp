// How the project-day mode feels: opens a project in the viewer's own MainWindow and times
// what a leader and the office wait for (issue 14's goals):
//   leader  from a leader picked in the panel's list to their projects listed in project-day
//           order and the map framed on them (MainWindow::settled());
//   save    from Save pressed on a valid visit form to "saved" (the entry on disk);
//   follow  from "saved" to the window having read the project again (list, map, history).
//
//   build/bin/xj_bench_project_day PROJECT.gpkg [--repeat 10]
//
// The two leaders with the most projects take turns, so that every pick changes the list.
// The project is written to (visits by "bench N"): run it on a copy.

#include "entry_desk.h"
#include "entry_dialog.h"
#include "main_window.h"
#include "project_day_panel.h"
#include "project_session.h"
#include "viewer_app.h"
#include "xiangjian/core/leaders.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using xj::viewer::MainWindow;

double ms_since(Clock::time_point from) {
    return std::chrono::duration<double, std::milli>(Clock::now() - from).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values.empty() ? std::nan("") : values[(values.size() - 1) / 2];
}

double maximum(const std::vector<double>& values) {
    return values.empty() ? std::nan("") : *std::max_element(values.begin(), values.end());
}

bool wait_settled(MainWindow& window) {
    return xj::viewer::wait_until_settled(window, 120000);
}

} // namespace

int main(int argc, char** argv) {
    xj::viewer::ViewerApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2) {
        std::fprintf(stderr, "usage: xj_bench_project_day PROJECT.gpkg [--repeat N]\n");
        return 2;
    }
    const QString path = arguments[1];
    const int at = static_cast<int>(arguments.indexOf(QStringLiteral("--repeat")));
    const int repeat = at > 0 && at + 1 < arguments.size() ? arguments[at + 1].toInt() : 10;

    MainWindow window(xj::viewer::UiLanguage::zh, false);
    window.resize(1600, 1000);
    window.show();
    const auto opened = Clock::now();
    window.open_project_now(path);
    if (!wait_settled(window)) {
        std::fprintf(stderr, "the map was not drawn\n");
        return 1;
    }
    std::printf("open: %.0f ms\n", ms_since(opened));

    // The two leaders with the most projects.
    std::map<std::string, int> counts;
    for (const auto& project : window.session()->portfolio().projects()) {
        if (!project.leader.empty()) {
            ++counts[project.leader];
        }
    }
    std::vector<std::pair<int, std::string>> by_count;
    for (const auto& [leader, count] : counts) {
        by_count.emplace_back(count, leader);
    }
    std::sort(by_count.rbegin(), by_count.rend());
    if (by_count.size() < 2) {
        std::fprintf(stderr, "the project needs two leaders with projects\n");
        return 1;
    }
    QComboBox* box = window.project_day()->leader_box();
    window.project_day()->parentWidget()->show();
    std::vector<double> picks;
    for (int i = 0; i < repeat; ++i) {
        const auto& [count, leader] = by_count[static_cast<std::size_t>(i % 2)];
        const int index = box->findData(QString::fromStdString(leader));
        const auto start = Clock::now();
        box->setCurrentIndex(index); // as a click on the item in the list
        if (!wait_settled(window) ||
            window.project_day()->listed().size() != static_cast<std::size_t>(count)) {
            std::fprintf(stderr, "leader %s: not listed\n", leader.c_str());
            return 1;
        }
        picks.push_back(ms_since(start));
    }
    std::printf("leader pick (%d and %d projects): median %.0f ms, max %.0f ms over %d\n",
                by_count[0].first, by_count[1].first, median(picks), maximum(picks), repeat);

    // Visits recorded through the form, each by another name, so none is a duplicate.
    const std::string project = window.project_day()->listed().front();
    window.project_day()->select_project(project);
    std::vector<double> saves, follows;
    for (int i = 0; i < repeat; ++i) {
        xj::viewer::EntryDialog* dialog =
            window.open_entry_form(xj::viewer::EntryKind::visit, project);
        dialog->findChild<QLineEdit*>(QStringLiteral("visitor"))
            ->setText(QStringLiteral("bench %1").arg(i));
        QSignalSpy saved(&window, &MainWindow::entry_saved);
        QSignalSpy refreshed(&window, &MainWindow::project_refreshed);
        const auto start = Clock::now();
        QTest::mouseClick(dialog->save_button(), Qt::LeftButton);
        if (saved.count() != 1) {
            std::fprintf(stderr, "not saved: %s\n", qPrintable(dialog->form_message()));
            return 1;
        }
        saves.push_back(ms_since(start));
        const auto after = Clock::now();
        if (!refreshed.wait(120000) || !wait_settled(window)) {
            std::fprintf(stderr, "the window did not follow\n");
            return 1;
        }
        follows.push_back(ms_since(after));
    }
    std::printf("save (valid form to saved): median %.1f ms, max %.1f ms over %d\n", median(saves),
                maximum(saves), repeat);
    std::printf("follow (saved to list, map and history read again): median %.0f ms, max %.0f ms\n",
                median(follows), maximum(follows));
    std::printf("result leader_ms %.0f\nresult save_ms %.1f\nresult follow_ms %.0f\n",
                median(picks), median(saves), median(follows));
    return 0;
}
