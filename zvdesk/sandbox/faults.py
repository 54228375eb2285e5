"""Faults on demand: the spec grammar, its parser and the per-route fault controller.

Grammar (comma-separated ``key=value`` items, whitespace ignored, each key at most once)::

    spec       := "" | item ("," item)*
    item       := "5xx=" P | "429=" P | "reset=" P | "reset_after=" P | "hang=" P | "late=" P
                | "latency=" P ":" SECONDS ["-" SECONDS] | "bandwidth=" BYTES_PER_SECOND
                | "retry_after=" SECONDS | "late_after=" SECONDS | "seed=" INT
    P          := a probability between 0 and 1

- ``5xx``: answer 500/502/503/504, with a JSON or an HTML body (mixed), without running the request;
- ``429``: answer 429 with ``Retry-After`` (``retry_after`` seconds, default 2);
- ``reset``: drop the connection (RST) before the request is processed;
- ``reset_after``: process the request (a send IS stored), start the reply, then drop the
  connection;
- ``hang``: never reply (until the client gives up or the server stops);
- ``late``: accept the request (read it whole), never reply, and process it ``late_after``
  seconds later (default 5) as if it had been accepted then: a send is recorded after the client
  gave up, with the time it was accepted as its ``submittedTime``;
- ``latency=P:S`` (or ``P:S1-S2``): with probability P wait S seconds (uniform in S1..S2) first;
- ``bandwidth``: send reply bodies at most this many bytes per second;
- ``seed``: reseed the controller's random generator (reproducible runs).

The exclusive faults (reset, 5xx, 429, hang, reset_after, late) are drawn with one random number, so
their rates must add up to at most 1. Latency is drawn independently; bandwidth always applies.
"""

from __future__ import annotations

import random
import threading
from dataclasses import dataclass, field, replace
from typing import Literal

FaultKind = Literal["reset", "5xx", "429", "hang", "reset_after", "late"]
EXCLUSIVE_KINDS: tuple[FaultKind, ...] = ("reset", "5xx", "429", "hang", "reset_after", "late")
_RATE_KEYS = {"5xx", "429", "reset", "reset_after", "hang", "late"}
_KEYS = _RATE_KEYS | {"latency", "bandwidth", "retry_after", "late_after", "seed"}


@dataclass(frozen=True)
class FaultSpec:
    """Parsed fault rates for one route (or for all routes)."""

    rates: dict[str, float] = field(default_factory=dict)
    latency_rate: float = 0.0
    latency_min: float = 0.0
    latency_max: float = 0.0
    bandwidth: int | None = None
    retry_after: int = 2
    late_after: float = 5.0
    seed: int | None = None
    text: str = ""

    @property
    def empty(self) -> bool:
        return not any(self.rates.values()) and not self.latency_rate and self.bandwidth is None


def _probability(key: str, value: str) -> float:
    try:
        rate = float(value)
    except ValueError:
        raise ValueError(f"fault spec: {key}={value!r} is not a number") from None
    if not 0.0 <= rate <= 1.0:
        raise ValueError(f"fault spec: {key}={value} must be a probability between 0 and 1")
    return rate


