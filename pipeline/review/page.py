"""The self-contained review page: document index, then per document metadata, legend, targets, text."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Optional

from ..evaluation.matching import norm_number, norm_text
from ..models import PlanDocument
from .assets import CSS, JS
from .render import render_text
from .spans import KINDS, GoldView, highlights


@dataclass
class ReviewDocument:
    record: PlanDocument
    text: str
    gold: Optional[GoldView] = None


def _e(value) -> str:
    return "" if value is None else escape(str(value))


def _num(value) -> str:
    """A figure as a Vietnamese reader writes it: 50.000, 2,2, 1.199.858."""
    if value is None:
        return ""
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def _metadata(doc: ReviewDocument) -> str:
    r = doc.record
    rows = [
        ("doc_type", "loại văn bản", r.doc_type), ("number", "số hiệu", r.number),
        ("issuer", "cơ quan ban hành", r.issuer.name if r.issuer else None), ("place", "địa danh", r.place),
        ("issue_date", "ngày ban hành", r.issue_date.value if r.issue_date else None), ("title", "trích yếu", r.title),
        ("signer_position", "chức vụ người ký", r.signer.position if r.signer else None),
        ("signer_name", "người ký", r.signer.name if r.signer else None),
    ]
    out = ['<dl class="meta">']
    for key, label, value in rows:
        gold_html, cls = "", ""
        if doc.gold and key in doc.gold.metadata:
            gold_value = doc.gold.metadata[key]
            same = (norm_number if key in ("number", "issue_date", "doc_type") else norm_text)(gold_value) == \
                (norm_number if key in ("number", "issue_date", "doc_type") else norm_text)(value)
            if not same:
                cls = ' class="wrong"'
                gold_html = f'<span class="gold">gold: {_e(gold_value) or "—"}</span>'
        out.append(f"<dt>{label}</dt><dd{cls}>{_e(value) or '—'}{gold_html}</dd>")
    out.append(f"<dt>nguồn</dt><dd>{_e(r.source.path)} ({_e(r.source.format)}, {_e(r.source.encoding)})</dd>")
    if r.warnings:
        out.append(f"<dt>cảnh báo</dt><dd>{_e('; '.join(r.warnings))}</dd>")
    out.append("</dl>")
    return "".join(out)


def _legend(kinds: set[str]) -> str:
    items = [f'<span><span class="swatch k-{k}"></span>{escape(label)}</span>' for k, label in KINDS.items() if k in kinds]
    return f'<div class="legend">{"".join(items)}</div>' if items else ""


def _targets_table(doc: ReviewDocument, prefix: str) -> str:
    head = ["#", "chỉ tiêu (indicator)", "giá trị", "đơn vị", "so sánh", "kỳ", "loại", "mục (section)", "độ tin cậy"]
    if doc.gold:
        head.append("so với gold")
    rows = []
    for t in doc.record.targets:
        status = doc.gold.status.get(t.id, "") if doc.gold else ""
        value = _num(t.value) + (f"–{_num(t.value_max)}" if t.value_max is not None else "")
        cells = [t.id, t.indicator, value, t.unit, t.comparator, t.period, t.kind, t.section, f"{t.confidence:.2f}"]
        html = "".join(f'<td class="num">{_e(c)}</td>' if i in (2, 8) else f"<td>{_e(c)}</td>" for i, c in enumerate(cells))
        if doc.gold:
            html += f'<td class="status">{"đúng" if status == "matched" else "sai (false hit)"}</td>'
        rows.append(f'<tr class="{status}" data-target="{prefix}-{_e(t.id)}" title="{_e(t.text)}">{html}</tr>')
    for miss in doc.gold.misses if doc.gold else []:
        value = _num(miss["value"]) + (f"–{_num(miss['value_max'])}" if miss.get("value_max") is not None else "")
        cells = ["gold", miss.get("indicator"), value, miss.get("unit"), miss.get("comparator"), miss.get("period"),
                 miss.get("kind"), "", ""]
        html = "".join(f"<td>{_e(c)}</td>" for c in cells) + '<td class="status">bỏ sót (miss)</td>'
        rows.append(f'<tr class="miss" data-target="{miss["ref"]}" title="{_e(miss.get("quote"))}">{html}</tr>')
    if not rows:
        return "<p>Không có chỉ tiêu nào (no targets).</p>"
    header = "".join(f"<th>{escape(h)}</th>" for h in head)
    return f'<table class="targets"><thead><tr>{header}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _section(doc: ReviewDocument, n: int) -> str:
    prefix = f"d{n}"
    r = doc.record
    parts = [f'<section class="doc" id="doc-{n}"><h2>{n + 1}. {_e(r.source.path)}</h2>']
    if r.status == "error" and r.error:
        parts.append(f'<p class="error">Lỗi {_e(r.error.code)}: {_e(r.error.message)}</p>')
    if not doc.text:
        parts.append('<p class="error">Không đọc được văn bản (no text: re-extract with --include-text).</p>')
    parts.append(_metadata(doc))
    spans = highlights(r, doc.text, prefix, doc.gold)
    parts.append(_legend({s.kind for s in spans}))
    parts.append(f"<h3>Chỉ tiêu ({len(r.targets)})</h3>")
    parts.append(_targets_table(doc, prefix))
    parts.append("<h3>Văn bản</h3>")
    parts.append(f'<pre class="text" lang="vi">{render_text(doc.text, spans)}</pre></section>')
    return "".join(parts)


def _index_entry(doc: ReviewDocument, n: int) -> str:
    r = doc.record
    extra = f", {len(doc.gold.misses)} bỏ sót" if doc.gold else ""
    label = r.title or r.source.path
    return f'<li><a href="#doc-{n}">{_e(label)}</a> — {_e(r.doc_type or "?")}, {len(r.targets)} chỉ tiêu{extra}</li>'


def build_page(docs: list[ReviewDocument], title: str = "vnplan review") -> str:
    index = "".join(_index_entry(d, n) for n, d in enumerate(docs))
    body = "".join(_section(d, n) for n, d in enumerate(docs))
    with_gold = " · so sánh với gold" if any(d.gold for d in docs) else ""
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>"
        f'<header class="page"><h1>{escape(title)}</h1><p>{len(docs)} văn bản{with_gold}. '
        "Bấm vào một dòng chỉ tiêu để xem đoạn văn bản tương ứng.</p></header>"
        f'<nav class="index"><ol>{index}</ol></nav><main>{body}</main>'
        f"<script>{JS}</script></body></html>\n"
    )
