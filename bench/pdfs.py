"""Text PDFs for the PDF throughput figure: corpus documents set in DejaVu Sans with fpdf2."""
from __future__ import annotations

import random
from pathlib import Path

from .archive import corpus_texts, vary


def dejavu_font() -> Path:
    import matplotlib

    return Path(matplotlib.__file__).parent / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"


def build(folder: Path, count: int, pages_per_pdf: int, seed: int = 20261121) -> int:
    """Write `count` PDFs of at least `pages_per_pdf` pages; returns the total number of pages."""
    from fpdf import FPDF

    folder.mkdir(parents=True, exist_ok=True)
    texts = corpus_texts()
    rng = random.Random(seed)
    total = 0
    for i in range(count):
        pdf = FPDF(format="A4")
        pdf.add_font("DejaVu", fname=str(dejavu_font()))
        pdf.set_font("DejaVu", size=12)
        pdf.set_auto_page_break(True, margin=20)
        j = i
        while pdf.pages_count < pages_per_pdf:
            if pdf.pages_count == 0:
                pdf.add_page()
            text = vary(texts[j % len(texts)], rng)
            j += 1
            pdf.multi_cell(0, 6, text.replace("\t", " "))
        total += pdf.pages_count
        pdf.output(str(folder / f"plan{i:04d}.pdf"))
    return total
