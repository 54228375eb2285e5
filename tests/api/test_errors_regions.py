"""Error messages and the region table."""

from __future__ import annotations

import pytest

from zvdesk.api import REGIONS, ApiError, AuthError, RateLimitedError, ValidationError, region
from zvdesk.api.errors import RequestInfo, error_for_reply, explain_code
from zvdesk.api.regions import api_base, env_api_base


@pytest.mark.parametrize("code", ["ZVSMS-4038", "ZVSMS-4027", "INVALID_OAUTHTOKEN", "500"])
def test_known_codes_are_explained(code: str) -> None:
    explanation = explain_code(code)
    assert explanation
    error = error_for_reply(400, code=code, server_message="server words")
    assert error.message.startswith(explanation)
    assert "server words" in error.message and str(error) == error.message


def test_error_classes_and_fields() -> None:
    info = RequestInfo("GET", "https://voice.zoho.com/rest/json/v1/sms/logs")
    auth = error_for_reply(401, request=info)
    assert isinstance(auth, AuthError) and auth.request == info
    assert str(auth.request) == "GET https://voice.zoho.com/rest/json/v1/sms/logs"
    limited = error_for_reply(429, retry_after=12)
    assert isinstance(limited, RateLimitedError) and limited.retry_after == 12
    assert "12 seconds" in limited.message
    plain = error_for_reply(404)
    assert type(plain) is ApiError and "404" in plain.message and plain.code is None
    assert "ApiError" in repr(plain)


def test_regions() -> None:
    assert set(REGIONS) == {"US", "EU", "IN", "AU", "JP", "CA", "SA", "CN", "UK"}
    assert region("us").api_base == "https://voice.zoho.com"
    assert region(" ca ").api_base == "https://voice.zohocloud.ca"
    assert region("CA").accounts_url == "https://accounts.zohocloud.ca"
    assert region("au").accounts_url == "https://accounts.zoho.com.au"
    with pytest.raises(ValidationError):
        region("mars")


def test_api_base_env_is_separate_from_the_region(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ZVDESK_API_BASE", raising=False)
    assert api_base("eu") == "https://voice.zoho.eu" and env_api_base() is None
    monkeypatch.setenv("ZVDESK_API_BASE", "http://127.0.0.1:8123/")
    assert api_base("eu") == "https://voice.zoho.eu"
    assert env_api_base() == "http://127.0.0.1:8123"
