"""Target or result: what must be reached, or what was reached (rules/targets/kind.yaml).

Evidence, strongest first: a figure set against the plan (`đạt 133,3% KH`) is a result; the
nearest kind cue before the figure in its sentence (`phấn đấu`, `chỉ tiêu` / `đã`, `ước đạt`,
`toàn tỉnh có`); the figure's year against the document's own year (an earlier year is a result,
a later one a target); the nearest cue earlier in the paragraph; the document kind (a plan's
figures are targets).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Optional

from .lexicon import WordScan, alternation, case_blind_alternation, data
from .list_kind import inline_list_kind, leads_bullets, run_lead_kind
from .period import end_year_of, year_of


@lru_cache(maxsize=None)
def _patterns():
    k = data("kind")
    target = re.compile(rf"(?<!\w)({alternation(k['target'])})(?!\w)")
    result = re.compile(rf"(?<!\w)({alternation(k['result'])})(?!\w)")
    of_plan = re.compile(rf"^\s*%?\s*(?:{alternation(k['of_plan_after'])})(?!\w)")
    neutral = re.compile(rf"(?<!\w)(?:{alternation(k['neutral'])})(?!\w)")
    return target, result, of_plan, neutral


@lru_cache(maxsize=None)
def _weak() -> dict:
    return {kind: {" ".join(w.lower().split()) for w in words} for kind, words in data("kind")["weak"].items()}


@lru_cache(maxsize=None)
def _section_pattern() -> re.Pattern:
    heads = data("kind")["section_heads"]
    return re.compile("|".join(rf"(?P<{kind}>(?<!\w)(?:{alternation(words)})(?!\w))" for kind, words in heads.items()))


@lru_cache(maxsize=4096)
def section_kind(titles: tuple[str, ...]) -> Optional[str]:
    """`result` under a situation heading (Thực trạng, Kết quả …), `target` under a goals heading
    (Mục tiêu, Chỉ tiêu, Nhiệm vụ …): the innermost heading that names one decides; in it, the word
    written first."""
    for title in titles:
        m = _section_pattern().search(title.lower())
        if m is None:
            continue
        before = title[:m.start()].split()
        if len(before) <= _HEAD_WORD_AT_MOST and not any(w[0].isdigit() and w[-1] not in ".):" for w in before[1:]):
            return m.lastgroup  # "c) 100% kết quả giải quyết thủ tục …;" is an item with a figure, not a heading
    return None


_HEAD_WORD_AT_MOST = 3  # words before it ("II.", "PHẦN I:", "2. Về"): further in, it is an item's words, not a heading's


def of_plan(right: str) -> bool:
    """`đạt 104% kế hoạch`, `đạt 100% KH`, `(đạt 97% so kế hoạch)`: a percentage of the plan."""
    return _of_plan_head(right[:80])


@lru_cache(maxsize=4096)  # asked of the words after a figure by several rules
def _of_plan_head(head: str) -> bool:
    return bool(_patterns()[2].match(head.lower()))


def of_plan_end(right: str) -> int:
    """How far the words of `đạt 104% kế hoạch`, `bằng 83,7% kế hoạch năm` run into `right` (0 when it is not
    such a figure)."""
    low = right[:80].lower()
    m = _patterns()[2].match(low)
    if m is None:
        return 0
    tail = _plan_tail().match(low, m.end())
    return tail.end() if tail else m.end()


@lru_cache(maxsize=None)
def _plan_tail() -> re.Pattern:
    return re.compile(rf"\s+(?:{alternation(data('kind')['of_plan_tail'])})(?:\s+(?:19|20)\d\d)?(?!\w)")


@lru_cache(maxsize=None)
def _plan_words() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A percentage of the plan inside a text; a companion comparing a figure with a plan or a baseline;
    a comparison right after a figure (kind.yaml plan_objects, compared_with, companion_verbs)."""
    k = data("kind")
    plans, compared = alternation(k["plan_objects"]), alternation(k["compared_with"])
    inside = re.compile(rf"\d\s*%\s*(?:(?:{compared})\s+)?(?:{plans})(?!\w)")
    objects = alternation(k["plan_objects"] + k["baseline_objects"])
    companion = re.compile(rf"^[^;.]*?[(,]\s*(?:{alternation(k['companion_verbs'])})\s+[\d,.]+\s*%\s*"
                           rf"(?:(?:{compared})\s+)?(?:{objects}|năm \d{{4}})", re.IGNORECASE)
    gap = re.compile(rf"^\s*(?:{compared})(?!\w)", re.IGNORECASE)
    return inside, companion, gap


