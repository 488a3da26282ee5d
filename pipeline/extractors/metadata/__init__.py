"""Document metadata (issue 5): one module per field group, `extractor` registers the
`metadata` step of the chain."""
from . import extractor  # noqa: F401
