"""One configuration object for the whole assistant (env prefix ``CTG_``)."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

EmbedModelName = Literal["e5-small", "minilm"]


class Settings(BaseSettings):
    """Every knob of the assistant; each field can be set with ``CTG_<NAME>``."""

    model_config = SettingsConfigDict(env_prefix="CTG_", extra="ignore")

    corpus_dir: Path = Field(Path("corpus"), description="Folder of source documents.")
    max_file_mb: float = 20.0  # larger source files are refused
    index_dir: Path = Field(Path("index"), description="Manifest, BM25 index and local Chroma data.")

    # Chroma: embedded (PersistentClient in index_dir/chroma) unless a host is given.
    chroma_host: str | None = None
    chroma_port: int = 8000
    collection: str = "ctg"

    # Embeddings and chunking (both recorded in the index manifest).
    embed_model: EmbedModelName = "e5-small"
    # How answer selection compares a sentence with the question: "words" (spaCy word vectors, computed at
    # question time, nothing embedded per sentence) or "embeddings" (every sentence embedded at indexing time:
    # +1.4 points of answer accuracy on the seed set, for about twice the indexing time). Recorded in the manifest.
    sentence_similarity: Literal["words", "embeddings"] = "words"
    chunk_min_words: int = 80
    chunk_max_words: int = 200

    # Retrieval: relative-score fusion of BM25 and dense results (weight chosen by measurement).
    top_k: int = 5
    answer_passages: int = 8  # passages whose sentences compete for the answer
    candidates: int = 20
    dense_weight: float = 0.2
    # "when-needed": a question naming a convention whose document BM25 ranks first skips the query embedding
    # (same answers on the seed set, a third of the time); "always": every question is embedded.
    dense_retrieval: Literal["always", "when-needed"] = "when-needed"

    # Answers.
    max_answer_sentences: int = 3
    max_answer_chars: int | None = None  # None: the length fitted with the answer selector (selector.json)
    max_question_chars: int = 1000

    # Optional language model (any OpenAI-compatible server: Ollama, vLLM, Albert). Off unless a base URL is set;
    # its answers are checked sentence by sentence against the passages they cite.
    llm_base_url: str | None = None
    llm_model: str = ""
    llm_api_key: SecretStr | None = None
    llm_timeout: float = 30.0  # seconds for the whole answer; slower falls back to the extractive answer
    llm_passages: int = 6

    # Administration of the sources in the app (upload, delete): disabled unless a password is set.
    admin_password: SecretStr | None = None

    # Query log (JSON Lines, rotated): off unless a path is given, for privacy.
    query_log: Path | None = None
    query_log_max_mb: float = 10.0
    query_log_backups: int = 5

    # Web app ("Évaluation" tab shows the report in report_dir). "user:password" turns on Gradio's login.
    auth: SecretStr | None = None
    report_dir: Path = Path("reports/latest")
    host: str = "127.0.0.1"
    port: int = 7860

    def chunking(self) -> dict:
        """Chunking parameters, as recorded in the manifest."""
        return {"min_words": self.chunk_min_words, "max_words": self.chunk_max_words}
