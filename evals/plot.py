"""An SVG plot of ``ctg bench`` results against the number of documents (no plotting library needed).

``python -m evals.plot OUT.svg bench-100.json bench-1000.json bench-10000.json``
"""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path

SERIES = [("answer_ms_p50", "réponse p50 (ms)", "#1565c0", False), ("answer_ms_p95", "réponse p95 (ms)", "#1565c0", True),
          ("baseline_ms_p50", "référence llama-index p50 (ms)", "#ef6c00", False),
          ("baseline_ms_p95", "référence llama-index p95 (ms)", "#ef6c00", True),
          ("ingest_s", "indexation (s / 100)", "#2e7d32", False), ("peak_rss_mb", "mémoire max (Mo / 10)", "#6a1b9a", False)]
SCALE = {"ingest_s": 0.01, "peak_rss_mb": 0.1}


def svg(results: list[dict]) -> str:
    results = sorted(results, key=lambda r: r["docs"])
    width, height, left, bottom, top = 720, 400, 60, 50, 20
    xs = [math.log10(r["docs"]) for r in results]
    x0, x1 = min(xs) - 0.1, max(xs) + 0.1
    ymax = max(r[key] * SCALE.get(key, 1) for r in results for key, *_ in SERIES) * 1.1

    def px(x):
        return left + (x - x0) / (x1 - x0) * (width - left - 220)

    def py(y):
        return height - bottom - y / ymax * (height - bottom - top)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
             'font-size="12">', f'<rect width="{width}" height="{height}" fill="white"/>',
             f'<line x1="{left}" y1="{py(0)}" x2="{px(x1)}" y2="{py(0)}" stroke="#333"/>',
             f'<line x1="{left}" y1="{py(0)}" x2="{left}" y2="{top}" stroke="#333"/>']
    for r, x in zip(results, xs):
        parts.append(f'<text x="{px(x)}" y="{height - bottom + 18}" text-anchor="middle">{r["docs"]} docs</text>')
    for k in range(5):
        y = ymax * k / 4
        parts.append(f'<text x="{left - 6}" y="{py(y) + 4}" text-anchor="end">{y:.0f}</text>')
    for i, (key, label, colour, dashed) in enumerate(SERIES):
        points = " ".join(f"{px(x):.1f},{py(r[key] * SCALE.get(key, 1)):.1f}" for r, x in zip(results, xs))
        dash = ' stroke-dasharray="5,4"' if dashed else ""
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
        ly = top + 16 * i + 10
        parts.append(f'<line x1="{width - 210}" y1="{ly}" x2="{width - 185}" y2="{ly}" stroke="{colour}" '
                     f'stroke-width="2"{dash}/><text x="{width - 180}" y="{ly + 4}">{label}</text>')
    parts.append(f'<text x="{left}" y="{height - 8}">nombre de documents (échelle logarithmique)</text></svg>')
    return "".join(parts)


def main(argv: list[str]) -> None:
    out, *files = argv
    Path(out).write_text(svg([json.loads(Path(f).read_text()) for f in files]), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
