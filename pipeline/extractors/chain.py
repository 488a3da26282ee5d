"""The extractor chain: importing a module registers its extractor; ORDER is the order they run."""
from . import dates, metadata, periods, references, targets  # noqa: F401

# values first (dates, periods), then what identifies the document, then the targets,
# which read the document's kind, year and title.
ORDER = ("dates", "periods", "metadata", "references", "targets")
