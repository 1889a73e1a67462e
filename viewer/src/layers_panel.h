#pragma once

// The layers: visibility (check boxes), order (drag, top of the list drawn on top), opacity
// (slider of the current layer), an optional raster basemap; the theme; and the legend of what
// is drawn with counts of what is in view.

// moc cannot parse libstdc++'s C++20 headers these bring in; it needs only the names.
#ifndef Q_MOC_RUN
#include "canvas_layers.h"
#include "xiangjian/render/symbology.h"
#include "xiangjian/render/theme_data.h"
#endif

#include <QWidget>
#include <vector>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSlider;
class QTreeWidget;

namespace xj::viewer {

class LayersPanel : public QWidget {
    Q_OBJECT
public:
    explicit LayersPanel(QWidget* parent = nullptr);
    /// Bottom to top.
    std::vector<LayerState> layers() const;
    void set_layers(const std::vector<LayerState>& layers);
    render::Theme theme() const;
    void set_theme(render::Theme theme);
    void set_legend(const std::vector<render::LegendItem>& legend);
    void retranslate();

    QListWidget* layer_list() const { return m_list; }
    QSlider* opacity() const { return m_opacity; }
    QComboBox* theme_box() const { return m_theme; }
    QTreeWidget* legend() const { return m_legend; }

signals:
    void layers_changed();
    void theme_changed(render::Theme theme);
    void basemap_requested();

private:
    QString layer_name(CanvasLayer layer) const;

    QLabel* m_theme_label;
    QComboBox* m_theme;
    QLabel* m_layers_label;
    QListWidget* m_list;
    QLabel* m_opacity_label;
    QSlider* m_opacity;
    QPushButton* m_basemap;
    QLabel* m_legend_label;
    QTreeWidget* m_legend;
    std::vector<render::LegendItem> m_items;
};

} // namespace xj::viewer
