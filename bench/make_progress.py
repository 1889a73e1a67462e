#!/usr/bin/env python3
"""Deterministic progress reports for the render benchmark of issue 5.

    bench/make_progress.py PROJECT.gpkg progress.csv

Writes one or two reports for every project of the store, as a county office would send them
(headers 项目编号,填报日期,完成百分比), for `xiangjian import progress`. The progress theme
colours villages by the percent complete of their projects, so without reports every village
would be 0 % and the graduated renderer would draw one class.

Percents come from a hash of the project's position in id order (splitmix64, as
bench/make_province.cpp uses), so the same store gives the same file on every machine. A second
report never goes below the first: the importer refuses progress that goes backwards.
Only the standard library: this runs with whatever python3 is on PATH.
"""

import csv
import sqlite3
import sys

MASK = (1 << 64) - 1


def unit(key: int) -> float:
    """splitmix64 of key, mapped to [0, 1)."""
    key = (key + 0x9E3779B97F4A7C15) & MASK
    key = ((key ^ (key >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    key = ((key ^ (key >> 27)) * 0x94D049BB133111EB) & MASK
    key ^= key >> 31
    return (key >> 11) * 2.0**-53


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    store, out = sys.argv[1], sys.argv[2]
    # Read-only: projects is a plain attribute table, no GeoPackage triggers are involved.
    with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as db:
        ids = [row[0] for row in db.execute("SELECT project_id FROM projects ORDER BY project_id")]
    rows = 0
    with open(out, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["项目编号", "填报日期", "完成百分比"])
        for n, project_id in enumerate(ids):
            latest = round(unit(n * 7 + 1) * 100, 1)
            if unit(n * 7 + 2) < 0.5:  # half the projects report twice: an earlier, lower one
                writer.writerow([project_id, "2025-06-30", round(latest * unit(n * 7 + 3), 1)])
                rows += 1
            writer.writerow([project_id, "2025-09-30", latest])
            rows += 1
    print(f"wrote {rows} reports for {len(ids)} projects to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
