# Sourced by scripts/bench: benchmark 6, 64 helper processes started at once with an empty cache for one ACR host.
# Expects the variables of setup.bash and processes.bash, and $results, $stampede_rounds.

# stampede_once LABEL DELAY_MS: a fresh HOME (empty cache), 64 helpers started together; one JSON line of results.
stampede_once() {
    local label=$1 delay=$2 home dir i before after started ended pids=()
    home=$(mktemp -d "$work/homes/stampede.XXXXXX")
    dir=$home/out
    mkdir -p "$dir"
    [ "$delay" = 0 ] || add_fault "{\"endpoint\": \"acr\", \"times\": 1, \"delayMs\": $delay}"
    before=$(counter acr)
    started=$(date +%s%N)
    for ((i = 0; i < 64; i++)); do
        env -i "HOME=$home" PATH=/usr/bin:/bin "ALIBABA_CLOUD_ACCESS_KEY_ID=$emulator_ak_id" \
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET=$emulator_ak_secret" "CLOUDCRED_CONNECT_TO=$emulator_address" \
            "$stdin_from" "$work/in/acr" "$dist/docker-credential-cloudcred" get >"$dir/out.$i" 2>"$dir/err.$i" &
        pids+=($!)
    done
    wait "${pids[@]}" || true
    ended=$(date +%s%N)
    after=$(counter acr)
    python3 - "$dir" "$label" "$delay" $((after - before)) $(((ended - started) / 1000)) <<'PY' >>"$results/b6.jsonl"
import json, os, sys
directory, label, delay, calls, micros = sys.argv[1:6]
answers = []
for name in sorted(os.listdir(directory)):
    if name.startswith("out."):
        try:
            answers.append(json.load(open(os.path.join(directory, name)))["Secret"])
        except Exception:
            answers.append(None)
print(json.dumps({"label": label, "delay_ms": int(delay), "processes": len(answers), "acr_calls": int(calls),
                  "answered": sum(a is not None for a in answers), "distinct_passwords": len({a for a in answers if a}),
                  "wall_ms": round(int(micros) / 1000, 1)}))
PY
}

# The Go peer: 64 docker-credential-ecr-login processes with an empty cache for one ECR host, their API traffic sent
# to a counting proxy that refuses it (no request reaches AWS); AWS_MAX_ATTEMPTS=1 turns off the SDK's retries.
stampede_go_peer() {
    local home proxy_pid port i pids=()
    home=$(mktemp -d "$work/homes/stampede-go.XXXXXX")
    python3 "$root/Benchmarks/python/connect_counter.py" "$results/b6.go.json" >"$work/proxy.port" &
    proxy_pid=$!
    for ((i = 0; i < 100; i++)); do [ -s "$work/proxy.port" ] && break; sleep 0.05; done
    port=$(head -n 1 "$work/proxy.port")
    for ((i = 0; i < 64; i++)); do
        env -i "HOME=$home" PATH=/usr/bin:/bin "AWS_ACCESS_KEY_ID=$ecr_access_key" AWS_SECRET_ACCESS_KEY=ecrBenchSecretNotUsedForAnyCall \
            AWS_EC2_METADATA_DISABLED=true AWS_MAX_ATTEMPTS=1 "HTTPS_PROXY=http://127.0.0.1:$port" \
            "$stdin_from" "$work/in/ecr" "$ecr_login" get >/dev/null 2>&1 &
        pids+=($!)
    done
    wait "${pids[@]}" || true
    kill -TERM "$proxy_pid" 2>/dev/null || true
    wait "$proxy_pid" 2>/dev/null || true
}

bench_stampede() {
    log "6. cold-cache stampede: 64 helpers at once for $acr_host"
    : >"$results/b6.jsonl"
    local round
    for ((round = 1; round <= stampede_rounds; round++)); do stampede_once "loopback ACR API" 0; done
    for ((round = 1; round <= stampede_rounds; round++)); do stampede_once "ACR answer delayed 300 ms" 300; done
    stampede_go_peer
}
