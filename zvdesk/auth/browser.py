"""Browser sign-in: consent page in the system browser, redirect to a loopback listener, PKCE.

::

    with BrowserSignIn(client) as flow:
        webbrowser.open(flow.authorization_url)
        tokens = flow.wait(timeout=300, cancel=event)

The code is only sent to the accounts server named in the redirect if that is one of Zoho's (or
the configured sandbox/test URL), together with the PKCE verifier.
"""

from __future__ import annotations

import secrets
import threading
import webbrowser
from collections.abc import Callable

from zvdesk.auth.errors import AccessDeniedError, SignInError
from zvdesk.auth.loopback import SIGNED_IN_TEXT, Redirect, RedirectListener
from zvdesk.auth.oauth import OAuthClient, TokenSet, error_for
from zvdesk.auth.pkce import new_pkce

__all__ = ["DEFAULT_TIMEOUT", "BrowserSignIn", "sign_in_with_browser"]

DEFAULT_TIMEOUT = 300.0


class BrowserSignIn:
    """One browser sign-in attempt: listening starts on construction; close it when done.

    ``port`` overrides the configured redirect port (0 picks a free one, for tests).
    """

    def __init__(self, client: OAuthClient, *, port: int | None = None) -> None:
        self._client = client
        config = client.config
        self._pkce = new_pkce()
        self._state = secrets.token_urlsafe(24)
        self._listener = RedirectListener(
            port=config.redirect_port if port is None else port,
            path=config.redirect_path,
            state=self._state,
        )
        self.redirect_uri = config.redirect_uri(self._listener.port)
        self.authorization_url = client.authorization_url(
            state=self._state,
            code_challenge=self._pkce.challenge,
            redirect_uri=self.redirect_uri,
        )

    @property
    def port(self) -> int:
        return self._listener.port

    def wait(
        self, timeout: float = DEFAULT_TIMEOUT, cancel: threading.Event | None = None
    ) -> TokenSet:
        """Wait for the redirect, then exchange its code; the browser page shows the outcome."""
        return self.complete(self.receive(timeout, cancel))

    def receive(
        self, timeout: float = DEFAULT_TIMEOUT, cancel: threading.Event | None = None
    ) -> Redirect:
        """The first step of :meth:`wait`: the browser's redirect (its page is held open)."""
        return self._listener.wait(timeout, cancel)

    def complete(self, redirect: Redirect) -> TokenSet:
        """The second step of :meth:`wait`: exchange the redirect's code; the held browser page
        shows the outcome."""
        try:
            tokens = self._exchange(redirect)
        except SignInError as exc:
            self._listener.respond(False, exc.message)
            raise
        self._listener.respond(True, SIGNED_IN_TEXT)
        return tokens

    def _exchange(self, redirect: Redirect) -> TokenSet:
        if redirect.error is not None:
            if redirect.error.strip().lower() == "access_denied":
                raise AccessDeniedError(
                    "Access was declined on Zoho's consent page: sign in again and choose Accept.",
                    code=redirect.error[:80],
                )
            raise error_for(redirect.error, redirect_uri=self.redirect_uri)
        if redirect.code is None:
            raise SignInError("Zoho's redirect carried no code: sign in again.")
        accounts_url = self._client.config.trusted_accounts_url(redirect.accounts_server)
        return self._client.exchange_code(
            redirect.code,
            accounts_url=accounts_url,
            redirect_uri=self.redirect_uri,
            code_verifier=self._pkce.verifier,
        )

    def close(self) -> None:
        self._listener.close()

    def __enter__(self) -> BrowserSignIn:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def sign_in_with_browser(
    client: OAuthClient,
    *,
    open_url: Callable[[str], object] = webbrowser.open,
    timeout: float = DEFAULT_TIMEOUT,
    cancel: threading.Event | None = None,
    port: int | None = None,
) -> TokenSet:
    """Run a whole browser sign-in: open the consent page with ``open_url`` and wait."""
    with BrowserSignIn(client, port=port) as flow:
        open_url(flow.authorization_url)
        return flow.wait(timeout, cancel)
