"""Order of the extractor chain: importing a module registers its extractor."""
# Each line adds one extractor; order matters (values before metadata before targets).
from . import dates  # noqa: F401
from . import periods  # noqa: F401
from . import metadata  # noqa: F401
from . import references  # noqa: F401
from . import targets  # noqa: F401
