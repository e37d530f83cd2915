"""Turns the raw results of scripts/bench (a results directory) into the Markdown results section of
docs/PERFORMANCE.md: the summary against the targets of issue 6, then one table per benchmark.

    python3 Benchmarks/report.py RESULTS_DIR
"""
import glob
import json
import os
import statistics
import sys

HELPER, GO_PEER = "cloudcred helper", "ecr-login (Go peer)"


def load(directory, name, default=None):
    path = os.path.join(directory, name)
    if not os.path.exists(path):
        return default
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def hyperfine(directory, benchmark):
    """{command name: {"times": [s…], "rounds": [median s per round…]}} over every round of a benchmark."""
    commands = {}
    for path in sorted(glob.glob(os.path.join(directory, f"{benchmark}.round*.json"))):
        for result in json.load(open(path, encoding="utf-8"))["results"]:
            entry = commands.setdefault(result["command"], {"times": [], "rounds": [], "cpu": []})
            entry["times"] += result["times"]
            entry["rounds"].append(statistics.median(result["times"]))
            entry["cpu"].append(result["user"] + result["system"])
    return commands


def ms(seconds):
    return f"{seconds * 1000:.2f} ms"


def duration(nanoseconds):
    return f"{nanoseconds / 1e6:.1f} ms" if nanoseconds >= 1e5 else f"{nanoseconds / 1000:.1f} µs"


def spread(times):
    return f"{ms(statistics.median(times))} ({min(times) * 1000:.2f}–{max(times) * 1000:.2f})"


def cpu(entry):
    """Mean CPU time (user + system) per run, averaged over the rounds: robust when the machine is loaded."""
    return statistics.mean(entry["cpu"])


def verdict(ok):
    return "yes" if ok else "**no**"


def ratio_rounds(commands, ours, theirs):
    """Median ratio over all runs and the min–max of the per-round median ratios."""
    a, b = commands[ours], commands[theirs]
    overall = statistics.median(a["times"]) / statistics.median(b["times"])
    per_round = [x / y for x, y in zip(a["rounds"], b["rounds"])]
    return overall, min(per_round), max(per_round)


def startup_rows(commands, summary, number, title):
    if HELPER not in commands or GO_PEER not in commands:
        return []
    overall, low, high = ratio_rounds(commands, HELPER, GO_PEER)
    cpu_ratio = cpu(commands[HELPER]) / cpu(commands[GO_PEER])
    summary.append(f"| {number} | {title} | {spread(commands[HELPER]['times'])} | {spread(commands[GO_PEER]['times'])} "
                   f"| **{overall:.2f}×** (rounds {low:.2f}–{high:.2f}; CPU {cpu_ratio:.2f}×) | ≤ 0.5× | {verdict(overall <= 0.5)} |")
    peer, peer_cpu = statistics.median(commands[GO_PEER]["times"]), cpu(commands[GO_PEER])
    rows = ["| command | runs | wall median (min–max) | vs Go peer | CPU user+sys | vs Go peer |", "|---|---|---|---|---|---|"]
    for name, entry in commands.items():
        rows.append(f"| {name} | {len(entry['times'])} | {spread(entry['times'])} | {statistics.median(entry['times']) / peer:.2f}× "
                    f"| {ms(cpu(entry))} | {cpu(entry) / peer_cpu:.2f}× |")
    floor = commands.get("stdin-from + exec floor")
    if floor:
        gap = statistics.median(commands[HELPER]["times"]) - statistics.median(floor["times"])
        rows.append("")
        rows.append(f"Distance to the exec floor: the helper's median is **{gap * 1000:.2f} ms** above `stdin-from + exec floor` "
                    f"(the same exec chain ending in a static C binary that exits at once).")
    return rows


