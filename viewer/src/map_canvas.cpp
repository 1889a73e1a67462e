#include "map_canvas.h"

#include "project_session.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string_view>

namespace xj::viewer {

namespace {

const QColor paper(252, 251, 248);
const QColor selection_colour(0, 200, 255);

bool same_view(const render::MapView& a, const render::MapView& b) {
    return a.width == b.width && a.height == b.height && a.box.min_x == b.box.min_x &&
           a.box.min_y == b.box.min_y && a.box.max_x == b.box.max_x && a.box.max_y == b.box.max_y;
}

double segment_distance(QPointF p, QPointF a, QPointF b) {
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t =
        length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    const QPointF nearest = a + t * ab;
    return std::hypot(p.x() - nearest.x(), p.y() - nearest.y());
}

/// Even-odd point in rings (x, y pairs).
bool inside(QPointF p, const std::vector<std::vector<double>>& rings) {
    bool in = false;
    for (const auto& ring : rings) {
        const std::size_t n = ring.size() / 2;
        for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
            const double xi = ring[2 * i], yi = ring[2 * i + 1];
            const double xj = ring[2 * j], yj = ring[2 * j + 1];
            if (((yi > p.y()) != (yj > p.y())) &&
                p.x() < (xj - xi) * (p.y() - yi) / (yj - yi) + xi) {
                in = !in;
            }
        }
    }
    return in;
}

} // namespace

MapCanvas::MapCanvas(RenderWorker& worker, QWidget* parent) : QWidget(parent), m_worker(worker) {
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 150);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_layers = default_layers();
    m_refresh_timer.setSingleShot(true);
    m_refresh_timer.setInterval(0);
    connect(&m_refresh_timer, &QTimer::timeout, this, &MapCanvas::refresh);
    connect(&m_worker, &RenderWorker::layer_rendered, this, &MapCanvas::on_layer_rendered);
    connect(&m_worker, &RenderWorker::request_finished, this,
            [this](std::uint64_t request, bool cancelled, double) {
                on_request_finished(request, cancelled);
            });
}

MapCanvas::~MapCanvas() = default;

void MapCanvas::set_session(const ProjectSession* session) {
    m_session = session;
    m_images.clear();
    m_snapshot.reset();
    m_selection.clear();
    m_selection_lines.clear();
    m_selection_points.clear();
    m_to_lonlat.reset();
    m_to_display.reset();
    if (m_session != nullptr) {
        m_to_lonlat = std::make_unique<render::DisplayCrs::Transform>(m_session->crs(), true);
        m_to_display = std::make_unique<render::DisplayCrs::Transform>(m_session->crs(), false);
        zoom_to_county();
    }
    update();
}

void MapCanvas::set_snapshot(std::shared_ptr<const Snapshot> snapshot) {
    if (snapshot == m_snapshot) {
        return; // being drawn already (a new project's first, given before the panels get it)
    }
    m_snapshot = std::move(snapshot);
    // At once, not behind the refresh timer: the render thread draws the new day while the GUI
    // thread brings the tables and panels up to it.
    if (!m_dragging) {
        m_refresh_timer.stop();
        refresh();
    }
}

void MapCanvas::set_layers(std::vector<LayerState> layers) {
    m_layers = std::move(layers);
    update();           // opacity, order: compose again
    schedule_refresh(); // a layer made visible may need drawing
}

void MapCanvas::set_basemap(const QString& path) {
    m_basemap = path;
    m_images.erase(CanvasLayer::basemap);
    schedule_refresh();
}

void MapCanvas::set_english(bool english) {
    if (m_english != english) {
        m_english = english;
        schedule_refresh();
    }
}

// ---- the view ------------------------------------------------------------------------------

void MapCanvas::set_view(const render::MapView& view) {
    m_view = view;
    m_pending_request = 0; // what is drawing is for another view
    update();
    emit view_changed();
    if (!m_dragging) {
        schedule_refresh();
    }
}

void MapCanvas::show_box(const render::Box& display_box) {
    if (display_box.empty() || width() <= 0 || height() <= 0) {
        return;
    }
    set_view(render::MapView::fit(display_box, width(), height()));
}

