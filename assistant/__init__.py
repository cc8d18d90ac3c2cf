"""CTG assistant: cited answers about French Conventions Territoriales Globales, offline."""
from assistant.config import Settings
from assistant.core import Assistant
from assistant.errors import CTGError
from assistant.results import Answer, Citation, Passage

__all__ = ["Assistant", "Answer", "Citation", "CTGError", "Passage", "Settings"]
