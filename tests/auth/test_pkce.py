"""PKCE verifier and S256 challenge."""

from __future__ import annotations

import re

import pytest

from zvdesk.auth.pkce import code_challenge, new_pkce, new_verifier


def test_rfc7636_example_vector() -> None:
    # RFC 7636, appendix B.
    verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    assert code_challenge(verifier) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"


@pytest.mark.parametrize("length", [43, 64, 128])
def test_verifier_length_and_alphabet(length: int) -> None:
    verifier = new_verifier(length)
    assert len(verifier) == length
    assert re.fullmatch(r"[A-Za-z0-9\-._~]+", verifier)


def test_verifiers_are_random_and_challenge_unpadded() -> None:
    pairs = [new_pkce() for _ in range(20)]
    assert len({p.verifier for p in pairs}) == 20
    for pair in pairs:
        assert pair.method == "S256"
        assert "=" not in pair.challenge and len(pair.challenge) == 43
        assert re.fullmatch(r"[A-Za-z0-9_-]+", pair.challenge)
        assert pair.verifier not in repr(pair)


@pytest.mark.parametrize("length", [0, 42, 129])
def test_bad_lengths_refused(length: int) -> None:
    with pytest.raises(ValueError):
        new_verifier(length)


def test_challenge_refuses_invalid_verifier() -> None:
    with pytest.raises(ValueError):
        code_challenge("short")
    with pytest.raises(ValueError):
        code_challenge("x" * 42 + " ")