@lru_cache(maxsize=None)
def _aim_bound() -> re.Pattern:
    """`kim ngạch xuất khẩu tăng tối thiểu 10% so với năm 2024`: a change bounded so is aimed at (kind.yaml aim_bounds)."""
    return re.compile(rf"{case_blind_alternation(data('kind')['aim_bounds'], whole_word=True)}\s*$", re.IGNORECASE)


def _blanked(text: str, matches: list[re.Match]) -> str:
    """`text` with the matched stretches turned into spaces."""
    if not matches:
        return text
    parts, at = [], 0
    for m in matches:
        parts += [text[at:m.start()], " " * (m.end() - m.start())]
        at = m.end()
    parts.append(text[at:])
    return "".join(parts)


def _of_plan_matches(low: str) -> list[re.Match]:
    """`_plan_words()[0].finditer(low)`: its matches start at the digit before a `%`, so only there is it tried."""
    inside = _plan_words()[0]
    out: list[re.Match] = []
    end = 0
    at = low.find("%")
    while at >= 0:
        i = at - 1
        while i >= end and low[i].isspace():
            i -= 1
        if i >= end and low[i].isdecimal():
            m = inside.match(low, i)
            if m is not None:
                out.append(m)
                end = m.end()
        at = low.find("%", at + 1)
    return out


@lru_cache(maxsize=None)
def _neutral_scan() -> WordScan:
    return WordScan(data("kind")["neutral"])


@lru_cache(maxsize=None)
def _either_cue() -> tuple[WordScan, dict[str, str]]:
    """One scan for the cues of both kinds, and the kind of each cue phrase (target where a phrase is both)."""
    k = data("kind")
    kinds = {_phrase(p): "result" for p in k["result"]}
    kinds.update({_phrase(p): "target" for p in k["target"]})
    return WordScan(k["target"] + k["result"]), kinds


def _phrase(words: str) -> str:
    return " ".join(words.lower().split())


_NOT_ALNUM = re.compile(r"[\W_]")  # what str.isalnum() rejects


def _target_result_cues(masked: str) -> Optional[dict[str, list[tuple[int, int, str]]]]:
    """The target and the result cues of a text (start, end, phrase) in one scan, as the two scans of
    `_patterns` find them; None when a cue of one kind overlaps one of the other (those scans then run apart)."""
    target, result, _, _ = _patterns()
    other = {"target": result, "result": target}
    found: dict[str, list[tuple[int, int, str]]] = {"target": [], "result": []}
    scan, kinds = _either_cue()
    for m in scan.finditer(masked):
        s, e = m.start(), m.end()
        phrase = " ".join(m.group().split())
        kind = kinds[phrase]
        if other[kind].match(masked, s):
            return None
        gaps = () if masked[s:e - 1].isalnum() else _NOT_ALNUM.finditer(masked, s, e - 1)  # none in a one-word cue
        for gap in gaps:  # each later word start of the cue
            if other[kind].match(masked, gap.end()):
                return None
        found[kind].append((s, e, phrase))
    return found


def _aimed(low: str, aim_ends: list[int], start: int) -> bool:
    """`Phấn đấu giải ngân trên 95% kế hoạch vốn`: a share of the plan aimed at, no result told."""
    return any(0 <= start - e <= 60 and not _CLAUSE_BREAK.search(low, e, start) for e in aim_ends)


_CLAUSE_BREAK = re.compile(r"[.;,:\n]")


