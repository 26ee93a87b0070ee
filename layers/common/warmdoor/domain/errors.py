"""Domain errors. The API maps each to one HTTP problem in a single place (warmdoor.api.problems)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class InvalidParam:
    name: str
    code: str
    reason: str


class DomainError(Exception):
    pass


class OngeldigeInvoer(DomainError):
    def __init__(self, params: list[InvalidParam]) -> None:
        super().__init__(", ".join(p.name for p in params))
        self.params = params


class NietGevonden(DomainError):
    """Also raised for what exists but is not the caller's: never reveal that it exists."""


class Verboden(DomainError):
    """The caller's role may not do this."""


class Conflict(DomainError):
    def __init__(self, detail: str, veld: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.veld = veld  # the request's field the conflict is about, if one (a form shows it there)


class GeenDeelnemendeOrganisatie(DomainError):
    """No participating organisation serves the address: the creditor follows its ordinary process."""


class TegenstrijdigAdres(DomainError):
    """The named municipality and the postcode's area disagree: personal data never go out on a guess."""

    def __init__(self, gemeentecode: str, postcode: str, gemeente_van_postcode: str) -> None:
        super().__init__(f"gemeentecode {gemeentecode}, adres.postcode {postcode}")
        self.params = [
            InvalidParam("gemeentecode", "mismatch", f"De postcode {postcode} ligt niet in {gemeentecode}"),
            InvalidParam("adres.postcode", "mismatch", f"De postcode {postcode} ligt in {gemeente_van_postcode}"),
        ]
