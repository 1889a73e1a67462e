#pragma once

// Label placement without collisions: candidates in order of priority, each tried at a few
// positions around its anchor; the first position that meets no placed label, no reserved box
// and stays on the map wins; a label with no free position is left out.

#include "xiangjian/render/map_renderer.h"
#include "xiangjian/render/symbology.h"

#include <QPointF>
#include <QRectF>
#include <QString>
#include <vector>

class QPainter;

namespace xj::render::detail {

struct LabelCandidate {
    QString text;
    QPointF anchor;
    LabelStyle style;
    int priority = 0;     ///< lower goes first
    double clearance = 0; ///< a point's symbol radius: the label goes beside it, not on it
};

/// Places and draws the labels; returns those placed.
std::vector<PlacedLabel> place_labels(QPainter& painter, std::vector<LabelCandidate> candidates,
                                      const QRectF& bounds, const std::vector<QRectF>& reserved,
                                      double scale);

} // namespace xj::render::detail
