"""Sentence vectors that answer selection compares with the question.

``embeddings`` mode: each chunk's sentences (see ``nlp.segment.sentence_spans``) are embedded once at indexing time
and kept in a second Chroma collection; at question time only the sentences of the retrieved passages are fetched.
``words`` mode: the mean of spaCy's French word vectors, computed at question time for the retrieved passages
only (nothing stored, no model call).
"""
from __future__ import annotations

import numpy as np

from assistant.nlp.segment import sentence_spans


def sentence_id(node_id: str, k: int) -> str:
    return f"{node_id}-s{k:03d}"


def add_sentences(collection, nodes, texts_by_doc: dict[str, str], embed_model) -> int:
    """Embed and store the sentences of ``nodes``; returns how many were added."""
    ids, texts, metadatas = [], [], []
    for node in nodes:
        text = texts_by_doc[node.ref_doc_id]
        for k, (start, end) in enumerate(sentence_spans(text, node.metadata["start"], node.metadata["end"])):
            ids.append(sentence_id(node.node_id, k))
            texts.append(text[start:end])
            metadatas.append({"document_id": node.ref_doc_id, "node_id": node.node_id, "start": start, "end": end})
    if not ids:
        return 0
    unique = list(dict.fromkeys(texts))  # a convention repeats its formulas: each sentence is embedded once
    vectors = dict(zip(unique, embed_model.get_text_embedding_batch(unique)))
    embeddings = [vectors[t] for t in texts]
    for i in range(0, len(ids), 1000):
        collection.upsert(ids=ids[i : i + 1000], embeddings=embeddings[i : i + 1000],
                          metadatas=metadatas[i : i + 1000], documents=texts[i : i + 1000])
    return len(ids)


def delete_document(collection, doc_id: str) -> None:
    collection.delete(where={"document_id": doc_id})


def sentence_vectors(collection, node_ids: list[str]) -> dict[tuple[str, int], np.ndarray]:
    """``(node_id, start) -> unit vector`` for every sentence of the given passages."""
    if not node_ids:
        return {}
    found = collection.get(where={"node_id": {"$in": list(node_ids)}}, include=["embeddings", "metadatas"])
    vectors = {}
    for meta, emb in zip(found["metadatas"], found["embeddings"]):
        vec = np.asarray(emb, dtype=np.float32)
        vectors[(meta["node_id"], int(meta["start"]))] = vec / (np.linalg.norm(vec) or 1.0)
    return vectors


def word_vector(text: str) -> np.ndarray | None:
    """Unit mean of the word vectors of ``text`` (words of four letters or more)."""
    from assistant.nlp.text import TOKEN
    from assistant.nlp.wordsim import vector

    found = [v for v in (vector(w) for w in TOKEN.findall(text) if len(w) > 3) if v is not None]
    if not found:
        return None
    mean = np.mean(found, axis=0)
    return mean / (np.linalg.norm(mean) or 1.0)


def word_sentence_vectors(nodes, document_text) -> dict[tuple[str, int], np.ndarray]:
    """``(node_id, start) -> unit vector`` from word vectors, for the sentences of the given passages."""
    vectors = {}
    for node in nodes:
        text = document_text(node.ref_doc_id)
        for start, end in sentence_spans(text, node.metadata["start"], node.metadata["end"]):
            vec = word_vector(text[start:end])
            if vec is not None:
                vectors[(node.node_id, start)] = vec
    return vectors
