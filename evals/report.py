"""Report files of an evaluation run: report.json, report.md and a self-contained report.html."""
from __future__ import annotations

import html
import json
from pathlib import Path

from .harness import METRIC_KEYS, VERDICTS

RATE_KEYS = [k for k in METRIC_KEYS if not k.startswith(("latency", "answer_chars"))]


def _fmt(value) -> str:
    if value is None:
        return "—"
    return f"{value:.3f}" if isinstance(value, float) and value <= 1.0 else f"{value:g}"


def write_reports(report: dict, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "report.md").write_text(markdown(report), encoding="utf-8")
    (out / "report.html").write_text(html_report(report), encoding="utf-8")


def failures(report: dict) -> list[dict]:
    return [i for i in report["items"] if i.get("correct") is False]


def markdown(report: dict) -> str:
    lines = ["# Évaluation de l'assistant CTG", "", f"Questions : {len(report['items'])}", "",
             "| métrique | valeur |", "|---|---|"]
    lines += [f"| {k} | {_fmt(v)} |" for k, v in report["metrics"].items()]
    kinds = sorted(report["per_kind"])
    lines += ["", "## Par type de question", "", "| type | n | exactitude | citation | hit@1 | hit@5 | refus |",
              "|---|---|---|---|---|---|---|"]
    for kind in kinds:
        m = report["per_kind"][kind]
        lines.append(f"| {kind} | {m['n']} | {_fmt(m['accuracy'])} | {_fmt(m['citation_accuracy'])} | "
                     f"{_fmt(m['hit_at_1'])} | {_fmt(m['hit_at_5'])} | {_fmt(m['refusal_rate'])} |")
    confusion = report.get("claim_confusion")
    if confusion and any(sum(row.values()) for row in confusion.values()):
        lines += ["", "## Vérification des affirmations : matrice de confusion", "",
                  "| attendu \\ obtenu | " + " | ".join(VERDICTS) + " |", "|---" * (len(VERDICTS) + 1) + "|"]
        lines += [f"| {g} | " + " | ".join(str(confusion[g][p]) for p in VERDICTS) + " |" for g in VERDICTS]
    conv = report.get("conversations")
    if conv:
        lines += ["", "## Conversations (questions de suivi)", "", "| métrique | valeur |", "|---|---|"]
        lines += [f"| {k} | {_fmt(v)} |" for k, v in conv["metrics"].items()]
        for item in (i for i in conv["items"] if not i["correct"]):
            lines += ["", f"- **{item['id']}** {item['question']} — compris comme : {item['resolved_question']} — "
                          f"réponse : {item['answer'][:300]} (attendu : {', '.join(item['must_contain'])} ; {item['doc']})"]
    lines += ["", "## Échecs", ""]
    for item in failures(report):
        lines += [f"### {item['id']} ({item['kind']})", f"- Question : {item['question']}",
                  f"- Attendu : {item.get('gold')} (doit contenir : {', '.join(item.get('must_contain') or [])})",
                  f"- Réponse : {item['answer']}",
                  f"- Document attendu : {item.get('doc')} ; cités : "
                  f"{', '.join(c['doc'] for c in item['citations']) or 'aucun'}", ""]
    lines += ["## Configuration", "", "```json", json.dumps(report["config"], ensure_ascii=False, indent=1), "```", ""]
    return "\n".join(lines)


def _bar_chart(per_kind: dict) -> str:
    """Inline SVG bar chart of accuracy per kind (no script, no external resource)."""
    kinds = sorted(per_kind)
    width, row = 560, 26
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{row * len(kinds) + 10}" '
             'role="img" aria-label="Exactitude par type de question">']
    for i, kind in enumerate(kinds):
        y = 5 + i * row
        if per_kind[kind]["accuracy"] is None:
            parts.append(f'<text x="0" y="{y + 16}" font-size="13">{html.escape(kind)}</text>'
                         f'<text x="136" y="{y + 16}" font-size="12">non évalué (n={per_kind[kind]["n"]})</text>')
            continue
        value = per_kind[kind]["accuracy"]
        bar = int(value * 340)
        color = "#2e7d32" if value >= 0.9 else "#f9a825" if value >= 0.7 else "#c62828"
        parts.append(f'<text x="0" y="{y + 16}" font-size="13">{html.escape(kind)}</text>'
                     f'<rect x="130" y="{y + 3}" width="{bar}" height="17" fill="{color}"/>'
                     f'<text x="{136 + bar}" y="{y + 16}" font-size="12">{value:.2f} (n={per_kind[kind]["n"]})</text>')
    parts.append("</svg>")
    return "".join(parts)


