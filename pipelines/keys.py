"""Where a run's pseudonymisation key comes from: a Prefect Secret block, the environment,
or the public demo key behind an explicit flag. The key itself is never logged or passed
as a task parameter."""
from __future__ import annotations

from typing import Optional

from deid.pseudonym import resolve_key


def resolve_run_key(demo_key: bool = False, key_secret_block: Optional[str] = None) -> tuple[bytes, str]:
    if key_secret_block:
        from prefect.blocks.system import Secret

        key, _ = resolve_key(Secret.load(key_secret_block).get())
        return key, "secret-block"
    key, origin = resolve_key(allow_demo=demo_key)
    return key, origin.split(":")[0]