class CueIndex:
    """Every kind cue of a document, found once: (start, end, kind) sorted by end.

    `đạt 86,7% kế hoạch` counts as a result cue (not the word `kế hoạch` of a plan); cue words
    inside neutral phrases (`việc làm mới`) do not count."""

    def __init__(self, text: str, low: Optional[str] = None):
        target, result, _, _ = _patterns()
        self.text = text
        low = low if low is not None else text.lower()
        of_plan = _of_plan_matches(low)
        cues = [(m.start(), m.end(), "result", False) for m in of_plan]
        masked = _blanked(low, of_plan)
        masked = _blanked(masked, list(_neutral_scan().finditer(masked)))
        weak = _weak()
        found = _target_result_cues(masked)
        for kind, pat in (("target", target), ("result", result)):
            spans = found[kind] if found is not None else [(m.start(1), m.end(1), " ".join(m.group(1).split()))
                                                                 for m in pat.finditer(masked)]
            weak_phrases = weak.get(kind, ())
            cues += [(s, e, kind, phrase in weak_phrases) for s, e, phrase in spans]
        if of_plan:
            aims = [e for s, e, kind, weak_cue in cues if kind == "target" and not weak_cue]
            shares = {(m.start(), m.end()) for m in of_plan if _aimed(low, aims, m.start())}
            cues = [c for c in cues if (c[0], c[1]) not in shares or c[2] != "result"]
        cues.sort(key=lambda c: (c[1], c[1] - c[0]))
        self.cues = cues
        self.ends = [c[1] for c in cues]

    def count(self, kind: str) -> int:
        return sum(1 for c in self.cues if c[2] == kind)

    def nearest(self, lo: int, hi: int) -> Optional[tuple[str, int, bool]]:
        """(kind, end offset, weak) of the last cue lying inside [lo, hi)."""
        i = bisect.bisect_right(self.ends, hi) - 1
        while i >= 0 and self.cues[i][1] > lo:
            if self.cues[i][0] >= lo:
                return self.cues[i][2], self.cues[i][1], self.cues[i][3]
            i -= 1
        return None

    def strong_in(self, lo: int, hi: int, kind: str) -> bool:
        """A cue of `kind` that is not weak lies inside [lo, hi)."""
        i = bisect.bisect_right(self.ends, hi) - 1
        while i >= 0 and self.cues[i][1] > lo:
            c = self.cues[i]
            if c[0] >= lo and c[2] == kind and not c[3]:
                return True
            i -= 1
        return False


@lru_cache(maxsize=None)
def _baseline_object() -> re.Pattern:
    return re.compile(rf"(?:{alternation(data('kind')['baseline_objects'])}|năm \d{{4}})$", re.IGNORECASE)


_PARTIAL = re.compile(r"^\d{4}-(?:H[12]|\d{1,2}M|Q\d|\d\d)$")


@lru_cache(maxsize=None)
def _subject_link() -> re.Pattern:
    return re.compile(rf"{case_blind_alternation(data('kind')['subject_links'], whole_word=True)}(?!\w)", re.IGNORECASE)


