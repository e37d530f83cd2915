# Sourced by scripts/bench: benchmarks 1, 2, 3 (process start-up, hyperfine) and 7 (peak RSS, sizes).
# Expects the variables set by setup.bash and $results, $rounds, $runs, $warmup.

# hyperfine_rounds ID ENV… -- NAME=COMMAND…: $rounds hyperfine runs of every command (-N: no shell), the order
# reversed in every other round so that drift and order effects cancel; one JSON export per round.
hyperfine_rounds() {
    local id=$1; shift
    local environment=() pairs=() pair round ordered
    while [ "$1" != "--" ]; do environment+=("$1"); shift; done
    shift
    pairs=("$@")
    for ((round = 1; round <= rounds; round++)); do
        ordered=()
        if ((round % 2 == 1)); then
            ordered=("${pairs[@]}")
        else
            for ((pair = ${#pairs[@]} - 1; pair >= 0; pair--)); do ordered+=("${pairs[pair]}"); done
        fi
        local arguments=()
        for pair in "${ordered[@]}"; do arguments+=(-n "${pair%%=*}" "${pair#*=}"); done
        "${timed[@]}" "${environment[@]}" hyperfine -N -i --output=pipe --style none -w "$warmup" -r "${runs_override:-$runs}" \
            --export-json "$results/$id.round$round.json" "${arguments[@]}" >>"$work/hyperfine.log" 2>&1 \
            || { tail -n 20 "$work/hyperfine.log" >&2; die "hyperfine failed in benchmark $id"; }
    done
}

# The ECR cache entry that docker-credential-ecr-login reads for $ecr_host, valid for 12 h (tokens last 12 h;
# fresh until half-life), under both the pre-0.12 key (base64 of the access key ID followed by MD5(""), the
# Debian 0.6 key) and the 0.12 key (base64 of SHA-256 of the access key ID).
seed_ecr_cache() {
    local home=$1
    mkdir -p "$home/.ecr"
    python3 - "$home/.ecr/cache.json" "$ecr_access_key" <<'EOF'
import base64, datetime, hashlib, json, sys
path, access_key = sys.argv[1:3]
now = datetime.datetime.now(datetime.timezone.utc)
stamp = lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ")
entry = {"AuthorizationToken": base64.b64encode(b"AWS:ecr-bench-password").decode(), "RequestedAt": stamp(now),
         "ExpiresAt": stamp(now + datetime.timedelta(hours=12)),
         "ProxyEndpoint": "https://123456789012.dkr.ecr.us-east-1.amazonaws.com", "Service": "ecr"}
old = base64.b64encode(access_key.encode() + hashlib.md5(b"").digest()).decode()
new = base64.b64encode(hashlib.sha256(access_key.encode()).digest()).decode()
registries = {f"us-east-1-{key}-123456789012": entry for key in (old, new)}
json.dump({"Registries": registries, "Version": "1.0"}, open(path, "w"), indent=2)
EOF
}

ecr_host=123456789012.dkr.ecr.us-east-1.amazonaws.com
ecr_access_key=AKIAIOSFODNN7BENCH001
acr_host=registry.cn-hangzhou.aliyuncs.com

# The scenarios' homes, inputs and environments (every process runs with exactly these variables).
prepare_process_scenarios() {
    mkdir -p "$work/homes/plain" "$work/homes/cached" "$work/homes/role/.aliyun" "$work/in"
    echo ghcr.io >"$work/in/ghcr"
    echo "$acr_host" >"$work/in/acr"
    echo "$ecr_host" >"$work/in/ecr"
    env_plain=(env -i "HOME=$work/homes/plain" PATH=/usr/bin:/bin)
    env_cached=(env -i "HOME=$work/homes/cached" PATH=/usr/bin:/bin
        "ALIBABA_CLOUD_ACCESS_KEY_ID=$emulator_ak_id" "ALIBABA_CLOUD_ACCESS_KEY_SECRET=$emulator_ak_secret"
        "CLOUDCRED_CONNECT_TO=$emulator_address" "AWS_ACCESS_KEY_ID=$ecr_access_key"
        AWS_SECRET_ACCESS_KEY=ecrBenchSecretNotUsedForAnyCall AWS_EC2_METADATA_DISABLED=true
        HTTPS_PROXY=http://127.0.0.1:9 NO_PROXY=127.0.0.1)
    cat >"$work/homes/role/.aliyun/config.json" <<EOF
{"current": "bench", "profiles": [{"name": "bench", "mode": "RamRoleArn", "access_key_id": "$emulator_ak_id",
 "access_key_secret": "$emulator_ak_secret", "ram_role_arn": "$emulator_role", "ram_session_name": "bench"}]}
EOF
    env_role=(env -i "HOME=$work/homes/role" PATH=/usr/bin:/bin "CLOUDCRED_CONNECT_TO=$emulator_address"
        "PYTHONPATH=$root/Benchmarks/python/site" PYTHONDONTWRITEBYTECODE=1)
    seed_ecr_cache "$work/homes/cached"
}

# The helper commands of a scenario: the shipped helper, the peer and the variants that were built.
helper_commands() {
    local input=$1 peer_input=$2
    helper_pairs=("cloudcred helper=$stdin_from $work/in/$input $dist/docker-credential-cloudcred get"
        "ecr-login (Go peer)=$stdin_from $work/in/$peer_input $ecr_login get")
    [ -z "${helper_stdlib:-}" ] || helper_pairs+=("helper --static-swift-stdlib=$stdin_from $work/in/$input $helper_stdlib get")
    [ -z "${helper_dynamic:-}" ] || helper_pairs+=("helper dynamic=$stdin_from $work/in/$input $helper_dynamic get")
    helper_pairs+=("stdin-from + exec floor=$stdin_from $work/in/$input $floor" "exec floor (static C)=$floor")
}

# expect_output WHAT TEXT COMMAND…: runs the command once and checks that its stdout contains TEXT.
expect_output() {
    local what=$1 text=$2 output; shift 2
    output=$("$@" 2>"$work/expect.err") || true
    [[ $output == *"$text"* ]] || die "$what: expected '$text' in the output, got: $output $(head -c 400 "$work/expect.err")"
}

bench_startup_not_ours() {
    log "1. helper start-up, a host that is not ours (ghcr.io)"
    expect_output "helper, ghcr.io" "credentials not found" "${env_plain[@]}" "$stdin_from" "$work/in/ghcr" "$dist/docker-credential-cloudcred" get
    expect_output "ecr-login, ghcr.io" "credentials not found" "${env_plain[@]}" "$stdin_from" "$work/in/ghcr" "$ecr_login" get
    helper_commands ghcr ghcr
    hyperfine_rounds b1 "${env_plain[@]}" -- "${helper_pairs[@]}" "/bin/true (dynamic)=/bin/true"
}

bench_startup_cached() {
    log "2. helper, cached token (ACR host: our cache; ECR host: the Go peer's cache)"
    local before
    before=$(counter acr)
    # The first get misses: the helper execs the release cloudcred, which fetches from the emulator and caches.
    expect_output "helper, first get" '"Username":"cr_temp_user"' "${env_cached[@]}" "$stdin_from" "$work/in/acr" "$dist/docker-credential-cloudcred" get
    expect_output "helper, cached get" '"Username":"cr_temp_user"' "${env_cached[@]}" "$stdin_from" "$work/in/acr" "$dist/docker-credential-cloudcred" get
    expect_output "ecr-login, cached get" '"Secret":"ecr-bench-password"' "${env_cached[@]}" "$stdin_from" "$work/in/ecr" "$ecr_login" get
    [ "$(counter acr)" = $((before + 1)) ] || die "the cached get called the ACR API ($(counter acr) − $before calls)"
    helper_commands acr ecr
    hyperfine_rounds b2 "${env_cached[@]}" -- "${helper_pairs[@]}"
    [ "$(counter acr)" = $((before + 1)) ] || die "benchmark 2 was not served from the cache: $(($(counter acr) - before)) ACR calls"
}

bench_first_credential() {
    log "3. time to first credential: cloudcred credentials --json vs Python Client().get_credential() (RAM role)"
    expect_output "cloudcred credentials" '"provider_name":"default/cli_profile/ram_role_arn/static_ak"' \
        "${env_role[@]}" "$dist/cloudcred" credentials --json
    expect_output "python first credential" "STS." "${env_role[@]}" "$python_peer" -s "$root/Benchmarks/python/first_credential.py"
    local before pairs
    pairs=("cloudcred credentials --json=$dist/cloudcred credentials --json"
        "Python Client().get_credential()=$python_peer -s $root/Benchmarks/python/first_credential.py"
        "python3 -I -c pass (interpreter start-up alone)=$python_peer -I -c pass"
        "cloudcred --version (start-up alone)=$dist/cloudcred --version")
    [ -z "${cli_default_link:-}" ] ||
        pairs+=("cloudcred credentials --json, default link (PIE, all symbols exported)=$cli_default_link credentials --json")
    before=$(counter sts)
    runs_override=$first_credential_runs hyperfine_rounds b3 "${env_role[@]}" -- "${pairs[@]}"
    echo "{\"sts_calls\": $(($(counter sts) - before))}" >"$results/b3.calls.json"
}

# rss NAME ENV… -- COMMAND…: peak RSS (KiB) of $rss_runs runs, one line per run in memory.tsv.
rss() {
    local name=$1 environment=() i; shift
    while [ "$1" != "--" ]; do environment+=("$1"); shift; done
    shift
    for ((i = 0; i < rss_runs; i++)); do
        "${environment[@]}" /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>&1 || true
        printf '%s\t%s\n' "$name" "$(tail -n 1 "$work/rss")" >>"$results/memory.tsv"
    done
}

bench_memory() {
    log "7. peak RSS and binary sizes"
    : >"$results/memory.tsv"
    rss "cloudcred helper, ghcr.io" "${env_plain[@]}" -- "$stdin_from" "$work/in/ghcr" "$dist/docker-credential-cloudcred" get
    rss "ecr-login, ghcr.io" "${env_plain[@]}" -- "$stdin_from" "$work/in/ghcr" "$ecr_login" get
    rss "cloudcred helper, cached" "${env_cached[@]}" -- "$stdin_from" "$work/in/acr" "$dist/docker-credential-cloudcred" get
    rss "ecr-login, cached" "${env_cached[@]}" -- "$stdin_from" "$work/in/ecr" "$ecr_login" get
    [ -z "${helper_dynamic:-}" ] || rss "helper dynamic, cached" "${env_cached[@]}" -- "$stdin_from" "$work/in/acr" "$helper_dynamic" get
    [ -z "${helper_stdlib:-}" ] || rss "helper --static-swift-stdlib, cached" "${env_cached[@]}" -- "$stdin_from" "$work/in/acr" "$helper_stdlib" get
    rss "cloudcred credentials --json" "${env_role[@]}" -- "$dist/cloudcred" credentials --json
    rss "Python Client().get_credential()" "${env_role[@]}" -- "$python_peer" -s "$root/Benchmarks/python/first_credential.py"
    {
        printf '{"sizes": {'
        printf '"docker-credential-cloudcred": %s, "cloudcred": %s, "docker-credential-ecr-login": %s' \
            "$(stat -c %s "$dist/docker-credential-cloudcred")" "$(stat -c %s "$dist/cloudcred")" "$(stat -c %s "$ecr_login")"
        [ -z "${helper_stdlib:-}" ] || printf ', "helper --static-swift-stdlib": %s' "$(stat -c %s "$helper_stdlib")"
        [ -z "${helper_dynamic:-}" ] || printf ', "helper dynamic": %s' "$(stat -c %s "$helper_dynamic")"
        printf '}, "needed": {"docker-credential-cloudcred": "%s", "cloudcred": "%s", "docker-credential-ecr-login": "%s", "helper dynamic": "%s"}}\n' \
            "$(needed "$dist/docker-credential-cloudcred")" "$(needed "$dist/cloudcred")" "$(needed "$ecr_login")" "$(needed "${helper_dynamic:-}")"
    } >"$results/sizes.json"
}

# The shared libraries a binary loads (objdump NEEDED), or "static".
needed() {
    [ -n "$1" ] || return 0
    local libraries
    libraries=$(objdump -p "$1" 2>/dev/null | awk '/NEEDED/ {print $2}' | tr '\n' ' ')
    echo "${libraries:-static}" | sed 's/ $//'
}
