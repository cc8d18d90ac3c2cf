"""The conversation export: one temporary folder per process, not one per exported answer."""
import os

import pytest


class _Conversation:
    def __init__(self, n):
        self.n = n

    def to_markdown(self):
        return f"# Conversation {self.n}\n"


@pytest.fixture
def temp_root(tmp_path, monkeypatch):
    """The system's temporary folder, for this test: an empty ``tmp_path``; no export folder made yet."""
    import tempfile

    from ui import exports

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(exports, "_root", None)
    yield tmp_path
    exports.remove_exports()


def test_exports_share_one_temporary_folder(temp_root):
    from ui.chat import _export

    paths = [_export(_Conversation(i)) for i in range(5)]
    assert len(list(temp_root.iterdir())) == 1  # one folder for the process, whatever the number of exports
    assert len(set(paths)) == 5 and {os.path.basename(p) for p in paths} == {"conversation-ctg.md"}
    for i, path in enumerate(paths):  # each export keeps its own content (sessions answered at once)
        with open(path, encoding="utf-8") as handle:
            assert handle.read() == f"# Conversation {i}\n"


def test_old_exports_are_removed_and_the_folder_goes_at_exit(temp_root):
    from ui import exports
    from ui.chat import _export

    paths = [_export(_Conversation(i)) for i in range(exports.KEEP + 10)]
    (root,) = temp_root.iterdir()
    assert len(list(root.iterdir())) == exports.KEEP
    assert all(os.path.exists(p) for p in paths[-exports.KEEP:]) and not os.path.exists(paths[0])
    exports.remove_exports()  # what runs at exit
    assert list(temp_root.iterdir()) == []
    _export(_Conversation(0))  # a later export makes the folder again
    assert len(list(temp_root.iterdir())) == 1
