#!/usr/bin/env python3
"""Opens a review bundle (a folder written by `xiangjian export shapefile`) in QGIS, headless, as
the province's reviewers would: each layer with the style beside it, its renderer and the alias
of its first field printed, and the whole drawn to /tmp/qgis-bundle.png to be looked at.
    QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/qgis-check-bundle.py BUNDLE_DIR
Needs Debian's qgis and python3-qgis (bench/render-packages.txt)."""
import sys
from qgis.core import (QgsApplication, QgsVectorLayer, QgsMapSettings, QgsMapRendererParallelJob,
                       QgsProject)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor
app = QgsApplication([], False); app.initQgis()
layers = []
for name in ["村", "项目线", "项目点", "项目面"]:
    layer = QgsVectorLayer(f"{sys.argv[1]}/{name}.shp", name, "ogr")
    message, ok = layer.loadDefaultStyle()
    r = layer.renderer()
    print(name, layer.isValid(), "style loaded" if ok else "NO STYLE: " + message, r.type(),
          getattr(r, "classAttribute", lambda: "")(), layer.fields().field(0).alias(),
          len(r.ranges()) if r.type() == "graduatedSymbol" else len(r.categories()) if r.type() == "categorizedSymbol" else "")
    layers.append(layer)
settings = QgsMapSettings()
settings.setLayers(list(reversed(layers)))
settings.setDestinationCrs(layers[0].crs())
settings.setExtent(layers[0].extent())
settings.setOutputSize(QSize(900, 900))
settings.setBackgroundColor(QColor(255, 255, 255))
job = QgsMapRendererParallelJob(settings); job.start(); job.waitForFinished()
job.renderedImage().save("/tmp/qgis-bundle.png")
app.exitQgis()
