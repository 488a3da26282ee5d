"""vnplan: Vietnamese plan documents into structured records."""
from .api import extract_file, extract_text
from .models import SCHEMA_VERSION, PlanDocument

__version__ = "0.1.0"
__all__ = ["extract_file", "extract_text", "PlanDocument", "SCHEMA_VERSION", "__version__"]
