"""How predictions are paired with gold: normalization of values and the target matching rule."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional, Sequence

from ..models import Target
from .gold import GoldDocument, Span

TARGET_RULE = (
    "targets: a predicted target matches a gold target when value and value_max are equal "
    "(after rounding to 6 decimals), the unit is equal (case-insensitive, spaces collapsed; "
    "both empty counts as equal) and the evidence overlaps (the predicted span and a place "
    "where the gold quote stands share at least one character). Pairing is greedy one-to-one, "
    "largest overlap first. On matched pairs: comparator, kind and period as accuracy; "
    "indicator as exact match after normalization and as token-overlap F1."
)
SET_RULE = (
    "dates: unique ISO values, as sets per document; references: document numbers with "
    "spaces removed and dashes unified, as sets per document (for news posts the gold number "
    "joins the references set, and so does the predicted number)."
)
METADATA_RULE = (
    "metadata: accuracy per field over documents, null = null counts as right; strings compared "
    "after Unicode NFC, case folding, collapsing spaces, unifying dashes and stripping outer "
    "punctuation (numbers: spaces removed, case kept). News posts score only doc_type."
)

_SPACE = re.compile(r"\s+")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_OUTER_PUNCT = " \t\n.,;:\"'“”‘’()[]"
_WORD = re.compile(r"\w+")


def norm_text(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    value = _DASHES.sub("-", unicodedata.normalize("NFC", str(value)))
    value = _SPACE.sub(" ", value).strip(_OUTER_PUNCT).casefold()
    return value or None


def norm_number(value: Optional[str]) -> Optional[str]:
    """A document number: spaces removed, dashes unified, case kept."""
    if value is None:
        return None
    value = _DASHES.sub("-", unicodedata.normalize("NFC", str(value)))
    value = _SPACE.sub("", value).strip(".,;:")
    return value or None


def norm_unit(value: Optional[str]) -> Optional[str]:
    return norm_text(value)


def norm_value(value: Optional[float]) -> Optional[float]:
    return None if value is None else round(float(value), 6)


def tokens(value: Optional[str]) -> list[str]:
    return _WORD.findall(norm_text(value) or "")


def token_f1(gold: Optional[str], pred: Optional[str]) -> float:
    g, p = tokens(gold), tokens(pred)
    if not g and not p:
        return 1.0
    if not g or not p:
        return 0.0
    common = 0
    remaining = list(p)
    for tok in g:
        if tok in remaining:
            remaining.remove(tok)
            common += 1
    if not common:
        return 0.0
    precision, recall = common / len(p), common / len(g)
    return 2 * precision * recall / (precision + recall)


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def pred_span(gdoc: GoldDocument, target: Target) -> Optional[Span]:
    """The target's span in the gold document's text, re-found by its words if the text moved."""
    start, end = target.span
    if 0 <= start < end <= len(gdoc.text) and (not target.text or gdoc.text[start:end] == target.text):
        return (start, end)
    spans = gdoc.locate(target.text) if target.text else []
    if not spans:
        return None
    return min(spans, key=lambda s: abs(s[0] - start))


@dataclass
class TargetMatch:
    pairs: list[tuple[int, int]] = field(default_factory=list)
    misses: list[int] = field(default_factory=list)
    false_hits: list[int] = field(default_factory=list)
    gold_spans: list[list[Span]] = field(default_factory=list)
    pred_spans: list[Optional[Span]] = field(default_factory=list)


def _same_figure(gold: dict, pred: Target) -> bool:
    return (
        norm_value(gold.get("value")) == norm_value(pred.value)
        and norm_value(gold.get("value_max")) == norm_value(pred.value_max)
        and norm_unit(gold.get("unit")) == norm_unit(pred.unit)
    )


def match_targets(gdoc: GoldDocument, preds: Sequence[Target]) -> TargetMatch:
    golds = gdoc.gold.get("targets") or []
    result = TargetMatch()
    result.gold_spans = [gdoc.locate(g.get("quote") or "") for g in golds]
    result.pred_spans = [pred_span(gdoc, p) for p in preds]
    candidates = []
    for gi, gold in enumerate(golds):
        for pj, pred in enumerate(preds):
            span = result.pred_spans[pj]
            if span is None or not _same_figure(gold, pred):
                continue
            shared, g = max(((overlap(span, g), g) for g in result.gold_spans[gi]), default=(0, None))
            if shared:
                # equal overlaps (two cells of one row holding the same figure): the one nearer the quote's end,
                # then the one whose indicator is nearer the gold's
                candidates.append((-shared, abs(span[1] - g[1]), -token_f1(gold.get("indicator"), pred.indicator), gi, pj))
    used_gold, used_pred = set(), set()
    for *_, gi, pj in sorted(candidates):
        if gi not in used_gold and pj not in used_pred:
            used_gold.add(gi)
            used_pred.add(pj)
            result.pairs.append((gi, pj))
    result.pairs.sort()
    result.misses = [i for i in range(len(golds)) if i not in used_gold]
    result.false_hits = [j for j in range(len(preds)) if j not in used_pred]
    return result


def match_sets(gold: Sequence[str], pred: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
    """(found, missed, false hits) of two value lists compared as sets, in first-mention order."""
    gold_u = list(dict.fromkeys(v for v in gold if v))
    pred_u = list(dict.fromkeys(v for v in pred if v))
    pred_s, gold_s = set(pred_u), set(gold_u)
    return [v for v in gold_u if v in pred_s], [v for v in gold_u if v not in pred_s], [v for v in pred_u if v not in gold_s]
