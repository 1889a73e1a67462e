#include "project_session.h"

#include "timings.h"
#include "xiangjian/core/error.h"
#include "xiangjian/core/language.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <algorithm>
#include <atomic>

namespace xj::viewer {

namespace {

ProjectSession::RecordDays find_record_days(const core::Portfolio& portfolio) {
    ProjectSession::RecordDays found;
    std::set<core::Date> days;
    const auto span = [&](core::Date day) {
        found.first = found.first ? std::min(*found.first, day) : day;
        found.last = found.last ? std::max(*found.last, day) : day;
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
    found.days.assign(days.begin(), days.end());
    return found;
}

} // namespace

std::unique_ptr<ProjectSession> ProjectSession::open(const QString& path,
                                                     const std::optional<FirstView>& first_view) {
    std::unique_ptr<ProjectSession> session(new ProjectSession);
    session->m_path = path;
    QElapsedTimer timer;
    timer.start();
    // The renderer once the layers' core has made it, for the engine's core to bind the sites
    // to the portfolio's projects when it has done its own part, if the renderer is there by
    // then (it nearly always is: the first snapshot takes longer than making it). Otherwise
    // the first render of the sites binds them.
    std::atomic<render::MapRenderer*> renderer{nullptr};
    // Each core goes on from its half of the read: the layers' core makes the renderer and
    // prepares the geometry of the first view (projected and simplified at its scale, the
    // longest part of a first frame), the engine's core finds the days with records and makes
    // the first day's snapshot. Neither waits for the other's half.
    session->m_project.read_whole(
        path.toStdString(),
        [&] {
            timing(session->m_project.layers.from_cache ? "  layers: from the map cache"
                                                        : "  layers: from the project");
            session->m_renderer = std::make_unique<render::MapRenderer>(
                session->m_project.layers, session->m_project.display_crs(""));
            renderer.store(session->m_renderer.get());
            session->m_display_extent = session->m_renderer->display_extent();
            if (session->m_display_extent.empty()) {
                throw Error(path.toStdString() +
                            text("：项目中没有可画的边界和项目位置（请先导入行政区或项目）",
                                 ": the project has no boundaries and no sites to draw (import "
                                 "units or projects first)"));
            }
            if (first_view && first_view->width > 0 && first_view->height > 0) {
                QElapsedTimer prepared;
                prepared.start();
                // As the canvas shows a new project (zoom_to_county) and its render worker
                // draws it.
                const render::MapView view =
                    render::MapView::fit(session->m_display_extent, first_view->width,
                                         first_view->height)
                        .in_device_pixels(first_view->device_pixel_ratio);
                render::RenderOptions options;
                options.layers = first_view->layers;
                options.scale = first_view->device_pixel_ratio;
                // On both cores: the engine's core makes the first snapshot meanwhile, and
                // finishes first (against one thread here: 1.74 against 1.86 s, median of 7
                // first openings in turn on the province).
                options.threads = 2;
                session->m_renderer->prepare_geometry(view, options);
                timing("  first view's geometry: %.3f s", prepared.elapsed() / 1000.0);
            }
        },
        [&](const core::Portfolio& portfolio, const store::ProjectStore& store) {
            timing("  portfolio read, layers too");
            session->set_days(find_record_days(portfolio), store.setting("as_of"));
            // Within the span, as the date bar keeps its day.
            session->m_opening_day =
                first_view && first_view->as_of
                    ? std::clamp(*first_view->as_of, session->m_first_day, session->m_last_day)
                    : session->m_default_as_of;
            if (first_view && first_view->snapshot) {
                QElapsedTimer made;
                made.start();
                session->m_first_snapshot = first_view->snapshot(portfolio, session->m_opening_day);
                timing("  first snapshot: %.3f s", made.elapsed() / 1000.0);
            }
            if (render::MapRenderer* sites_renderer = renderer.load()) {
                sites_renderer->bind_sites(portfolio);
                timing("  sites bound to their projects");
            }
        },
        first_view && first_view->ahead.engine ? first_view->ahead.engine.get() : nullptr,
        first_view && first_view->ahead.layers ? first_view->ahead.layers.get() : nullptr);
    timing("  layers and portfolio: %.3f s", timer.restart() / 1000.0);
    session->m_county_name = QString::fromStdString(session->m_project.county_name());
    session->m_photos = session->m_project.store->photos();
    std::sort(session->m_photos.begin(), session->m_photos.end(),
              [](const core::Photo& a, const core::Photo& b) { return a.taken_at < b.taken_at; });
    return session;
}

void ProjectSession::set_days(RecordDays days, const std::string& as_of_setting) {
    m_record_days = std::move(days.days);
    const auto set = core::Date::parse_iso(as_of_setting);
    const core::Date start = set ? *set : core::today();
    // The slider runs from the first record to the later of the last one and the as-of day.
    m_first_day = std::min(days.first.value_or(start), start);
    m_last_day = std::max(days.last.value_or(start), start);
    m_default_as_of = start;
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
