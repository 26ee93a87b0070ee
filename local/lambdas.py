"""Runs the template's handlers in this process as Lambda would: each invocation sees only its own
function's environment (from the template), and cached settings are rebuilt between functions."""

import importlib.util
import os
import threading
import time
import uuid
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from local import template

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


class Runtime:
    def __init__(self, refs: dict[str, str], base_env: dict[str, str]) -> None:
        self._refs = refs
        self._base_env = base_env
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
            self._modules[function] = module
        return self._modules[function]

    def invoke(self, function: str, event: dict[str, Any]) -> Any:
        from warmdoor import wiring

        functie = template.functions()[function]
        with _lock:
            bewaard = dict(os.environ)
            os.environ.clear()
            os.environ.update({**self._base_env, **self.environment(function)})
            wiring.reset()
            try:
                # Imported under the function's own environment, as module-level Loggers read it.
                handler = getattr(self._module(function), functie.handler.split(".")[1])
                context = LambdaContext(function, str(uuid.uuid4()), template.timeout(function))
                return handler(event, context)
            finally:
                os.environ.clear()
                os.environ.update(bewaard)
                wiring.reset()
