#!/usr/bin/env python3
"""Issue 15's QGIS check: the review bundle opened in QGIS 3.22 from Debian (PyQGIS, headless),
as the province's reviewers open it. Makes the demo county with the xiangjian command, exports it
as a GBK zip in the county's Gauss-Krüger zone and as a GeoPackage, then checks in QGIS:
- the layers are valid, in the CRS asked for, with the encoding of the .cpg (GBK);
- field names and Chinese text decode (村名称; 杜康村村民委员会 for 410326209222);
- each layer's style loads as graduated (villages) or categorized (projects), from the .qml
  beside the shapefile and, for the GeoPackage, from its layer_styles on opening;
- a feature's attribute equals what xiangjian stores.
    python3 qgis_opens_the_bundle.py XIANGJIAN_COMMAND WORK_DIR"""
import os
import subprocess
import sys
import zipfile

xiangjian, work = sys.argv[1], sys.argv[2]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.makedirs(work, exist_ok=True)
project = os.path.join(work, "ruyang.gpkg")
bundle = os.path.join(work, "review.zip")
package = os.path.join(work, "review.gpkg")
for path in (project, bundle, package):
    if os.path.exists(path):
        os.remove(path)
for arguments in (["demo", project],
                  ["export", "shapefile", project, "--out", bundle, "--encoding", "GBK",
                   "--crs", "EPSG:4546"],
                  ["export", "gpkg", project, "--out", package]):
    subprocess.run([xiangjian] + arguments, check=True, stdout=subprocess.DEVNULL)

# Reviewers unzip what arrives; QGIS then finds each layer's .qml beside it.
unzipped = os.path.join(work, "review")
with zipfile.ZipFile(bundle) as archive:
    archive.extractall(unzipped)

from qgis.core import (NULL, QgsApplication, QgsExpressionContextUtils,  # noqa: E402
                       QgsRenderContext, QgsVectorLayer)

app = QgsApplication([], False)
app.initQgis()
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


villages = QgsVectorLayer(f"{unzipped}/村.shp", "村", "ogr")
check(villages.isValid(), "the GBK bundle's 村.shp opens")
check(villages.crs().authid() == "EPSG:4546", "in EPSG:4546: " + villages.crs().authid())
check(villages.dataProvider().encoding() == "GBK", "read as GBK: " + villages.dataProvider().encoding())
names = [field.name() for field in villages.fields()]
check("村名称" in names, "field names decode: " + ", ".join(names[:4]))
found = [f for f in villages.getFeatures() if f["行政区划代"] == "410326209222"]
check(len(found) == 1 and found[0]["村名称"] == "杜康村村民委员会",
      "a village's name is ours: " + (found[0]["村名称"] if found else "none"))
message, loaded = villages.loadDefaultStyle()
check(loaded and villages.renderer().type() == "graduatedSymbol",
      "the villages' style loads graduated: " + villages.renderer().type())
# Every village is drawn: those without projects (no progress, NULL) in the no-data grey too.
context = QgsRenderContext()
context.expressionContext().appendScope(QgsExpressionContextUtils.layerScope(villages))
renderer = villages.renderer().clone()
renderer.startRender(context, villages.fields())
undrawn, without_projects, colours = [], 0, set()
for feature in villages.getFeatures():
    context.expressionContext().setFeature(feature)
    symbol = renderer.symbolForFeature(feature, context)
    if symbol is None:
        undrawn.append(feature["行政区划代"])
    else:
        colours.add(symbol.color().name())
    without_projects += feature["地图进度"] is None or feature.attribute("地图进度") == NULL
renderer.stopRender(context)
check(without_projects > 0, "the demo has villages without projects: %d" % without_projects)
check(not undrawn, "every village has a symbol; undrawn: " + ", ".join(undrawn[:5]))
check(len(colours) >= 3, "villages in several colours: " + ", ".join(sorted(colours)))
points = QgsVectorLayer(f"{unzipped}/项目点.shp", "项目点", "ogr")
message, loaded = points.loadDefaultStyle()
check(loaded and points.renderer().type() == "categorizedSymbol",
      "the points' style loads categorized: " + points.renderer().type())
check(points.fields().field(0).alias() == "项目编号", "the full name is the alias: " + points.fields().field(0).alias())

styled = QgsVectorLayer(f"{package}|layername=村", "村", "ogr")
check(styled.isValid() and styled.renderer().type() == "graduatedSymbol",
      "the GeoPackage's 村 opens styled from layer_styles: " + styled.renderer().type())
del villages, points, styled, found, renderer, context  # no layer may outlive exitQgis()
app.exitQgis()
sys.exit(1 if failures else 0)
