"""Drafts survive the process that typed them being killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from zvdesk.store import Store, conversation_key
from zvdesk.sync import DraftSaver

CHILD = Path(__file__).with_name("draft_child.py")
ROOT = Path(__file__).resolve().parents[2]


def test_a_draft_survives_sigkill(tmp_path: Path) -> None:
    db = tmp_path / "cache.sqlite3"
    key = conversation_key("+1 415 555 8001", "+1 4842920101")
    text = "Hello Ana, your refund of $12.50 is on its way 🙂"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with subprocess.Popen(
        [sys.executable, str(CHILD), str(db), key, text],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    ) as child:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "saved"
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=10) == -signal.SIGKILL
    with Store(db) as store:
        draft = store.draft(key)
        assert draft is not None and draft.text == text


def test_saving_the_same_draft_again_writes_nothing(tmp_path: Path) -> None:
    with Store(tmp_path / "cache.sqlite3") as store:
        saver = DraftSaver(store)
        saver.save("1|2", "hi")
        saver.save("1|2", "hi")
        assert saver.writes == 1
        loaded = saver.load("1|2")
        assert loaded is not None and loaded.text == "hi"
        saver.clear("1|2")
        assert store.draft("1|2") is None
        saver.save("1|2", "")  # already empty: nothing to write
        assert saver.writes == 1
