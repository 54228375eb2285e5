"""The demo's inbound pace: a busy shift with quiet spells and bursts, on a fake clock."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest

from zvdesk.sandbox import SandboxConfig
from zvdesk.sandbox.pace import DEMO_RATE, InboundPace
from zvdesk.sandbox.state import SandboxState
from zvdesk.ui.app.session import SANDBOX_INBOUND_RATE
from zvdesk.ui.common.settings import DEMO_RATE_DEFAULT

HOUR = 3600


def arrival_times(pace: InboundPace, seconds: int, step: float = 1.0) -> list[float]:
    """When messages arrive, ticking a fake clock by ``step`` seconds."""
    times: list[float] = []
    now = 0.0
    while now < seconds:
        times.extend([now + step] * pace.advance(step))
        now += step
    return times


def test_the_app_and_the_settings_default_to_the_demo_pace() -> None:
    assert SANDBOX_INBOUND_RATE == DEMO_RATE == DEMO_RATE_DEFAULT == pytest.approx(1 / 30)


def test_default_demo_pace_over_a_simulated_hour(tmp_path: Path) -> None:
    """Through the sandbox's own state (the ticker calls simulate_inbound with elapsed time):
    one new inbound message every 20-40 s on average, with quiet spells and bursts."""
    state = SandboxState(tmp_path, SandboxConfig(inbound_rate=DEMO_RATE))
    try:
        times: list[float] = []
        for second in range(HOUR):  # the fake clock: one simulated second per call
            created = state.simulate_inbound(1.0)
            times.extend([float(second)] * len(created))
        stored = state.all_messages("incoming")
    finally:
        state.close()
    assert len(stored) == len(times)
    average_gap = HOUR / len(times)
    assert 20 <= average_gap <= 40, average_gap
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert max(gaps) >= 120, "a quiet spell: two minutes or more without a new message"
    busiest = max(sum(1 for t in times if start <= t < start + 60) for start in range(HOUR - 60))
    assert busiest >= 5, "a burst: five or more messages in one minute"


@pytest.mark.parametrize("seed", range(20))
def test_most_hours_stay_in_range_whatever_the_seed(seed: int) -> None:
    times = arrival_times(InboundPace(DEMO_RATE, random.Random(seed)), HOUR)
    assert 15 <= HOUR / max(1, len(times)) <= 50  # every hour near the range (bursts vary)


def test_long_run_average_is_the_rate_and_even_mode_has_no_moods() -> None:
    pace = InboundPace(0.5, random.Random(3))
    assert sum(pace.advance(10.0) for _ in range(36_000)) / 360_000 == pytest.approx(0.5, 0.03)
    even = InboundPace(2.0, random.Random(3), bursty=False)
    assert sum(even.advance(1.0) for _ in range(3600)) == pytest.approx(7200, rel=0.05)
    assert even.mood == "steady"


def test_rate_changes_take_effect_and_zero_stops_the_customers(tmp_path: Path) -> None:
    state = SandboxState(tmp_path, SandboxConfig(inbound_rate=DEMO_RATE))
    try:
        state.set_inbound_rate(0.0)
        assert state.inbound_rate == 0
        assert sum(len(state.simulate_inbound(1.0)) for _ in range(600)) == 0
        state.set_inbound_rate(2.0)  # a fast drill
        assert sum(len(state.simulate_inbound(1.0)) for _ in range(30)) >= 20
    finally:
        state.close()
    with pytest.raises(ValueError):
        InboundPace(-1, random.Random())
