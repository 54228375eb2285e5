"""Child process of the history resume test: syncs an account's history into a store.

Usage: python history_child.py DB BASE_URL TOKEN

Prints "ready" once the store is open (the parent may SIGKILL it from then on), then
"progress DONE TOTAL" after each cycle, and "done" when the backfill has finished.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

from zvdesk.api import RetryPolicy, StaticTokenProvider, ZohoVoiceError
from zvdesk.store import Store
from zvdesk.sync import RequestBudget, SyncConfig, SyncEngine, build_client

CONFIG = replace(
    SyncConfig(), head_active=3600.0, chats_active=3600.0, scheduled_active=3600.0,
    status_active=3600.0, page_size=50, overlap=5,
)  # fmt: skip
"""Only the backfill runs after the first cycle: many small pages, so kills land mid-way."""


def main(db: str, base_url: str, token: str) -> None:
    store = Store(Path(db))
    print("ready", flush=True)
    retry = RetryPolicy(max_attempts=4, base=0.02, cap=0.2)
    with build_client(
        StaticTokenProvider(token), RequestBudget(None), base_url=base_url, timeout=5.0,
        retry=retry,
    ) as client:  # fmt: skip
        engine = SyncEngine(client, store, config=CONFIG)
        while not engine.history.backfill_done:
            try:
                engine.run_once()
            except ZohoVoiceError:
                time.sleep(0.02)
            done, total = engine.history.progress()
            print(f"progress {done} {total}", flush=True)
    store.close()
    print("done", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
