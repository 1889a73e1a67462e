#include "layers_panel.h"

#include "xiangjian/core/language.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QSlider>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace xj::viewer {

namespace {

constexpr int layer_role = Qt::UserRole;
constexpr int opacity_role = Qt::UserRole + 1;

QIcon legend_icon(const render::LegendItem& item) {
    QPixmap pixmap(18, 14);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor colour(item.colour.r, item.colour.g, item.colour.b, item.colour.a);
    switch (item.kind) {
    case render::LegendItem::Kind::fill:
        painter.setPen(QPen(QColor(120, 120, 120), 0.8));
        painter.setBrush(colour);
        painter.drawRect(QRectF(1.5, 1.5, 15, 11));
        break;
    case render::LegendItem::Kind::line:
        painter.setPen(QPen(item.category == 1 ? QColor(60, 60, 60) : QColor(120, 120, 120),
                            item.category == 1 ? 2.2 : 1.4,
                            item.category == 1 ? Qt::SolidLine : Qt::DashDotLine));
        painter.drawLine(QPointF(1, 7), QPointF(17, 7));
        break;
    case render::LegendItem::Kind::marker:
        painter.setPen(QPen(Qt::white, 1));
        painter.setBrush(colour);
        painter.drawEllipse(QPointF(9, 7), 5, 5);
        break;
    }
    return QIcon(pixmap);
}

} // namespace

LayersPanel::LayersPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_theme_label = new QLabel(this);
    m_theme = new QComboBox(this);
    for (const render::Theme theme : {render::Theme::progress, render::Theme::status,
                                      render::Theme::stage, render::Theme::indicators}) {
        m_theme->addItem(QString(), static_cast<int>(theme));
    }
    m_layers_label = new QLabel(this);
    m_list = new QListWidget(this);
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 9 + 8); // its seven layers
    set_layers(default_layers());
    m_opacity_label = new QLabel(this);
    m_opacity = new QSlider(Qt::Horizontal, this);
    m_opacity->setRange(0, 100);
    m_opacity->setValue(100);
    m_basemap = new QPushButton(this);
    m_basemap->setIcon(style()->standardIcon(QStyle::SP_DirOpenIcon));
    m_legend_label = new QLabel(this);
    m_legend = new QTreeWidget(this);
    m_legend->setColumnCount(2);
    m_legend->setRootIsDecorated(false);
    m_legend->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_legend->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_legend->header()->setStretchLastSection(false);

    layout->addWidget(m_theme_label);
    layout->addWidget(m_theme);
    layout->addWidget(m_layers_label);
    layout->addWidget(m_list);
    layout->addWidget(m_opacity_label);
    layout->addWidget(m_opacity);
    layout->addWidget(m_basemap);
    layout->addWidget(m_legend_label);
    layout->addWidget(m_legend, 1);

    connect(m_theme, &QComboBox::currentIndexChanged, this,
            [this] { emit theme_changed(theme()); });
    connect(m_list, &QListWidget::itemChanged, this, [this] { emit layers_changed(); });
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this,
            [this] { emit layers_changed(); });
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        const QSignalBlocker block(m_opacity);
        m_opacity->setValue(item != nullptr ? item->data(opacity_role).toInt() : 100);
    });
    connect(m_opacity, &QSlider::valueChanged, this, [this](int value) {
        if (QListWidgetItem* item = m_list->currentItem()) {
            item->setData(opacity_role, value); // itemChanged → layers_changed
        }
    });
    connect(m_basemap, &QPushButton::clicked, this, [this] { emit basemap_requested(); });
    m_list->setCurrentRow(m_list->count() - 1 - static_cast<int>(CanvasLayer::villages));
    retranslate();
}

QString LayersPanel::layer_name(CanvasLayer layer) const {
    switch (layer) {
    case CanvasLayer::basemap:
        return tr("Basemap (raster)");
    case CanvasLayer::villages:
        return tr("Villages");
    case CanvasLayer::boundaries:
        return tr("Township and county boundaries");
    case CanvasLayer::polygons:
        return tr("Project areas");
    case CanvasLayer::lines:
        return tr("Roads and lines");
    case CanvasLayer::points:
        return tr("Project points");
    case CanvasLayer::labels:
        return tr("Labels");
    }
    return {};
}

void LayersPanel::retranslate() {
    m_theme_label->setText(tr("Theme"));
    m_theme->setItemText(0, tr("Progress (villages)"));
    m_theme->setItemText(1, tr("Status (projects)"));
    m_theme->setItemText(2, tr("Stage (projects)"));
    m_theme->setItemText(3, tr("Exit indicators (villages)"));
    m_theme->setToolTip(tr("What the colours show"));
    m_layers_label->setText(tr("Layers (drag to reorder)"));
    m_opacity_label->setText(tr("Opacity of the selected layer"));
    m_basemap->setText(tr("Basemap raster…"));
    m_basemap->setToolTip(tr("Any raster GDAL reads (GeoTIFF, a DEM drawn as hillshade)"));
    m_legend_label->setText(tr("Legend (counts in view)"));
    m_legend->setHeaderLabels({tr("Class"), tr("In view")});
    const QSignalBlocker block(m_list);
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem* item = m_list->item(row);
        item->setText(layer_name(static_cast<CanvasLayer>(item->data(layer_role).toInt())));
    }
    set_legend(m_items);
}

std::vector<LayerState> LayersPanel::layers() const {
    std::vector<LayerState> layers;
    for (int row = m_list->count() - 1; row >= 0; --row) { // bottom of the list first
        const QListWidgetItem* item = m_list->item(row);
        layers.push_back({static_cast<CanvasLayer>(item->data(layer_role).toInt()),
                          item->checkState() == Qt::Checked,
                          item->data(opacity_role).toInt() / 100.0});
    }
    return layers;
}

void LayersPanel::set_layers(const std::vector<LayerState>& layers) {
    const QSignalBlocker block(m_list);
    m_list->clear();
    // Top of the list is drawn on top, as in QGIS.
    for (auto state = layers.rbegin(); state != layers.rend(); ++state) {
        auto* item = new QListWidgetItem(layer_name(state->layer), m_list);
        item->setData(layer_role, static_cast<int>(state->layer));
        item->setData(opacity_role, static_cast<int>(state->opacity * 100 + 0.5));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
                       Qt::ItemIsDragEnabled);
        item->setCheckState(state->visible ? Qt::Checked : Qt::Unchecked);
    }
}

render::Theme LayersPanel::theme() const {
    return static_cast<render::Theme>(m_theme->currentData().toInt());
}

void LayersPanel::set_theme(render::Theme theme) {
    const int index = m_theme->findData(static_cast<int>(theme));
    if (index >= 0) {
        m_theme->setCurrentIndex(index);
    }
}

void LayersPanel::set_legend(const std::vector<render::LegendItem>& legend) {
    m_items = legend;
    m_legend->clear();
    const bool english = xj::language() == xj::Language::en;
    for (const render::LegendItem& item : legend) {
        auto* row = new QTreeWidgetItem(m_legend);
        row->setIcon(0, legend_icon(item));
        row->setText(0, QString::fromStdString(english ? item.label_en : item.label_zh));
        if (item.kind != render::LegendItem::Kind::line && item.type < 0) {
            row->setText(1, QString::number(item.count));
            row->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        }
    }
}

} // namespace xj::viewer
