"""The media cache: LRU eviction by total bytes, safe names, index and disk kept in step."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from zvdesk.store import MediaCache, Store, safe_file_name

from .conftest import record


@pytest.fixture
def cache(store: Store, tmp_path: Path) -> MediaCache:
    return MediaCache(tmp_path / "media", 100, store)


def _files(cache: MediaCache) -> set[str]:
    return {p.name for p in cache.directory.iterdir() if p.is_file()}


def test_put_and_path_for(cache: MediaCache) -> None:
    assert cache.path_for("m1") is None
    jpeg = b"\xff\xd8\xff\xe0" + b"x" * 6
    path = cache.put("m1", jpeg, file_name="photo.jpg", content_type="image/jpeg")
    assert path.read_bytes() == jpeg
    assert path.parent == cache.directory and path.name.endswith("-photo.jpg")
    assert cache.path_for("m1") == path
    assert cache.total_bytes() == 10


@pytest.mark.parametrize(
    ("data", "declared", "name", "cached_as"),
    [
        (b"MZ\x90\x00\x03" + b"\x00" * 60, "image/png", "invoice.exe", "-invoice.bin"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "image/png", "photo.exe", "-photo.png"),
        (b"[Desktop Entry]\nExec=sh -c evil\n", "image/jpeg", "x.desktop", "-x.bin"),
        (b"<html><script>evil()</script>", "text/html", "page.html", "-page.bin"),
        (b"%PDF-1.7\n", "application/octet-stream", "doc.scr", "-doc.pdf"),
        (b"\x89PNG\r\n\x1a\n", "image/png", "", "-media.png"),
    ],
)
def test_the_cached_name_s_extension_comes_from_the_contents(
    cache: MediaCache, data: bytes, declared: str, name: str, cached_as: str
) -> None:
    """Never the sender's extension: a desktop opener goes by it (issue #19)."""
    path = cache.put("m-" + name, data, file_name=name, content_type=declared)
    assert path.name.endswith(cached_as), path.name


def test_lru_eviction_by_total_bytes(cache: MediaCache) -> None:
    for name in ("a", "b", "c"):
        cache.put(name, b"0" * 40, file_name=f"{name}.bin")
    # 120 bytes > 100: "a", the least recently used, went
    assert cache.path_for("a") is None
    assert cache.total_bytes() == 80
    assert cache.path_for("b") is not None  # b is now more recent than c
    cache.put("d", b"0" * 40, file_name="d.bin")
    assert cache.path_for("c") is None
    assert cache.path_for("b") is not None and cache.path_for("d") is not None
    assert len(_files(cache)) == 2


def test_file_bigger_than_the_cache_is_kept_alone(cache: MediaCache) -> None:
    cache.put("small", b"1" * 30)
    big = cache.put("big", b"2" * 150)
    assert cache.path_for("small") is None
    assert cache.path_for("big") == big and cache.total_bytes() == 150
    cache.put("next", b"3" * 10)
    assert cache.path_for("big") is None and cache.total_bytes() == 10


def test_put_moves_a_staged_download_in(cache: MediaCache) -> None:
    staging = cache.staging_path("m9")
    assert staging.parent.parent == cache.directory
    staging.write_bytes(b"abc")
    path = cache.put("m9", staging, file_name="clip.mp4")
    assert not staging.exists() and path.read_bytes() == b"abc"


def test_metadata_of_a_stored_message_names_the_file(store: Store, cache: MediaCache) -> None:
    meta = [{"mmsId": "mm-1", "fileName": "invoice.pdf", "contentType": "application/pdf"}]
    store.upsert_messages([record(isMMS=True, mmsMeta=meta)])
    assert cache.put("mm-1", b"%PDF-1.4\n").name.endswith("-invoice.pdf")
    row = store.connection.execute(
        "SELECT content_type FROM media_files WHERE mms_id = 'mm-1'"
    ).fetchone()
    assert row[0] == "application/pdf"


@pytest.mark.parametrize(
    "hostile",
    [
        "../../.bashrc",
        "..\\..\\windows\\system32\\evil.dll",
        "/etc/passwd",
        "a\x00b\x07c\nd\r\x1b[31m.jpg",
        "x" * 500 + ".jpg",
        "é" * 300,
        "..",
        ".",
        "",
        "CON",
        "name with spaces . ",
        "\u202eexe.jpg",
    ],
)
def test_hostile_names_stay_inside_the_directory(cache: MediaCache, hostile: str) -> None:
    path = cache.put(f"id-{hostile}", b"z", file_name=hostile)
    assert path.resolve().parent == cache.directory
    assert len(path.name.encode("utf-8")) <= 160
    assert not any(ord(ch) < 32 or ch in "/\\" for ch in path.name)
    assert not path.name.startswith(".")
    assert path.read_bytes() == b"z"


def test_safe_file_name_keeps_extension_and_is_unique_per_id() -> None:
    long = safe_file_name("id", "y" * 500 + ".jpeg")
    assert long.endswith(".jpeg") and len(long) < 160
    assert safe_file_name("a", "same.jpg") != safe_file_name("b", "same.jpg")
    assert safe_file_name("a", "../../.bashrc").endswith("-bashrc")


def test_reconcile_after_crash(store: Store, tmp_path: Path) -> None:
    directory = tmp_path / "media"
    first = MediaCache(directory, 1000, store)
    kept = first.put("keep", b"1")
    lost = first.put("lost", b"2")
    lost.unlink()  # the file vanished (user cleaned the cache folder)
    stray = directory / "stray.bin"  # a file without an index row
    stray.write_bytes(b"3")
    old = time.time() - 7200
    os.utime(stray, (old, old))
    fresh = directory / "fresh.bin"  # may belong to another thread's put in progress
    fresh.write_bytes(b"4")
    MediaCache(directory, 1000, store)
    assert first.path_for("lost") is None
    assert first.path_for("keep") == kept
    assert not stray.exists() and fresh.exists()


def test_remove_and_clear(cache: MediaCache) -> None:
    cache.put("a", b"1")
    cache.put("b", b"2")
    assert cache.remove("a") and not cache.remove("a")
    cache.clear()
    assert cache.total_bytes() == 0 and _files(cache) == set()
    with pytest.raises(ValueError):
        MediaCache(cache.directory, 0, cache._store)
