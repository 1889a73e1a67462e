#include "render_worker.h"

#include "project_session.h"
#include "timings.h"
#include "xiangjian/core/parallel.h"

#include <QMetaObject>
#include <chrono>

namespace xj::viewer {

std::uint64_t layer_digest(CanvasLayer layer, const Snapshot& snapshot) {
    if (layer == CanvasLayer::villages) {
        return snapshot.village_digest;
    }
    if (layer == CanvasLayer::labels) {
        return snapshot.label_digest;
    }
    return follows_the_day(layer) ? snapshot.site_digest : 0;
}

RenderWorker::RenderWorker(QObject* parent) : QObject(parent) {
    qRegisterMetaType<xj::viewer::RenderedLayer>();
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1); // one long-lived render thread
}

RenderWorker::~RenderWorker() {
    cancel();
    m_pool.waitForDone();
}

void RenderWorker::set_session(const ProjectSession* session) {
    wait_idle();
    m_session = session;
}

void RenderWorker::cancel() {
    m_waiting.reset();
    if (m_cancel) {
        m_cancel->store(true);
    }
}

void RenderWorker::wait_idle() {
    cancel();
    m_tasks.clear();
    m_pool.waitForDone();
    m_running = false;
}

void RenderWorker::request(RenderRequest request) {
    m_waiting = std::move(request);
    if (m_running) {
        if (m_cancel) {
            m_cancel->store(true); // the view changed: stop drawing the old one
        }
        return;
    }
    start_next();
}

void RenderWorker::run_exclusive(std::function<void()> task) {
    m_tasks.push_back(std::move(task));
    if (!m_running) {
        start_next();
    }
}

void RenderWorker::start_next() {
    if (!m_tasks.empty()) {
        auto task = std::move(m_tasks.front());
        m_tasks.erase(m_tasks.begin());
        m_running = true;
        m_pool.start([this, task = std::move(task)] {
            task();
            QMetaObject::invokeMethod(
                this, [this] { on_done(0, false, 0); }, Qt::QueuedConnection);
        });
        return;
    }
    if (!m_waiting || m_session == nullptr) {
        return;
    }
    RenderRequest request = std::move(*m_waiting);
    m_waiting.reset();
    m_running = true;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_pool.start([this, request = std::move(request), cancel = m_cancel, session = m_session] {
        const auto start = std::chrono::steady_clock::now();
        const double ratio = request.device_pixel_ratio;
        const render::MapView device_view = request.view.in_device_pixels(ratio);
        QString failure;
        // Draws some of the request's layers, one after the other, each with `threads` threads.
        const auto draw = [&](const std::vector<CanvasLayer>& layers, unsigned threads) {
            for (const CanvasLayer layer : layers) {
                if (cancel->load()) {
                    return;
                }
                render::RenderOptions options;
                options.layers = static_cast<unsigned>(map_layer(layer));
                options.basemap = request.basemap.toStdString();
                options.scale = ratio;
                options.threads = threads;
                options.transparent = true;
                options.english = request.english;
                options.cancel = cancel.get();
                RenderedLayer rendered;
                rendered.request = request.id;
                rendered.layer = layer;
                rendered.view = request.view;
                rendered.digest = layer_digest(layer, *request.snapshot);
                rendered.stats = session->renderer().render(rendered.image, device_view,
                                                            request.snapshot->theme_data, options);
                if (rendered.stats.cancelled || cancel->load()) {
                    return;
                }
                rendered.image.setDevicePixelRatio(ratio);
                timing("render %s: prepare %.3f draw %.3f labels %.3f s",
                       qPrintable(layer_key(layer)), rendered.stats.prepare_seconds,
                       rendered.stats.draw_seconds, rendered.stats.label_seconds);
                QMetaObject::invokeMethod(
                    this, [this, rendered = std::move(rendered)] { emit layer_rendered(rendered); },
                    Qt::QueuedConnection);
            }
        };
        // A single layer is drawn with both cores (its lookup and its bands). Several are drawn
        // in two groups at once, one core each: the groups share none of the renderer's caches
        // (map_renderer.h); the labels, which look in all of them, come after both.
        std::vector<CanvasLayer> areas, sites, labels;
        for (const CanvasLayer layer : request.layers) {
            (layer == CanvasLayer::labels ? labels
             : layer == CanvasLayer::points || layer == CanvasLayer::lines ||
                     layer == CanvasLayer::polygons
                 ? sites
                 : areas)
                .push_back(layer);
        }
        try {
            if (areas.empty() || sites.empty()) {
                draw(areas.empty() ? sites : areas, 2);
            } else {
                core::run_in_parallel([&] { draw(sites, 1); }, [&] { draw(areas, 1); });
            }
            draw(labels, 2);
        } catch (const std::exception& error) {
            failure = QString::fromUtf8(error.what()); // e.g. a basemap GDAL cannot read
        }
        if (!failure.isEmpty()) {
            QMetaObject::invokeMethod(
                this, [this, failure] { emit render_failed(failure); }, Qt::QueuedConnection);
        }
        const bool cancelled = cancel->load();
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        QMetaObject::invokeMethod(
            this, [this, id = request.id, cancelled, seconds] { on_done(id, cancelled, seconds); },
            Qt::QueuedConnection);
    });
}

void RenderWorker::on_done(std::uint64_t id, bool cancelled, double seconds) {
    m_running = false;
    if (id != 0) {
        emit request_finished(id, cancelled, seconds);
    }
    start_next();
}

} // namespace xj::viewer
