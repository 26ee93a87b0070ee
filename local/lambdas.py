"""Runs the template's handlers in this process as Lambda would: each invocation sees only its own
function's environment (from the template), and cached settings are rebuilt between functions."""

import importlib.util
import os
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from local import template
from warmdoor import wiring
from warmdoor.ports import Clock

_lock = threading.RLock()


@dataclass
class LambdaContext:
    function_name: str
    aws_request_id: str
    timeout_seconds: float
    memory_limit_in_mb: int = 512
    invoked_function_arn: str = ""
    begin: float = field(default_factory=time.monotonic)

    def get_remaining_time_in_millis(self) -> int:
        """What is left of the function's timeout (template.yaml), as Lambda counts it."""
        return int((self.begin + self.timeout_seconds - time.monotonic()) * 1000)


def _zet_omgeving(huidig: dict[str, str], doel: dict[str, str]) -> None:
    """Makes os.environ `doel`, changing only what differs (each change is a putenv)."""
    for naam in huidig.keys() - doel.keys():
        del os.environ[naam]
    for naam, waarde in doel.items():
        if huidig.get(naam) != waarde:
            os.environ[naam] = waarde


class Runtime:
    def __init__(self, refs: dict[str, str], base_env: dict[str, str], klok: Clock | None = None) -> None:
        self._refs = refs
        self._base_env = base_env
        self._klok = klok
        # Per runtime, like Lambda's execution environments: a module is imported under its function's env.
        self._modules: dict[str, ModuleType] = {}

    @property
    def refs(self) -> dict[str, str]:
        return self._refs

    def vergeet_modules(self) -> None:
        """Cold starts from here on, as after a deploy (the modules read their environment again)."""
        self._modules.clear()

    def environment(self, function: str) -> dict[str, str]:
        functie = template.functions()[function]
        return {naam: template.resolve(waarde, self._refs) for naam, waarde in functie.environment.items()}

    def _module(self, function: str) -> ModuleType:
        if function not in self._modules:
            functie = template.functions()[function]
            module_name, _ = functie.handler.split(".")
            pad = functie.code_uri / f"{module_name}.py"
            spec = importlib.util.spec_from_file_location(f"warmdoor_function_{function}", pad)
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            # What the function works with, built as in Lambda (wiring.bouw from its environment), with the
            # local stack's movable clock.
            if isinstance(getattr(module, "diensten", None), wiring.PerFunctie):
                module.diensten.zet(wiring.bouw({**self._base_env, **self.environment(function)}, self._klok))
            self._modules[function] = module
        return self._modules[function]

    @contextmanager
    def _in_omgeving(self, function: str) -> Iterator[ModuleType]:
        """The function's module, with exactly its environment set while it runs (module-level Loggers
        read it at import, Powertools again when it flushes)."""
        with _lock:
            bewaard = dict(os.environ)
            _zet_omgeving(bewaard, {**self._base_env, **self.environment(function)})
            try:
                yield self._module(function)
            finally:
                _zet_omgeving(dict(os.environ), bewaard)

    def diensten(self, function: str) -> wiring.Diensten:
        """The function instance's Diensten (for tests that inject a fault into its AWS clients)."""
        with self._in_omgeving(function) as module:
            diensten: wiring.Diensten = module.diensten()
            return diensten

    def invoke(self, function: str, event: dict[str, Any]) -> Any:
        with self._in_omgeving(function) as module:
            handler = getattr(module, template.functions()[function].handler.split(".")[1])
            return handler(event, LambdaContext(function, str(uuid.uuid4()), template.timeout(function)))
