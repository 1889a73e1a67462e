#include "project_session.h"

#include "timings.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <algorithm>

namespace xj::viewer {

std::unique_ptr<ProjectSession> ProjectSession::open(const QString& path) {
    std::unique_ptr<ProjectSession> session(new ProjectSession);
    session->m_path = path;
    QElapsedTimer timer;
    timer.start();
    session->m_project = render::MapProject::open(path.toStdString());
    timing("  layers and portfolio: %.3f s", timer.restart() / 1000.0);
    session->m_renderer = std::make_unique<render::MapRenderer>(session->m_project.layers,
                                                                session->m_project.display_crs(""));
    session->m_display_extent = session->m_renderer->display_extent();
    if (session->m_display_extent.empty()) {
        throw Error(path.toStdString() +
                    text("：项目中没有可画的边界和项目位置（请先导入行政区或项目）",
                         ": the project has no boundaries and no sites to draw (import units or "
                         "projects first)"));
    }
    session->m_county_name = QString::fromStdString(session->m_project.county_name());

    // The days that have records, and the span of the project's time.
    const core::Portfolio& portfolio = *session->m_project.portfolio;
    std::set<core::Date> days;
    std::optional<core::Date> first, last;
    const auto span = [&](core::Date day) {
        first = first ? std::min(*first, day) : day;
        last = last ? std::max(*last, day) : day;
    };
    for (std::size_t i = 0; i < portfolio.projects().size(); ++i) {
        const core::Project& project = portfolio.projects()[i];
        for (const auto& planned : {project.planned_start, project.planned_finish}) {
            if (planned) {
                span(*planned);
            }
        }
        for (const core::ProgressReport& report : portfolio.reports(i)) {
            days.insert(report.report_date);
        }
        for (const core::Milestone& milestone : portfolio.milestones(i)) {
            span(milestone.planned_date);
            if (milestone.actual_date) {
                days.insert(*milestone.actual_date);
            }
        }
        for (const core::SiteVisit& visit : portfolio.site_visits(i)) {
            days.insert(visit.visit_date);
        }
    }
    for (const core::Problem& problem : portfolio.problems()) {
        days.insert(problem.raised_date);
        if (problem.closed_date) {
            days.insert(*problem.closed_date);
        }
    }
    for (const core::Date day : days) {
        span(day);
    }
    session->m_record_days.assign(days.begin(), days.end());
    timing("  renderer and record days: %.3f s", timer.restart() / 1000.0);

    session->m_photos = session->m_project.store->photos();
    std::sort(session->m_photos.begin(), session->m_photos.end(),
              [](const core::Photo& a, const core::Photo& b) { return a.taken_at < b.taken_at; });

    const std::string as_of = session->m_project.store->setting("as_of");
    const auto set = core::Date::parse_iso(as_of);
    core::Date start = set ? *set : core::today();
    if (!first) {
        first = last = start;
    }
    // The slider runs from the first record to the later of the last one and the as-of day.
    session->m_first_day = std::min(*first, start);
    session->m_last_day = std::max(*last, start);
    session->m_default_as_of = start;
    return session;
}

std::vector<const core::Photo*> ProjectSession::photos(const std::string& project_id) const {
    std::vector<const core::Photo*> found;
    for (const core::Photo& photo : m_photos) {
        if (photo.project_id == project_id) {
            found.push_back(&photo);
        }
    }
    return found;
}

QString ProjectSession::photo_file(const core::Photo& photo) const {
    const QDir folder = QFileInfo(m_path).absoluteDir();
    const QString relative = QString::fromStdString(photo.path);
    for (const QString& candidate :
         {folder.filePath(relative), folder.filePath(QStringLiteral("photos/") + relative)}) {
        if (QFileInfo::exists(candidate)) {
            return candidate;
        }
    }
    return {};
}

} // namespace xj::viewer
