#pragma once

// The map canvas. It never draws the map itself: the render worker draws each layer into an
// image off the GUI thread, and the canvas composes the images it has, each placed where its
// view falls in the current one. So a drag moves the last images with the mouse and the wheel
// scales them, until the new ones arrive (QgsMapCanvas works the same way). Refreshes are
// merged behind a zero-time timer; a change of view cancels the render under way.

// moc cannot parse libstdc++'s C++20 headers these bring in; it needs only the names.
#ifndef Q_MOC_RUN
#include "canvas_layers.h"
#include "render_worker.h"
#include "xiangjian/render/display_geometry.h"
#include "xiangjian/render/map_view.h"
#endif

#include <QPolygonF>
#include <QTimer>
#include <QWidget>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace xj::viewer {

class ProjectSession;

/// What a click on the map found.
struct MapHit {
    enum class Kind { none, site, village } kind = Kind::none;
    std::string id; ///< project id or village code
};

class MapCanvas : public QWidget {
    Q_OBJECT
public:
    explicit MapCanvas(RenderWorker& worker, QWidget* parent = nullptr);
    ~MapCanvas() override;

    /// A new project (nullptr: none): the view goes to its whole extent.
    void set_session(const ProjectSession* session);
    /// The day's map; the one shown already is not drawn again.
    void set_snapshot(std::shared_ptr<const Snapshot> snapshot);
    /// Bottom to top.
    void set_layers(std::vector<LayerState> layers);
    const std::vector<LayerState>& layers() const { return m_layers; }
    void set_basemap(const QString& path);
    void set_english(bool english);
    /// The projects drawn highlighted.
    void set_selection(const std::set<std::string>& project_ids);
    const std::set<std::string>& selection() const { return m_selection; }

    const render::MapView& view() const { return m_view; }
    void show_box(const render::Box& display_box);
    void zoom_to_county();
    void zoom_to_township(const std::string& code);
    void zoom_to_selection();
    /// Zooms by `factor` (> 1 closer) keeping the map point under `anchor` in place.
    void zoom_by(double factor, QPointF anchor);
    void pan_by(QPointF device_delta);

    /// Every visible layer is drawn for the current view and snapshot, and nothing is drawing.
    bool settled() const;
    /// What a click at a device point finds: a site within a few pixels, else the village.
    MapHit hit(QPointF device) const;
    /// The legend of what is drawn in view: village classes from the village layer, project
    /// classes summed over the site layers.
    std::vector<render::LegendItem> legend() const;
    /// Device position of a lon/lat point in the current view.
    QPointF device_point(double lon, double lat) const;
    /// The composed map as it is shown (for tests and screenshots).
    QImage composed() const;

signals:
    void view_changed();
    /// Every visible layer is drawn for the current view and snapshot.
    void settled_changed();
    void cursor_moved(double lon, double lat, double x, double y);
    void clicked(const xj::viewer::MapHit& hit);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void schedule_refresh();
    void refresh();
    bool current(const RenderedLayer& image, CanvasLayer layer) const;
    /// The visible layers without an image for the current view and snapshot, bottom to top.
    std::vector<CanvasLayer> stale_layers() const;
    void set_view(const render::MapView& view);
    void on_layer_rendered(const RenderedLayer& layer);
    void on_request_finished(std::uint64_t request, bool cancelled);
    void update_selection_shapes();
    void compose(QPainter& painter) const;
    /// The lon/lat box of a small square of the display CRS.
    render::Box lonlat_box(QPointF centre, double half_side) const;

    RenderWorker& m_worker;
    const ProjectSession* m_session = nullptr;
    std::shared_ptr<const Snapshot> m_snapshot;
    std::vector<LayerState> m_layers;
    QString m_basemap;
    bool m_english = false;
    render::MapView m_view;
    std::map<CanvasLayer, RenderedLayer> m_images;
    QTimer m_refresh_timer;
    std::uint64_t m_next_request = 1;
    std::uint64_t m_pending_request = 0; ///< the request under way for the current view, or 0

    // Drag state.
    bool m_dragging = false;
    bool m_moved = false;
    QPointF m_press_at, m_last_at;

    std::set<std::string> m_selection;
    std::vector<QPolygonF> m_selection_lines; ///< display CRS: lines and polygon rings
    std::vector<QPointF> m_selection_points;  ///< display CRS
    std::unique_ptr<render::DisplayCrs::Transform> m_to_lonlat, m_to_display;
};

} // namespace xj::viewer
