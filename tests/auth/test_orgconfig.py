"""The organisation's OAuth client config: system-wide file per platform, build default, order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zvdesk.api.errors import ValidationError
from zvdesk.auth import orgconfig
from zvdesk.auth.orgconfig import (
    admin_instructions,
    load_org_config,
    system_config_paths,
)
from zvdesk.auth.profiles import load_admin_config


def write(path: Path, **values: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(values), encoding="utf-8")
    return path


def test_system_wide_file_per_platform() -> None:
    assert system_config_paths("linux", {}) == [
        Path("/etc/zvdesk/config.json"),
        Path("/etc/xdg/zvdesk/config.json"),
    ]
    assert system_config_paths("linux", {"XDG_CONFIG_DIRS": "/opt/site:/etc/xdg"})[1:] == [
        Path("/opt/site/zvdesk/config.json"),
        Path("/etc/xdg/zvdesk/config.json"),
    ]
    assert system_config_paths("win32", {"ProgramData": r"D:\PD"}) == [
        Path(r"D:\PD") / "zvdesk" / "config.json"
    ]
    assert system_config_paths("win32", {}) == [Path(r"C:\ProgramData") / "zvdesk" / "config.json"]
    assert system_config_paths("darwin", {}) == [
        Path("/Library/Application Support/zvdesk/config.json")
    ]


def test_system_file_wins_key_by_key_over_the_build_default(tmp_path: Path) -> None:
    system = write(tmp_path / "etc/zvdesk/config.json", client_id="1000.SYSTEM")
    built = write(tmp_path / "organisation.json", client_id="1000.BUILT", region="EU")
    config = load_org_config([tmp_path / "missing.json", system], built)
    assert (config.client_id, config.region) == ("1000.SYSTEM", "EU")
    assert config.source == str(system)
    only_built = load_org_config([tmp_path / "missing.json"], built)
    assert only_built.client_id == "1000.BUILT" and only_built.source is not None
    assert "built in" in only_built.source
    assert load_org_config([tmp_path / "missing.json"], False).client_id is None


def test_the_build_default_is_read_from_the_installed_resources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    packaged = write(tmp_path / "organisation.json", client_id="1000.PACKAGED", region="IN")
    monkeypatch.setattr(orgconfig, "build_default_path", lambda: packaged)
    admin = load_admin_config()  # $ZVDESK_ADMIN_CONFIG (isolated) has no file
    assert (admin.client_id, admin.region) == ("1000.PACKAGED", "IN")


def test_the_real_build_default_location_is_inside_the_package() -> None:
    import zvdesk

    expected = Path(zvdesk.__file__).resolve().parent / "resources" / "organisation.json"
    found = orgconfig.build_default_path()
    assert found is None or found == expected
    assert not expected.exists(), "organisation.json must not be committed (packagers add it)"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[1]", "JSON object"),
        ('{"client_id": 5}', "'client_id' must be a string"),
        ('{"redirect_port": 70000}', "0 to 65535"),
        ("{not json", "not JSON"),
    ],
)
def test_a_broken_file_is_named(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "config.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError, match=message) as caught:
        load_org_config([path], False)
    assert str(path) in caught.value.message


def test_instructions_name_client_type_redirect_scopes_and_where_to_deploy() -> None:
    text = admin_instructions("http://127.0.0.1")
    for needle in (
        "Mobile-based Applications",
        "http://127.0.0.1",
        "ZohoVoice.sms.CREATE, ZohoVoice.sms.READ",
        str(system_config_paths()[0]),
        '"client_id"',
    ):
        assert needle in text
