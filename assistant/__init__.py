"""CTG assistant: cited answers about French Conventions Territoriales Globales, offline."""
from .config import Settings
from .core import Assistant
from .errors import CTGError
from .results import Answer, Citation, Passage

__all__ = ["Assistant", "Answer", "Citation", "CTGError", "Passage", "Settings"]
