"""Comparing what the Python library did with what cloudcred did, scenario by scenario.

Rules (see the brief in Tests/Parity/README.md):
* success vs failure must agree; provider names must be equal;
* static credentials must be equal byte for byte (a token of None and "" differ); credentials the emulator
  issued differ per run, so each side's are checked by signing STS GetCallerIdentity with them (the emulator
  accepts only keys it issued, with their own token and secret) and the identities are compared;
* failures: the chain message is split into its items (Python list repr) and compared item by item, exactly
  unless the scenario gives a rule for a provider's item (prefix, body, embeds);
* the requests the emulator received are compared endpoint by endpoint (count, order and the fields that
  matter: Action, RoleArn, RoleSessionName, DurationSeconds, Policy, ExternalId, SecurityToken presence, the
  STS host, the signature's space encoding, IMDS token header presence, ...);
* cloudcred's failure output must never contain a secret.
"""
from __future__ import annotations

import ast
import hashlib
import re
from typing import Any, Optional

from harness import Outcome

CHAIN_PREFIX = "unable to load credentials from any of the providers in the chain: "
ISSUED_PREFIXES = ("STS.", "TMPSK.")
SECRET_PATTERNS = [
    re.compile(r"CAIS[A-Za-z0-9]{16,}"),  # emulator-issued security tokens
    re.compile(r'"(?:AccessKeySecret|SecurityToken|SessionAccessKeySecret|access_key_secret|sts_token)"\s*:\s*"(?!\*{6}"|"")[^"]+"'),
]


def mask(secret: str) -> str:
    """The emulator's fingerprint of a secret it received (RecordedRequest.mask)."""
    return f"<masked len={len(secret)} sha256={hashlib.sha256(secret.encode()).hexdigest()[:8]}>"


# --------------------------------------------------------------------------------------------------------------
# Messages


def chain_items(message: Optional[str]) -> Optional[list]:
    """The items of a default-chain failure (Python list repr), or None for another message."""
    if message is None or not message.startswith(CHAIN_PREFIX):
        return None
    try:
        items = ast.literal_eval(message[len(CHAIN_PREFIX):])
    except (ValueError, SyntaxError):
        return None
    return items if isinstance(items, list) and all(isinstance(i, str) for i in items) else None


def item_class(item: str) -> str:
    return item.split(": ", 1)[0] if ": " in item else "*"


def compare_text(rule: Any, py: str, ours: str, where: str) -> list:
    """One message (or chain item) under a rule: "exact", ("prefix", text), "body" or "embeds"."""
    if rule in (None, "exact"):
        return [] if py == ours else [f"{where}: message differs\n      python:    {py!r}\n      cloudcred: {ours!r}"]
    if isinstance(rule, tuple) and rule[0] == "prefix":
        prefix = rule[1]
        problems = []
        if not py.startswith(prefix):
            problems.append(f"{where}: python message does not start with {prefix!r}: {py!r}")
        if not ours.startswith(prefix):
            problems.append(f"{where}: message prefix differs\n      want prefix: {prefix!r}\n      cloudcred:   {ours!r}\n      (python:    {py!r})")
        return problems
    if rule == "embeds":
        # Python's text is a foreign parser's (json); cloudcred must carry the same parser text.
        tail = py.split(": ", 1)[1] if ": " in py else py
        head = py.split(": ", 1)[0] + ": " if ": " in py else ""
        if ours.startswith(head) and tail in ours:
            return []
        return [f"{where}: cloudcred does not carry Python's text\n      python:    {py!r}\n      cloudcred: {ours!r}"]
    if rule == "body":
        marker = "result: "
        pi, oi = py.find(marker), ours.find(marker)
        if pi < 0 or oi < 0:
            return [f"{where}: 'result: ' missing\n      python:    {py!r}\n      cloudcred: {ours!r}"]
        if py[:pi] != ours[:oi]:
            return [f"{where}: message up to 'result: ' differs\n      python:    {py[:pi]!r}\n      cloudcred: {ours[:oi]!r}"]
        code = re.compile(r'"Code"\s*:\s*"([^"]*)"')
        pc, oc = code.search(py[pi:]), code.search(ours[oi:])
        if pc and (not oc or oc.group(1) != pc.group(1)):
            return [f"{where}: body Code differs: python {pc.group(1)!r}, cloudcred {oc.group(1) if oc else None!r} ({ours[oi:]!r})"]
        return []
    raise ValueError(f"unknown message rule {rule!r}")


