"""The retry schedule of a webhook message: long enough, with jitter that never shortens it."""

from collections.abc import Callable
from datetime import timedelta

from warmdoor.domain.webhookbezorging import WACHTTIJDEN, wachttijd


def _ronde(willekeur: Callable[[float, float], float]) -> timedelta:
    wachttijden = [wachttijd(n, willekeur) for n in range(1, len(WACHTTIJDEN) + 2)]
    assert wachttijden[-1] is None  # after the last wait the round is over
    return sum((w for w in wachttijden if w is not None), timedelta())


def test_a_round_of_retries_lasts_more_than_a_day_however_the_jitter_falls():
    kortst = _ronde(lambda laag, hoog: laag)
    langst = _ronde(lambda laag, hoog: hoog)
    assert timedelta(hours=24) < kortst < langst <= kortst * 1.2 + timedelta(seconds=1)


def test_the_first_retry_comes_after_about_a_minute():
    eerste = wachttijd(1, lambda laag, hoog: (laag + hoog) / 2)
    assert eerste is not None and timedelta(minutes=1) <= eerste <= timedelta(minutes=1.2)
