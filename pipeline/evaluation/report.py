"""`vnplan eval` output: the plain-text report (summary last) and the JSON form."""
from __future__ import annotations

import json
import textwrap

from . import RULES, EvalResult
from .scoring import aggregate

_STATUS = {"miss": "MISS", "false_hit": "FALSE HIT", "wrong": "WRONG", "error": "NO RECORD"}


def _f(value) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def _item_line(item: dict) -> str:
    head = f"{item['doc_id']}  {item['field']} {_STATUS.get(item['status'], item['status'])}"
    if item["status"] == "wrong":
        body = f"gold {item.get('gold')!r}, got {item['value']!r}"
    else:
        body = str(item["value"])
        if item.get("indicator"):
            body += f" · {item['indicator']}"
        if item["evidence"] and item["evidence"] != item["value"]:
            body += f' · "{item["evidence"]}"'
    line = f"  {head}: {body}"
    if item.get("context"):
        line += f"\n      … {item['context']} …"
    return line


def _prf(name: str, figures: dict) -> str:
    return (f"  {name:<16} P {_f(figures['precision'])}  R {_f(figures['recall'])}  F1 {_f(figures['f1'])}"
            f"   (tp {figures['tp']}, fp {figures['fp']}, fn {figures['fn']})")


def summary_line(summary: dict) -> str:
    return (f"SCORE overall {summary['overall']:.3f} | metadata acc {_f(summary['metadata_all']['accuracy'])}"
            f" | dates F1 {summary['dates']['f1']:.3f} | references F1 {summary['references']['f1']:.3f}"
            f" | targets F1 {summary['targets']['f1']:.3f} ({summary['documents']} documents)")


def render_text(result: EvalResult, details: bool = True) -> str:
    out = [f"vnplan eval: {len(result.documents)} documents from {', '.join(result.gold_files)}; "
           f"predictions: {result.source}", "", "Matching rules"]
    for rule in RULES.values():
        out += textwrap.wrap(rule, 100, initial_indent="  ", subsequent_indent="    ")
    out.append("  overall = mean of metadata accuracy, dates F1, references F1 and targets F1.")
    if details:
        items = result.items
        out += ["", f"Misses, false hits and wrong fields ({len(items)})"]
        out += [_item_line(item) for item in items] or ["  none"]

    out += ["", "Per document", f"  {'document':<40}{'type':>6}{'meta acc':>10}{'dates F1':>10}{'refs F1':>9}"
            f"{'targets tp/fp/fn':>18}{'overall':>9}"]
    for score in result.documents:
        fig = aggregate([score])
        t = score.counts.get("targets", {})
        counts = f"{t.get('tp', 0)}/{t.get('fp', 0)}/{t.get('fn', 0)}"
        out.append(f"  {score.doc_id[:40]:<40}{score.doc_type or '-':>6}{_f(fig['metadata_all']['accuracy']):>10}"
                   f"{_f(fig['dates']['f1']):>10}{_f(fig['references']['f1']):>9}{counts:>18}{_f(fig['overall']):>9}")

    out += ["", "Per document type", f"  {'type':<18}{'docs':>5}{'meta acc':>10}{'dates F1':>10}"
            f"{'refs F1':>9}{'targ P':>8}{'targ R':>8}{'targ F1':>9}"]
    for name, fig in result.by_group().items():
        t = fig["targets"]
        out.append(f"  {name:<18}{fig['documents']:>5}{_f(fig['metadata_all']['accuracy']):>10}{_f(fig['dates']['f1']):>10}"
                   f"{_f(fig['references']['f1']):>9}{_f(t['precision']):>8}{_f(t['recall']):>8}{_f(t['f1']):>9}")

    summary = result.summary
    out += ["", "Per field", "  metadata (accuracy; news posts: doc_type only)"]
    for name, fig in summary["metadata"].items():
        out.append(f"    {name:<16} {_f(fig['accuracy'])}  ({fig['correct']}/{fig['n']})")
    out += [_prf(name, summary[name]) for name in ("dates", "references", "targets")]
    attrs = summary["target_attributes"]
    out.append("  on matched targets: " + ", ".join(
        f"{name} {_f(fig['score'])}" for name, fig in attrs.items()) + f"  (n={attrs['kind']['n']})")
    out += ["", summary_line(summary)]
    return "\n".join(out)


def render_json(result: EvalResult) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2)
