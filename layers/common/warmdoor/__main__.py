"""Operator CLI. `python -m warmdoor beheersleutel --tabel <TableName>` creates an operator key on a
deployed stack (with the caller's AWS credentials) and prints it once."""

import argparse

from warmdoor import wiring
from warmdoor.domain import sleutels
from warmdoor.models.enums import Rol
from warmdoor.store.repository import DynamoRepository


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m warmdoor")
    commands = parser.add_subparsers(dest="command", required=True)
    sleutel = commands.add_parser("beheersleutel", help="create an operator (beheer) API key")
    sleutel.add_argument("--tabel", required=True, help="the stack's TableName output")
    sleutel.add_argument("--omschrijving", default="eerste beheersleutel")
    args = parser.parse_args()

    repo = DynamoRepository(wiring.dynamodb_client(), args.tabel)
    geheim = sleutels.nieuw_geheim()
    nieuw = sleutels.registreren(repo, geheim, wiring.klok().now(), Rol.BEHEER, omschrijving=args.omschrijving)
    print(f"id:      {nieuw.id}")
    print(f"sleutel: {geheim}")
    print("Bewaar de sleutel nu: hij wordt nergens opgeslagen en niet nog eens getoond.")


if __name__ == "__main__":
    main()
