"""Report files of an evaluation run: report.json, report.md and a self-contained report.html."""
from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from assistant.render import accuracy_bars, metric_text

from .harness import METRIC_KEYS, VERDICTS

RATE_KEYS = [k for k in METRIC_KEYS if not k.startswith(("latency", "answer_chars"))]


def write_reports(report: dict, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "report.md").write_text(markdown(report), encoding="utf-8")
    (out / "report.html").write_text(html_report(report), encoding="utf-8")


def failures(report: dict) -> list[dict]:
    return [i for i in report["items"] if i.get("correct") is False]


def _group_table(title: str, label: str, groups: dict) -> list[str]:
    paged = any("page_accuracy" in m for m in groups.values())  # sources with pages: is the cited page right
    lines = ["", f"## {title}", "", f"| {label} | n | exactitude | citation | hit@1 | hit@5 | refus |"
             + (" page |" if paged else ""), "|---|---|---|---|---|---|---|" + ("---|" if paged else "")]
    for name in sorted(groups):
        m = groups[name]
        lines.append(f"| {name} | {m['n']} | {metric_text(m['accuracy'])} | {metric_text(m['citation_accuracy'])} | "
                     f"{metric_text(m['hit_at_1'])} | {metric_text(m['hit_at_5'])} | {metric_text(m['refusal_rate'])} |"
                     + (f" {metric_text(m.get('page_accuracy'))} |" if paged else ""))
    return lines


def markdown(report: dict) -> str:
    lines = ["# Évaluation de l'assistant CTG", "", f"Questions : {len(report['items'])}", "",
             "| métrique | valeur |", "|---|---|"]
    lines += [f"| {k} | {metric_text(v)} |" for k, v in report["metrics"].items()]
    lines += _group_table("Par type de question", "type", report["per_kind"])
    if report.get("per_style"):  # question sets that say how each question is written (formal, informal, typo…)
        lines += _group_table("Par style de question", "style", report["per_style"])
    if report.get("per_where"):  # long conventions: where the answer is (text, table, signature page…)
        lines += _group_table("Par emplacement de la réponse", "emplacement", report["per_where"])
    confusion = report.get("claim_confusion")
    if confusion and any(sum(row.values()) for row in confusion.values()):
        lines += ["", "## Vérification des affirmations : matrice de confusion", "",
                  "| attendu \\ obtenu | " + " | ".join(VERDICTS) + " |", "|---" * (len(VERDICTS) + 1) + "|"]
        lines += [f"| {g} | " + " | ".join(str(confusion[g][p]) for p in VERDICTS) + " |" for g in VERDICTS]
    conv = report.get("conversations")
    if conv:
        lines += ["", "## Conversations (questions de suivi)", "", "| métrique | valeur |", "|---|---|"]
        lines += [f"| {k} | {metric_text(v)} |" for k, v in conv["metrics"].items()]
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


_ENV = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True,
                   undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
_ENV.filters["fmt"] = metric_text


def html_report(report: dict) -> str:
    """The self-contained report page (inline SVG chart, no script, every value escaped by Jinja2)."""
    confusion = report.get("claim_confusion")
    if not confusion or not any(sum(row.values()) for row in confusion.values()):
        confusion = None
    return _ENV.get_template("report.html.j2").render(
        report=report, bars=accuracy_bars(report["per_kind"]), confusion=confusion, verdicts=VERDICTS,
        failures=failures(report))


def compare(a: dict, b: dict) -> str:
    """Metric deltas between two report.json contents (B minus A)."""
    lines = [f"{'métrique':<22}{'A':>10}{'B':>10}{'Δ':>10}"]
    for key in METRIC_KEYS:
        va, vb = a["metrics"].get(key), b["metrics"].get(key)
        delta = f"{vb - va:+.3f}" if isinstance(va, (int, float)) and isinstance(vb, (int, float)) else "—"
        lines.append(f"{key:<22}{metric_text(va):>10}{metric_text(vb):>10}{delta:>10}")
    return "\n".join(lines)