void MapCanvas::zoom_to_county() {
    if (m_session != nullptr) {
        show_box(m_session->display_extent());
    }
}

void MapCanvas::zoom_to_township(const std::string& code) {
    if (m_session != nullptr) {
        show_box(m_session->renderer().township_extent(code));
    }
}

void MapCanvas::zoom_to_selection() {
    if (m_session == nullptr || m_selection.empty()) {
        return;
    }
    const render::Box box = m_session->renderer().projects_extent(m_selection);
    if (!box.empty()) {
        show_box(render::surroundings(box, 1500.0, 1.2));
    }
}

void MapCanvas::zoom_by(double factor, QPointF anchor) {
    if (m_session == nullptr || factor <= 0) {
        return;
    }
    const double mpp = m_view.metres_per_pixel() / factor;
    if (mpp < 0.05 || mpp > 20000) {
        return; // closer than 5 cm a pixel or wider than a province says nothing more
    }
    const QPointF at = m_view.to_map(anchor);
    render::MapView view = m_view;
    view.box.min_x = at.x() - anchor.x() * mpp;
    view.box.max_x = view.box.min_x + m_view.width * mpp;
    view.box.max_y = at.y() + anchor.y() * mpp;
    view.box.min_y = view.box.max_y - m_view.height * mpp;
    set_view(view);
}

void MapCanvas::pan_by(QPointF device_delta) {
    if (m_session == nullptr) {
        return;
    }
    const double mpp = m_view.metres_per_pixel();
    render::MapView view = m_view;
    view.box.min_x -= device_delta.x() * mpp;
    view.box.max_x -= device_delta.x() * mpp;
    view.box.min_y += device_delta.y() * mpp;
    view.box.max_y += device_delta.y() * mpp;
    set_view(view);
}

// ---- rendering -----------------------------------------------------------------------------

bool MapCanvas::current(const RenderedLayer& image, CanvasLayer layer) const {
    return same_view(image.view, m_view) && m_snapshot != nullptr &&
           image.digest == layer_digest(layer, *m_snapshot);
}

void MapCanvas::schedule_refresh() {
    if (!m_refresh_timer.isActive()) {
        m_refresh_timer.start();
    }
}

void MapCanvas::refresh() {
    if (m_session == nullptr || m_snapshot == nullptr || m_view.width <= 0) {
        return;
    }
    RenderRequest request;
    request.layers = stale_layers(); // bottom up: the picture builds the way it is read
    if (request.layers.empty()) {
        m_pending_request = 0;
        emit settled_changed();
        return;
    }
    request.id = m_next_request++;
    request.view = m_view;
    request.device_pixel_ratio = devicePixelRatioF();
    request.snapshot = m_snapshot;
    request.basemap = m_basemap;
    request.english = m_english;
    m_pending_request = request.id;
    m_worker.request(std::move(request));
}

void MapCanvas::on_layer_rendered(const RenderedLayer& layer) {
    const auto found = m_images.find(layer.layer);
    // A layer for another view still beats no layer at all; otherwise keep the better one.
    if (found == m_images.end() || same_view(layer.view, m_view)) {
        m_images[layer.layer] = layer;
        update();
    }
}

void MapCanvas::on_request_finished(std::uint64_t request, bool cancelled) {
    if (request == m_pending_request) {
        m_pending_request = 0;
        if (cancelled) {
            schedule_refresh();
        } else if (settled()) {
            emit settled_changed();
        } else {
            schedule_refresh(); // the snapshot changed while drawing
        }
    } else if (m_pending_request == 0 && !m_dragging) {
        schedule_refresh(); // the view changed meanwhile: draw it now
    }
}

std::vector<CanvasLayer> MapCanvas::stale_layers() const {
    std::vector<CanvasLayer> stale;
    for (const LayerState& state : m_layers) {
        if (!state.visible || (state.layer == CanvasLayer::basemap && m_basemap.isEmpty())) {
            continue;
        }
        const auto found = m_images.find(state.layer);
        if (found == m_images.end() || !current(found->second, state.layer)) {
            stale.push_back(state.layer);
        }
    }
    return stale;
}

