#pragma once

// Draws the canvas's layers on a worker thread, one request at a time (the renderer keeps
// per-scale caches and is not shared between threads). A newer request cancels the running one
// (QGIS's canvas does the same with its render jobs); each layer is handed over as soon as it
// is drawn, so the canvas shows progress.

// moc cannot parse libstdc++'s C++20 headers these bring in; it needs only the names.
#ifndef Q_MOC_RUN
#include "canvas_layers.h"
#include "snapshot.h"
#include "xiangjian/render/map_view.h"
#endif

#include <QImage>
#include <QObject>
#include <QThreadPool>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace xj::viewer {

class ProjectSession;

struct RenderRequest {
    std::uint64_t id = 0;
    render::MapView view; ///< in device-independent pixels
    double device_pixel_ratio = 1.0;
    std::shared_ptr<const Snapshot> snapshot;
    std::vector<CanvasLayer> layers;
    QString basemap;
    bool english = false;
};

struct RenderedLayer {
    std::uint64_t request = 0;
    CanvasLayer layer = CanvasLayer::villages;
    QImage image;
    render::MapView view;
    std::uint64_t digest = 0; ///< of the snapshot content the layer drew
    render::RenderStats stats;
};

class RenderWorker : public QObject {
    Q_OBJECT
public:
    explicit RenderWorker(QObject* parent = nullptr);
    ~RenderWorker() override;

    void set_session(const ProjectSession* session);
    /// Replaces whatever is waiting, and cancels what is running.
    void request(RenderRequest request);
    /// Runs `task` on the render thread after the current request (exports draw there too).
    void run_exclusive(std::function<void()> task);
    void cancel();
    /// Waits until nothing runs (closing a project).
    void wait_idle();
    bool busy() const { return m_running; }

signals:
    void layer_rendered(const xj::viewer::RenderedLayer& layer);
    void request_finished(std::uint64_t request, bool cancelled, double seconds);
    void render_failed(const QString& message);

private:
    void start_next();
    void on_done(std::uint64_t id, bool cancelled, double seconds);

    const ProjectSession* m_session = nullptr;
    QThreadPool m_pool;
    std::optional<RenderRequest> m_waiting;
    std::vector<std::function<void()>> m_tasks;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_running = false;
};

/// The digest of what a layer draws in a snapshot: 0 for the layers the day does not colour.
std::uint64_t layer_digest(CanvasLayer layer, const Snapshot& snapshot);

} // namespace xj::viewer

Q_DECLARE_METATYPE(xj::viewer::RenderedLayer)