def first_credential(directory, summary):
    commands = hyperfine(directory, "b3")
    ours, theirs = "cloudcred credentials --json", "Python Client().get_credential()"
    if ours not in commands or theirs not in commands:
        return []
    overall, low, high = ratio_rounds(commands, theirs, ours)
    cpu_ratio = cpu(commands[theirs]) / cpu(commands[ours])
    summary.append(f"| 3 | time to first credential (RAM role on the emulator, fresh process) | {spread(commands[ours]['times'])} "
                   f"| {spread(commands[theirs]['times'])} | **{overall:.1f}× faster** (rounds {low:.1f}–{high:.1f}; CPU {cpu_ratio:.1f}×) "
                   f"| ≥ 20× | {verdict(overall >= 20)} |")
    rows = ["| command | runs | wall median (min–max) | CPU user+sys |", "|---|---|---|---|"]
    rows += [f"| {name} | {len(e['times'])} | {spread(e['times'])} | {ms(cpu(e))} |" for name, e in commands.items()]
    calls = load(directory, "b3.calls.json", {}).get("sts_calls")
    if calls is not None:
        rows += ["", f"The emulator answered {calls} `AssumeRole` calls during these runs: every run assumed the role afresh."]
    return rows


def in_process(directory, summary):
    results = {r["id"]: r for r in load(directory, "inprocess.json", [])}
    python = load(directory, "cached.python.json")
    rows = []
    if python and results:
        peer, peer_cpu = python["median_ns"], python.get("cpu_median_ns")
        for tasks in (1, 8):
            ours = results.get(f"cached.provider.{tasks}task")
            if ours:
                speedup = peer / ours["median_ns"]
                cpu_speedup = peer_cpu / ours["cpu_median_ns"] if peer_cpu and ours.get("cpu_median_ns") else None
                cpu_text = f"; CPU {ours['cpu_median_ns']:.1f} ns" if ours.get("cpu_median_ns") else ""
                peer_text = f"{peer:.0f} ns/call" + (f"; CPU {peer_cpu:.0f} ns" if peer_cpu else "")
                ratio_text = f"**{speedup:.0f}× faster**" + (f" (CPU {cpu_speedup:.0f}×)" if cpu_speedup else "")
                met = verdict(speedup >= 100) if cpu_speedup is None or (speedup >= 100) == (cpu_speedup >= 100) else \
                    f"wall {verdict(speedup >= 100)}, CPU {verdict(cpu_speedup >= 100)}"
                summary.append(f"| 4 | cached `credential()`, warm provider, {tasks} task(s) | {ours['median_ns']:.1f} ns/call "
                               f"(p99 {ours['p99_ns']:.1f}{cpu_text}), {ours['allocations_per_call']:.2f} allocations | {peer_text} "
                               f"| {ratio_text} | ≥ 100× (here ≤ {peer / 100:.0f} ns) | {met} |")
        rows += ["| case | wall median ns/call | p99 | min–max | CPU ns/call | allocations/call | vs Python (wall) |",
                 "|---|---|---|---|---|---|---|"]
        for key, r in results.items():
            if key.startswith("cached.") or key.startswith("floor."):
                versus = f"{peer / r['median_ns']:.0f}×" if key.startswith("cached.") else "–"
                rows.append(f"| {r['title']} | {r['median_ns']:.1f} | {r['p99_ns']:.1f} | {r['min_ns']:.1f}–{r['max_ns']:.1f} "
                            f"| {r.get('cpu_median_ns', 0):.1f} | {r['allocations_per_call']:.3f} | {versus} |")
        rows.append(f"| {python['title']} (timeit, {python['samples']} × {python['calls_per_sample']} calls) "
                    f"| {python['median_ns']:.0f} | – | {python['min_ns']:.0f}–{python['max_ns']:.0f} "
                    f"| {python.get('cpu_median_ns', 0):.0f} | – | 1× |")
    storms = [r for key, r in results.items() if key.startswith("storm.")]
    if storms:
        rows += ["", "| storm | STS calls | caller latency p50 | p99 | max | notes |", "|---|---|---|---|---|---|"]
        for r in storms:
            note = (f"{r['callers_given_new_credential']} of {r['callers']} callers got the new credential"
                    if "callers_given_new_credential" in r else
                    f"{r['callers_waiting_on_network']} callers waited ≥ the injected delay; {r['callers_served_cached']} served "
                    f"the cached value; renewed in the background: {r['renewed_after_prefetch']}")
            rows.append(f"| {r['title']} | {r['sts_calls']} | {duration(r['median_ns'])} | {duration(r['p99_ns'])} "
                        f"| {duration(r['max_ns'])} | {note} |")
        stale = [r for r in storms if r["id"].startswith("storm.stale")]
        prefetch = [r for r in storms if r["id"] == "storm.prefetch"]
        if stale:
            worst = max(r["sts_calls"] for r in stale)
            summary.append(f"| 5 | refresh storm: 10 000 callers at stale time (loopback STS; STS delayed) "
                           f"| {' and '.join(str(r['sts_calls']) for r in stale)} STS call(s); caller p50 {stale[0]['median_ns'] / 1e6:.1f} ms, "
                           f"p99 {stale[0]['p99_ns'] / 1e6:.1f} ms | – | – | exactly 1 STS call "
                           f"| {verdict(worst == 1 and min(r['sts_calls'] for r in stale) == 1)} |")
        if prefetch:
            r = prefetch[0]
            summary.append(f"| 5 | refresh storm with prefetch (STS delayed {r['title'].split('delayed ')[-1]}) "
                           f"| {r['callers_waiting_on_network']} callers waited; p99 {r['p99_ns'] / 1000:.0f} µs; {r['sts_calls']} STS call "
                           f"| – | – | no caller waits | {verdict(r['callers_waiting_on_network'] == 0 and r['sts_calls'] == 1)} |")
    return rows


