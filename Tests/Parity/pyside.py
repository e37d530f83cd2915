"""Runs the Python library once, in a fresh interpreter, the way a user's program would:
`Client().get_credential().to_map()` with the default chain, from the environment and HOME it was given.

Prints one line `@@PARITY@@<json>` on stdout: {"ok": true, "map": {...}} or
{"ok": false, "class": "<exception class>", "message": "<str(exception)>"}.
The library's own log lines go to stderr and are ignored.
"""
import json
import os
import sys


def main() -> None:
    try:
        from alibabacloud_credentials.client import Client

        result = {"ok": True, "map": Client().get_credential().to_map()}
    except BaseException as error:  # noqa: BLE001 - every failure is an observable outcome
        result = {"ok": False, "class": type(error).__name__, "message": str(error)}
    sys.stdout.write("\n@@PARITY@@" + json.dumps(result) + "\n")
    sys.stdout.flush()
    sys.stderr.flush()
    # The ECS provider starts an APScheduler thread with atexit hooks; nothing else is pending.
    os._exit(0)


if __name__ == "__main__":
    main()