bool MapCanvas::settled() const {
    return m_session != nullptr && m_snapshot != nullptr && m_pending_request == 0 &&
           !m_refresh_timer.isActive() && !m_dragging && stale_layers().empty();
}

std::vector<render::LegendItem> MapCanvas::legend() const {
    std::vector<render::LegendItem> items;
    const auto village = m_images.find(CanvasLayer::villages);
    const auto visible = [&](CanvasLayer layer) {
        return std::any_of(m_layers.begin(), m_layers.end(), [&](const LayerState& state) {
            return state.layer == layer && state.visible;
        });
    };
    if (village != m_images.end() && visible(CanvasLayer::villages)) {
        items = village->second.stats.legend;
    }
    // The site layers are drawn apart: a project with sites in two of them (a road and its
    // bridge point) is counted once, from the projects each layer shows, not by adding counts.
    std::vector<render::LegendItem> projects;
    std::vector<std::pair<std::uint32_t, int>> shown; // project, category; of every site layer
    for (const CanvasLayer layer :
         {CanvasLayer::polygons, CanvasLayer::lines, CanvasLayer::points}) {
        const auto found = m_images.find(layer);
        if (found == m_images.end() || !visible(layer)) {
            continue;
        }
        for (const render::LegendItem& item : found->second.stats.legend) {
            const auto same = std::find_if(projects.begin(), projects.end(), [&](const auto& p) {
                return p.kind == item.kind && p.label_zh == item.label_zh;
            });
            if (same == projects.end()) {
                projects.push_back(item);
            }
        }
        shown.insert(shown.end(), found->second.stats.projects_shown.begin(),
                     found->second.stats.projects_shown.end());
    }
    // A project once: as the first layer above shows it (by its index in the Portfolio, the
    // same in every layer; sorting numbers, not hashing a province's 140,000 ids).
    std::stable_sort(shown.begin(), shown.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    shown.erase(std::unique(shown.begin(), shown.end(),
                            [](const auto& a, const auto& b) { return a.first == b.first; }),
                shown.end());
    std::map<int, int> counts; // by category
    for (const auto& [project, category] : shown) {
        ++counts[category];
    }
    for (render::LegendItem& item : projects) {
        if (item.type < 0 && item.kind == render::LegendItem::Kind::marker) {
            const auto count = counts.find(item.category);
            item.count = count != counts.end() ? count->second : 0;
        }
    }
    items.insert(items.end(), projects.begin(), projects.end());
    return items;
}

// ---- painting ------------------------------------------------------------------------------

void MapCanvas::compose(QPainter& painter) const {
    painter.fillRect(rect(), paper);
    if (m_session == nullptr) {
        return;
    }
    painter.setRenderHint(QPainter::SmoothPixmapTransform, !m_dragging);
    for (const LayerState& state : m_layers) {
        const auto found = m_images.find(state.layer);
        if (!state.visible || found == m_images.end() || state.opacity <= 0) {
            continue;
        }
        const RenderedLayer& layer = found->second;
        // Where the image's view lies in the current one: moved on a pan, scaled on a zoom.
        const QPointF top_left = m_view.to_device(layer.view.box.min_x, layer.view.box.max_y);
        const QPointF bottom_right = m_view.to_device(layer.view.box.max_x, layer.view.box.min_y);
        painter.setOpacity(state.opacity);
        painter.drawImage(QRectF(top_left, bottom_right), layer.image);
    }
    painter.setOpacity(1.0);
    if (m_selection_lines.empty() && m_selection_points.empty()) {
        return;
    }
    painter.setRenderHint(QPainter::Antialiasing);
    // A wide translucent halo under which the line's own colour still shows.
    QColor translucent = selection_colour;
    translucent.setAlpha(110);
    QPen halo(translucent, 11, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setBrush(Qt::NoBrush);
    for (const QPolygonF& line : m_selection_lines) {
        QPolygonF device;
        device.reserve(line.size());
        for (const QPointF& p : line) {
            device.append(m_view.to_device(p.x(), p.y()));
        }
        painter.setPen(halo);
        painter.drawPolyline(device);
    }
    for (const QPointF& p : m_selection_points) {
        const QPointF at = m_view.to_device(p.x(), p.y());
        painter.setPen(QPen(Qt::white, 5));
        painter.drawEllipse(at, 11, 11);
        painter.setPen(QPen(selection_colour, 3));
        painter.drawEllipse(at, 11, 11);
    }
}

void MapCanvas::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    compose(painter);
}

QImage MapCanvas::composed() const {
    QImage image(size() * devicePixelRatioF(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatioF());
    QPainter painter(&image);
    compose(painter);
    return image;
}

void MapCanvas::resizeEvent(QResizeEvent*) {
    if (m_session == nullptr) {
        return;
    }
    if (m_view.width <= 0) {
        zoom_to_county();
        return;
    }
    // Keep the centre and the scale; the window shows more or less around them.
    const double mpp = m_view.metres_per_pixel();
    const double cx = (m_view.box.min_x + m_view.box.max_x) / 2;
    const double cy = (m_view.box.min_y + m_view.box.max_y) / 2;
    render::MapView view;
    view.width = width();
    view.height = height();
    view.box = {cx - width() * mpp / 2, cy - height() * mpp / 2, cx + width() * mpp / 2,
                cy + height() * mpp / 2};
    set_view(view);
}

// ---- input ---------------------------------------------------------------------------------

void MapCanvas::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        m_dragging = true;
        m_moved = false;
        m_press_at = m_last_at = event->position();
        setCursor(Qt::ClosedHandCursor);
    }
}

