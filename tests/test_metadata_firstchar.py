"""A FirstChar alternation matches what its whole pattern matches, at every position."""
import regex
from conftest import CORPUS

from pipeline.extractors.metadata import issuer, tables, title
from pipeline.extractors.metadata.tables import cues, organ_names, organs
from pipeline.extractors.metadata.text import any_cue, cue_pattern, fold


def _folded_corpus():
    return [fold(p.read_text(encoding="utf-8")[:6000]) for p in sorted((CORPUS / "seeds").glob("*.txt"))[:12]]


def _same_everywhere(first_char, pattern, texts):
    hits = 0
    for text in texts:
        for i in range(len(text)):
            want = pattern.match(text, i)
            got = first_char.match(text, i)
            assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict())), (text[i:i + 40])
            hits += want is not None
    return hits


def test_organ_alternation_matches_as_the_whole_pattern():
    names = [cue_pattern(n) for n in organ_names()]
    abbrs = [regex.escape(fold(a)) for a, o in organs().items() if o.scope != "sector"]
    heads = [cue_pattern(h) for h in sorted(cues()["organ_heads"], key=len, reverse=True)]
    written = regex.compile(rf"(?<![\p{{L}}])(?:(?:{'|'.join(names + abbrs)})(?![\p{{L}}])|{issuer._headed_sector()}"
                            rf"|(?:{'|'.join(heads)})(?=[\s|]))")
    assert _same_everywhere(issuer._organ_at(), written, _folded_corpus()) > 50


def test_organ_start_and_stop_lines_match_as_their_patterns():
    words = [cue_pattern(n) for n in organ_names()]
    words += [regex.escape(fold(a)) for a, o in organs().items() if o.scope != "sector"]
    words += [cue_pattern(h) for h in cues()["organ_heads"]]
    start = regex.compile(rf"(?:{'|'.join(sorted(words, key=len, reverse=True))})(?![\p{{L}}])")
    texts = _folded_corpus()
    assert _same_everywhere(tables._organ_start(), start, texts) > 50
    c = cues()
    for caps in (True, False):
        heads = c["body_openers_caps"] + c["positions"] + organ_names() + ([] if caps else c["body_openers"])
        stop = regex.compile(rf"{any_cue(heads)}(?![\p{{L}}])")
        lines = [line.strip() for text in texts for line in text.split("\n") if line.strip()]
        assert sum(bool(title._stop_re(caps).match(line)) == bool(stop.match(line)) for line in lines) == len(lines)
        assert any(stop.match(line) for line in lines)