def compare_errors(scn, py: Outcome, ours: Outcome) -> list:
    rules = scn.items or {}
    pi, oi = chain_items(py.error), chain_items(ours.error)
    if pi is None or oi is None:
        if (pi is None) != (oi is None):
            return [f"error shape differs (chain vs single message)\n      python:    {py.error!r}\n      cloudcred: {ours.error!r}"]
        return compare_text(rules.get("*"), py.error, ours.error, "error")
    problems = []
    pc, oc = [item_class(i) for i in pi], [item_class(i) for i in oi]
    if pc != oc:
        return [f"chain providers differ\n      python:    {pc}\n      cloudcred: {oc}"
                + "".join(f"\n      python[{n}]:    {i!r}" for n, i in enumerate(pi))
                + "".join(f"\n      cloudcred[{n}]: {i!r}" for n, i in enumerate(oi))]
    for n, (a, b) in enumerate(zip(pi, oi)):
        problems += compare_text(rules.get(item_class(a)), a, b, f"chain item {n} ({item_class(a)})")
    return problems


def secret_leaks(scn, ours: Outcome, subst: dict) -> list:
    """cloudcred's error output must hold no secret: none the scenario knows, none the emulator issued."""
    text = "\n".join(t for t in (ours.error, ours.hint) if t)
    if not text:
        return []
    problems = []
    for secret in known_secrets(scn, subst):
        if secret in text:
            problems.append(f"cloudcred's error output contains the secret {secret[:4]}…")
    for pattern in SECRET_PATTERNS:
        hit = pattern.search(text)
        if hit:
            problems.append(f"cloudcred's error output contains a secret: {hit.group(0)[:40]}…")
    return problems


def python_leaks(py: Outcome) -> bool:
    return any(p.search(py.error or "") for p in SECRET_PATTERNS)


def known_secrets(scn, subst: dict) -> set:
    from harness import AK_SECRET, RSA_PRIVATE_KEY, render

    secrets = {AK_SECRET, RSA_PRIVATE_KEY.strip()} | set(scn.secrets or [])
    env = render(scn.env, subst)
    for key, value in env.items():
        if value and any(w in key for w in ("SECRET", "TOKEN")) and not key.endswith("_FILE"):
            secrets.add(value)

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                if isinstance(v, str) and re.search(r"secret|token", str(k), re.I) and "file" not in str(k).lower() \
                        and "expire" not in str(k).lower():
                    secrets.add(v)
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(scn.files)
    return {s for s in secrets if isinstance(s, str) and len(s) >= 8}


# --------------------------------------------------------------------------------------------------------------
# Requests


def norm_host(host: str) -> str:
    host = (host or "").lower()
    for scheme in ("http://", "https://"):
        if host.startswith(scheme):
            host = host[len(scheme):]
    host = host.split("/", 1)[0]
    if re.match(r"^[^\[]*:\d+$", host):
        name, port = host.rsplit(":", 1)
        if port in ("80", "443") or not re.match(r"^\d+\.\d+\.\d+\.\d+$|^localhost$", name):
            host = name
    return host


