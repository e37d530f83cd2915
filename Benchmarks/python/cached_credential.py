"""Benchmark 4, the Python peer: `get_credential()` on a warm Client (a RAM role assumed once on the emulator),
timed with timeit. Prints one JSON object: nanoseconds per call (median, min, max over repeats), wall and CPU time.

Environment: CLOUDCRED_CONNECT_TO (with PYTHONPATH=Benchmarks/python/site), BENCH_AK_ID, BENCH_AK_SECRET,
BENCH_ROLE_ARN; BENCH_QUICK=1 for a short run."""
import json
import os
import statistics
import time
import timeit

from alibabacloud_credentials.client import Client
from alibabacloud_credentials.models import Config

config = Config(type="ram_role_arn", access_key_id=os.environ["BENCH_AK_ID"],
                access_key_secret=os.environ["BENCH_AK_SECRET"], role_arn=os.environ["BENCH_ROLE_ARN"],
                role_session_name="bench")
client = Client(config)
first = client.get_credential()
assert first.get_security_token(), "the RAM role was not assumed"

quick = os.environ.get("BENCH_QUICK") == "1"
number = 20_000 if quick else 100_000
repeats = 5 if quick else 15
times = timeit.repeat(client.get_credential, number=number, repeat=repeats)
per_call = [t / number * 1e9 for t in times]
# The same with the process's CPU time as the timer: it does not grow when other processes compete for the cores.
cpu_times = timeit.repeat(client.get_credential, number=number, repeat=repeats, timer=time.process_time)
cpu_per_call = [t / number * 1e9 for t in cpu_times]
print(json.dumps({
    "id": "cached.python",
    "title": "alibabacloud-credentials 1.0.12 Client(Config(type='ram_role_arn')).get_credential(), warm",
    "median_ns": round(statistics.median(per_call), 1), "min_ns": round(min(per_call), 1),
    "max_ns": round(max(per_call), 1), "samples": repeats, "calls_per_sample": number,
    "cpu_median_ns": round(statistics.median(cpu_per_call), 1), "cpu_min_ns": round(min(cpu_per_call), 1),
}), flush=True)
os._exit(0)
