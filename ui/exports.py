"""Files the app hands to the browser (a conversation in Markdown…), all under one temporary folder per process.

Gradio copies a file a handler returns into its own cache as soon as the handler returns it, under the file's
own name, which is also the name the browser saves it as. So an export only has to live until that copy: each is
written in a subfolder of its own (its name stays ``conversation-ctg.md``, and sessions answered at the same time
never overwrite each other's file), only the newest ``KEEP`` subfolders are kept, and the whole folder is
removed when the process exits.
"""
from __future__ import annotations

import atexit
import itertools
import os
import shutil
import tempfile
import threading

KEEP = 32  # exports kept: far more than can be waiting for Gradio's copy at once

_lock = threading.Lock()
_root: str | None = None  # the process's folder, made at the first export
_numbers = itertools.count()  # orders the subfolders, oldest first


def write_export(name: str, text: str, *, newline: str | None = None) -> str:
    """Write ``text`` to a new file called ``name`` and return its path; older exports beyond ``KEEP`` are
    removed."""
    with _lock:
        root = _folder()
        folder = tempfile.mkdtemp(prefix=f"{next(_numbers):09d}-", dir=root)
        _prune(root)
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8", newline=newline) as handle:
        handle.write(text)
    return path


def _folder() -> str:
    """The process's export folder, made (in the system's temporary folder, where Gradio accepts files from)
    at the first export, or again if something removed it."""
    global _root
    if _root is None or not os.path.isdir(_root):
        _root = tempfile.mkdtemp(prefix="ctg-exports-")
    return _root


def _prune(root: str) -> None:
    """Remove all but the newest ``KEEP`` export subfolders."""
    for old in sorted(os.listdir(root))[:-KEEP]:
        shutil.rmtree(os.path.join(root, old), ignore_errors=True)


def remove_exports() -> None:
    """Remove the process's export folder (at exit; the next export makes a new one)."""
    global _root
    with _lock:
        if _root is not None:
            shutil.rmtree(_root, ignore_errors=True)
            _root = None


atexit.register(remove_exports)
