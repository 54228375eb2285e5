"""Device-flow sign-in (no browser on this machine): show a code, poll until it is approved.

Polling honours the server's ``interval``, adds 5 seconds on ``slow_down`` (RFC 8628), follows
``other_dc`` to the person's data centre, stops at the code's expiry and can be cancelled.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from zvdesk.auth.errors import DeviceCodeExpiredError, SignInCancelledError
from zvdesk.auth.oauth import DeviceCode, OAuthClient, TokenSet

__all__ = ["SLOW_DOWN_STEP", "sign_in_with_device"]

SLOW_DOWN_STEP = 5.0


def sign_in_with_device(
    client: OAuthClient,
    *,
    on_code: Callable[[DeviceCode], None],
    cancel: threading.Event | None = None,
    clock: Callable[[], float] = time.monotonic,
    min_interval: float = 1.0,
) -> TokenSet:
    """Request a device code, hand it to ``on_code`` (to show it), poll until approved.

    ``min_interval`` is a floor for the wait between polls (tests lower it for a sandbox).
    Waits use ``cancel`` (a set event ends the sign-in with SignInCancelledError).
    """
    stop = cancel if cancel is not None else threading.Event()
    device = client.request_device_code()
    on_code(device)
    deadline = clock() + device.expires_in
    interval = max(device.interval, min_interval)
    accounts_url = device.accounts_url
    while True:
        if stop.wait(max(min(interval, deadline - clock()), 0.0)):
            raise SignInCancelledError("The sign-in was cancelled.")
        if clock() >= deadline:
            raise DeviceCodeExpiredError(
                "The sign-in code expired before it was approved: start the sign-in again."
            )
        poll = client.poll_device_token(device, accounts_url=accounts_url)
        if poll.tokens is not None:
            return poll.tokens
        accounts_url = poll.accounts_url
        if poll.pending == "slow_down":
            interval += SLOW_DOWN_STEP
