#!/usr/bin/python3
"""QGIS's side of the render benchmark of issue 5.

    /usr/bin/python3 bench/qgis_render.py QGIS_STORE.gpkg OUT_DIR [--runs 3]
        [--bbox 112.4,34.0,112.9,34.4] [--views full,county] [--size 1920x1080] [--no-simplify]

Renders a Xiangjian project store with QGIS (Debian's 3.22, PyQGIS) as `xiangjian render
--theme progress` does: the full extent and a county-sized window, 1920x1080 (--size: the
viewer benchmark asks for the size of the viewer's map canvas), in the CGCS2000
Gauss–Krüger 3-degree zone of the data's centre. Villages are filled by percent done in five
classes, with thin outlines; township and county outlines are drawn when the store has them, and
township names are labelled (QGIS's labelling engine) at the county window only; project sites
are small circles coloured by project type, roads 1 px lines. Prints one line per figure:

    qgis init: S s            QgsApplication + initQgis
    qgis load: S s            opening the layers and styling them
    qgis full render: S s     median of --runs renders (QgsMapRendererParallelJob), and
                              the median CPU time of all threads
    qgis county render: S s   same, for --bbox
    qgis full save: S s       writing its PNG (OUT_DIR/qgis-full.png)
    qgis county save: S s     same (OUT_DIR/qgis-county.png)
    qgis peak: N KB           peak RSS of this process

Run it with Debian's /usr/bin/python3: the PyQGIS bindings live in its dist-packages, and a
python3 found first on PATH (pyenv, a venv) does not see them.

The store must be a COPY prepared by bench/render_bench.sh: admin_units gets a `pct` column
(each village's mean percent done, from `xiangjian status --by village`; -1 where a village has
no project) and project_points a `type` column (from projects). This favours QGIS: it reads a
ready number per village and a ready type per point, where xiangjian render evaluates every
project's reports and joins them to villages and sites itself.
"""

import argparse
import os
import resource
import statistics
import sys
import time

