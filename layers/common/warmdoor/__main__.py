"""Operator CLI, run with the operator's AWS credentials against a deployed stack.

`python -m warmdoor beheersleutel --tabel <TableName> --gebruiksplan <UsagePlanName>` creates an operator key
and prints it once;
`python -m warmdoor gebruiksplan --tabel <TableName> --gebruiksplan <UsagePlanName>` gives every key that is
not revoked its allowance in the usage plan (after upgrading a stack whose keys predate per-client throttling);
`python -m warmdoor replay --stack <stack>` re-drives what failed after every retry (every failure queue of
the stack; `--queue <url>` for one).
"""

import argparse

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
    replay = commands.add_parser("replay", help="re-drive what failed after every retry")
    waar = replay.add_mutually_exclusive_group(required=True)
    waar.add_argument("--stack", help="the stack: every failure queue among its outputs")
    waar.add_argument("--queue", action="append", help="one failure queue's URL (repeatable)")
    args = parser.parse_args()
    if args.command == "replay":
        _replay(args.stack, args.queue)
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