def _confusion_html(confusion: dict | None) -> str:
    if not confusion or not any(sum(row.values()) for row in confusion.values()):
        return ""
    head = "".join(f"<th>{v}</th>" for v in VERDICTS)
    rows = "".join(f"<tr><th>{g}</th>" + "".join(
        f'<td style="background:{"#e8f5e9" if g == p else "#fff" if not confusion[g][p] else "#ffebee"}">'
        f"{confusion[g][p]}</td>" for p in VERDICTS) + "</tr>" for g in VERDICTS)
    return (f"<h2>Vérification des affirmations</h2><table><tr><th>attendu \\ obtenu</th>{head}</tr>{rows}"
            "</table>")


def _conversations_html(conv: dict | None) -> str:
    if not conv:
        return ""
    e = html.escape
    rows = "".join(f"<tr><td>{e(k)}</td><td>{_fmt(v)}</td></tr>" for k, v in conv["metrics"].items())
    fails = "".join(f"<li><b>{e(i['id'])}</b> {e(i['question'])} — compris comme : {e(str(i['resolved_question']))}"
                    f" — réponse : {e(i['answer'][:300])}</li>" for i in conv["items"] if not i["correct"])
    return (f"<h2>Conversations (questions de suivi)</h2><table>{rows}</table>"
            f"<ul>{fails or '<li>Aucun échec.</li>'}</ul>")


def html_report(report: dict, full: bool = True) -> str:
    e = html.escape
    rows = "".join(f"<tr><td>{e(k)}</td><td>{_fmt(v)}</td></tr>" for k, v in report["metrics"].items())
    fails = []
    for item in failures(report):
        cited = item["citations"][0] if item["citations"] else None
        passage = (f"<blockquote>{e(cited['text'][:700])}</blockquote><small>{e(cited['doc'])}</small>"
                   if cited else "<em>aucun passage cité</em>")
        fails.append(f"<details><summary><b>{e(item['id'])}</b> ({e(item['kind'])}) — {e(item['question'])}</summary>"
                     f"<p><b>Attendu :</b> {e(str(item.get('gold')))} — doit contenir : "
                     f"{e(', '.join(item.get('must_contain') or []))} — document : {e(str(item.get('doc')))}</p>"
                     f"<p><b>Réponse :</b> {e(item['answer'])}</p>{passage}</details>")
    body = (f"<h1>Évaluation de l'assistant CTG</h1><p>{len(report['items'])} questions — "
            f"{e(report['config'].get('questions', ''))}</p>"
            f"<h2>Métriques</h2><table>{rows}</table>"
            f"<h2>Exactitude par type de question</h2>{_bar_chart(report['per_kind'])}"
            f"{_confusion_html(report.get('claim_confusion'))}{_conversations_html(report.get('conversations'))}"
            f"<h2>Échecs ({len(fails)})</h2>{''.join(fails) or '<p>Aucun.</p>'}")
    if not full:
        return f'<div class="ctg-report">{body}</div>'
    style = ("body{font-family:system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em}"
             "table{border-collapse:collapse}td{border:1px solid #ccc;padding:.2em .6em}"
             "blockquote{background:#f6f6f6;margin:.5em 0;padding:.5em;white-space:pre-wrap}details{margin:.4em 0}")
    return (f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Évaluation CTG</title>'
            f"<style>{style}</style></head><body>{body}</body></html>")


def compare(a: dict, b: dict) -> str:
    """Metric deltas between two report.json contents (B minus A)."""
    lines = [f"{'métrique':<22}{'A':>10}{'B':>10}{'Δ':>10}"]
    for key in METRIC_KEYS:
        va, vb = a["metrics"].get(key), b["metrics"].get(key)
        delta = f"{vb - va:+.3f}" if isinstance(va, (int, float)) and isinstance(vb, (int, float)) else "—"
        lines.append(f"{key:<22}{_fmt(va):>10}{_fmt(vb):>10}{delta:>10}")
    return "\n".join(lines)


def report_panel(report_dir: Path) -> str:
    """The latest report as an HTML fragment for the app's "Évaluation" tab."""
    path = Path(report_dir) / "report.json"
    if not path.exists():
        return (f"<p>Aucun rapport dans <code>{html.escape(str(report_dir))}</code>. Lancez <code>make eval</code> "
                "ou <code>ctg eval --out DOSSIER</code> puis rechargez.</p>")
    report = json.loads(path.read_text(encoding="utf-8"))
    return html_report(report, full=False)