def stampede(directory, summary):
    path = os.path.join(directory, "b6.jsonl")
    if not os.path.exists(path):
        return []
    runs = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    go = load(directory, "b6.go.json")
    rows = ["| scenario | processes | ACR API calls | answered | distinct passwords | wall |", "|---|---|---|---|---|---|"]
    rows += [f"| cloudcred helper, {r['label']} | {r['processes']} | {r['acr_calls']} | {r['answered']} | {r['distinct_passwords']} "
             f"| {r['wall_ms']:.0f} ms |" for r in runs]
    if go:
        rows.append(f"| ecr-login (Go peer), empty cache, token API sent to a counting proxy | 64 | {go['connect_requests']} "
                    f"token API connections | 0 (refused) | – | – |")
    ok = all(r["acr_calls"] == 1 and r["answered"] == r["processes"] and r["distinct_passwords"] == 1 for r in runs)
    calls = ", ".join(str(r["acr_calls"]) for r in runs)
    peer = f"{go['connect_requests']} token API connections from 64 processes" if go else "not measured"
    summary.append(f"| 6 | 64 helpers at once, empty cache, one ACR host | ACR calls per round: {calls} | {peer} | – "
                   f"| exactly 1 call | {verdict(ok)} |")
    return rows


def memory(directory, summary):
    path = os.path.join(directory, "memory.tsv")
    if not os.path.exists(path):
        return []
    samples = {}
    for line in open(path, encoding="utf-8"):
        name, _, value = line.rstrip("\n").partition("\t")
        if value.strip().isdigit():
            samples.setdefault(name, []).append(int(value))
    sizes = load(directory, "sizes.json", {})
    rows = ["| process | runs | peak RSS median (min–max) |", "|---|---|---|"]
    rows += [f"| {name} | {len(v)} | {statistics.median(v) / 1024:.1f} MiB ({min(v) / 1024:.1f}–{max(v) / 1024:.1f}) |"
             for name, v in samples.items()]
    if sizes.get("sizes"):
        rows += ["", "| binary (stripped as shipped) | size | shared libraries (NEEDED) |", "|---|---|---|"]
        for name, size in sizes["sizes"].items():
            rows.append(f"| {name} | {size / 1048576:.1f} MiB | {sizes.get('needed', {}).get(name, '–') or '–'} |")
    ours, theirs = samples.get("cloudcred helper, cached"), samples.get("ecr-login, cached")
    if ours and theirs:
        a, b = statistics.median(ours) / 1024, statistics.median(theirs) / 1024
        size = sizes.get("sizes", {})
        summary.append(f"| 7 | peak RSS of a cached `get`; binary size | {a:.1f} MiB; "
                       f"{size.get('docker-credential-cloudcred', 0) / 1048576:.1f} MiB | {b:.1f} MiB; "
                       f"{size.get('docker-credential-ecr-login', 0) / 1048576:.1f} MiB | {a / b:.2f}× RSS | (reported) | – |")
    return rows


