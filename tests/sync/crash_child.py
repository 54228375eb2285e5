"""Child process of the crash tests: queues N messages (idempotently) and sends them via the outbox.

Usage: python crash_child.py DB BASE_URL TOKEN COUNT CUSTOMERS TIMEOUT GRACE RATE [ZUID EMAIL]

RATE: the request budget in calls per second, in 100 ms windows (high, but it keeps the run long
enough for the parent's kills to land everywhere, restarts included). ZUID and EMAIL: the user
behind TOKEN (as the profile keeps it; default: the sandbox's default user).

Message i goes to customer ``i % CUSTOMERS``; every even one is one of five canned texts
(:data:`CANNED`), the odd ones are unique, so repeated texts to one customer are the rule.
Prints "ready" once the store is open (the parent may SIGKILL it from then on), "done" when the
outbox is empty. Each message has a stable client_ref, so a restarted child queues nothing twice.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from zvdesk.api import RetryPolicy, StaticTokenProvider, ZohoVoiceError
from zvdesk.api.identity import Identity
from zvdesk.sandbox.config import ZUID
from zvdesk.store import Store
from zvdesk.sync import OutboxConfig, OutboxQueue, OutboxSender, RequestBudget, build_client

SENDER = "+1 4842920101"
CANNED = (
    "ok",
    "Thanks!",
    "Glad I could help. Have a great day!",
    "Thank you! Is there anything else I can help with?",
    "Thanks for your patience. I am looking into this now and will get back to you shortly.",
)


def number(customer: int) -> str:
    return f"+1415556{customer:04d}"


def text(index: int) -> str:
    if index % 2 == 0:
        return CANNED[(index // 2) % len(CANNED)]
    return f"crash message {index:04d}"


def enqueue(store: Store, count: int, customers: int) -> None:
    if store.get_state("crash.enqueued") is True:
        return
    queue = OutboxQueue(store)
    for i in range(count):
        queue.send(number(i % customers), text(i), sender_id=SENDER, client_ref=f"crash-{i}")
    store.set_state("crash.enqueued", True)


def main(db: str, base_url: str, token: str, count: str, customers: str, timeout: str,
         grace: str, rate: str, zuid: str = str(ZUID),
         email: str = "mark@zylker.com") -> None:  # fmt: skip
    store = Store(Path(db))
    print("ready", flush=True)
    enqueue(store, int(count), int(customers))
    retry = RetryPolicy(max_attempts=4, base=0.02, cap=0.2)
    with build_client(
        StaticTokenProvider(token), RequestBudget(max(1, int(rate) // 10), 0.1), base_url=base_url,
        timeout=float(timeout), retry=retry,
    ) as client:  # fmt: skip
        sender = OutboxSender(
            client,
            store,
            config=OutboxConfig(grace=float(grace), skew=2.0, recheck=0.02),
            identity=Identity(zuid, email),
        )
        while True:
            try:
                sender.process()
            except ZohoVoiceError:
                time.sleep(0.02)
            due = sender.next_due()
            if due is None:
                break
            time.sleep(min(max(0.0, due - time.monotonic()), 0.1))
    store.close()
    print("done", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:11])
