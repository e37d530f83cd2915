# Sourced by scripts/bench: tools, the Python peer, the builds, the emulator. Expects $root, $work, $quick.

log() { echo "bench: $*" >&2; }
die() { echo "bench: error: $*" >&2; exit 1; }

# hyperfine, the Go peer (Debian's amazon-ecr-credential-helper), GNU time, a C compiler for the two tiny static
# tools, curl for the emulator's control API, python3-venv for the Python peer.
ensure_tools() {
    local need=() tool
    for tool in hyperfine:hyperfine docker-credential-ecr-login:amazon-ecr-credential-helper /usr/bin/time:time \
                cc:gcc curl:curl; do
        command -v "${tool%%:*}" >/dev/null || need+=("${tool#*:}")
    done
    python3 -c 'import venv, ensurepip' 2>/dev/null || need+=(python3-venv)
    [ -f /usr/lib/x86_64-linux-gnu/libc.a ] || [ -f /usr/lib/aarch64-linux-gnu/libc.a ] || need+=(libc6-dev)
    if [ ${#need[@]} -gt 0 ]; then
        log "installing ${need[*]}"
        [ "$(id -u)" = 0 ] || die "missing ${need[*]}: run as root or install them (apt-get install ${need[*]})"
        apt-get update -qq || die "apt-get update failed"
        # amazon-ecr-credential-helper recommends docker.io; the benchmark needs only the helper binary.
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
            || die "cannot install ${need[*]} with apt-get"
    fi
    ecr_login=$(command -v docker-credential-ecr-login)
}

# The official Python library in the git-ignored virtualenv shared with scripts/parity (same pin, same stamp).
ensure_python_peer() {
    local venv=$root/.venv-parity requirement="alibabacloud-credentials==1.0.12"
    if [ ! -x "$venv/bin/python" ]; then
        log "creating $venv"
        timeout 300 python3 -m venv "$venv" >"$work/venv.log" 2>&1 || { cat "$work/venv.log" >&2; die "cannot create $venv"; }
    fi
    if [ "$(cat "$venv/.parity-requirements" 2>/dev/null)" != "$requirement" ]; then
        log "pip install $requirement"
        timeout 900 "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$requirement" >"$work/pip.log" 2>&1 \
            || { cat "$work/pip.log" >&2; die "pip install $requirement failed"; }
        printf '%s' "$requirement" >"$venv/.parity-requirements"
    fi
    python_peer=$venv/bin/python
}

# swift_release SCRATCH ARGUMENT…: `swift build -c release` in its own scratch path; the log's tail on failure.
swift_release() {
    local scratch=$1; shift
    if ! (cd "$root" && PATH=/opt/swift/usr/bin:$PATH swift build -c release --scratch-path "$scratch" "$@") >"$work/build.log" 2>&1; then
        grep -E 'error' "$work/build.log" | head -n 20 >&2 || tail -n 20 "$work/build.log" >&2
        die "swift build -c release $* failed"
    fi
}

# The shipped binaries (scripts/build-release), then the in-process benchmarks in release, in the same scratch path
# and with the same flags as the shipped cloudcred, so that only the benchmark target itself is compiled.
build_all() {
    log "scripts/build-release (a cold build takes about 8 minutes on 2 cores)"
    dist=$("$root/scripts/build-release" | tail -n 1)
    [ -x "$dist/docker-credential-cloudcred" ] && [ -x "$dist/cloudcred" ] || die "scripts/build-release printed no dist folder"
    log "building cloudcred-benchmarks (release, .build-release)"
    swift_release .build-release --product cloudcred-benchmarks --static-swift-stdlib
    benchmarks=$root/.build-release/release/cloudcred-benchmarks
    mkdir -p "$work/tools"
    cc -O2 -static -o "$work/tools/exec-floor" "$root/Benchmarks/tools/exec-floor.c"
    cc -O2 -static -o "$work/tools/stdin-from" "$root/Benchmarks/tools/stdin-from.c"
    floor=$work/tools/exec-floor
    stdin_from=$work/tools/stdin-from
}

# "What helped": the same helper linked two other ways, each in its own scratch path (the helper links only
# CredentialsCore and RegistryCredentials, so each is a small build). Sets helper_stdlib and helper_dynamic.
build_helper_variants() {
    helper_stdlib="" helper_dynamic="" cli_default_link=""
    local mode scratch
    for mode in stdlib dynamic; do
        scratch=.build-bench-helper-$mode
        log "building the helper variant: $mode ($scratch)"
        if [ $mode = stdlib ]; then
            swift_release $scratch --product docker-credential-cloudcred --static-swift-stdlib
        else
            swift_release $scratch --product docker-credential-cloudcred
        fi
        mkdir -p "$work/variants/$mode"
        # Copied next to the release cloudcred so that a cache miss finds it, as in a real installation.
        cp "$root/$scratch/release/docker-credential-cloudcred" "$work/variants/$mode/docker-credential-cloudcred"
        strip "$work/variants/$mode/docker-credential-cloudcred" 2>/dev/null || true
        ln -sf "$dist/cloudcred" "$work/variants/$mode/cloudcred"
    done
    helper_stdlib=$work/variants/stdlib/docker-credential-cloudcred
    helper_dynamic=$work/variants/dynamic/docker-credential-cloudcred
    # cloudcred as SwiftPM links it by default (PIE, every symbol exported), for benchmark 3: a relink only.
    log "building the cloudcred variant: default link (.build-release)"
    swift_release .build-release --product cloudcred --static-swift-stdlib
    mkdir -p "$work/variants/cli-default-link"
    cp "$root/.build-release/release/cloudcred" "$work/variants/cli-default-link/cloudcred"
    strip "$work/variants/cli-default-link/cloudcred" 2>/dev/null || true
    cli_default_link=$work/variants/cli-default-link/cloudcred
}

# Starts `cloudcred emulator` (release) on a free port; sets emulator_pid and emulator_address (host:port).
start_emulator() {
    # At the priority of the timed commands: their time includes the emulator's answers.
    "${timed[@]}" "$dist/cloudcred" emulator --port 0 >"$work/emulator.log" 2>&1 &
    emulator_pid=$!
    local tries=0
    until grep -q '^listening on http://' "$work/emulator.log" 2>/dev/null; do
        tries=$((tries + 1))
        [ $tries -lt 200 ] && kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulator.log" >&2; die "the emulator did not start"; }
        sleep 0.05
    done
    emulator_address=$(sed -n 's|^listening on http://||p' "$work/emulator.log" | head -n 1)
    log "emulator on $emulator_address (pid $emulator_pid)"
}

stop_emulator() {
    if [ -n "${emulator_pid:-}" ]; then
        kill "$emulator_pid" 2>/dev/null || true
        wait "$emulator_pid" 2>/dev/null || true
        emulator_pid=""
    fi
}

# counter ENDPOINT: how many requests the emulator has answered for an endpoint (sts, acr, …).
counter() {
    curl -fsS "http://$emulator_address/_emulator/counters" | python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"
}

# add_fault JSON: one fault rule (e.g. {"endpoint":"acr","times":1,"delayMs":300}).
add_fault() {
    curl -fsS -X POST -H 'Content-Type: application/json' -d "$1" "http://$emulator_address/_emulator/faults" >/dev/null
}

# The standard emulator's AccessKey and RAM role (`cloudcred emulator` prints them too).
emulator_ak_id=LTAI5tEmulatorExample01
emulator_ak_secret=EmulatorExampleSecretNotForProduction01
emulator_role=acs:ram::1234567890123456:role/emulator-role

# machine_json: the machine the numbers come from.
machine_json() {
    python3 - <<'EOF'
import json, os, platform, subprocess
def run(*command):
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=20).stdout.strip()
    except Exception:
        return ""
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
memory = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
print(json.dumps({
    "cpu": cpu, "cores": os.cpu_count(), "memory_gib": round(int(memory) / 1048576, 1),
    "kernel": platform.release(), "os": run("sh", "-c", ". /etc/os-release; echo $PRETTY_NAME"),
    "swift": run("/opt/swift/usr/bin/swift", "--version").splitlines()[0] if run("/opt/swift/usr/bin/swift", "--version") else "?",
    "hyperfine": run("hyperfine", "--version"), "ecr_login": run("dpkg-query", "-W", "-f=${Version}", "amazon-ecr-credential-helper"),
    "python": run(os.environ.get("PYTHON_PEER", "python3"), "--version"), "load": open("/proc/loadavg").read().split()[:3],
    "date": run("date", "-u", "+%Y-%m-%d %H:%M UTC"),
}))
EOF
}
