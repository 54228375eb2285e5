"""The history sync's time left: a rate over the recent reports, none until there is evidence."""

from __future__ import annotations

import pytest

from zvdesk.sync.progress import RateEstimator


def test_a_steady_pace_gives_the_time_left() -> None:
    pace = RateEstimator(window=180.0, min_span=10.0)
    pace.add(0.0, 1_000_000, 10_000_000)
    assert pace.seconds_left() is None  # one report: no pace yet
    pace.add(5.0, 1_050_000, 10_000_000)
    assert pace.seconds_left() is None  # too short a span to trust
    for t in range(10, 61, 10):
        pace.add(float(t), 1_000_000 + t * 10_000, 10_000_000)
    assert pace.rate() == pytest.approx(10_000)
    assert pace.seconds_left() == pytest.approx((10_000_000 - 1_600_000) / 10_000)


def test_the_estimate_follows_the_recent_pace_not_the_average() -> None:
    pace = RateEstimator(window=60.0, min_span=10.0)
    done = 0
    for t in range(0, 301, 10):  # fast for five minutes...
        done = t * 1000
        pace.add(float(t), done, 2_000_000)
    for t in range(310, 601, 10):  # ...then ten times slower (the agent's sends take the budget)
        done += 1000
        pace.add(float(t), done, 2_000_000)
    assert pace.rate() == pytest.approx(100, rel=0.01)


def test_a_stall_lowers_the_pace_and_going_backwards_starts_over() -> None:
    pace = RateEstimator(window=600.0, min_span=10.0)
    pace.add(0.0, 0, 1000)
    pace.add(10.0, 100, 1000)
    pace.add(20.0, 100, 1000)
    pace.add(30.0, 100, 1000)  # nothing for 20 s
    assert pace.rate() == pytest.approx(100 / 30)
    pace.add(31.0, 5, 1000)  # a restart from the beginning
    assert pace.rate() is None and pace.seconds_left() is None
    pace.add(41.0, 105, 1000)
    assert pace.seconds_left() == pytest.approx(895 / 10)
    pace.add(45.0, 1000, 1000)
    assert pace.seconds_left() == 0.0
    pace.reset()
    assert pace.seconds_left() is None


def test_bad_windows_are_refused() -> None:
    with pytest.raises(ValueError):
        RateEstimator(window=10.0, min_span=20.0)
