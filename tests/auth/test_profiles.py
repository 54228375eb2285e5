"""Profiles (non-secret settings) and the administrator's defaults."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from zvdesk.api.errors import ValidationError
from zvdesk.auth.profiles import (
    AdminConfig,
    Profile,
    ProfileStore,
    config_dir,
    load_admin_config,
    validate_profile_name,
)


def test_config_dir_follows_the_environment(_isolated: Path) -> None:
    assert config_dir() == _isolated / "config"
    assert ProfileStore().path == _isolated / "config" / "profiles.json"


def test_add_list_default_remove(_isolated: Path) -> None:
    store = ProfileStore()
    assert store.list() == [] and store.default_name() is None and store.resolve(None) is None
    work = Profile("work", region="eu", client_id="1000.A", email="agent@example.com")
    store.save(work)
    assert work.region == "EU"
    assert store.default_name() == "work"  # the first profile becomes the default
    store.save(Profile("night", region="IN"))
    assert [p.name for p in store.list()] == ["work", "night"]
    assert store.resolve(None) == work and store.get("night") is not None
    store.set_default("night")
    assert store.default_name() == "night"
    # Read back by a second store object: it is really on disk.
    again = ProfileStore()
    assert again.get("work") == work and again.default_name() == "night"
    assert again.remove("night") is True and again.remove("night") is False
    assert again.default_name() == "work"
    with pytest.raises(ValidationError):
        again.set_default("nope")
    assert oct(again.path.stat().st_mode & 0o777) == oct(0o600)


@pytest.mark.parametrize("name", ["", "a/b", "..", "x" * 65, "-lead", "sp ace", "é"])
def test_bad_profile_names(name: str) -> None:
    with pytest.raises(ValidationError):
        validate_profile_name(name)


def test_unknown_region_refused() -> None:
    with pytest.raises(ValidationError):
        Profile("work", region="MARS")


def test_damaged_file_is_a_plain_error(_isolated: Path) -> None:
    store = ProfileStore()
    store.directory.mkdir(parents=True)
    store.path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        store.list()
    assert "damaged" in str(caught.value)


def test_profile_has_no_place_for_secrets(_isolated: Path) -> None:
    store = ProfileStore()
    data = {
        "name": "work",
        "region": "US",
        "refresh_token": "1000.leaked",
        "client_secret": "leaked-secret",
    }
    store.directory.mkdir(parents=True)
    store.path.write_text(json.dumps({"profiles": [data]}), encoding="utf-8")
    profile = store.get("work")
    assert profile is not None
    store.save(profile)  # rewriting drops whatever is not a profile field
    text = store.path.read_text(encoding="utf-8")
    assert "leaked" not in text
    assert set(json.loads(text)["profiles"][0]) == {
        "name",
        "region",
        "accounts_url",
        "api_base",
        "client_id",
        "display_name",
        "email",
        "zuid",
        "created",
    }


def test_admin_config(_isolated: Path) -> None:
    assert load_admin_config() == AdminConfig()  # no file: empty defaults
    path = Path(os.environ["ZVDESK_ADMIN_CONFIG"])
    path.write_text(
        json.dumps(
            {
                "client_id": "1000.ADMIN",
                "client_secret": "admin-secret",
                "region": "EU",
                "redirect_port": 50123,
            }
        ),
        encoding="utf-8",
    )
    admin = load_admin_config()
    assert admin.client_id == "1000.ADMIN" and admin.region == "EU"
    assert admin.client_secret == "admin-secret" and "admin-secret" not in repr(admin)
    assert admin.redirect_port == 50123
    path.write_text('{"client_id": 5}', encoding="utf-8")
    with pytest.raises(ValidationError):
        load_admin_config()
