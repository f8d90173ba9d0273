"""The fact cache's key covers every code and data file of the package (not a hand-kept list)."""
from __future__ import annotations

import shutil
from pathlib import Path

import diplograph
from diplograph import cache

PACKAGE = Path(diplograph.__file__).resolve().parent


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "diplograph"
    shutil.copytree(PACKAGE, root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def test_salt_is_the_package_salt():
    assert cache._version_salt() == cache._salt_of(PACKAGE)
    names = {f.relative_to(PACKAGE).as_posix() for f in cache._package_files(PACKAGE)}
    # resolve.py was left out of the old hand-kept list; the files of subpackages, rules.py and the data
    # files (lexicons, meeting kinds, word classes) matter as much
    assert {"resolve/meetings.py", "rules.py", "extract/sentence.py", "extract/meetings/merge.py", "mapper.py",
            "data/names.ttl", "data/meeting_kinds.ttl", "data/word_classes.ttl"} <= names
    assert not any("__pycache__" in n or n.endswith(".pyc") for n in names)


def test_changing_any_python_file_changes_the_salt(tmp_path):
    root = _copy(tmp_path)
    before = cache._salt_of(root)
    for f in sorted(root.rglob("*.py")):
        original = f.read_bytes()
        f.write_bytes(original + b"\n# changed\n")
        assert cache._salt_of(root) != before, f"{f.name} is not covered by the cache key"
        f.write_bytes(original)
    assert cache._salt_of(root) == before


def test_data_files_new_files_and_renames_change_the_salt(tmp_path):
    root = _copy(tmp_path)
    before = cache._salt_of(root)
    ttl = root / "data" / "names.ttl"
    original = ttl.read_bytes()
    ttl.write_bytes(original + b"\n")
    assert cache._salt_of(root) != before
    ttl.write_bytes(original)
    (root / "newmodule.py").write_text("X = 1\n")
    assert cache._salt_of(root) != before
    (root / "newmodule.py").unlink()
    assert cache._salt_of(root) == before
    (root / "tokens.py").rename(root / "tokens2.py")
    assert cache._salt_of(root) != before
    # byte-code and hidden files are not part of the key
    (root / "tokens2.py").rename(root / "tokens.py")
    (root / "__pycache__").mkdir(exist_ok=True)
    (root / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"junk")
    (root / ".editor.swp").write_bytes(b"junk")
    assert cache._salt_of(root) == before


def test_the_salt_is_patched_through_the_file_list(monkeypatch, tmp_path):
    root = _copy(tmp_path)
    real = cache._package_files
    monkeypatch.setattr(cache, "_package_files", lambda r: [f for f in real(r) if f.name != "meetings.py"])
    without = cache._salt_of(root)
    monkeypatch.setattr(cache, "_package_files", real)
    assert cache._salt_of(root) != without
