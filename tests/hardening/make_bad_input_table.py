"""Rewrite BAD_INPUT.md from the code: ``python -m tests.hardening.make_bad_input_table``."""

from __future__ import annotations

from pathlib import Path

from tests.hardening.bad_input import collect, render

TABLE = Path(__file__).with_name("BAD_INPUT.md")


def main() -> None:
    results = collect()
    if results.requests:
        raise SystemExit(f"{results.requests} bad-input case(s) reached the server: fix them first")
    TABLE.write_text(render(results), encoding="utf-8")
    print(
        f"wrote {TABLE} ({len(results.cli)} command lines, {len(results.composer)} composer rows)"
    )


if __name__ == "__main__":
    main()