def kind_for(cues: CueIndex, item_lo: int, sent_lo: int, para_lo: int, pos: int, right: str,
             period: Optional[str], ref_year: Optional[int], doc_is_plan: bool,
             section: Optional[str] = None) -> tuple[str, str]:
    """(kind, rule) of the figure at `pos`; the item, sentence and paragraph start before it."""
    if of_plan(right):
        item_cue = cues.nearest(item_lo, pos)
        if item_cue and item_cue[0] == "target" and not item_cue[2] and pos - item_cue[1] < 60:
            return "target", "of_plan_aim"  # "Phấn đấu giải ngân 100% kế hoạch vốn": aiming at the plan
        if _aim_bound().search(cues.text, max(0, pos - 24), pos):
            return "target", "of_plan_aim"  # "vượt ít nhất 5% so với dự toán được giao"
        later = ref_year is None or (year_of(period) or 0) > ref_year \
            or bool(period and _PARTIAL.match(period)) and year_of(period) >= ref_year
        if doc_is_plan and period and later and not (item_cue and item_cue[0] == "result") and section != "result":
            return "target", "of_plan"  # a plan's own milestone: "6 tháng đầu năm đạt 50% kế hoạch"
        if section == "target" and not (item_cue and item_cue[0] == "result"):
            return "target", "of_plan_section"  # a report's tasks ahead: "III. NHIỆM VỤ … 4. Giải ngân 100% kế hoạch vốn"
        return "result", "of_plan"
    _, plan_companion, gap_after = _plan_words()
    head = right[:120]
    companion = plan_companion.search(head) if "%" in head and ("," in head or "(" in head) else None
    if companion and not (doc_is_plan and section != "result" and _baseline_object().search(companion.group(0))):
        return "result", "plan_companion"  # a plan's "đạt 3.400 tỷ đồng, tăng 10% so với cùng kỳ" compares with a baseline
    item_cue = cues.nearest(item_lo, pos)
    listed = None if item_cue else inline_list_kind(cues, para_lo, item_lo)
    if listed is not None:
        return listed, "list_lead"  # "Năm 2025, Ban Chỉ đạo tỉnh đề ra chỉ tiêu: …; …; …"
    first_year = year_of(period)
    ahead = first_year is not None and ref_year is not None and first_year > ref_year  # "Năm 2026, … giảm 30% so với năm 2025"
    if gap_after.match(right) and not (item_cue and item_cue[0] == "target") and section != "target" \
            and not (doc_is_plan and section is None) and not ahead \
            and not _aim_bound().search(cues.text, max(0, pos - 24), pos) \
            and not cues.strong_in(sent_lo, pos, "target"):  # a plan's "giảm 4% so với năm 2023": a baseline
        return "result", "gap"  # not "phấn đấu tiết kiệm 8% …; suất tiêu hao … giảm 5% so với giai đoạn 2020 - 2024"
    cue = item_cue or cues.nearest(sent_lo, pos)
    last_year = end_year_of(period)
    if first_year is not None and ref_year is not None:
        if last_year < ref_year and not (cue and cue[0] == "target" and not cue[2] and pos - cue[1] < 40):
            return "result", "past_year"
        if first_year > ref_year:
            return "target", "future_year"
    if cue and cue[2]:
        other = "target" if cue[0] == "result" else "result"
        if section == other and not cues.strong_in(item_lo, pos, cue[0]):  # "phấn đấu … cả năm đạt": the strong cue holds
            return section, "section"
        if cue[0] == "result" and cues.strong_in(sent_lo, pos, "target"):
            return "target", "cue"  # "Phấn đấu đến năm 2025, toàn tỉnh có 81 xã (chiếm 65,3%)"
        if cue[0] == "result" and doc_is_plan and section is None and _subject_link().search(cues.text[cue[1]:pos]) \
                and ";" not in cues.text[cue[1]:pos]:
            return "target", "plan_weak_cue"  # a plan's "Tỷ lệ hộ được công nhận … đạt trên 90%": the cue is in the subject
    if cue and not (item_cue is None and not cue[2] and section and section != cue[0]):
        return cue[0], "cue"  # not a weak cue in an earlier ";" item against the section ("… bản đồ đã biến động lớn; chỉnh lý …")
    if section:
        return section, "section"
    run_lead = run_lead_kind(cues, para_lo, item_lo)
    if run_lead is not None:
        return run_lead, "run_lead"  # "Năm 2025, Hội phấn đấu phát triển thêm 1.000 hội viên; tỷ lệ … đạt 62%; …"
    lead = cues.nearest(para_lo, item_lo)
    if lead and not lead[2] and leads_bullets(cues.text, lead[1], item_lo):
        return lead[0], "list_lead"  # "… năm 2024 ngành phấn đấu:" over its "-" bullets, in a post as in a plan
    if not doc_is_plan and period and _PARTIAL.match(period):
        return "result", "partial_period"
    cue = cues.nearest(para_lo, pos)
    if cue and doc_is_plan:
        if cue[2] and cue[0] == "result" and cues.strong_in(para_lo, pos, "target"):
            return "target", "paragraph_cue"  # "Phấn đấu trong năm 2024:" over its bullets: the weak cue loses
        if cue[2] and cue[0] == "result" and _baseline_object().search(cues.text, max(0, cue[1] - 20), cue[1]):
            return "target", "plan_baseline"  # a plan's "kéo giảm … so với cùng kỳ Tết 2026, cụ thể:" over its bullets
        return cue[0], "paragraph_cue"
    if cue and not cue[2] and not doc_is_plan and first_year is not None and first_year == ref_year:
        return cue[0], "paragraph_cue"  # a post's "Trong năm, các xã đã huy động …; … Tỷ lệ … đạt 95,6%": its year's results
    return "target", "default"


@lru_cache(maxsize=None)
def _estimate_opener() -> re.Pattern:
    return re.compile(rf"^[\s\-+•*]*(?:(?:[a-zđ]|\d{{1,2}}(?:\.\d{{1,2}})*)[.)]\s+)?(?:{alternation(data('kind')['estimate_openers'])})(?!\w)",
                      re.IGNORECASE)


def opens_on_estimate(sentence_left: str) -> bool:
    """`Dự toán thu nội địa năm 2025 Bộ Tài chính giao là 34.200 tỷ đồng`: the clause gives the figure the plan sets;
    the clauses after a `;` ("đến ngày 15/6/2025 đã giải ngân 2,84 tỷ đồng") tell their own story."""
    return ";" not in sentence_left and _estimate_opener().match(sentence_left) is not None
