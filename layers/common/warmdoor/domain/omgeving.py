"""The collaborators every domain operation gets: passed in, never looked up."""

from dataclasses import dataclass

from warmdoor.models.settings import Settings
from warmdoor.ports import Clock, Repository


@dataclass(frozen=True)
class Omgeving:
    repo: Repository
    clock: Clock
    settings: Settings