# No display here: Qt's offscreen platform, set before Qt is loaded. QgsApplication is always a
# QApplication (labels need QFont, i.e. a QGuiApplication), so it needs a platform plugin even
# with GUIenabled=False.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QGIS writes its profile and settings here; keep them out of the user's home.
os.environ.setdefault("QGIS_CUSTOM_CONFIG_PATH", "/tmp/xiangjian-qgis-profile")
if "XDG_RUNTIME_DIR" not in os.environ:  # else Qt warns on every run (root has none here)
    os.environ["XDG_RUNTIME_DIR"] = f"/tmp/xiangjian-qgis-runtime-{os.getuid()}"
    os.makedirs(os.environ["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)

DISPLAY_CRS = "EPSG:4547"  # CGCS2000 / 3-degree Gauss-Kruger CM 114E, Henan's centre

# Five equal classes of percent done, red (little done) to green (done), as a progress map
# reads; villages without any project (pct = -1) are a light grey sixth class.
CLASSES = [
    (0, 20, "#d7191c", "0–20 %"),
    (20, 40, "#fdae61", "20–40 %"),
    (40, 60, "#ffffbf", "40–60 %"),
    (60, 80, "#a6d96a", "60–80 %"),
    (80, 100, "#1a9641", "80–100 %"),
]
NO_PROJECTS = (-1.5, -0.5, "#e0e0e0", "no projects")
# Project types (docs/status-formats.md), one colour each: points are categorised by type.
TYPE_COLOURS = {
    "road": "#7f3b08",
    "water": "#2166ac",
    "dike": "#35978f",
    "housing": "#b2182b",
    "reservoir": "#4393c3",
    "pv": "#e08214",
    "other": "#542788",
}


def seconds(start: float) -> float:
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", help="prepared copy of a Xiangjian project store")
    parser.add_argument("out_dir", help="where the PNGs go")
    parser.add_argument("--runs", type=int, default=3, help="renders of each view (median)")
    parser.add_argument("--bbox", default="112.4,34.0,112.9,34.4",
                        help="county window: minlon,minlat,maxlon,maxlat (CGCS2000 degrees)")
    parser.add_argument("--views", default="full,county",
                        help="which views to render, in order: full, county or both")
    parser.add_argument("--size", default="1920x1080", help="image size WxH in pixels")
    parser.add_argument("--no-simplify", action="store_true",
                        help="draw every vertex (QgsMapSettings' default, not QGIS Desktop's)")
    args = parser.parse_args()
    bbox = [float(v) for v in args.bbox.split(",")]
    image_width, image_height = (int(v) for v in args.size.lower().split("x"))
    store = os.path.abspath(args.store)
    if not os.path.exists(store):
        print(f"no such store: {store}", file=sys.stderr)
        return 2
    os.makedirs(args.out_dir, exist_ok=True)

    # Importing the bindings loads Qt and libqgis; count it as part of initialisation.
    start = time.perf_counter()
    from qgis.core import (  # pylint: disable=import-outside-toplevel
        Qgis, QgsApplication, QgsCategorizedSymbolRenderer, QgsCoordinateReferenceSystem,
        QgsCoordinateTransform, QgsFillSymbol, QgsGraduatedSymbolRenderer, QgsLineSymbol,
        QgsMapRendererParallelJob, QgsMapSettings, QgsMarkerSymbol, QgsPalLayerSettings,
        QgsProject, QgsRectangle, QgsRendererCategory, QgsRendererRange, QgsTextFormat,
        QgsUnitTypes, QgsVectorLayer, QgsVectorLayerSimpleLabeling)
    from qgis.PyQt.QtCore import QSize  # pylint: disable=import-outside-toplevel
    from qgis.PyQt.QtGui import QColor, QFont  # pylint: disable=import-outside-toplevel

    app = QgsApplication([], False)
    app.setPrefixPath("/usr", True)
    app.initQgis()
    init_s = seconds(start)

    pixels = QgsUnitTypes.RenderPixels

    def fill(colour: str) -> QgsFillSymbol:
        # Thin grey village outline: 0.3 px draws a faint line where villages are ~5 px wide at
        # the full extent, and a visible border at the county window.
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": "#808080",
                                             "outline_width": "0.3"})
        symbol.symbolLayer(0).setStrokeWidthUnit(pixels)
        return symbol

    def open_layer(table: str, subset: str = "") -> QgsVectorLayer:
        # The subset goes in the source URI. QGIS 3.22.16 with GDAL 3.6: two layers of one
        # GeoPackage table given different filters by setSubsetString() break the shared
        # connection, and every layer opened afterwards fails ("unable to open database file").
        uri = f"{store}|layername={table}" + (f"|subset={subset}" if subset else "")
        layer = QgsVectorLayer(uri, table, "ogr")
        if not layer.isValid():
            raise SystemExit(f"QGIS cannot open {table} in {store}")
        return layer

    start = time.perf_counter()
    villages = open_layer("admin_units", "\"level\" = 'village'")
    ranges = [QgsRendererRange(low, high, fill(colour), label)
              for low, high, colour, label in [NO_PROJECTS] + CLASSES]
    villages.setRenderer(QgsGraduatedSymbolRenderer("pct", ranges))

    # Township and county outlines, over the villages, when the store has them (the province
    # data of bench/make_province.cpp has villages only). Townships carry the labels.
    outlines = []
    for level, width in (("township", 0.8), ("county", 1.6)):
        layer = open_layer("admin_units", f"\"level\" = '{level}'")
        if layer.featureCount() == 0:
            # Delete it now: a layer that outlives exitQgis() (this one would, owned by Python
            # and not by the project) makes the interpreter's clean-up end in a segfault.
            del layer
            continue
        symbol = QgsFillSymbol.createSimple({"style": "no", "outline_color": "#333333",
                                             "outline_width": str(width)})
        symbol.symbolLayer(0).setStrokeWidthUnit(pixels)
        layer.renderer().setSymbol(symbol)
        outlines.append((level, layer))

    roads = open_layer("project_lines")
    road = QgsLineSymbol.createSimple({"color": "#505050", "width": "1"})
    road.symbolLayer(0).setWidthUnit(pixels)
    roads.renderer().setSymbol(road)

    points = open_layer("project_points")
    categories = []
    for type_code, colour in TYPE_COLOURS.items():
        marker = QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "size": "3",
                                               "outline_style": "no"})
        marker.symbolLayer(0).setSizeUnit(pixels)
        categories.append(QgsRendererCategory(type_code, marker, type_code))
    points.setRenderer(QgsCategorizedSymbolRenderer("type", categories))
    polygons = open_layer("project_polygons")  # none in the province data; styled by default

    township_layer = dict(outlines).get("township")
    if township_layer is not None:
        text = QgsTextFormat()
        text.setFont(QFont("Noto Sans CJK SC"))
        text.setSize(9)
        text.setColor(QColor("#202020"))
        label = QgsPalLayerSettings()
        label.fieldName = "name"
        label.setFormat(text)
        township_layer.setLabeling(QgsVectorLayerSimpleLabeling(label))
        township_layer.setLabelsEnabled(True)

    # Top first, as QgsMapSettings draws them.
    layers = [points, roads] + [layer for _, layer in reversed(outlines)] + [polygons, villages]
    QgsProject.instance().addMapLayers(layers)  # owns them; what a QGIS project would do
    # The villages' extent in lon/lat: with a subset, the provider asks GDAL for the filtered
    # layer's extent, which may read the table, so it counts as loading.
    full_extent = villages.extent()
    load_s = seconds(start)

    display = QgsCoordinateReferenceSystem(DISPLAY_CRS)
    to_display = QgsCoordinateTransform(villages.crs(), display, QgsProject.instance())

    def settings(extent_lonlat: QgsRectangle, labels: bool) -> QgsMapSettings:
        s = QgsMapSettings()
        s.setLayers(layers)
        s.setDestinationCrs(display)
        s.setOutputSize(QSize(image_width, image_height))
        s.setOutputDpi(96)
        s.setBackgroundColor(QColor("white"))
        # The rectangle's corners in the display CRS, widened by QGIS to the image's 16:9.
        s.setExtent(to_display.transformBoundingBox(extent_lonlat))
        s.setFlag(Qgis.MapSettingsFlag.Antialiasing, True)
        s.setFlag(Qgis.MapSettingsFlag.DrawLabeling, labels)
        # QgsMapSettings leaves this off, but QGIS Desktop's map canvas turns it on: each layer
        # then simplifies its geometries to 1 px on the fly (villages have 60-150 vertices, a
        # few pixels wide at the full extent). The benchmark compares with QGIS as people use it.
        s.setFlag(Qgis.MapSettingsFlag.UseRenderingOptimization, not args.no_simplify)
        return s

    def render(s: QgsMapSettings):
        job = QgsMapRendererParallelJob(s)  # each layer on its own thread: both cores
        begin, begin_cpu = time.perf_counter(), time.process_time()
        job.start()
        job.waitForFinished()
        # CPU time of all threads too: on a machine shared with builds, wall time mostly
        # measures the neighbours, CPU time much less so.
        elapsed, cpu = seconds(begin), time.process_time() - begin_cpu
        for error in job.errors():
            print(f"qgis render error: {error.layerID}: {error.message}", file=sys.stderr)
        return elapsed, cpu, job.renderedImage()

    county = QgsRectangle(bbox[0], bbox[1], bbox[2], bbox[3])
    # Labels are drawn at the county window only, as the progress theme labels townships there.
    all_views = {"full": (full_extent, False), "county": (county, True)}
    print(f"qgis version: {Qgis.QGIS_VERSION}")
    print(f"qgis init: {init_s:.3f} s")
    print(f"qgis load: {load_s:.3f} s")
    for name in args.views.split(","):
        extent, labels = all_views[name]
        view = settings(extent, labels)
        times, cpus = [], []
        image = None
        for _ in range(args.runs):  # no QgsMapRendererCache: every run reads the layers again
            elapsed, cpu, image = render(view)
            times.append(elapsed)
            cpus.append(cpu)
        runs = " ".join(f"{t:.3f}" for t in times)
        print(f"qgis {name} render: {statistics.median(times):.3f} s (runs: {runs}; "
              f"cpu {statistics.median(cpus):.3f} s)")
        start = time.perf_counter()
        image.save(os.path.join(args.out_dir, f"qgis-{name}.png"), "PNG")
        print(f"qgis {name} save: {seconds(start):.3f} s")
    print(f"qgis peak: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss} KB")

    QgsProject.instance().removeAllMapLayers()  # before exitQgis(), which they must not outlive
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
