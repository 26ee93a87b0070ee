"""The collaborators every domain operation gets: passed in, never looked up."""

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from warmdoor.domain.doorverwijzing import Beleid
from warmdoor.ports import Clock, Metingen, Repository


class GeenMetingen:
    def tel(self, naam: str, aantal: int = 1) -> None:
        """Where nobody reads metrics (the operator CLI)."""


def nieuwe_uuid() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Context:
    repo: Repository
    klok: Clock
    beleid: Beleid = field(default_factory=Beleid)
    metingen: Metingen = field(default_factory=GeenMetingen)
    # The id of a new referral (the demo data give theirs fixed ids, which events/ refers to).
    nieuw_id: Callable[[], str] = nieuwe_uuid