def classify_key(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    if value.startswith("STS."):
        return "<issued STS AccessKeyId>"
    if value.startswith("TMPSK."):
        return "<issued session AccessKeyId>"
    return value


def presence(fields: dict, name: str) -> str:
    if name not in fields:
        return "absent"
    return "present" if fields[name] else "empty"


def request_view(record: dict) -> dict:
    endpoint = record["endpoint"]
    params = {f["name"]: f["value"] for f in record.get("query", []) + record.get("form", [])}
    headers = {h["name"].lower(): h["value"] for h in record.get("headers", [])}
    view: dict = {"method": record["method"], "path": record["path"], "status": record["status"]}
    if record.get("errorCode"):
        view["errorCode"] = record["errorCode"]
    if endpoint == "sts":
        view["host"] = norm_host(record["host"])
        view["params"] = sorted(params)
        for key in ("Action", "Version", "Format", "RoleArn", "RoleSessionName", "DurationSeconds", "Policy",
                    "ExternalId", "OIDCProviderArn", "OIDCToken", "SignatureMethod", "SignatureVersion"):
            if key in params:
                view[key] = params[key]
        view["AccessKeyId"] = classify_key(params.get("AccessKeyId"))
        view["SecurityToken"] = presence(params, "SecurityToken")
        view["signatureEncoding"] = record.get("annotations", {}).get("signatureEncoding")
    elif endpoint == "ecs-metadata":
        view["host"] = norm_host(record["host"])
        view["token header"] = presence(headers, "x-aliyun-ecs-metadata-token")
        view["ttl header"] = headers.get("x-aliyun-ecs-metadata-token-ttl-seconds")
    elif endpoint == "credentials-uri":
        view["host header"] = record["host"]
        view["query"] = [(f["name"], f["value"]) for f in record.get("query", [])]
    elif endpoint == "oauth":
        view["host"] = norm_host(record["host"])
        view["form"] = sorted(params)
        for key in ("grant_type", "client_id"):
            if key in params:
                view[key] = params[key]
        view["authorization"] = presence(headers, "authorization")
        view["content-type"] = (headers.get("content-type") or "").split(";")[0].strip().lower() or None
    elif endpoint == "cloudsso":
        view["host"] = norm_host(record["host"])
        view["authorization"] = presence(headers, "authorization")
    else:
        view["host"] = norm_host(record["host"])
    return view


def normalise_views(scn, side: str, views: dict, problems: list) -> None:
    """Applies the scenario's deliberate request differences, checking each side's form of them."""
    diffs = set(scn.diffs or [])
    for view in views.get("sts", []):
        name = view.get("RoleSessionName")
        if "default-session-name" in diffs and name is not None:
            want = r"credentials-python-\d+" if side == "python" else r"credentials-swift-\d+"
            if re.fullmatch(want, name):
                view["RoleSessionName"] = "<default session name>"
            else:
                problems.append(f"{side}: default RoleSessionName {name!r} does not match {want}")
        encoding = view.get("signatureEncoding")
        if "signature-space-encoding" in diffs and encoding is not None:
            want = "plus" if side == "python" else "percent20"
            if encoding == want:
                view["signatureEncoding"] = "<space encoding>"
            else:
                problems.append(f"{side}: signature space encoding {encoding!r}, expected {want!r}")
        token = view.get("OIDCToken")
        if "oidc-token-trim" in diffs and token is not None:
            sent = scn.oidc_token + "\n" if side == "python" else scn.oidc_token
            if token == mask(sent):
                view["OIDCToken"] = "<oidc token>"
            else:
                problems.append(f"{side}: OIDCToken received {token}, expected the fingerprint of {sent!r} ({mask(sent)})")


def group_views(records: list) -> dict:
    views: dict = {}
    for record in sorted(records, key=lambda r: r["sequence"]):
        views.setdefault(record["endpoint"], []).append(request_view(record))
    return views


def compare_requests(scn, py: Outcome, ours: Outcome) -> list:
    problems: list = []
    if py.counters != ours.counters:
        keys = sorted(k for k in set(py.counters) | set(ours.counters) if py.counters.get(k) != ours.counters.get(k))
        problems.append("request counts differ: " + ", ".join(
            f"{k} python={py.counters.get(k)} cloudcred={ours.counters.get(k)}" for k in keys))
    pv, ov = group_views(py.records), group_views(ours.records)
    normalise_views(scn, "python", pv, problems)
    normalise_views(scn, "cloudcred", ov, problems)
    for endpoint in sorted(set(pv) | set(ov)):
        a, b = pv.get(endpoint, []), ov.get(endpoint, [])
        for n in range(max(len(a), len(b))):
            ra = a[n] if n < len(a) else None
            rb = b[n] if n < len(b) else None
            if ra == rb:
                continue
            if ra is None or rb is None:
                problems.append(f"{endpoint} request {n + 1}: python={ra} cloudcred={rb}")
                continue
            fields = sorted(k for k in set(ra) | set(rb) if ra.get(k) != rb.get(k))
            problems.append(f"{endpoint} request {n + 1} ({ra.get('Action') or ra.get('method')} {ra.get('path')}): " + "; ".join(
                f"{k}: python={ra.get(k)!r} cloudcred={rb.get(k)!r}" for k in fields))
    return problems


# --------------------------------------------------------------------------------------------------------------
# Credentials


def is_issued(creds: Optional[dict]) -> bool:
    return bool(creds) and (creds.get("access_key_id") or "").startswith(ISSUED_PREFIXES)


def identity_view(identity: Optional[dict]) -> Any:
    if not identity:
        return None
    body = identity.get("body") or {}
    if identity.get("status") != 200:
        return f"rejected: HTTP {identity.get('status')} {body.get('Code')}"
    return {k: body.get(k) for k in ("IdentityType", "AccountId", "Arn")}


def compare_success(scn, py: Outcome, ours: Outcome) -> list:
    problems = []
    for key in ("provider_name", "type"):
        if py.creds.get(key) != ours.creds.get(key):
            problems.append(f"{key}: python={py.creds.get(key)!r} cloudcred={ours.creds.get(key)!r}")
    if is_issued(py.creds) or is_issued(ours.creds):
        for side in (py, ours):
            if not is_issued(side.creds):
                problems.append(f"{side.side}: credentials are not emulator-issued: {side.creds.get('access_key_id')!r}")
            elif identity_view(side.identity) is None or isinstance(identity_view(side.identity), str):
                problems.append(f"{side.side}: emulator does not accept the credentials: {identity_view(side.identity)}")
        if identity_view(py.identity) != identity_view(ours.identity):
            problems.append(f"identity differs: python={identity_view(py.identity)} cloudcred={identity_view(ours.identity)}")
        pt, ot = py.creds.get("security_token"), ours.creds.get("security_token")
        if (pt is None, pt == "") != (ot is None, ot == ""):
            problems.append(f"security_token kind differs: python={_kind(pt)} cloudcred={_kind(ot)}")
        if ours.expiration is None:
            problems.append("cloudcred: expiration is null for emulator-issued credentials")
    else:
        for key in ("access_key_id", "access_key_secret", "security_token"):
            if py.creds.get(key) != ours.creds.get(key):
                problems.append(f"{key}: python={py.creds.get(key)!r} cloudcred={ours.creds.get(key)!r}")
        provider = ours.creds.get("provider_name") or ""
        if re.search(r"(^|/)(env|static_ak|static_sts)$", provider) and ours.expiration is not None:
            problems.append(f"cloudcred: expiration {ours.expiration!r} for static credentials")
    return problems


def _kind(token: Optional[str]) -> str:
    return "None" if token is None else ('""' if token == "" else "set")


# --------------------------------------------------------------------------------------------------------------
# Expectations (vector checks on the Python side; exact cloudcred behaviour for deliberate differences)


def check_expectation(expect, outcome: Outcome, subst: dict) -> list:
    from harness import render

    label = outcome.side
    problems = []
    if expect.kind == "ok":
        if not outcome.ok:
            return [f"{label}: expected success ({expect.provider}), got error {outcome.error!r}"]
        if expect.provider and outcome.creds.get("provider_name") != expect.provider:
            problems.append(f"{label}: provider {outcome.creds.get('provider_name')!r}, expected {expect.provider!r}")
        for key, want in (("access_key_id", expect.ak), ("access_key_secret", expect.sk)):
            if want is not None and outcome.creds.get(key) != render(want, subst):
                problems.append(f"{label}: {key} {outcome.creds.get(key)!r}, expected {want!r}")
        if expect.token is not Ellipsis:
            got = outcome.creds.get("security_token")
            if expect.token == "<set>":
                if not got:
                    problems.append(f"{label}: security_token {got!r}, expected a token")
            elif got != expect.token:
                problems.append(f"{label}: security_token {got!r}, expected {expect.token!r}")
        if expect.issued is not None and is_issued(outcome.creds) != expect.issued:
            problems.append(f"{label}: credentials {'not ' if expect.issued else ''}emulator-issued: {outcome.creds.get('access_key_id')!r}")
        if expect.issued and isinstance(identity_view(outcome.identity), str):
            problems.append(f"{label}: emulator does not accept the credentials: {identity_view(outcome.identity)}")
    else:
        if outcome.ok:
            return [f"{label}: expected an error, got success {outcome.creds}"]
        message = outcome.error or ""
        want = render(expect.exact, subst) if expect.exact is not None else None
        if want is not None and message != want:
            got_items, want_items = chain_items(message), chain_items(want)
            if got_items and want_items and len(got_items) == len(want_items):
                for n, (g, w) in enumerate(zip(got_items, want_items)):
                    if g != w:
                        problems.append(f"{label}: chain item {n}\n      got:  {g!r}\n      want: {w!r}")
            else:
                problems.append(f"{label}: message\n      got:  {message!r}\n      want: {want!r}")
        texts = [message] + (chain_items(message) or [])
        for text in expect.contains:
            if not any(render(text, subst) in t for t in texts):
                problems.append(f"{label}: message lacks {render(text, subst)!r}: {message!r}")
        for text in expect.absent:
            if any(render(text, subst) in t for t in texts):
                problems.append(f"{label}: message contains {render(text, subst)!r}: {message!r}")
        if expect.cls and outcome.error_class != expect.cls:
            problems.append(f"{label}: exception class {outcome.error_class!r}, expected {expect.cls!r}")
        if expect.items is not None:
            items = chain_items(message)
            if items is None or len(items) != expect.items:
                problems.append(f"{label}: expected {expect.items} chain items, got {None if items is None else len(items)}")
    for endpoint, want in (expect.requests or {}).items():
        views = group_views(outcome.records).get(endpoint, [])
        if isinstance(want, int):
            if len(views) != want:
                problems.append(f"{label}: {len(views)} {endpoint} requests, expected {want}")
            continue
        if len(views) != len(want):
            problems.append(f"{label}: {len(views)} {endpoint} requests, expected {len(want)}")
        for n, (view, fields) in enumerate(zip(views, want)):
            for key, value in fields.items():
                if view.get(key) != render(value, subst):
                    problems.append(f"{label}: {endpoint} request {n + 1} {key}={view.get(key)!r}, expected {value!r}")
    return problems


# --------------------------------------------------------------------------------------------------------------
# Files written back (OAuth/External write-back into config.json)


def shape(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [shape(v) for v in value]
    return type(value).__name__


def compare_files(scn, py: Outcome, ours: Outcome) -> list:
    problems = []
    for rel in scn.files_back or []:
        a, b = py.files.get(rel), ours.files.get(rel)
        if scn.files_back_mode == "shape":
            a = {k: shape(v) for k, v in (a or {}).items()}
            b = {k: shape(v) for k, v in (b or {}).items()}
        if a != b:
            problems.append(f"{rel} after the run differs\n      python:    {a}\n      cloudcred: {b}")
    return problems


# --------------------------------------------------------------------------------------------------------------


def compare(scn, py: Outcome, ours: Outcome, subst: dict, differences: dict) -> list:
    """All problems of one scenario (empty = pass)."""
    problems = []
    for side in (py, ours):
        if side.harness_problem:
            problems.append(f"{side.side}: {side.harness_problem}")
    if problems:
        return problems
    if scn.py is not None:
        problems += [f"python (vector {scn.id}): " + p for p in check_expectation(scn.py, py, subst)]
    outcome_diffs = [d for d in scn.diffs or [] if differences[d]["kind"] == "outcome"]
    if outcome_diffs:
        if scn.ours is None:
            raise ValueError(f"{scn.id}: an outcome difference needs an `ours` expectation")
        problems += check_expectation(scn.ours, ours, subst)
    else:
        if scn.ours is not None:
            problems += check_expectation(scn.ours, ours, subst)
        if py.ok != ours.ok:
            problems.append(
                f"outcome differs: python {'ok ' + str(py.creds.get('provider_name')) if py.ok else 'error ' + repr(py.error)}"
                f" / cloudcred {'ok ' + str(ours.creds.get('provider_name')) if ours.ok else 'error ' + repr(ours.error)}")
        elif py.ok:
            problems += compare_success(scn, py, ours)
        else:
            problems += compare_errors(scn, py, ours)
        problems += compare_requests(scn, py, ours)
        problems += compare_files(scn, py, ours)
    problems += secret_leaks(scn, ours, subst)
    if scn.py_leaks and not python_leaks(py):
        problems.append("python (vector): expected Python's message to quote a secret from the body (the difference"
                        f" this scenario shows), got {py.error!r}")
    return problems
