"""Pages of a list: a cursor the store does not recognise (made up, or of another list) is bad input."""

from collections.abc import Callable
from typing import TypeVar

from warmdoor.domain.errors import InvalidParam, OngeldigeInvoer
from warmdoor.ports import OngeldigeCursor, Pagina

T = TypeVar("T")


def pagina(lees: Callable[[], Pagina[T]]) -> Pagina[T]:
    try:
        return lees()
    except OngeldigeCursor as fout:
        raise OngeldigeInvoer([InvalidParam("volgende", "invalid", "Deze cursor is onbekend of verlopen")]) from fout
