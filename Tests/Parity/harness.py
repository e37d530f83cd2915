"""The machinery of the parity run: the one emulator process, the control API, the throw-away files of a
scenario, and the two sides (the Python library in a fresh interpreter, `cloudcred credentials`).

Network: everything goes to 127.0.0.1. The Python side reaches the emulator through `HTTP_PROXY` (ECS metadata)
and a generated `sitecustomize.py` that rewrites the Tea transport's URL for every other non-loopback host
(STS, OAuth, CloudSSO) to `http://127.0.0.1:PORT`, keeping the `Host` header; cloudcred through
`CLOUDCRED_CONNECT_TO`.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import http.client
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Optional
from urllib.parse import quote

HERE = os.path.dirname(os.path.abspath(__file__))
PY_DRIVER = os.path.join(HERE, "pyside.py")
MARKER = "@@PARITY@@"
SIDE_TIMEOUT = 60  # seconds, per subprocess

# The emulator's standard identities (Sources/CloudEmulator/Configuration/EmulatorConfiguration.swift).
AK_ID = "LTAI5tEmulatorExample01"
AK_SECRET = "EmulatorExampleSecretNotForProduction01"
ACCOUNT = "1234567890123456"
ROLE_ARN = f"acs:ram::{ACCOUNT}:role/emulator-role"
OIDC_PROVIDER_ARN = f"acs:ram::{ACCOUNT}:oidc-provider/emulator-oidc"
RSA_PUBLIC_KEY_ID = "LTRSA.EmulatorExample01"
RSA_PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----\nEmulatorExamplePrivateKeyNotForProduction\n-----END PRIVATE KEY-----\n"
ECS_ROLE = "EcsEmulatorRole"


class HarnessError(Exception):
    """The harness itself cannot go on (emulator down, binary missing): not a parity result."""


# --------------------------------------------------------------------------------------------------------------
# The emulator


class Emulator:
    """One `cloudcred emulator --port 0` for the whole run."""

    def __init__(self, binary: str, workdir: str):
        self.binary = binary
        self.workdir = workdir
        self.process: Optional[subprocess.Popen] = None
        self.port = 0

    def start(self) -> None:
        out_path = os.path.join(self.workdir, "emulator.out")
        err_path = os.path.join(self.workdir, "emulator.err")
        self._out = open(out_path, "wb")
        self._err = open(err_path, "wb")
        self.process = subprocess.Popen(
            [self.binary, "emulator", "--host", "127.0.0.1", "--port", "0"],
            stdout=self._out, stderr=self._err, stdin=subprocess.DEVNULL, env=_minimal_env({}),
            start_new_session=True)
        deadline = time.time() + 30
        while time.time() < deadline:
            with open(out_path, "rb") as handle:
                first = handle.readline().decode("utf-8", "replace")
            if first.endswith("\n") and first.startswith("listening on http://"):
                self.port = int(first.strip().rsplit(":", 1)[1])
                break
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        if not self.port:
            with open(err_path, "rb") as handle:
                err = handle.read().decode("utf-8", "replace")
            self.stop()
            raise HarnessError(f"the emulator did not start: {err.strip()[:500]}")
        self.control("GET", "/_emulator/health")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        for handle in (getattr(self, "_out", None), getattr(self, "_err", None)):
            if handle:
                handle.close()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def connect_to(self) -> str:
        return f"127.0.0.1:{self.port}"

    def request(self, method: str, path: str, body: Optional[bytes] = None,
                headers: Optional[dict] = None) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.read()
        finally:
            connection.close()

    def control(self, method: str, path: str, payload: Any = None) -> Any:
        body = None if payload is None else json.dumps(payload).encode()
        headers = {"Content-Type": "application/json"} if body is not None else {}
        try:
            status, data = self.request(method, path, body, headers)
        except OSError as error:
            raise HarnessError(f"emulator control {method} {path}: {error}") from error
        if status != 200:
            raise HarnessError(f"emulator control {method} {path}: HTTP {status}: {data[:300]!r}")
        return json.loads(data or b"null")

    def prepare(self, faults: list) -> None:
        """Counters, records, nonces and faults cleared; then this scenario's faults."""
        self.control("POST", "/_emulator/reset")
        self.control("DELETE", "/_emulator/faults")
        if faults:
            self.control("POST", "/_emulator/faults", faults)

    def snapshot(self) -> dict:
        counters = self.control("GET", "/_emulator/counters")
        records = self.control("GET", "/_emulator/requests")
        return {"counters": {k: v for k, v in counters.items() if k != "control"}, "records": records}

    def caller_identity(self, access_key_id: str, secret: str, token: Optional[str]) -> dict:
        """Signs STS GetCallerIdentity with the credentials: the emulator accepts only keys it issued (or its
        configured AccessKeys), with the matching token and secret. Returns {"status", "body"}."""
        params = {
            "Action": "GetCallerIdentity", "Format": "JSON", "Version": "2015-04-01",
            "AccessKeyId": access_key_id, "SignatureMethod": "HMAC-SHA1", "SignatureVersion": "1.0",
            "SignatureNonce": str(uuid.uuid4()), "Timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        if token:
            params["SecurityToken"] = token

        def enc(text: str) -> str:
            return quote(text, safe="-_.~")

        canonical = "&".join(f"{enc(k)}={enc(v)}" for k, v in sorted(params.items()))
        to_sign = "GET&%2F&" + enc(canonical)
        digest = hmac.new((secret + "&").encode(), to_sign.encode(), hashlib.sha1).digest()
        params["Signature"] = base64.b64encode(digest).decode()
        query = "&".join(f"{enc(k)}={enc(v)}" for k, v in params.items())
        status, data = self.request("GET", "/?" + query, headers={"Host": "sts.aliyuncs.com"})
        try:
            body = json.loads(data)
        except ValueError:
            body = {"raw": data.decode("utf-8", "replace")}
        return {"status": status, "body": body}


def _minimal_env(extra: dict) -> dict:
    """`env -i` plus what is given (a PATH is not even given: commands are run by absolute path)."""
    return {k: v for k, v in extra.items() if v is not None}


# --------------------------------------------------------------------------------------------------------------
# Files of a scenario


class Rel(int):
    """An epoch-seconds value relative to the moment the files are written (`Rel(1500)` = now + 1500 s), so that
    thresholds such as OAuth's 1200 s refresh margin hold however long the run has taken so far."""


def render(value: Any, subst: dict) -> Any:
    """Replaces @HOME@, @ROOT@, @EMU@, @PORT@, @NONCE@ in strings (recursively in lists and dicts); `Rel` values
    become absolute epoch seconds."""
    if isinstance(value, Rel):
        return int(time.time()) + int(value)
    if isinstance(value, str):
        for key, replacement in subst.items():
            value = value.replace(key, replacement)
        return value
    if isinstance(value, list):
        return [render(v, subst) for v in value]
    if isinstance(value, dict):
        return {render(k, subst): render(v, subst) for k, v in value.items()}
    return value


def materialise(root: str, files: dict, subst: dict) -> None:
    """(Re)creates `root` with `home/` and the scenario's files. Keys are paths relative to root; a value is
    text, JSON (dict/list/None as `null`), `DIR` for a directory, or ("exec", text) for an executable script."""
    if os.path.exists(root):
        shutil.rmtree(root)
    os.makedirs(os.path.join(root, "home"))
    for rel, content in files.items():
        path = os.path.join(root, rel)
        if content == "DIR":
            os.makedirs(path, exist_ok=True)
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        mode = 0o644
        if isinstance(content, tuple) and content[0] == "exec":
            content, mode = content[1], 0o755
        if isinstance(content, (dict, list)) or content is None:
            text = json.dumps(render(content, subst), indent=2)
        else:
            text = render(content, subst)
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.chmod(path, mode)


def read_back(root: str, rels: list) -> dict:
    out = {}
    for rel in rels:
        path = os.path.join(root, rel)
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except OSError as error:
            out[rel] = {"unreadable": str(error)}
            continue
        try:
            out[rel] = {"json": json.loads(text)}
        except ValueError:
            out[rel] = {"text": text}
    return out


# --------------------------------------------------------------------------------------------------------------
# The two sides


@dataclass
class Outcome:
    """What one side did, normalised."""
    side: str
    ok: bool = False
    creds: Optional[dict] = None          # access_key_id, access_key_secret, security_token, provider_name
    expiration: Any = "n/a"               # cloudcred only: ISO text or None
    error: Optional[str] = None           # the library's message
    error_class: Optional[str] = None     # Python's exception class; "cloudcred" on our side
    hint: Optional[str] = None
    raw: str = ""                         # stdout + stderr, for failure reports
    counters: dict = field(default_factory=dict)
    records: list = field(default_factory=list)
    identity: Optional[dict] = None       # GetCallerIdentity answer for the credentials
    files: dict = field(default_factory=dict)
    exit_code: Optional[int] = None
    harness_problem: Optional[str] = None


def write_sitecustomize(directory: str, port: int) -> None:
    code = f'''# Generated by Tests/Parity/harness.py: send the Python library's cloud traffic to the local emulator.
import os as _os
from urllib.parse import urlsplit as _urlsplit, urlunsplit as _urlunsplit

_EMULATOR = "127.0.0.1:{port}"
_LOOPBACK = ("127.0.0.1", "localhost", "::1")

try:
    from Tea.core import TeaCore as _TeaCore

    _compose_url = _TeaCore.compose_url

    def _parity_compose_url(request):
        url = _compose_url(request)
        parts = _urlsplit(url)
        host = (parts.hostname or "").lower()
        if host in _LOOPBACK:
            return url
        if host == "100.100.100.200" and (_os.environ.get("HTTP_PROXY") or _os.environ.get("http_proxy")):
            return url  # ECS metadata: plain HTTP through HTTP_PROXY (absolute-form), as on a real proxy
        # STS, OAuth, CloudSSO (https) and anything else: plain HTTP to the emulator, Host header unchanged.
        return _urlunsplit(("http", _EMULATOR, parts.path, parts.query, parts.fragment))

    _TeaCore.compose_url = staticmethod(_parity_compose_url)
except Exception as _error:  # pragma: no cover - reported by the harness through the missing rewrite
    import sys as _sys
    _sys.stderr.write("parity sitecustomize failed: %r\\n" % (_error,))
'''
    with open(os.path.join(directory, "sitecustomize.py"), "w", encoding="utf-8") as handle:
        handle.write(code)


def run_python(python: str, env: dict, sitecustomize_dir: str, cwd: str) -> Outcome:
    outcome = Outcome(side="python")
    full_env = _minimal_env({**env, "PYTHONPATH": sitecustomize_dir, "PYTHONDONTWRITEBYTECODE": "1"})
    try:
        proc = subprocess.run([python, "-s", PY_DRIVER], env=full_env, cwd=cwd, capture_output=True,
                              timeout=SIDE_TIMEOUT, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        outcome.harness_problem = f"python side timed out after {SIDE_TIMEOUT}s"
        return outcome
    stdout = proc.stdout.decode("utf-8", "replace")
    stderr = proc.stderr.decode("utf-8", "replace")
    outcome.raw = (stdout + "\n--- stderr ---\n" + stderr)[-4000:]
    outcome.exit_code = proc.returncode
    line = next((l for l in stdout.splitlines() if l.startswith(MARKER)), None)
    if line is None:
        outcome.harness_problem = "python side printed no result: " + stderr.strip()[-800:]
        return outcome
    result = json.loads(line[len(MARKER):])
    if result["ok"]:
        m = result["map"]
        outcome.ok = True
        outcome.creds = {
            "access_key_id": m.get("accessKeyId"),
            "access_key_secret": m.get("accessKeySecret"),
            "security_token": m.get("securityToken"),
            "provider_name": m.get("providerName"),
            "type": m.get("type"),
        }
    else:
        outcome.error = result["message"]
        outcome.error_class = result["class"]
    return outcome


def run_cloudcred(binary: str, env: dict, args: list, cwd: str) -> Outcome:
    outcome = Outcome(side="cloudcred")
    try:
        proc = subprocess.run([binary, "credentials", *args, "--json", "--reveal"], env=_minimal_env(env), cwd=cwd,
                              capture_output=True, timeout=SIDE_TIMEOUT, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        outcome.harness_problem = f"cloudcred timed out after {SIDE_TIMEOUT}s"
        return outcome
    stdout = proc.stdout.decode("utf-8", "replace")
    stderr = proc.stderr.decode("utf-8", "replace")
    outcome.raw = (stdout + "\n--- stderr ---\n" + stderr)[-4000:]
    outcome.exit_code = proc.returncode
    if proc.returncode == 0:
        lines = [l for l in stdout.splitlines() if l.strip()]
        if len(lines) != 1:
            outcome.harness_problem = f"cloudcred exit 0 but stdout has {len(lines)} lines (want one JSON object)"
            return outcome
        try:
            m = json.loads(lines[0])
        except ValueError as error:
            outcome.harness_problem = f"cloudcred stdout is not JSON: {error}"
            return outcome
        expected_keys = {"access_key_id", "access_key_secret", "security_token", "provider_name", "type", "expiration"}
        if not expected_keys <= set(m):
            outcome.harness_problem = f"cloudcred JSON lacks {sorted(expected_keys - set(m))}"
            return outcome
        outcome.ok = True
        outcome.creds = {k: m.get(k) for k in ("access_key_id", "access_key_secret", "security_token", "provider_name", "type")}
        outcome.expiration = m.get("expiration")
    elif proc.returncode == 1:
        lines = stderr.splitlines()
        first = lines[0] if lines else ""
        prefix = "cloudcred: error: "
        if not first.startswith(prefix):
            outcome.harness_problem = f"cloudcred exit 1 but stderr does not start with {prefix!r}: {stderr[:300]!r}"
            return outcome
        extra = [l for l in lines[1:] if l.strip()]
        if any(not l.startswith("hint: ") for l in extra) or len(extra) > 1:
            outcome.harness_problem = f"cloudcred stderr has unexpected lines after the error: {extra!r}"
            return outcome
        if stdout.strip():
            outcome.harness_problem = f"cloudcred failed but printed on stdout: {stdout[:200]!r}"
            return outcome
        outcome.error = first[len(prefix):]
        outcome.error_class = "cloudcred"
        outcome.hint = extra[0][len("hint: "):] if extra else None
    else:
        outcome.harness_problem = f"cloudcred exited {proc.returncode}: {stderr.strip()[-600:]}"
    return outcome


def make_temp_root() -> str:
    return tempfile.mkdtemp(prefix="cloudcred-parity-")
