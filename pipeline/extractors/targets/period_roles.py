"""The role the words before a period give it (rules/targets/periods.yaml): a deadline, a baseline, the
same period of an earlier year, the version of a standard."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .lexicon import Ending, alternation, case_blind_alternation, data


class _Roles(NamedTuple):
    """Patterns of the words before a period that give it a role (rules/targets/periods.yaml)."""
    deadline: re.Pattern  # "đến năm 2030", "tầm nhìn 2045": a deadline, not the year in force
    baseline: re.Pattern  # "so với năm 2016", "tăng 5% cùng kỳ năm 2022"; not "Cùng kỳ, năm 2020, …" opening a sentence
    averaged: re.Pattern  # "so với trung bình 5 năm (2020 - 2024)", "so với bình quân giai đoạn 2016-2020"
    same_period: re.Pattern  # "cùng kỳ năm 2020"
    naming: re.Pattern  # "chuẩn nghèo đa chiều giai đoạn 2022 - 2025": the version of a standard
    congress: re.Pattern  # "Nghị quyết Đại hội … lần thứ I, nhiệm kỳ 2025 - 2030": the congress's term, a name
    term: re.Pattern  # "nhiệm kỳ 2021 - 2026": a council's or a committee's term
    past_bound: re.Pattern  # "xây dựng trước năm 2010": before a past year, when something was done
    compared: re.Pattern  # a year right after "so với" / "cùng kỳ" is no year a text is about
    cited: re.Pattern  # "Kế hoạch số 36/KH-UBND … về phát triển văn hóa đọc năm 2024": a cited document's title


@lru_cache(maxsize=None)
def roles() -> _Roles:
    per = data("periods")
    compared, same = alternation(per["compared_with"]), alternation(per["same_period"])
    edges, due_edges, spans = alternation(per["year_edges"]), alternation(per["deadline_edges"]), alternation(per["span_words"])
    year = rf"(?:(?:{edges})\s+)?(?:(?:{alternation(per['year_words'])})\s+)?$"
    return _Roles(
        deadline=re.compile(rf"(?:{alternation(per['deadline_before'])})(?:\s+(?:{due_edges}))?(?:\s+năm)?\s*$", re.IGNORECASE),
        baseline=re.compile(rf"(?:(?:{compared})(?:\s+(?:{alternation(per['baseline_nouns'])}))?|(?<![.\n(;]\s)(?<![.\n(;])(?<!^)(?:{same}))"
                            rf"[\s,]*{year}", re.IGNORECASE),
        averaged=re.compile(rf"{case_blind_alternation(per['compared_with'])}\s+(?:{alternation(per['baseline_averages'])})(?:\s+\d+\s+năm)?[\s,(]*"
                            rf"(?:(?:năm|{spans})\s*)?$", re.IGNORECASE),
        same_period=re.compile(rf"(?:{same})[\s,]*{year}", re.IGNORECASE),
        naming=re.compile(rf"(?<!\w)(?:{alternation(per['standard_names'])})(?:\s+[^\s\d,;.:()]+){{0,3}}\s+(?:(?:{spans})\s*)?$",
                          re.IGNORECASE),
        congress=re.compile(rf"(?<!\w)(?:{alternation(per['congress_names'])})\s[^.;:\n]{{0,100}}?(?:{alternation(per['term_words'])})\s*$",
                            re.IGNORECASE),
        past_bound=re.compile(rf"(?<!\w)(?:{alternation(per['past_bounds'])})\s+(?:năm\s+)?$", re.IGNORECASE),
        term=re.compile(rf"(?<!\w)(?:{alternation(per['term_words'])})\s*$", re.IGNORECASE),
        compared=re.compile(rf"(?:{compared}|{same})[\s,]*(?:năm\s+)?$", re.IGNORECASE),
        cited=re.compile(rf"(?<!\w)số\s*\d+(?:/\d{{4}})?/[A-ZĐ][^\s;,]*[^;.\n]{{0,80}}?\s(?:{alternation(per['cited_title_words'])})\s"
                         rf"[^;.\n\d]{{0,160}}?\s(?:{spans}|năm)\s*$"
                         rf"|(?<!\w)(?i:{alternation(per['law_words'])})\s+[A-ZĐ][^;.\n\d]{{0,60}}?\snăm\s*$"),
    )


@lru_cache(maxsize=None)
def _law_marks() -> tuple[str, ...]:
    """The last word of each law name, lowercased: the name matches case-blind only where its last word is written."""
    return tuple(sorted({w.lower().split()[-1] for w in data("periods")["law_words"]}))


def may_cite(words: str) -> bool:
    """False where `roles().cited` cannot match `words`: its first branch needs `số`, a `/` and `về`, its
    second a law's name (a cheap test before a search that tries every offset)."""
    if "số" in words and "/" in words and "về" in words:
        return True
    low = words.lower()
    return any(w in low for w in _law_marks())


@lru_cache(maxsize=None)
def role_endings() -> tuple[Ending, Ending, Ending]:
    """Quick tests (lexicon.Ending) for the deadline, the compared-with and the same-period roles."""
    per = data("periods")
    year = per["year_edges"] + per["year_words"]
    return (Ending(per["deadline_before"], per["deadline_edges"] + ["năm"], flags=re.IGNORECASE),
            Ending(per["compared_with"] + per["same_period"], year + per["baseline_nouns"], flags=re.IGNORECASE),
            Ending(per["same_period"], year, flags=re.IGNORECASE))
