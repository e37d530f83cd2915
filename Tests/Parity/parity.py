"""Differential test: cloudcred (`cloudcred credentials --json --reveal`) against the Python library
`alibabacloud-credentials==1.0.12`, scenario by scenario, both against one `cloudcred emulator`.

    python Tests/Parity/parity.py                      every scenario (run by scripts/parity, in .venv-parity)
    python Tests/Parity/parity.py --only 'V1|J-role'   scenarios whose id matches a regular expression
    python Tests/Parity/parity.py -v                   also the raw output of both sides on failure
    python Tests/Parity/parity.py --list-differences   the deliberate differences as a Markdown table

The cloudcred binary is $CLOUDCRED_BIN, else .build/debug/cloudcred. Output: one line per scenario
(`ok   ID title` or `FAIL ID title` followed by the differences), then `parity: N passed, M failed`.
Exit status 0 when every scenario passed, 1 when one failed, 2 when the harness could not run.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import sys
import uuid

sys.dont_write_bytecode = True  # no __pycache__ in the work tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from compare import compare, is_issued  # noqa: E402
from harness import (Emulator, HarnessError, make_temp_root, materialise, read_back, render,  # noqa: E402
                     run_cloudcred, run_python, write_sitecustomize)
from scenarios import DIFFERENCES, by_id, differences_markdown  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MAX_PROBLEM_LINES = 10


def scenario_env(scn, emulator: Emulator, home: str) -> dict:
    env = {}
    if scn.ecs:
        env["HTTP_PROXY"] = emulator.base  # Python reaches ECS metadata through it (absolute-form requests)
    else:
        env["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = "true"
    env.update(scn.env)
    env["HOME"] = home
    return env


def run_side(side: str, scn, emulator: Emulator, binary: str, site_dir: str, sroot: str, base_subst: dict, env: dict):
    subst = {**base_subst, "@NONCE@": uuid.uuid4().hex[:12]}
    materialise(sroot, scn.files, subst)
    emulator.prepare(render(scn.faults, subst))
    side_env = render(env, subst)
    if side == "python":
        side_env.update(render(scn.py_env, subst))
        outcome = run_python(sys.executable, side_env, site_dir, sroot)
    else:
        side_env["CLOUDCRED_CONNECT_TO"] = emulator.connect_to
        outcome = run_cloudcred(binary, side_env, render(scn.cli_args, subst), sroot)
    snapshot = emulator.snapshot()
    outcome.counters, outcome.records = snapshot["counters"], snapshot["records"]
    emulator.control("DELETE", "/_emulator/faults")
    if outcome.ok and is_issued(outcome.creds):
        c = outcome.creds
        outcome.identity = emulator.caller_identity(c["access_key_id"], c["access_key_secret"], c["security_token"])
    outcome.files = read_back(sroot, scn.files_back)
    return outcome


def run_scenario(scn, emulator: Emulator, binary: str, site_dir: str, work: str) -> list:
    sroot = os.path.join(work, "s", re.sub(r"[^A-Za-z0-9_.-]", "_", scn.id))
    home = os.path.join(sroot, "home")
    base_subst = {"@HOME@": home, "@ROOT@": sroot, "@EMU@": emulator.base, "@PORT@": str(emulator.port)}
    env = scenario_env(scn, emulator, home)
    py = run_side("python", scn, emulator, binary, site_dir, sroot, base_subst, env)
    ours = run_side("cloudcred", scn, emulator, binary, site_dir, sroot, base_subst, env)
    problems = compare(scn, py, ours, base_subst, DIFFERENCES)
    shutil.rmtree(sroot, ignore_errors=True)
    return problems, py, ours


def dump(*outcomes) -> None:
    from compare import group_views, identity_view

    for o in outcomes:
        what = f"ok {o.creds}" if o.ok else f"error {o.error!r}"
        print(f"     [{o.side}] {what}" + (f" expiration={o.expiration}" if o.side == "cloudcred" and o.ok else "")
              + (f" identity={identity_view(o.identity)}" if o.identity else ""))
        for endpoint, views in group_views(o.records).items():
            for view in views:
                print(f"       {endpoint}: {view}")
        for rel, content in o.files.items():
            print(f"       file {rel}: {content}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="run scenarios whose id matches this regular expression")
    parser.add_argument("--list-differences", action="store_true", help="print the deliberate differences (Markdown) and exit")
    parser.add_argument("--list", action="store_true", help="print the scenario ids and titles and exit")
    parser.add_argument("-v", "--verbose", action="store_true", help="show both sides' raw output on failure")
    parser.add_argument("--dump", action="store_true", help="show both sides' outcome and requests for every scenario")
    args = parser.parse_args()

    scenarios = by_id()
    if args.list_differences:
        print(differences_markdown())
        return 0
    selected = [s for s in scenarios.values() if not args.only or re.search(args.only, s.id)]
    if args.list:
        for s in selected:
            print(f"{s.id:28} {s.title}" + (f"  [deliberate: {', '.join(s.diffs)}]" if s.diffs else ""))
        return 0

    binary = os.environ.get("CLOUDCRED_BIN") or os.path.join(REPO, ".build", "debug", "cloudcred")
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        print(f"parity: no cloudcred binary at {binary} (build it with `swift build --product cloudcred` or set CLOUDCRED_BIN)",
              file=sys.stderr)
        return 2
    try:
        import alibabacloud_credentials  # noqa: F401
    except ImportError:
        print("parity: alibabacloud-credentials is not importable by this interpreter (run through scripts/parity)", file=sys.stderr)
        return 2

    def terminated(signum, _frame):
        raise SystemExit(128 + signum)  # the finally below still stops the emulator

    signal.signal(signal.SIGTERM, terminated)
    work = make_temp_root()
    # A private copy: the same binary for the whole run, even while `swift build` rewrites .build/debug.
    snapshot = os.path.join(work, "cloudcred")
    shutil.copy2(binary, snapshot)
    binary = snapshot
    emulator = Emulator(binary, work)
    passed = failed = 0
    try:
        emulator.start()
        site_dir = os.path.join(work, "site")
        os.makedirs(site_dir)
        write_sitecustomize(site_dir, emulator.port)
        for scn in selected:
            label = f"{scn.id} {scn.title}"
            tag = f"  [deliberate: {', '.join(scn.diffs)}]" if scn.diffs else ""
            try:
                problems, py, ours = run_scenario(scn, emulator, binary, site_dir, work)
            except OSError as error:  # a subprocess could not even start: report it, go on
                problems, py, ours = [f"harness: {error}"], None, None
            if problems:
                failed += 1
                print(f"FAIL {label}{tag}")
                for problem in problems[:MAX_PROBLEM_LINES]:
                    print("     - " + problem)
                if len(problems) > MAX_PROBLEM_LINES:
                    print(f"     - ... and {len(problems) - MAX_PROBLEM_LINES} more")
                if args.verbose and py and ours:
                    for outcome in (py, ours):
                        print(f"     [{outcome.side} raw]\n" + "\n".join("       " + l for l in outcome.raw.splitlines()))
            else:
                passed += 1
                print(f"ok   {label}{tag}")
            if args.dump and py and ours:
                dump(py, ours)
            sys.stdout.flush()
    except HarnessError as error:
        print(f"parity: harness error: {error}", file=sys.stderr)
        print(f"parity: {passed} passed, {failed + 1} failed")
        return 2
    finally:
        emulator.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(f"parity: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