void MapCanvas::mouseMoveEvent(QMouseEvent* event) {
    if (m_session != nullptr) {
        const QPointF map = m_view.to_map(event->position());
        double xy[2] = {map.x(), map.y()};
        m_to_lonlat->apply(xy);
        emit cursor_moved(xy[0], xy[1], map.x(), map.y());
    }
    if (!m_dragging || !(event->buttons() & Qt::LeftButton)) {
        return;
    }
    const QPointF delta = event->position() - m_last_at;
    if (!m_moved && (event->position() - m_press_at).manhattanLength() < 4) {
        return; // a click that trembles is still a click
    }
    m_moved = true;
    m_last_at = event->position();
    pan_by(delta); // the images move with the mouse; nothing is drawn until release
}

void MapCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || !m_dragging) {
        return;
    }
    m_dragging = false;
    unsetCursor();
    if (m_moved) {
        pan_by(event->position() - m_last_at);
        schedule_refresh();
        return;
    }
    emit clicked(hit(event->position()));
}

void MapCanvas::wheelEvent(QWheelEvent* event) {
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0) {
        zoom_by(std::pow(1.25, steps), event->position());
    }
    event->accept();
}

void MapCanvas::keyPressEvent(QKeyEvent* event) {
    const QPointF centre(width() / 2.0, height() / 2.0);
    const double step = std::min(width(), height()) / 4.0;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoom_by(1.5, centre);
        break;
    case Qt::Key_Minus:
        zoom_by(1 / 1.5, centre);
        break;
    case Qt::Key_Left:
        pan_by({step, 0});
        break;
    case Qt::Key_Right:
        pan_by({-step, 0});
        break;
    case Qt::Key_Up:
        pan_by({0, step});
        break;
    case Qt::Key_Down:
        pan_by({0, -step});
        break;
    case Qt::Key_Home:
        zoom_to_county();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

// ---- what is where -------------------------------------------------------------------------

QPointF MapCanvas::device_point(double lon, double lat) const {
    double xy[2] = {lon, lat};
    m_to_display->apply(xy);
    return m_view.to_device(xy[0], xy[1]);
}

render::Box MapCanvas::lonlat_box(QPointF centre, double half_side) const {
    // A few pixels across: its corners are enough (no densified edges), through the canvas's
    // own transformation (making one costs PROJ milliseconds a click).
    double corners[8] = {centre.x() - half_side, centre.y() - half_side, centre.x() + half_side,
                         centre.y() - half_side, centre.x() + half_side, centre.y() + half_side,
                         centre.x() - half_side, centre.y() + half_side};
    m_to_lonlat->apply(corners);
    render::Box box;
    for (int i = 0; i < 8; i += 2) {
        box.expand(corners[i], corners[i + 1]);
    }
    return box;
}

MapHit MapCanvas::hit(QPointF device) const {
    if (m_session == nullptr) {
        return {};
    }
    const render::MapLayers& layers = m_session->layers();
    const double mpp = m_view.metres_per_pixel();
    const double reach = 8 * mpp;
    const QPointF at = m_view.to_map(device);
    const render::Box window = lonlat_box(at, reach);
    const auto display_parts = [&](const render::FlatLayer& layer, std::uint32_t i) {
        std::vector<std::vector<double>> parts;
        for (const auto& part : layer.parts(layer.shape(i))) {
            layer.points(part).append_to(parts.emplace_back());
            m_to_display->apply(parts.back());
        }
        return parts;
    };
    double best = std::numeric_limits<double>::infinity();
    std::string best_id;
    const auto consider = [&](const render::FlatLayer& layer,
                              const std::vector<render::MapSite>& sites, bool polygon) {
        std::vector<std::uint32_t> found;
        layer.query(window, found);
        for (const std::uint32_t i : found) {
            const auto parts = display_parts(layer, i);
            double distance = std::numeric_limits<double>::infinity();
            if (polygon && inside(at, parts)) {
                distance = 0.5 * reach; // sites on top of an area win when as close
            }
            for (const auto& xy : parts) {
                if (xy.size() == 2) {
                    distance = std::min(distance, std::hypot(at.x() - xy[0], at.y() - xy[1]));
                }
                for (std::size_t k = 0; k + 3 < xy.size(); k += 2) {
                    distance = std::min(
                        distance, segment_distance(at, {xy[k], xy[k + 1]}, {xy[k + 2], xy[k + 3]}));
                }
            }
            if (distance <= reach && distance < best) {
                best = distance;
                best_id = sites[i].project_id;
            }
        }
    };
    consider(layers.points, layers.point_sites, false);
    consider(layers.lines, layers.line_sites, false);
    consider(layers.polygons, layers.polygon_sites, true);
    if (!best_id.empty()) {
        return {MapHit::Kind::site, best_id};
    }
    std::vector<std::uint32_t> villages;
    const render::Box point = lonlat_box(at, mpp / 2);
    layers.villages.query(point, villages);
    for (const std::uint32_t i : villages) {
        if (inside(at, display_parts(layers.villages, i))) {
            return {MapHit::Kind::village, layers.village_units[i].code};
        }
    }
    return {};
}

void MapCanvas::set_selection(const std::set<std::string>& project_ids) {
    if (project_ids == m_selection) {
        return;
    }
    m_selection = project_ids;
    update_selection_shapes();
    update();
}

void MapCanvas::update_selection_shapes() {
    m_selection_lines.clear();
    m_selection_points.clear();
    if (m_session == nullptr) {
        return;
    }
    const render::MapLayers& layers = m_session->layers();
    const auto collect = [&](const render::FlatLayer& layer,
                             const std::vector<render::MapSite>& sites, bool points) {
        for (std::size_t i = 0; i < sites.size(); ++i) {
            if (!m_selection.contains(sites[i].project_id)) {
                continue;
            }
            for (const auto& part : layer.parts(layer.shape(i))) {
                std::vector<double> display;
                layer.points(part).append_to(display);
                m_to_display->apply(display);
                if (points) {
                    m_selection_points.emplace_back(display[0], display[1]);
                    continue;
                }
                QPolygonF line;
                for (std::size_t k = 0; k + 1 < display.size(); k += 2) {
                    line.append({display[k], display[k + 1]});
                }
                m_selection_lines.push_back(std::move(line));
            }
        }
    };
    collect(layers.points, layers.point_sites, true);
    collect(layers.lines, layers.line_sites, false);
    collect(layers.polygons, layers.polygon_sites, false);
}

} // namespace xj::viewer
