"""Prints the OpenAPI document as the API serves it (for `make lint`)."""

import json

from local.aws import free_port
from local.stack import LocalStack


def main() -> None:
    stack = LocalStack(free_port(), "openapi-admin-key")
    try:
        antwoord = stack.gateway.handle("GET", "/v1/openapi.json", {}, b"")
        print(json.dumps(json.loads(antwoord.body), indent=2))
    finally:
        stack.shutdown()


if __name__ == "__main__":
    main()
