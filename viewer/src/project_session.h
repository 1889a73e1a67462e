#pragma once

// A project opened in the viewer: its map layers, its engine (Portfolio), the renderer and
// the days that have records. Built once on a worker thread, then read-only: the GUI reads
// the portfolio and layers, the render worker alone draws through the renderer.

#include "read_ahead.h"
#include "xiangjian/core/date.h"
#include "xiangjian/core/photo.h"
#include "xiangjian/render/map_project.h"
#include "xiangjian/render/map_renderer.h"

#include <QString>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace xj::viewer {

struct Snapshot;

/// The map's first view, when known as a project is opened: the canvas's size and device pixel
/// ratio, and the layers drawn (render::MapLayer bits). The canvas shows a new project whole.
struct FirstView {
    int width = 0, height = 0;
    double device_pixel_ratio = 1;
    unsigned layers = 0;
    /// Makes the window's snapshot of the day the project opens at, on the engine's core once
    /// its tables are read (beside the geometry); none when not given.
    std::function<std::shared_ptr<const Snapshot>(const core::Portfolio&, core::Date)> snapshot;
    /// The day it is made for (within the project's span, as the date bar keeps it); none: the
    /// project's own as-of day.
    std::optional<core::Date> as_of;
    /// The reads begun before the window was built (read_ahead), for this project.
    ReadAhead ahead;
};

class ProjectSession {
public:
    /// The days that have records (the slider's ticks), and the first and last dated record or
    /// plan.
    struct RecordDays {
        std::vector<core::Date> days;
        std::optional<core::Date> first, last;
    };

    /// Opens `path` read-only (throws xj::Error, e.g. ProjectFileError, naming the file). With
    /// `first_view`, the geometry it draws is prepared while the engine's tables are still read.
    static std::unique_ptr<ProjectSession> open(const QString& path,
                                                const std::optional<FirstView>& first_view = {});

    const QString& path() const { return m_path; }
    const render::MapProject& project() const { return m_project; }
    const core::Portfolio& portfolio() const { return *m_project.portfolio; }
    const render::MapLayers& layers() const { return m_project.layers; }
    /// Draws on the render worker's thread only (it caches display geometry per scale).
    render::MapRenderer& renderer() const { return *m_renderer; }
    const render::DisplayCrs& crs() const { return m_renderer->crs(); }
    render::Box display_extent() const { return m_display_extent; }
    QString county_name() const { return m_county_name; }

    /// The day the project opens at: its as-of setting, else today, kept inside first..last.
    core::Date default_as_of() const { return m_default_as_of; }
    /// The span of the slider: the earliest and latest dated record or plan (or the as-of day).
    core::Date first_day() const { return m_first_day; }
    core::Date last_day() const { return m_last_day; }
    /// The day the window shows first: FirstView::as_of within the span, else the project's
    /// as-of day.
    core::Date opening_day() const { return m_opening_day; }
    /// Days with progress reports, milestones reached, visits or problems: the slider's ticks.
    const std::vector<core::Date>& record_days() const { return m_record_days; }
    /// The project's photos, by time taken.
    std::vector<const core::Photo*> photos(const std::string& project_id) const;
    /// Where a photo's file is: beside the project, or in its photos/ folder; empty if neither.
    QString photo_file(const core::Photo& photo) const;

    /// The snapshot FirstView::snapshot made, once: null when none was asked for or it was taken.
    std::shared_ptr<const Snapshot> take_first_snapshot() { return std::move(m_first_snapshot); }

    ProjectSession(const ProjectSession&) = delete; // the renderer refers to the layers
    ProjectSession& operator=(const ProjectSession&) = delete;

private:
    ProjectSession() = default;
    /// The slider's ticks and span, and the day the project opens at.
    void set_days(RecordDays days, const std::string& as_of_setting);

    QString m_path;
    render::MapProject m_project;
    std::unique_ptr<render::MapRenderer> m_renderer;
    render::Box m_display_extent;
    QString m_county_name;
    core::Date m_default_as_of, m_first_day, m_last_day, m_opening_day;
    std::vector<core::Date> m_record_days;
    std::vector<core::Photo> m_photos;
    std::shared_ptr<const Snapshot> m_first_snapshot;
};

} // namespace xj::viewer