def _seconds(key: str, value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise ValueError(f"fault spec: {key} has {value!r}, not a number of seconds") from None
    if seconds < 0:
        raise ValueError(f"fault spec: {key} seconds must not be negative")
    return seconds


def parse_faults(spec: str | None) -> FaultSpec:
    """Parse a fault spec such as ``"5xx=0.2,429=0.1,latency=0.2:0.5,bandwidth=65536"``.

    Raises ValueError naming the offending item.
    """
    text = (spec or "").strip()
    result = FaultSpec(text=text)
    seen: set[str] = set()
    rates: dict[str, float] = {}
    for raw_item in text.split(",") if text else []:
        item = raw_item.strip()
        if not item:
            raise ValueError(f"fault spec: empty item in {text!r}")
        key, sep, value = (part.strip() for part in item.partition("="))
        if not sep or not value:
            raise ValueError(f"fault spec: {item!r} is not key=value")
        if key not in _KEYS:
            raise ValueError(
                f"fault spec: unknown fault {key!r} (known: {', '.join(sorted(_KEYS))})"
            )
        if key in seen:
            raise ValueError(f"fault spec: {key} given twice")
        seen.add(key)
        if key in _RATE_KEYS:
            rates[key] = _probability(key, value)
        elif key == "latency":
            rate_text, colon, delay = value.partition(":")
            if not colon:
                raise ValueError(f"fault spec: latency={value!r} must be PROBABILITY:SECONDS")
            low_text, dash, high_text = delay.partition("-")
            low = _seconds("latency", low_text)
            high = _seconds("latency", high_text) if dash else low
            if high < low:
                raise ValueError(f"fault spec: latency range {delay!r} runs backwards")
            result = replace(
                result,
                latency_rate=_probability("latency", rate_text),
                latency_min=low,
                latency_max=high,
            )
        elif key == "bandwidth":
            if not value.isdigit() or int(value) <= 0:
                raise ValueError(f"fault spec: bandwidth={value!r} must be a positive integer")
            result = replace(result, bandwidth=int(value))
        elif key == "late_after":
            result = replace(result, late_after=_seconds("late_after", value))
        elif key == "retry_after":
            if not value.isdigit():
                raise ValueError(f"fault spec: retry_after={value!r} must be whole seconds")
            result = replace(result, retry_after=int(value))
        else:
            try:
                result = replace(result, seed=int(value))
            except ValueError:
                raise ValueError(f"fault spec: seed={value!r} must be an integer") from None
    total = sum(rates.values())
    if total > 1.0 + 1e-9:
        raise ValueError(
            f"fault spec: reset, 5xx, 429, hang, reset_after and late add up to {total:g}, "
            "more than 1"
        )
    return replace(result, rates=rates)


@dataclass(frozen=True)
class FaultDecision:
    """What to do with one request."""

    kind: FaultKind | None = None
    latency: float = 0.0
    bandwidth: int | None = None
    retry_after: int = 2
    variant: float = 0.0  # a second random draw, used to vary 5xx bodies
    late_after: float = 5.0


class FaultController:
    """Fault rules: one global spec plus specs for path prefixes (the longest prefix wins)."""

    def __init__(self, spec: str | None = None, *, seed: int | None = None) -> None:
        self._lock = threading.Lock()
        self._random = random.Random(seed)
        self._global = FaultSpec()
        self._routes: dict[str, FaultSpec] = {}
        if spec:
            self.configure(spec)

    def configure(
        self, spec: str | None, route: str | None = None, *, seed: int | None = None
    ) -> None:
        """Set the faults for ``route`` (a path prefix) or for every route when ``route`` is None.

        An empty spec removes the rule. Raises ValueError for a bad spec.
        """
        parsed = parse_faults(spec)
        with self._lock:
            if seed is not None or parsed.seed is not None:
                self._random.seed(seed if seed is not None else parsed.seed)
            if route is None:
                self._global = parsed
            elif parsed.empty:
                self._routes.pop(route, None)
            else:
                self._routes[route] = parsed

    def seed(self, seed: int) -> None:
        """Reseed the random generator for reproducible fault sequences."""
        with self._lock:
            self._random.seed(seed)

    def clear(self, route: str | None = None) -> None:
        """Remove every rule, or only the rule of ``route``."""
        with self._lock:
            if route is None:
                self._global = FaultSpec()
                self._routes.clear()
            else:
                self._routes.pop(route, None)

    def describe(self) -> dict[str, object]:
        """The rules as given: ``{"global": spec text, "routes": {prefix: spec text}}``."""
        with self._lock:
            return {
                "global": self._global.text,
                "routes": {prefix: s.text for prefix, s in sorted(self._routes.items())},
            }

    def has_route_rule(self, path: str) -> bool:
        """True when a rule for a path prefix (not the global one) covers ``path``."""
        with self._lock:
            return any(path.startswith(prefix) for prefix in self._routes)

    def spec_for(self, path: str) -> FaultSpec:
        with self._lock:
            best = ""
            for prefix in self._routes:
                if path.startswith(prefix) and len(prefix) > len(best):
                    best = prefix
            return self._routes[best] if best else self._global

    def decide(self, path: str) -> FaultDecision:
        """Draw the fault (if any) for one request to ``path``."""
        spec = self.spec_for(path)
        if spec.empty:
            return FaultDecision()
        with self._lock:
            draw = self._random.random()
            variant = self._random.random()
            latency = 0.0
            if spec.latency_rate and self._random.random() < spec.latency_rate:
                latency = self._random.uniform(spec.latency_min, spec.latency_max)
        kind: FaultKind | None = None
        cumulative = 0.0
        for name in EXCLUSIVE_KINDS:
            cumulative += spec.rates.get(name, 0.0)
            if draw < cumulative:
                kind = name
                break
        return FaultDecision(
            kind, latency, spec.bandwidth, spec.retry_after, variant, spec.late_after
        )
