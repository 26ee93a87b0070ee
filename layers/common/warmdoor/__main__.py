"""Operator CLI, run with the operator's AWS credentials against a deployed stack.

`python -m warmdoor beheersleutel --tabel <TableName> --gebruiksplan <UsagePlanName>` creates an operator key
and prints it once;
`python -m warmdoor gebruiksplan --tabel <TableName> --gebruiksplan <UsagePlanName>` gives every key that is
not revoked its allowance in the usage plan (after upgrading a stack whose keys predate per-client throttling);
`python -m warmdoor gebruiker-uitnodigen --pool <GebruikerspoolId> --tabel <TableName> --email <address> --naam <name>
(--organisatie <id> [--coordinator] | --schuldeiser <id> | --beheer)` invites a caseworker (or coordinator) of an
organisation, a creditor's staff member or an operator to the pages: the user pool e-mails them a temporary
password;
`python -m warmdoor replay --stack <stack>` re-drives what failed after every retry (every failure queue of
the stack; `--queue <url>` for one).
"""

import argparse
import sys

from warmdoor import wiring
from warmdoor.domain import sleutels
from warmdoor.models.enums import Rol


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m warmdoor")
    commands = parser.add_subparsers(dest="command", required=True)
    sleutel = commands.add_parser("beheersleutel", help="create an operator (beheer) API key")
    sleutel.add_argument("--omschrijving", default="eerste beheersleutel")
    plan_herstel = commands.add_parser("gebruiksplan", help="give every active key its allowance (safe to repeat)")
    for commando in (sleutel, plan_herstel):
        commando.add_argument("--tabel", required=True, help="the stack's TableName output")
        commando.add_argument("--gebruiksplan", required=True, help="the stack's UsagePlanName output")
    uitnodigen = commands.add_parser("gebruiker-uitnodigen", help="invite someone to the pages (user pool)")
    uitnodigen.add_argument("--pool", required=True, help="the stack's GebruikerspoolId output")
    uitnodigen.add_argument("--tabel", required=True, help="the stack's TableName output (the organisation must exist)")
    uitnodigen.add_argument("--email", required=True, help="the person's e-mail address: their username")
    uitnodigen.add_argument("--naam", required=True, help="the person's name, as colleagues see it")
    rol = uitnodigen.add_mutually_exclusive_group(required=True)
    rol.add_argument("--organisatie", help="a caseworker of this organisation (PUT /v1/organisaties/<id>)")
    rol.add_argument("--schuldeiser", help="a staff member of this creditor (PUT /v1/schuldeisers/<id>)")
    rol.add_argument("--beheer", action="store_true", help="an operator of WarmDoor")
    uitnodigen.add_argument("--coordinator", action="store_true", help="may assign referrals to others")
    replay = commands.add_parser("replay", help="re-drive what failed after every retry")
    waar = replay.add_mutually_exclusive_group(required=True)
    waar.add_argument("--stack", help="the stack: every failure queue among its outputs")
    waar.add_argument("--queue", action="append", help="one failure queue's URL (repeatable)")
    args = parser.parse_args()
    if args.command == "replay":
        _replay(args.stack, args.queue)
        return
    if args.command == "gebruiker-uitnodigen":
        _uitnodigen(args)
        return

    # The operator's command line works as the functions do, on the stack named by its outputs.
    diensten = wiring.bouw({"TABLE_NAME": args.tabel, "GEBRUIKSPLAN": args.gebruiksplan})
    repo, plan = diensten.context.repo, diensten.gebruiksplan
    if args.command == "gebruiksplan":
        print(f"sleutels in het gebruiksplan: {sleutels.gebruiksplan_herstellen(repo, plan)}")
        return
    geheim = sleutels.nieuw_geheim()
    nieuw = sleutels.registreren(repo, plan, geheim, diensten.klok.now(), Rol.BEHEER, omschrijving=args.omschrijving)
    print(f"id:      {nieuw.id}")
    print(f"sleutel: {geheim}")
    print("Bewaar de sleutel nu: hij wordt nergens opgeslagen en niet nog eens getoond.")


def _uitnodigen(args: argparse.Namespace) -> None:
    """As POST /v1/gebruikers does it, as the operator; a mistake is said in words (exit status 1)."""
    from pydantic import ValidationError

    from warmdoor.domain import gebruikers
    from warmdoor.domain.errors import Conflict, OngeldigeInvoer
    from warmdoor.models.entities import Principal
    from warmdoor.models.gebruikers import GebruikerVerzoek, rolgroepen

    diensten = wiring.bouw({"TABLE_NAME": args.tabel, "GEBRUIKERSPOOL_ID": args.pool})
    beheerder = Principal(sleutelId="opdrachtregel", rol=Rol.BEHEER)
    try:
        verzoek = GebruikerVerzoek(
            email=args.email,
            naam=args.naam,
            organisatieId=args.organisatie,
            schuldeiserId=args.schuldeiser,
            beheer=args.beheer,
            coordinator=args.coordinator,
        )
        nieuw = gebruikers.uitnodigen(diensten.context, diensten.gebruikers, beheerder, verzoek)
    except ValidationError as fout:
        velden = ", ".join(".".join(str(deel) for deel in e["loc"]) for e in fout.errors())
        sys.exit(f"ongeldig: {velden}")
    except OngeldigeInvoer as fout:
        sys.exit("ongeldig: " + "; ".join(f"{p.name}: {p.reason}" for p in fout.params))
    except Conflict as fout:
        sys.exit(fout.detail)
    print(f"id:              {nieuw.sub}")
    print(f"gebruikersnaam:  {nieuw.gebruikersnaam}")
    groepen = rolgroepen(nieuw.organisatieId, nieuw.schuldeiserId, nieuw.beheer, nieuw.coordinator)
    print(f"groepen:         {', '.join(groepen)}")
    print("De uitnodiging met een tijdelijk wachtwoord (7 dagen geldig) is per e-mail verstuurd.")


def _replay(stack: str | None, queue_urls: list[str] | None) -> None:
    from warmdoor.ops.replay import failure_queues, lambda_filters, lambda_invoker, opnieuw

    client = wiring.Clients()
    queues = queue_urls or failure_queues(client("cloudformation"), str(stack))
    resultaat = opnieuw(
        client("sqs"),
        client("dynamodbstreams"),
        queues,
        lambda_invoker(client("lambda")),
        lambda_filters(client("lambda")),
    )
    print(
        f"opnieuw verwerkt of teruggezet: {resultaat.opnieuw_verwerkt}, nog mislukt: {resultaat.mislukt}, "
        f"niet meer in de stream (ouder dan 24 uur): {resultaat.verlopen}"
    )


if __name__ == "__main__":
    main()
