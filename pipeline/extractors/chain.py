"""Order of the extractor chain: importing a module registers its extractor."""
# Each line adds one extractor; order matters (values before metadata before targets).
from . import targets  # noqa: F401
