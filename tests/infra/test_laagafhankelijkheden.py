"""What the functions import at run time is in the layer's requirements (Lambda has only boto3 besides):
a package that is merely in the development virtualenv would pass every local test and fail in AWS."""

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Import name -> distribution name, where they differ.
# (pydantic_core comes with pydantic, at the version pydantic pins.)
DISTRIBUTIE = {"aws_lambda_powertools": "aws-lambda-powertools", "pydantic_core": "pydantic"}
IN_LAMBDA = {"boto3", "botocore"}


def _geimporteerd() -> set[str]:
    namen: set[str] = set()
    bestanden = [*(ROOT / "layers" / "common" / "warmdoor").rglob("*.py"), *(ROOT / "functions").glob("*/app.py")]
    for pad in bestanden:
        for knoop in ast.walk(ast.parse(pad.read_text())):
            if isinstance(knoop, ast.Import):
                namen |= {alias.name.split(".")[0] for alias in knoop.names}
            elif isinstance(knoop, ast.ImportFrom) and knoop.module and knoop.level == 0:
                namen.add(knoop.module.split(".")[0])
    return namen - set(sys.stdlib_module_names) - {"warmdoor", "__future__"}


def test_every_package_the_functions_import_is_in_the_layer_requirements():
    regels = (ROOT / "layers" / "common" / "requirements.txt").read_text().splitlines()
    vereist = {re.split(r"[=<>\[ ]", r.strip())[0].lower() for r in regels if r.strip() and not r.startswith("#")}
    ontbreekt = {n for n in _geimporteerd() - IN_LAMBDA if DISTRIBUTIE.get(n, n).lower() not in vereist}
    assert ontbreekt == set()