def main():
    directory = sys.argv[1]
    machine = load(directory, "machine.json", {})
    summary = ["| # | benchmark | cloudcred | peer | ratio | target | met |", "|---|---|---|---|---|---|---|"]
    sections = [
        ("1. Helper start-up, a host that is not ours (`ghcr.io`)", startup_rows(hyperfine(directory, "b1"), summary, 1, "helper start-up, host not ours (`ghcr.io`)")),
        ("2. Helper, cached token", startup_rows(hyperfine(directory, "b2"), summary, 2, "helper, cached token (ACR / ECR host)")),
        ("3. Time to first credential", first_credential(directory, summary)),
        ("4–5. In-process: cached credential and refresh storm", in_process(directory, summary)),
        ("6. Cold-cache stampede across processes", stampede(directory, summary)),
        ("7. Memory and size", memory(directory, summary)),
    ]
    summary.sort(key=lambda row: row.split("|")[1].strip() if row.startswith("| ") and row[2].isdigit() else "")
    out = [f"Generated by `scripts/bench{' --quick' if machine.get('quick') else ''}` on {machine.get('date', '?')}: "
           f"{machine.get('cpu', '?')}, {machine.get('cores', '?')} cores, {machine.get('memory_gib', '?')} GiB, "
           f"{machine.get('os', '?')}, kernel {machine.get('kernel', '?')}, {machine.get('swift', '?')}, "
           f"{machine.get('hyperfine', '?')}, amazon-ecr-credential-helper {machine.get('ecr_login', '?')}, "
           f"{machine.get('python', '?')} with alibabacloud-credentials 1.0.12; load average at the start "
           f"{' '.join(machine.get('load', []))}{'; timed commands ran under `' + machine['nice'] + '`' if machine.get('nice') else ''}. Process times: medians over all runs of all rounds (min–max in "
           f"brackets); ratios: median over median, with the range of the per-round ratios.", "", *summary]
    for title, rows in sections:
        if rows:
            out += ["", f"#### {title}", "", *rows]
    print("\n".join(out))
    return invariants(directory)


def invariants(directory):
    """Exit status 3 when a correctness figure is wrong (not a missed speed target): a storm or a stampede that
    made more than one token call, a prefetch storm in which a caller waited on the network."""
    broken = []
    for r in load(directory, "inprocess.json", []):
        if r["id"].startswith("storm.") and r["sts_calls"] != 1:
            broken.append(f"{r['id']}: {r['sts_calls']} STS calls")
        if r["id"] == "storm.prefetch" and r["callers_waiting_on_network"] != 0:
            broken.append(f"{r['id']}: {r['callers_waiting_on_network']} callers waited on the network")
    path = os.path.join(directory, "b6.jsonl")
    for line in open(path, encoding="utf-8") if os.path.exists(path) else []:
        r = json.loads(line)
        if r["acr_calls"] != 1 or r["answered"] != r["processes"] or r["distinct_passwords"] != 1:
            broken.append(f"stampede ({r['label']}): {r['acr_calls']} ACR calls, {r['answered']}/{r['processes']} answered")
    for problem in broken:
        print(f"bench: invariant broken: {problem}", file=sys.stderr)
    return 3 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
