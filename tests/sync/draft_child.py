"""Child process of test_drafts: types a draft through DraftSaver, says so, then waits to be killed.

Usage: python draft_child.py DB_PATH CONVERSATION_KEY TEXT
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from zvdesk.store import Store
from zvdesk.sync import DraftSaver


def main(db_path: str, key: str, text: str) -> None:
    store = Store(Path(db_path))
    saver = DraftSaver(store)
    for end in range(1, len(text) + 1):  # keystroke by keystroke, as a debounced UI might
        saver.save(key, text[:end])
    print("saved", flush=True)
    while True:  # never closes the store: the parent kills this process
        time.sleep(60)


if __name__ == "__main__":
    main(*sys.argv[1:4])
