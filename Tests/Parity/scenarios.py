"""The parity scenarios and the deliberate differences.

Every scenario runs the Python library (`Client().get_credential()`, default chain) and
`cloudcred credentials --json --reveal` with the same environment and files, against one emulator.
Placeholders in env values and file contents: @HOME@ (the throw-away HOME), @ROOT@ (the scenario's directory,
parent of HOME), @EMU@ (`http://127.0.0.1:PORT`), @PORT@, @NONCE@ (fresh for each side's run).

`py` is the vector expectation for the Python side (the reference document's §8.2 tables): it proves the
scenario drives the Python library where it claims to. `ours` is the exact expected cloudcred behaviour, given
where cloudcred deliberately differs. `diffs` names the deliberate differences a scenario shows (DIFFERENCES).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from compare import mask
from harness import Rel
from harness import AK_ID, AK_SECRET, ECS_ROLE, OIDC_PROVIDER_ARN, ROLE_ARN, RSA_PRIVATE_KEY, RSA_PUBLIC_KEY_ID


@dataclass
class Expect:
    kind: str                      # "ok" or "err"
    provider: Optional[str] = None
    ak: Optional[str] = None
    sk: Optional[str] = None
    token: Any = Ellipsis          # Ellipsis: not checked; "<set>": any non-empty token; else exact (None, "")
    issued: Optional[bool] = None
    exact: Optional[str] = None
    contains: tuple = ()
    absent: tuple = ()
    cls: Optional[str] = None
    items: Optional[int] = None
    requests: Optional[dict] = None  # endpoint -> count, or a list of {field: value} per request


def ok(provider: Optional[str] = None, **kw) -> Expect:
    return Expect("ok", provider=provider, **kw)


def err(*contains: str, **kw) -> Expect:
    return Expect("err", contains=contains, **kw)


@dataclass
class Scenario:
    id: str
    title: str
    env: dict = field(default_factory=dict)
    files: dict = field(default_factory=dict)
    faults: list = field(default_factory=list)
    ecs: bool = False              # keep the ECS step in the chain (HTTP_PROXY points Python at the emulator)
    cli_args: list = field(default_factory=list)
    py_env: dict = field(default_factory=dict)  # Python-only env (the equivalent of cli_args)
    py: Optional[Expect] = None
    ours: Optional[Expect] = None
    items: Optional[dict] = None   # chain-item class -> rule ("prefix", text) | "body" | "embeds"; "*" = whole message
    diffs: list = field(default_factory=list)
    oidc_token: Optional[str] = None
    files_back: list = field(default_factory=list)
    files_back_mode: str = "exact"
    secrets: list = field(default_factory=list)
    py_leaks: bool = False         # Python's message quotes a secret (the no-secrets difference)


# ---------------------------------------------------------------------------------------------------------------
# Deliberate differences. kind "outcome": each side is checked against its own expectation; kind "normalise": the
# two sides are compared strictly after the named field is checked and normalised on each side.

DIFFERENCES = {
    "expired-seconds-zero": dict(
        kind="outcome", title="`expired_seconds: 0` in a config.json role profile",
        python="ValueError `session duration should be in the range of 900s - max session duration`",
        cloudcred="0 means the default: AssumeRole/AssumeRoleWithOIDC with `DurationSeconds=3600`",
        reason="aliyun CLI writes `expired_seconds: 0` for \"not set\"; failing on the CLI's own files helps nobody"),
    "source-profile-cycle": dict(
        kind="outcome", title="`source_profile` cycle in config.json",
        python="`RecursionError` (`maximum recursion depth exceeded ...`) as the CLI item",
        cloudcred="`source_profile cycle in cli credentials file: a -> b -> a` (with a hint)",
        reason="a clear error naming the cycle instead of an interpreter crash text"),
    "credentials-uri-mode": dict(
        kind="outcome", title="config.json profile mode `CredentialsURI`",
        python="`unsupported profile mode 'CredentialsURI' form cli credentials file.`",
        cloudcred="supported: `default/cli_profile/credential_uri` from `credentials_uri`",
        reason="aliyun CLI writes this mode; credentials-go supports it"),
    "cloudsso-no-expiry": dict(
        kind="outcome", title="CloudSSO profile with an access token but no `cloud_sso_access_token_expire`",
        python="`TypeError: unsupported operand type(s) for -: 'NoneType' and 'int'`",
        cloudcred="`CloudSSO access token is empty or expired, please re-login with cli`",
        reason="a clear, actionable error instead of a Python type error"),
    "oidc-token-trim": dict(
        kind="normalise", title="OIDC token file ending in a newline",
        python="sends the file verbatim (`OIDCToken=...%0A`)",
        cloudcred="trailing line breaks trimmed before sending (the emulator receives the bare token)",
        reason="token files written by `echo`/editors end in a newline that STS may reject"),
    "ini-percent": dict(
        kind="outcome", title="a lone `%` in a credentials.ini value",
        python="`InterpolationSyntaxError` (`'%' must be followed by '%' or '(' ...`), the profile is unusable",
        cloudcred="kept literally (`%%` and `%(name)s` still interpolate)",
        reason="secrets and URLs contain `%` far more often than anyone uses interpolation"),
    "config-not-object": dict(
        kind="outcome", title="config.json whose top level is not an object (e.g. `[]`)",
        python="`'list' object has no attribute 'get'` (an interpreter error)",
        cloudcred="`failed to parse credential form cli credentials file: <path>` (hint: the file must hold a JSON object)",
        reason="the library's own message for a malformed file, instead of a Python attribute error"),
    "numeric-string-duration": dict(
        kind="outcome", title="`expired_seconds` given as a numeric string (`\"1800\"`)",
        python="`'<' not supported between instances of 'str' and 'int'`",
        cloudcred="the number is used: AssumeRole with `DurationSeconds=1800`",
        reason="hand-edited files quote numbers; the value is unambiguous"),
    "expiration-wrong-type": dict(
        kind="outcome", title="a server answer whose `Expiration` is not a string",
        python="`strptime() argument 0 must be str, not <class 'int'>`",
        cloudcred="`error retrieving credentials from <provider>: the Expiration field is missing or not a string`",
        reason="names the field and the provider instead of a Python type error"),
    "ini-syntax-message": dict(
        kind="outcome", title="credentials.ini that configparser cannot parse (duplicate key/section, no header)",
        python="configparser's text, e.g. `While reading from '<path>' [line  4]: option 'x' in section 'y' already exists`,"
               " or for a missing header the offending line itself (which may hold a secret)",
        cloudcred="`failed to parse credentials file <path>, line <n>: <reason> (<Python exception name>)`, never the line's content",
        reason="one line, names file and line, never quotes a secret"),
    "no-secrets-in-errors": dict(
        kind="normalise", title="server bodies quoted in error messages (STS, credentials URI)",
        python="the raw response body after `result: ` (it can hold AccessKeySecret/SecurityToken)",
        cloudcred="identical text up to `result: `, then the body with secret-looking fields masked (`******`)",
        reason="error messages end up in logs and CI output; they must never carry a secret"),
    "uri-secret-masked": dict(
        kind="outcome", title="credentials URI with a secret-looking query parameter, in error messages",
        python="the URI verbatim (`...?token=<value>`)",
        cloudcred="the value masked (`...?token=******`)",
        reason="error messages must never carry a secret"),
    "default-session-name": dict(
        kind="normalise", title="default RoleSessionName",
        python="`credentials-python-<epoch seconds>`", cloudcred="`credentials-swift-<epoch seconds>`",
        reason="the session name tells the role's owner which SDK made the call (Go: credentials-go-, Java: credentials-java-)"),
    "signature-space-encoding": dict(
        kind="normalise", title="space in a signed STS parameter (e.g. a pretty-printed Policy)",
        python="signs with `+` for spaces (quote_plus; non-standard POP)",
        cloudcred="signs with the standard `%20` (as Go/Java); the emulator accepts both and records which verified",
        reason="the standard encoding is what STS documents and verifies"),
    "config-file-env": dict(
        kind="outcome", title="`ALIBABA_CLOUD_CONFIG_FILE`",
        python="ignored (always `~/.aliyun/config.json`)", cloudcred="names the aliyun CLI config file (as credentials-go)",
        reason="compatibility with credentials-go and aliyun CLI users who keep the file elsewhere"),
    "no-proxy": dict(
        kind="outcome", title="`NO_PROXY`",
        python="ignored: `HTTP_PROXY` applies even to hosts listed in `NO_PROXY`",
        cloudcred="honoured (a listed host is contacted directly)",
        reason="standard proxy semantics; Python's behaviour is a known bug"),
}

# ---------------------------------------------------------------------------------------------------------------
# Building blocks

CONFIG = "home/.aliyun/config.json"
INI = "home/.alibabacloud/credentials.ini"
CLI_ITEM = "CLIProfileCredentialsProvider: "
INI_ITEM = "ProfileCredentialsProvider: "
ENV_ID_EMPTY = "EnvironmentVariableCredentialsProvider: Environment variable accessKeyId cannot be empty"
ENV_SECRET_EMPTY = "EnvironmentVariableCredentialsProvider: Environment variable accessKeySecret cannot be empty"
CLI_NO_FILE = "CLIProfileCredentialsProvider: unable to open credentials file: @HOME@/.aliyun/config.json"
CLI_DISABLED = "CLIProfileCredentialsProvider: cli credentials file is disabled"
INI_NO_FILE = "ProfileCredentialsProvider: failed to get credential from credentials file: $@HOME@/.alibabacloud/credentials.ini"
CHAIN = "unable to load credentials from any of the providers in the chain: "
NO_CLI = {"ALIBABA_CLOUD_CLI_PROFILE_DISABLED": "true"}
OIDC_TOKEN = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJwYXJpdHkiLCJpc3MiOiJodHRwczovL29pZGMucGFyaXR5In0.c2ln"
OIDC_ENV = {
    "ALIBABA_CLOUD_ROLE_ARN": ROLE_ARN, "ALIBABA_CLOUD_OIDC_PROVIDER_ARN": OIDC_PROVIDER_ARN,
    "ALIBABA_CLOUD_OIDC_TOKEN_FILE": "@ROOT@/oidc/token",
}
URI = "@EMU@/credentials"
COMPACT_POLICY = '{"Version":"1","Statement":[{"Effect":"Allow","Action":["sts:AssumeRole"],"Resource":["*"]}]}'
SPACED_POLICY = '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["*"], "Resource": ["*"]}]}'
ISSUED = dict(issued=True, token="<set>")


def cfg(*profiles: dict, current: Optional[str] = None) -> dict:
    doc: dict = {}
    if current is not None:
        doc["current"] = current
    doc["profiles"] = list(profiles)
    return doc


def ak(name: str = "p", ak_id: str = "cliAkId0001", secret: str = "cliSecret0001") -> dict:
    return {"name": name, "mode": "AK", "access_key_id": ak_id, "access_key_secret": secret}


def role(name: str = "r", **extra) -> dict:
    profile = {"name": name, "mode": "RamRoleArn", "access_key_id": AK_ID, "access_key_secret": AK_SECRET,
               "ram_role_arn": ROLE_ARN, "ram_session_name": "parity-session"}
    profile.update(extra)
    return {k: v for k, v in profile.items() if v is not None}


def oidc_profile(name: str = "o", **extra) -> dict:
    profile = {"name": name, "mode": "OIDC", "ram_role_arn": ROLE_ARN, "oidc_provider_arn": OIDC_PROVIDER_ARN,
               "oidc_token_file": "@ROOT@/oidc/token", "role_session_name": "parity-oidc"}
    profile.update(extra)
    return {k: v for k, v in profile.items() if v is not None}


def external(script: str, name: str = "x") -> dict:
    """A config.json with an External profile and its script (run by absolute path, without a shell)."""
    return {CONFIG: cfg({"name": name, "mode": "External", "process_command": "@ROOT@/bin/ext.sh"}, current=name),
            "bin/ext.sh": ("exec", "#!/bin/sh\n" + script + "\n")}


def assume(**fields) -> dict:
    return {"Action": "AssumeRole", **fields}


S = Scenario
SCENARIOS: list = []


def add(*scenarios: Scenario) -> None:
    SCENARIOS.extend(scenarios)


# ---------------------------------------------------------------------------------------------------------------
# Environment variables (V1-V4, V24)

ENV_AK = {"ALIBABA_CLOUD_ACCESS_KEY_ID": "envAkId0001", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": "envSecret0001"}
add(
    S("V1", "env AK", env=ENV_AK, py=ok("default/env", ak="envAkId0001", sk="envSecret0001", token=None)),
    S("V2", "env AK + security token", env={**ENV_AK, "ALIBABA_CLOUD_SECURITY_TOKEN": "envToken0001"},
      py=ok("default/env", token="envToken0001")),
    S("V3", "env AK + empty security token", env={**ENV_AK, "ALIBABA_CLOUD_SECURITY_TOKEN": ""},
      py=ok("default/env", token="")),
    S("V4", "env: only the AccessKey id", env={"ALIBABA_CLOUD_ACCESS_KEY_ID": "envAkId0001"},
      py=err(exact=CHAIN + repr([ENV_SECRET_EMPTY, CLI_NO_FILE, INI_NO_FILE]))),
    S("E-only-secret", "env: only the secret", env={"ALIBABA_CLOUD_ACCESS_KEY_SECRET": "envSecret0001"},
      py=err(ENV_ID_EMPTY, items=3)),
    S("E-empty-both", "env: id and secret set but empty",
      env={"ALIBABA_CLOUD_ACCESS_KEY_ID": "", "ALIBABA_CLOUD_ACCESS_KEY_SECRET": ""}, py=err(ENV_ID_EMPTY)),
    S("E-env-first", "env wins over config.json and credentials.ini", env=ENV_AK,
      files={CONFIG: cfg(ak(), current="p"), INI: "[default]\ntype = access_key\naccess_key_id = iniAk\naccess_key_secret = iniSecret0001\n"},
      py=ok("default/env")),
    S("V24", "nothing configured", py=err(exact=CHAIN + repr([ENV_ID_EMPTY, CLI_NO_FILE, INI_NO_FILE]))),
)

# ---------------------------------------------------------------------------------------------------------------
# Chain order and switches

INI_AK = "[default]\ntype = access_key\naccess_key_id = iniAkId0001\naccess_key_secret = iniSecret0001\n"
add(
    S("C-cli-before-ini", "config.json wins over credentials.ini", files={CONFIG: cfg(ak(), current="p"), INI: INI_AK},
      py=ok("default/cli_profile/static_ak", ak="cliAkId0001")),
    S("C-cli-disabled", "ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true skips config.json", env=NO_CLI,
      files={CONFIG: cfg(ak(), current="p"), INI: INI_AK}, py=ok("default/profile/static_ak", ak="iniAkId0001")),
    S("C-cli-disabled-1", "ALIBABA_CLOUD_CLI_PROFILE_DISABLED=1 is not true", env={"ALIBABA_CLOUD_CLI_PROFILE_DISABLED": "1"},
      files={CONFIG: cfg(ak(), current="p"), INI: INI_AK}, py=ok("default/cli_profile/static_ak")),
    S("C-cli-fails-ini-answers", "a failing config.json profile does not stop the chain",
      files={CONFIG: cfg(ak(), current="missing"), INI: INI_AK}, py=ok("default/profile/static_ak")),
    S("C-ecs-disabled-yes", "ALIBABA_CLOUD_ECS_METADATA_DISABLED=yes is not true: ECS answers", ecs=True,
      env={"ALIBABA_CLOUD_ECS_METADATA_DISABLED": "yes"}, py=ok("default/ecs_ram_role", **ISSUED)),
    S("C-all-fail-ecs", "everything fails, ECS included (no RAM role on the instance)", ecs=True,
      faults=[{"endpoint": "ecs-metadata", "path": "/latest/meta-data/ram/security-credentials/", "status": 404}],
      py=err("EcsRamRoleCredentialsProvider: Failed to get RAM session credentials from ECS metadata service. HttpCode=404", items=4)),
    S("C-profile-env-cli", "ALIBABA_CLOUD_PROFILE selects the config.json profile",
      env={"ALIBABA_CLOUD_PROFILE": "second"}, files={CONFIG: cfg(ak("first"), ak("second", "cliAkId0002", "cliSecret0002"), current="first")},
      py=ok("default/cli_profile/static_ak", ak="cliAkId0002")),
    S("C-profile-flag", "`--profile second` = ALIBABA_CLOUD_PROFILE=second", cli_args=["--profile", "second"],
      py_env={"ALIBABA_CLOUD_PROFILE": "second"},
      files={CONFIG: cfg(ak("first"), ak("second", "cliAkId0002", "cliSecret0002"), current="first")},
      py=ok("default/cli_profile/static_ak", ak="cliAkId0002")),
    S("C-profile-empty-cli", "ALIBABA_CLOUD_PROFILE set but empty: config.json falls back to `current`",
      env={"ALIBABA_CLOUD_PROFILE": ""}, files={CONFIG: cfg(ak("first"), current="first")},
      py=ok("default/cli_profile/static_ak")),
    S("C-profile-empty-ini", "ALIBABA_CLOUD_PROFILE set but empty: credentials.ini looks for section ''",
      env={**NO_CLI, "ALIBABA_CLOUD_PROFILE": ""}, files={INI: INI_AK},
      py=err(exact=CHAIN + repr([ENV_ID_EMPTY, CLI_DISABLED, INI_NO_FILE]))),
    S("C-profile-env-ini", "ALIBABA_CLOUD_PROFILE selects the credentials.ini section", env={**NO_CLI, "ALIBABA_CLOUD_PROFILE": "work"},
      files={INI: INI_AK + "\n[work]\ntype = access_key\naccess_key_id = iniAkWork\naccess_key_secret = iniSecretWork01\n"},
      py=ok("default/profile/static_ak", ak="iniAkWork")),
    S("C-profile-missing-both", "ALIBABA_CLOUD_PROFILE names a profile neither file has", env={"ALIBABA_CLOUD_PROFILE": "ghost"},
      files={CONFIG: cfg(ak(), current="p"), INI: INI_AK},
      py=err(CLI_ITEM + "unable to get profile with 'ghost' form cli credentials file.", items=3)),
    S("V17", "ALIBABA_CLOUD_CREDENTIALS_FILE names the ini file", env={**NO_CLI, "ALIBABA_CLOUD_CREDENTIALS_FILE": "@ROOT@/x/custom.ini"},
      files={"x/custom.ini": INI_AK}, py=ok("default/profile/static_ak", ak="iniAkId0001")),
    S("C-credfile-empty", "ALIBABA_CLOUD_CREDENTIALS_FILE set but empty: the default path", env={**NO_CLI, "ALIBABA_CLOUD_CREDENTIALS_FILE": ""},
      files={INI: INI_AK}, py=ok("default/profile/static_ak")),
    S("C-credfile-missing", "ALIBABA_CLOUD_CREDENTIALS_FILE names a missing file", env={**NO_CLI, "ALIBABA_CLOUD_CREDENTIALS_FILE": "@ROOT@/nope.ini"},
      py=err(INI_ITEM + "failed to get credential from credentials file: $@ROOT@/nope.ini")),
    S("C-oidc-before-cli", "OIDC env (3 vars) wins over config.json", env={**OIDC_ENV, "ALIBABA_CLOUD_ROLE_SESSION_NAME": "parity-oidc"},
      files={"oidc/token": OIDC_TOKEN, CONFIG: cfg(ak(), current="p")}, py=ok("default/oidc_role_arn", **ISSUED)),
    S("C-uri-last", "credentials URI answers after everything else failed", env={"ALIBABA_CLOUD_CREDENTIALS_URI": URI},
      files={CONFIG: cfg(ak(), current="missing")}, py=ok("default/credential_uri", **ISSUED)),
)

# ---------------------------------------------------------------------------------------------------------------
# config.json modes

add(
    S("V5", "cli profile AK", files={CONFIG: cfg(ak(), current="p")},
      py=ok("default/cli_profile/static_ak", ak="cliAkId0001", sk="cliSecret0001", token=None)),
    S("V6", "cli profile StsToken via ALIBABA_CLOUD_PROFILE", env={"ALIBABA_CLOUD_PROFILE": "s"},
      files={CONFIG: cfg(ak(), {"name": "s", "mode": "StsToken", "access_key_id": "cliStsId", "access_key_secret": "cliStsSecret01",
                                "sts_token": "cliStsToken0001"}, current="p")},
      py=ok("default/cli_profile/static_sts", token="cliStsToken0001")),
    S("J-sts-no-token", "StsToken profile without sts_token",
      files={CONFIG: cfg({"name": "s", "mode": "StsToken", "access_key_id": "a1", "access_key_secret": "cliStsSecret01"}, current="s")},
      py=err(CLI_ITEM + "the security token is empty")),
    S("V13", "AK profile with empty keys falls back to env id (no env secret)", env={"ALIBABA_CLOUD_ACCESS_KEY_ID": "envak"},
      files={CONFIG: cfg(ak("p", "", ""), current="p")},
      py=err(ENV_SECRET_EMPTY, CLI_ITEM + "the access key secret is empty")),
    S("I-empty-keys", "ini access_key with empty keys and no env",
      env={**NO_CLI}, files={INI: "[default]\ntype = access_key\naccess_key_id =\naccess_key_secret =\n"},
      py=err(INI_ITEM + "the access key id is empty")),
    S("J-role", "RamRoleArn profile", files={CONFIG: cfg(role(), current="r")},
      py=ok("default/cli_profile/ram_role_arn/static_ak", **ISSUED,
            requests={"sts": [assume(RoleArn=ROLE_ARN, RoleSessionName="parity-session", DurationSeconds="3600",
                                     AccessKeyId=AK_ID, SecurityToken="absent")]})),
    S("J-role-policy-extid", "RamRoleArn with policy, external_id, expired_seconds",
      files={CONFIG: cfg(role(policy=COMPACT_POLICY, external_id="ext-parity-01", expired_seconds=900), current="r")},
      py=ok("default/cli_profile/ram_role_arn/static_ak", **ISSUED,
            requests={"sts": [assume(Policy=COMPACT_POLICY, ExternalId="ext-parity-01", DurationSeconds="900")]})),
    S("J-role-vpc", "RamRoleArn with sts_region + enable_vpc", files={CONFIG: cfg(role(sts_region="cn-shanghai", enable_vpc=True), current="r")},
      py=ok("default/cli_profile/ram_role_arn/static_ak", requests={"sts": [{"host": "sts-vpc.cn-shanghai.aliyuncs.com"}]})),
    S("J-role-region", "RamRoleArn with sts_region only", files={CONFIG: cfg(role(sts_region="cn-hangzhou"), current="r")},
      py=ok(requests={"sts": [{"host": "sts.cn-hangzhou.aliyuncs.com"}]})),
    S("J-role-vpc-string-false", "enable_vpc \"false\" (a string) is truthy", files={CONFIG: cfg(role(sts_region="cn-beijing", enable_vpc="false"), current="r")},
      py=ok(requests={"sts": [{"host": "sts-vpc.cn-beijing.aliyuncs.com"}]})),
    S("J-role-vpc-no-region", "enable_vpc without region: the global endpoint", files={CONFIG: cfg(role(enable_vpc=True), current="r")},
      py=ok(requests={"sts": [{"host": "sts.aliyuncs.com"}]})),
    S("J-role-env-region-vpc", "ALIBABA_CLOUD_STS_REGION + ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED",
      env={"ALIBABA_CLOUD_STS_REGION": "cn-shenzhen", "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED": "TRUE"}, files={CONFIG: cfg(role(), current="r")},
      py=ok(requests={"sts": [{"host": "sts-vpc.cn-shenzhen.aliyuncs.com"}]})),
    S("J-role-default-session", "RamRoleArn without ram_session_name", diffs=["default-session-name"],
      files={CONFIG: cfg(role(ram_session_name=None), current="r")}, py=ok("default/cli_profile/ram_role_arn/static_ak", **ISSUED)),
    S("J-role-env-session", "RamRoleArn session name from ALIBABA_CLOUD_ROLE_SESSION_NAME", env={"ALIBABA_CLOUD_ROLE_SESSION_NAME": "env-session"},
      files={CONFIG: cfg(role(ram_session_name=None), current="r")}, py=ok(requests={"sts": [{"RoleSessionName": "env-session"}]})),
    S("J-role-no-arn", "RamRoleArn without ram_role_arn", files={CONFIG: cfg(role(ram_role_arn=None), current="r")},
      py=err(CLI_ITEM + "role_arn or environment variable ALIBABA_CLOUD_ROLE_ARN cannot be empty")),
    S("J-role-env-arn", "RamRoleArn role ARN from ALIBABA_CLOUD_ROLE_ARN", env={"ALIBABA_CLOUD_ROLE_ARN": ROLE_ARN},
      files={CONFIG: cfg(role(ram_role_arn=None), current="r")}, py=ok(**ISSUED)),
    S("J-role-duration-string", "RamRoleArn expired_seconds given as a string", diffs=["numeric-string-duration"],
      files={CONFIG: cfg(role(expired_seconds="1800"), current="r")},
      py=err(CLI_ITEM + "'<' not supported between instances of 'str' and 'int'"),
      ours=ok("default/cli_profile/ram_role_arn/static_ak", **ISSUED, requests={"sts": [assume(DurationSeconds="1800")]})),
    S("J-role-short-duration", "RamRoleArn expired_seconds 100", files={CONFIG: cfg(role(expired_seconds=100), current="r")},
      py=err(CLI_ITEM + "session duration should be in the range of 900s - max session duration")),
    S("V9", "RamRoleArn expired_seconds 0", diffs=["expired-seconds-zero"], env={"ALIBABA_CLOUD_PROFILE": "p1"},
      files={CONFIG: cfg(role("p1", expired_seconds=0))},
      py=err(CLI_ITEM + "session duration should be in the range of 900s - max session duration"),
      ours=ok("default/cli_profile/ram_role_arn/static_ak", **ISSUED, requests={"sts": [assume(DurationSeconds="3600")]})),
    S("J-oidc-zero", "OIDC profile expired_seconds 0", diffs=["expired-seconds-zero"],
      files={"oidc/token": OIDC_TOKEN, CONFIG: cfg(oidc_profile(expired_seconds=0), current="o")},
      py=err(CLI_ITEM + "session duration should be in the range of 900s - max session duration"),
      ours=ok("default/cli_profile/oidc_role_arn", **ISSUED,
              requests={"sts": [{"Action": "AssumeRoleWithOIDC", "DurationSeconds": "3600"}]})),
    S("J-role-sts-404", "RamRoleArn: STS says the role does not exist", diffs=["no-secrets-in-errors"],
      items={"CLIProfileCredentialsProvider": "body"},
      files={CONFIG: cfg(role(ram_role_arn="acs:ram::1234567890123456:role/no-such-role"), current="r")},
      py=err(CLI_ITEM + "error refreshing credentials from ram_role_arn, http_code: 404, result: ")),
    S("J-role-bad-secret", "RamRoleArn: wrong AccessKey secret (SignatureDoesNotMatch)", diffs=["no-secrets-in-errors"],
      items={"CLIProfileCredentialsProvider": "body"}, files={CONFIG: cfg(role(access_key_secret="WrongSecret0001"), current="r")},
      py=err("http_code: 400", "SignatureDoesNotMatch")),
    S("J-role-too-long", "RamRoleArn: expired_seconds above the role's maximum", diffs=["no-secrets-in-errors"],
      items={"CLIProfileCredentialsProvider": "body"}, files={CONFIG: cfg(role(expired_seconds=7200), current="r")},
      py=err("InvalidParameter.DurationSeconds")),
    S("J-role-leak", "RamRoleArn: STS answer without SecurityToken (body holds the secret)", diffs=["no-secrets-in-errors"],
      items={"CLIProfileCredentialsProvider": "body"}, py_leaks=True, files={CONFIG: cfg(role(), current="r")},
      faults=[{"endpoint": "sts", "action": "AssumeRole", "missingFields": ["SecurityToken"]}],
      py=err(CLI_ITEM + "error retrieving credentials from ram_role_arn result: ")),
    S("J-role-malformed", "RamRoleArn: STS answer is not JSON", items={"CLIProfileCredentialsProvider": "embeds"},
      files={CONFIG: cfg(role(), current="r")}, faults=[{"endpoint": "sts", "action": "AssumeRole", "malformedBody": True}],
      py=err(CLI_ITEM + "Expecting value")),
    S("J-role-policy-spaces", "RamRoleArn with a pretty-printed policy (spaces)", diffs=["signature-space-encoding"],
      files={CONFIG: cfg(role(policy=SPACED_POLICY), current="r")}, py=ok(**ISSUED, requests={"sts": [assume(Policy=SPACED_POLICY)]})),
    S("J-chain", "ChainableRamRoleArn from an AK profile",
      files={CONFIG: cfg(ak("src", AK_ID, AK_SECRET), {"name": "c", "mode": "ChainableRamRoleArn", "source_profile": "src",
                                                        "ram_role_arn": ROLE_ARN, "ram_session_name": "chained"}, current="c")},
      py=ok("default/cli_profile/ram_role_arn/static_ak", **ISSUED, requests={"sts": [assume(AccessKeyId=AK_ID, RoleSessionName="chained")]})),
    S("J-chain-2", "ChainableRamRoleArn over a RamRoleArn profile (role chaining: 2 AssumeRole)",
      files={CONFIG: cfg(role("r"), {"name": "c", "mode": "ChainableRamRoleArn", "source_profile": "r", "ram_role_arn": ROLE_ARN,
                                     "ram_session_name": "second-hop", "expired_seconds": 1800}, current="c")},
      py=ok("default/cli_profile/ram_role_arn/ram_role_arn/static_ak", **ISSUED,
            requests={"sts": [assume(AccessKeyId=AK_ID, SecurityToken="absent"),
                              assume(AccessKeyId="<issued STS AccessKeyId>", SecurityToken="present", DurationSeconds="1800")]})),
    S("J-chain-sts-source", "ChainableRamRoleArn over a StsToken profile (SecurityToken sent; STS rejects the unknown key)",
      diffs=["no-secrets-in-errors"], items={"CLIProfileCredentialsProvider": "body"},
      files={CONFIG: cfg({"name": "s", "mode": "StsToken", "access_key_id": "STSunknownKey01", "access_key_secret": "stsSecret0001",
                          "sts_token": "stsToken00001"},
                         {"name": "c", "mode": "ChainableRamRoleArn", "source_profile": "s", "ram_role_arn": ROLE_ARN,
                          "ram_session_name": "from-sts"}, current="c")},
      py=err("InvalidAccessKeyId.NotFound", requests={"sts": [assume(SecurityToken="present")]})),
    S("V10", "ChainableRamRoleArn without source_profile",
      files={CONFIG: cfg({"name": "p3", "mode": "ChainableRamRoleArn", "ram_role_arn": ROLE_ARN}, current="p3")},
      py=err(CLI_ITEM + "invalid profile name")),
    S("J-chain-ghost", "ChainableRamRoleArn whose source_profile does not exist",
      files={CONFIG: cfg({"name": "c", "mode": "ChainableRamRoleArn", "source_profile": "ghost", "ram_role_arn": ROLE_ARN}, current="c")},
      py=err(CLI_ITEM + "unable to get profile with 'ghost' form cli credentials file.")),
    S("J-chain-cycle", "source_profile cycle a -> b -> a", diffs=["source-profile-cycle"],
      files={CONFIG: cfg({"name": "a", "mode": "ChainableRamRoleArn", "source_profile": "b", "ram_role_arn": ROLE_ARN},
                         {"name": "b", "mode": "ChainableRamRoleArn", "source_profile": "a", "ram_role_arn": ROLE_ARN}, current="a")},
      py=err(CLI_ITEM + "maximum recursion depth exceeded"),
      ours=err(exact=CHAIN + repr([ENV_ID_EMPTY, CLI_ITEM + "source_profile cycle in cli credentials file: a -> b -> a", INI_NO_FILE]))),
    S("J-ecs-mode", "EcsRamRole profile", ecs=True, files={CONFIG: cfg({"name": "e", "mode": "EcsRamRole", "ram_role_name": ECS_ROLE}, current="e")},
      py=ok("default/cli_profile/ecs_ram_role", **ISSUED, requests={"ecs-metadata": 2})),
    S("J-ecs-mode-disabled", "EcsRamRole profile with ECS disabled",
      files={CONFIG: cfg({"name": "e", "mode": "EcsRamRole", "ram_role_name": ECS_ROLE}, current="e")},
      py=err(CLI_ITEM + "IMDS credentials is disabled")),
    S("J-oidc-mode", "OIDC profile", files={"oidc/token": OIDC_TOKEN, CONFIG: cfg(oidc_profile(), current="o")},
      py=ok("default/cli_profile/oidc_role_arn", **ISSUED,
            requests={"sts": [{"Action": "AssumeRoleWithOIDC", "RoleSessionName": "parity-oidc"}]})),
    S("J-oidc-mode-no-provider", "OIDC profile without oidc_provider_arn",
      files={"oidc/token": OIDC_TOKEN, CONFIG: cfg(oidc_profile(oidc_provider_arn=None), current="o")},
      py=err(CLI_ITEM + "oidc_provider_arn or environment variable ALIBABA_CLOUD_OIDC_PROVIDER_ARN cannot be empty")),
    S("J-oidc-mode-missing-file", "OIDC profile whose token file is missing",
      items={"CLIProfileCredentialsProvider": ("prefix", CLI_ITEM + "[Errno 2] No such file or directory: ")},
      files={CONFIG: cfg(oidc_profile(oidc_token_file="@ROOT@/oidc/missing"), current="o")},
      py=err(CLI_ITEM + "[Errno 2] No such file or directory: '@ROOT@/oidc/missing'")),
    S("V11", "OAuth profile with oauth_site_type xx", files={CONFIG: cfg({"name": "oa", "mode": "OAuth", "oauth_site_type": "xx"}, current="oa")},
      py=err(CLI_ITEM + "Invalid OAuth site type, support CN or INTL")),
    S("J-oauth-persisted", "OAuth profile with saved, unexpired STS credentials: no request",
      files={CONFIG: cfg({"name": "oa", "mode": "OAuth", "oauth_site_type": "cn", "oauth_access_token": "oauthAccess0001",
                          "oauth_access_token_expire": Rel(7200), "access_key_id": "persistedAkId0001",
                          "access_key_secret": "persistedSecret01", "sts_token": "persistedToken01", "sts_expiration": Rel(7200)}, current="oa")},
      py=ok("default/cli_profile/oauth", ak="persistedAkId0001", token="persistedToken01")),
    S("J-oauth-exchange", "OAuth profile: access token valid for 1500 s: exchange only, written back",
      files={CONFIG: cfg({"name": "oa", "mode": "OAuth", "oauth_access_token": "oauthAccess@NONCE@",
                          "oauth_access_token_expire": Rel(1500), "oauth_refresh_token": "oauthRefresh@NONCE@"}, current="oa")},
      files_back=[CONFIG], files_back_mode="shape",
      py=ok("default/cli_profile/oauth", **ISSUED, requests={"oauth": [{"path": "/v1/exchange"}]})),
    S("J-oauth-refresh", "OAuth profile: access token expires in 900 s: refresh, then exchange, written back",
      files={CONFIG: cfg({"name": "oa", "mode": "OAuth", "oauth_access_token": "oauthAccess@NONCE@",
                          "oauth_access_token_expire": Rel(900), "oauth_refresh_token": "oauthRefresh@NONCE@"}, current="oa")},
      files_back=[CONFIG], files_back_mode="shape",
      py=ok("default/cli_profile/oauth", **ISSUED, requests={"oauth": [{"path": "/v1/token"}, {"path": "/v1/exchange"}]})),
    S("V12", "CloudSSO profile without access token",
      files={CONFIG: cfg({"name": "sso", "mode": "CloudSSO", "cloud_sso_sign_in_url": "https://signin-cn-shanghai.alibabacloudsso.com/device/login",
                          "cloud_sso_account_id": "1234567890123456", "cloud_sso_access_config": "ac-parity0001"}, current="sso")},
      py=err(CLI_ITEM + "CloudSSO access token is empty or expired, please re-login with cli")),
    S("J-sso-expired", "CloudSSO profile with an expired access token",
      files={CONFIG: cfg({"name": "sso", "mode": "CloudSSO", "cloud_sso_sign_in_url": "https://signin-cn-shanghai.alibabacloudsso.com/device/login",
                          "cloud_sso_account_id": "1234567890123456", "cloud_sso_access_config": "ac-parity0001",
                          "access_token": "ssoAccessToken01", "cloud_sso_access_token_expire": Rel(-10)}, current="sso")},
      py=err(CLI_ITEM + "CloudSSO access token is empty or expired, please re-login with cli")),
    S("J-sso-no-url", "CloudSSO profile without sign-in URL",
      files={CONFIG: cfg({"name": "sso", "mode": "CloudSSO", "cloud_sso_account_id": "1234567890123456",
                          "cloud_sso_access_config": "ac-parity0001", "access_token": "ssoAccessToken01",
                          "cloud_sso_access_token_expire": Rel(3600)}, current="sso")},
      py=err(CLI_ITEM + "CloudSSO sign in url or account id or access config is empty")),
    S("J-sso", "CloudSSO profile: credentials from the portal",
      files={CONFIG: cfg({"name": "sso", "mode": "CloudSSO", "cloud_sso_sign_in_url": "https://signin-cn-shanghai.alibabacloudsso.com/device/login",
                          "cloud_sso_account_id": "1234567890123456", "cloud_sso_access_config": "ac-parity0001",
                          "access_token": "ssoAccessToken01", "cloud_sso_access_token_expire": Rel(3600)}, current="sso")},
      py=ok("default/cli_profile/cloud_sso", **ISSUED, requests={"cloudsso": 1})),
    S("J-sso-no-expiry", "CloudSSO profile with a token but no expiry", diffs=["cloudsso-no-expiry"],
      files={CONFIG: cfg({"name": "sso", "mode": "CloudSSO", "cloud_sso_sign_in_url": "https://signin-cn-shanghai.alibabacloudsso.com/device/login",
                          "cloud_sso_account_id": "1234567890123456", "cloud_sso_access_config": "ac-parity0001",
                          "access_token": "ssoAccessToken01"}, current="sso")},
      py=err(CLI_ITEM + "unsupported operand type"),
      ours=err(exact=CHAIN + repr([ENV_ID_EMPTY, CLI_ITEM + "CloudSSO access token is empty or expired, please re-login with cli", INI_NO_FILE]))),
    S("J-ext-ak", "External profile printing AK JSON; written back",
      files=external("""printf '%s' '{"mode":"AK","access_key_id":"extAkId0001","access_key_secret":"extSecret0001"}'"""),
      files_back=[CONFIG], py=ok("default/cli_profile/external", ak="extAkId0001", sk="extSecret0001", token=None)),
    S("J-ext-sts", "External profile printing StsToken JSON with expiration; written back",
      files=external("""printf '%s' '{"mode":"StsToken","access_key_id":"extAkId0002","access_key_secret":"extSecret0002","sts_token":"extToken0002","expiration":"2099-01-01T00:00:00Z"}'"""),
      files_back=[CONFIG], py=ok("default/cli_profile/external", token="extToken0002")),
    S("J-ext-exit", "External command exits 1 with stderr",
      files=external("echo failed >&2\nexit 1"),
      py=err(CLI_ITEM + "failed to execute external command: exit status 1\nstderr: failed\n")),
    S("J-ext-no-token", "External StsToken output without sts_token",
      files=external("""printf '%s' '{"mode":"StsToken","access_key_id":"a","access_key_secret":"extSecret0003"}'"""),
      py=err(CLI_ITEM + "invalid StsToken credential response: sts_token is empty")),
    S("J-ext-not-json", "External command prints no JSON",
      files=external("echo not json"),
      py=err(CLI_ITEM + "failed to parse external command output: Expecting value: line 1 column 1 (char 0)")),
    S("J-ext-missing-command", "External command does not exist",
      items={"CLIProfileCredentialsProvider": ("prefix", CLI_ITEM + "failed to execute external command: ")},
      files={CONFIG: cfg({"name": "x", "mode": "External", "process_command": "@ROOT@/bin/no-such-command --flag"}, current="x")},
      py=err(CLI_ITEM + "failed to execute external command: [Errno 2] No such file or directory")),
    S("J-ext-empty", "External profile with an empty process_command",
      files={CONFIG: cfg({"name": "x", "mode": "External", "process_command": ""}, current="x")},
      py=err(CLI_ITEM + "process_command is empty")),
    S("J-uri-mode", "config.json mode CredentialsURI", diffs=["credentials-uri-mode"],
      files={CONFIG: cfg({"name": "u", "mode": "CredentialsURI", "credentials_uri": URI}, current="u")},
      py=err(CLI_ITEM + "unsupported profile mode 'CredentialsURI' form cli credentials file."),
      ours=ok("default/cli_profile/credential_uri", **ISSUED, requests={"credentials-uri": 1})),
    S("J-config-file-env", "ALIBABA_CLOUD_CONFIG_FILE names the aliyun CLI file", diffs=["config-file-env"],
      env={"ALIBABA_CLOUD_CONFIG_FILE": "@ROOT@/alt/config.json"}, files={"alt/config.json": cfg(ak(), current="p")},
      py=err(exact=CHAIN + repr([ENV_ID_EMPTY, CLI_NO_FILE, INI_NO_FILE])),
      ours=ok("default/cli_profile/static_ak", ak="cliAkId0001", sk="cliSecret0001")),
)

# ---------------------------------------------------------------------------------------------------------------
# config.json failures

add(
    S("J-file-missing", "config.json missing, ini missing", files={"home/.aliyun": "DIR"},
      py=err(exact=CHAIN + repr([ENV_ID_EMPTY, CLI_NO_FILE, INI_NO_FILE]))),
    S("J-file-dir", "config.json is a directory", files={CONFIG: "DIR"}, py=err(CLI_NO_FILE)),
    S("J-invalid-json", "config.json is not JSON", files={CONFIG: '{"current": "p", "profiles": [\n'},
      py=err(CLI_ITEM + "failed to parse credential form cli credentials file: @HOME@/.aliyun/config.json")),
    S("J-null", "config.json is `null`", files={CONFIG: "null"},
      py=err(CLI_ITEM + "failed to parse credential form cli credentials file: @HOME@/.aliyun/config.json")),
    S("J-array", "config.json is a JSON array", diffs=["config-not-object"], files={CONFIG: "[]"},
      py=err(CLI_ITEM + "'list' object has no attribute 'get'", cls="CredentialException"),
      ours=err(CLI_ITEM + "failed to parse credential form cli credentials file: @HOME@/.aliyun/config.json")),
    S("J-no-profiles", "config.json without `profiles`", files={CONFIG: '{"current": "p"}'},
      py=err(CLI_ITEM + "unable to get profile with 'p' form cli credentials file.")),
    S("J-empty-profiles", "config.json with an empty `profiles` list", files={CONFIG: cfg(current="p")},
      py=err(CLI_ITEM + "unable to get profile with 'p' form cli credentials file.")),
    S("J-no-current", "config.json without `current`, no ALIBABA_CLOUD_PROFILE", files={CONFIG: cfg(ak())},
      py=err(CLI_ITEM + "invalid profile name")),
    S("V8", "ALIBABA_CLOUD_PROFILE names a missing profile", env={"ALIBABA_CLOUD_PROFILE": "nope"}, files={CONFIG: cfg(ak(), current="p")},
      py=err(CLI_ITEM + "unable to get profile with 'nope' form cli credentials file.")),
    S("V7", "unknown mode", env={"ALIBABA_CLOUD_PROFILE": "x"}, files={CONFIG: cfg({"name": "x", "mode": "Weird"})},
      py=err(CLI_ITEM + "unsupported profile mode 'Weird' form cli credentials file.")),
    S("J-no-mode", "profile without mode", files={CONFIG: cfg({"name": "x", "access_key_id": "a"}, current="x")},
      py=err(CLI_ITEM + "unsupported profile mode 'None' form cli credentials file.")),
    S("J-rsa-mode", "mode RsaKeyPair is not a config.json mode", files={CONFIG: cfg({"name": "x", "mode": "RsaKeyPair"}, current="x")},
      py=err(CLI_ITEM + "unsupported profile mode 'RsaKeyPair' form cli credentials file.")),
    S("J-first-match", "two profiles with the same name: the first wins",
      files={CONFIG: cfg(ak("p", "firstAkId01", "firstSecret01"), ak("p", "secondAkId1", "secondSecret1"), current="p")},
      py=ok("default/cli_profile/static_ak", ak="firstAkId01")),
)

# ---------------------------------------------------------------------------------------------------------------
# credentials.ini

RSA_INI = f"[default]\ntype = rsa_key_pair\npublic_key_id = {RSA_PUBLIC_KEY_ID}\nprivate_key_file = @ROOT@/rsa/key.pem\n"
add(
    S("V14", "ini with inline comments", env={"ALIBABA_CLOUD_CLI_PROFILE_DISABLED": "TRUE"},
      files={INI: "[default]\ntype = access_key   # c\naccess_key_id = iniak # comment\naccess_key_secret = inisk\n"},
      py=ok("default/profile/static_ak", ak="iniak", sk="inisk")),
    S("V15", "ini type bearer", env={**NO_CLI, "ALIBABA_CLOUD_PROFILE": "client2"}, files={INI: "[client2]\ntype = bearer\nbearer_token = bt\n"},
      py=err(INI_ITEM + "unsupported credential type bearer from credentials file @HOME@/.alibabacloud/credentials.ini", CLI_DISABLED)),
    S("V16", "ini ecs_ram_role with ECS disabled", env={**NO_CLI, "ALIBABA_CLOUD_PROFILE": "client1"},
      files={INI: "[client1]\ntype = ecs_ram_role\nrole_name = r\n"}, py=err(INI_ITEM + "IMDS credentials is disabled")),
    S("I-comments", "ini full-line comments (# and ;), `:` separator, `;` kept in values", env=NO_CLI,
      files={INI: "# top comment\n; another\n[default]\n; inside\ntype: access_key\naccess_key_id = ini;Ak\n# c\naccess_key_secret = iniSecret0001\n"},
      py=ok("default/profile/static_ak", ak="ini;Ak")),
    S("I-hash-truncates", "a `#` inside a secret truncates it", env=NO_CLI,
      files={INI: "[default]\ntype = access_key\naccess_key_id = iniAk\naccess_key_secret = abc#def\n"},
      py=ok("default/profile/static_ak", sk="abc")),
    S("I-default-section", "[DEFAULT] keys are inherited", env=NO_CLI,
      files={INI: "[DEFAULT]\ntype = access_key\naccess_key_secret = defaultSecret01\n\n[default]\naccess_key_id = fromDefault\n"},
      py=ok("default/profile/static_ak", ak="fromDefault", sk="defaultSecret01")),
    S("I-only-DEFAULT", "only a [DEFAULT] section: not selectable", env=NO_CLI,
      files={INI: "[DEFAULT]\ntype = access_key\naccess_key_id = a\naccess_key_secret = defaultSecret01\n"}, py=err(INI_NO_FILE)),
    S("I-key-case", "keys are case-insensitive (lower-cased), section names are not", env=NO_CLI,
      files={INI: "[Default]\ntype = access_key\naccess_key_id = wrong\naccess_key_secret = wrongSecret01\n"
                  "[default]\nTYPE = access_key\nAccess_Key_Id = upperAk\nACCESS_KEY_SECRET = upperSecret01\n"},
      py=ok("default/profile/static_ak", ak="upperAk")),
    S("I-missing-type", "ini section without type", env=NO_CLI, files={INI: "[default]\naccess_key_id = a\n"},
      py=err(INI_ITEM + "unsupported credential type None from credentials file @HOME@/.alibabacloud/credentials.ini")),
    S("I-duplicate-key", "ini duplicate key", diffs=["ini-syntax-message"], env=NO_CLI,
      files={INI: "[default]\ntype = access_key\naccess_key_id = a\naccess_key_id = b\naccess_key_secret = dupSecret0001\n"},
      py=err(INI_ITEM + "While reading from '@HOME@/.alibabacloud/credentials.ini' [line  4]: option 'access_key_id' in section 'default' already exists"),
      ours=err(exact=CHAIN + repr([ENV_ID_EMPTY, CLI_DISABLED, INI_ITEM + "failed to parse credentials file @HOME@/.alibabacloud/credentials.ini, line 4: "
                                   "option 'access_key_id' in section 'default' already exists (DuplicateOptionError)"]))),
    S("I-duplicate-section", "ini duplicate section", diffs=["ini-syntax-message"], env=NO_CLI,
      files={INI: INI_AK + "[default]\ntype = access_key\n"},
      py=err(INI_ITEM + "While reading from '@HOME@/.alibabacloud/credentials.ini' [line  5]: section 'default' already exists"),
      ours=err(exact=CHAIN + repr([ENV_ID_EMPTY, CLI_DISABLED, INI_ITEM + "failed to parse credentials file @HOME@/.alibabacloud/credentials.ini, line 5: "
                                   "section 'default' already exists (DuplicateSectionError)"]))),
    S("I-no-header", "ini without a section header (Python quotes the line: a secret)", diffs=["ini-syntax-message"], env=NO_CLI,
      files={INI: "access_key_secret = headerlessSecret01\n[default]\ntype = access_key\n"},
      py=err(INI_ITEM + "File contains no section headers.", "headerlessSecret01"),
      ours=err(exact=CHAIN + repr([ENV_ID_EMPTY, CLI_DISABLED, INI_ITEM + "failed to parse credentials file @HOME@/.alibabacloud/credentials.ini, line 1: "
                                   "the file contains no section headers (a line comes before the first [section]) (MissingSectionHeaderError)"]))),
    S("I-percent-percent", "`%%` in an ini value is `%`", env=NO_CLI,
      files={INI: "[default]\ntype = access_key\naccess_key_id = iniAk\naccess_key_secret = iniSecret%%0001\n"},
      py=ok("default/profile/static_ak", sk="iniSecret%0001")),
    S("I-interpolation", "`%(name)s` interpolation in an ini value", env=NO_CLI,
      files={INI: "[default]\ntype = access_key\nbase = iniSecret\naccess_key_id = iniAk\naccess_key_secret = %(base)s0002\n"},
      py=ok("default/profile/static_ak", sk="iniSecret0002")),
    S("P26", "a lone `%` in an ini value", diffs=["ini-percent"], env=NO_CLI,
      files={INI: "[default]\ntype = access_key\naccess_key_id = iniAk\naccess_key_secret = iniSecret%0003\n"},
      py=err(INI_ITEM + "'%' must be followed by '%' or '(', found: "),
      ours=ok("default/profile/static_ak", ak="iniAk", sk="iniSecret%0003", token=None)),
    S("I-ram-role", "ini ram_role_arn", env=NO_CLI,
      files={INI: f"[default]\ntype = ram_role_arn\naccess_key_id = {AK_ID}\naccess_key_secret = {AK_SECRET}\nrole_arn = {ROLE_ARN}\n"
                  f"role_session_name = ini-session\npolicy = {COMPACT_POLICY}\n"},
      py=ok("default/profile/ram_role_arn/static_ak", **ISSUED, requests={"sts": [assume(RoleSessionName="ini-session", Policy=COMPACT_POLICY)]})),
    S("I-ram-role-default-session", "ini ram_role_arn without role_session_name", env=NO_CLI, diffs=["default-session-name"],
      files={INI: f"[default]\ntype = ram_role_arn\naccess_key_id = {AK_ID}\naccess_key_secret = {AK_SECRET}\nrole_arn = {ROLE_ARN}\n"},
      py=ok("default/profile/ram_role_arn/static_ak", **ISSUED)),
    S("I-oidc", "ini oidc_role_arn", env=NO_CLI,
      files={"oidc/token": OIDC_TOKEN,
             INI: f"[default]\ntype = oidc_role_arn\nrole_arn = {ROLE_ARN}\noidc_provider_arn = {OIDC_PROVIDER_ARN}\n"
                  f"oidc_token_file_path = @ROOT@/oidc/token\nrole_session_name = ini-oidc\n"},
      py=ok("default/profile/oidc_role_arn", **ISSUED)),
    S("I-rsa", "ini rsa_key_pair (GenerateSessionAccessKey, no token)", env=NO_CLI,
      files={"rsa/key.pem": RSA_PRIVATE_KEY, INI: RSA_INI},
      py=ok("default/profile/rsa_key_pair", issued=True, token=None,
            requests={"sts": [{"Action": "GenerateSessionAccessKey", "host": "sts.ap-northeast-1.aliyuncs.com", "AccessKeyId": RSA_PUBLIC_KEY_ID}]})),
    S("I-rsa-missing-key", "ini rsa_key_pair whose key file is missing", env=NO_CLI, files={INI: RSA_INI},
      items={"ProfileCredentialsProvider": ("prefix", INI_ITEM + "[Errno 2] No such file or directory: ")},
      py=err(INI_ITEM + "[Errno 2] No such file or directory: '@ROOT@/rsa/key.pem'")),
    S("I-ecs", "ini ecs_ram_role with ECS enabled", ecs=True, env=NO_CLI,
      files={INI: f"[default]\ntype = ecs_ram_role\nrole_name = {ECS_ROLE}\n"}, py=ok("default/profile/ecs_ram_role", **ISSUED)),
    S("I-env-fallback", "ini access_key with empty values falls back to env (which already failed)", env={**NO_CLI, "ALIBABA_CLOUD_ACCESS_KEY_ID": "envOnlyId"},
      files={INI: "[default]\ntype = access_key\naccess_key_id =\naccess_key_secret =\n"},
      py=err(ENV_SECRET_EMPTY, INI_ITEM + "the access key secret is empty")),
    S("I-quotes-equals", "ini values keep quotes and `=` (base64 secrets)", env=NO_CLI,
      files={INI: '[default]\ntype = access_key\naccess_key_id = "quotedAk"\naccess_key_secret = c2VjcmV0MDAwMQ==\n'},
      py=ok("default/profile/static_ak", ak='"quotedAk"', sk="c2VjcmV0MDAwMQ==")),
    S("I-multiline", "an indented continuation line joins the value with a newline", env=NO_CLI,
      files={INI: "[default]\ntype = access_key\naccess_key_id = line1\n  line2\naccess_key_secret = multiSecret01\n"},
      py=ok("default/profile/static_ak", ak="line1\nline2")),
)

# ---------------------------------------------------------------------------------------------------------------
# OIDC from the environment

OIDC_NAMED = {**OIDC_ENV, "ALIBABA_CLOUD_ROLE_SESSION_NAME": "parity-oidc"}
add(
    S("V23", "OIDC env, token file missing", env={**OIDC_ENV, "ALIBABA_CLOUD_OIDC_TOKEN_FILE": "/nonexistent/token"},
      items={"OIDCRoleArnCredentialsProvider": ("prefix", "OIDCRoleArnCredentialsProvider: [Errno 2] No such file or directory: ")},
      py=err("OIDCRoleArnCredentialsProvider: [Errno 2] No such file or directory: '/nonexistent/token'", items=4)),
    S("O-ok", "OIDC env", env=OIDC_NAMED, files={"oidc/token": OIDC_TOKEN},
      py=ok("default/oidc_role_arn", **ISSUED, requests={"sts": [{"Action": "AssumeRoleWithOIDC", "RoleArn": ROLE_ARN,
                                                                   "OIDCProviderArn": OIDC_PROVIDER_ARN, "OIDCToken": mask(OIDC_TOKEN)}]})),
    S("O-newline", "OIDC token file ends in a newline", env=OIDC_NAMED, files={"oidc/token": OIDC_TOKEN + "\n"},
      diffs=["oidc-token-trim"], oidc_token=OIDC_TOKEN, py=ok("default/oidc_role_arn", **ISSUED)),
    S("O-default-session", "OIDC env without session name", env=OIDC_ENV, files={"oidc/token": OIDC_TOKEN},
      diffs=["default-session-name"], py=ok("default/oidc_role_arn", **ISSUED)),
    S("O-two-of-three", "only two OIDC vars: OIDC is not in the chain",
      env={"ALIBABA_CLOUD_ROLE_ARN": ROLE_ARN, "ALIBABA_CLOUD_OIDC_TOKEN_FILE": "@ROOT@/oidc/token"}, files={"oidc/token": OIDC_TOKEN},
      py=err(exact=CHAIN + repr([ENV_ID_EMPTY, CLI_NO_FILE, INI_NO_FILE]))),
    S("O-unknown-provider", "OIDC env with an unknown OIDC provider (STS 404)", diffs=["no-secrets-in-errors"],
      items={"OIDCRoleArnCredentialsProvider": "body"},
      env={**OIDC_NAMED, "ALIBABA_CLOUD_OIDC_PROVIDER_ARN": "acs:ram::1234567890123456:oidc-provider/nope"}, files={"oidc/token": OIDC_TOKEN},
      py=err("OIDCRoleArnCredentialsProvider: error refreshing credentials from oidc_role_arn, http_code: 404, result: ")),
    S("O-region", "OIDC env with ALIBABA_CLOUD_STS_REGION", env={**OIDC_NAMED, "ALIBABA_CLOUD_STS_REGION": "ap-southeast-1"},
      files={"oidc/token": OIDC_TOKEN}, py=ok(requests={"sts": [{"host": "sts.ap-southeast-1.aliyuncs.com"}]})),
    S("O-empty-token", "OIDC token file is empty (STS refuses)", diffs=["no-secrets-in-errors"],
      items={"OIDCRoleArnCredentialsProvider": "body"}, env=OIDC_NAMED, files={"oidc/token": ""},
      py=err("OIDCRoleArnCredentialsProvider: error refreshing credentials from oidc_role_arn, http_code: 400")),
)

# ---------------------------------------------------------------------------------------------------------------
# ECS instance metadata (HTTP_PROXY for Python, CLOUDCRED_CONNECT_TO for cloudcred)

CREDS_PATH = "/latest/meta-data/ram/security-credentials/" + ECS_ROLE
ECS_ITEM = "EcsRamRoleCredentialsProvider: "
add(
    S("E-discover", "ECS: role discovered (PUT, GET list, PUT, GET creds)", ecs=True,
      py=ok("default/ecs_ram_role", **ISSUED, requests={"ecs-metadata": [
          {"method": "PUT", "token header": "absent", "ttl header": "21600"}, {"method": "GET", "token header": "present"},
          {"method": "PUT"}, {"method": "GET", "path": CREDS_PATH, "token header": "present"}]})),
    S("E-role-env", "ECS: role from ALIBABA_CLOUD_ECS_METADATA (2 requests)", ecs=True, env={"ALIBABA_CLOUD_ECS_METADATA": ECS_ROLE},
      py=ok("default/ecs_ram_role", **ISSUED, requests={"ecs-metadata": 2})),
    S("E-v2-only", "ECS: IMDSv1 disabled on the client, token works", ecs=True, env={"ALIBABA_CLOUD_IMDSV1_DISABLED": "true"},
      py=ok("default/ecs_ram_role", **ISSUED, requests={"ecs-metadata": 4})),
    S("V18", "ECS: token PUT refused (403): IMDSv1 fallback", ecs=True,
      faults=[{"endpoint": "ecs-metadata", "path": "/latest/api/token", "status": 403}],
      py=ok("default/ecs_ram_role", **ISSUED, requests={"ecs-metadata": [
          {"method": "PUT", "status": 403}, {"method": "GET", "token header": "absent"}, {"method": "PUT", "status": 403},
          {"method": "GET", "token header": "absent", "path": CREDS_PATH}]})),
    S("V19", "ECS: token refused and IMDSv1 disabled", ecs=True, env={"ALIBABA_CLOUD_IMDSV1_DISABLED": "true"},
      faults=[{"endpoint": "ecs-metadata", "path": "/latest/api/token", "status": 403}],
      py=err(ECS_ITEM + "Failed to get token from ECS Metadata Service. HttpCode=403", items=4)),
    S("P17", "ECS: credentials GET 500 once: retried without token", ecs=True, env={"ALIBABA_CLOUD_ECS_METADATA": ECS_ROLE},
      faults=[{"endpoint": "ecs-metadata", "path": CREDS_PATH, "times": 1, "status": 500}],
      py=ok("default/ecs_ram_role", **ISSUED, requests={"ecs-metadata": [
          {"method": "PUT"}, {"method": "GET", "token header": "present", "status": 500}, {"method": "GET", "token header": "absent", "status": 200}]})),
    S("P18", "ECS: credentials GET 500 with IMDSv1 disabled", ecs=True,
      env={"ALIBABA_CLOUD_ECS_METADATA": ECS_ROLE, "ALIBABA_CLOUD_IMDSV1_DISABLED": "TRUE"},
      faults=[{"endpoint": "ecs-metadata", "path": CREDS_PATH, "times": 1, "status": 500}],
      py=err(ECS_ITEM + "Failed to get RAM session credentials from ECS metadata service. HttpCode=500", requests={"ecs-metadata": 2})),
    S("E-role-empty", "ECS: ALIBABA_CLOUD_ECS_METADATA set but empty: role discovered", ecs=True, env={"ALIBABA_CLOUD_ECS_METADATA": ""},
      py=ok("default/ecs_ram_role", **ISSUED, requests={"ecs-metadata": 4})),
    S("E-wrong-role", "ECS: ALIBABA_CLOUD_ECS_METADATA names another role (404)", ecs=True, env={"ALIBABA_CLOUD_ECS_METADATA": "NoSuchRole"},
      py=err(ECS_ITEM + "Failed to get RAM session credentials from ECS metadata service. HttpCode=404")),
    S("E-code-not-success", "ECS: credentials document without Code=Success", ecs=True, env={"ALIBABA_CLOUD_ECS_METADATA": ECS_ROLE},
      faults=[{"endpoint": "ecs-metadata", "path": CREDS_PATH, "missingFields": ["Code"]}],
      py=err(ECS_ITEM + "Failed to get RAM session credentials from ECS metadata service.'")),
    S("E-malformed", "ECS: credentials document is not JSON", ecs=True, env={"ALIBABA_CLOUD_ECS_METADATA": ECS_ROLE},
      faults=[{"endpoint": "ecs-metadata", "path": CREDS_PATH, "malformedBody": True}], items={"EcsRamRoleCredentialsProvider": "embeds"},
      py=err(ECS_ITEM + "Expecting value")),
    S("E-token-500-list", "ECS: token OK, role list 500 once: retried without token", ecs=True,
      faults=[{"endpoint": "ecs-metadata", "path": "/latest/meta-data/ram/security-credentials/", "times": 1, "status": 500}],
      py=ok("default/ecs_ram_role", **ISSUED, requests={"ecs-metadata": 5})),
)

# ---------------------------------------------------------------------------------------------------------------
# Credentials URI

URI_ENV = {"ALIBABA_CLOUD_CREDENTIALS_URI": URI}
URL_ITEM = "URLCredentialsProvider: "
add(
    S("V20", "credentials URI", env=URI_ENV, py=ok("default/credential_uri", **ISSUED, requests={"credentials-uri": 1})),
    S("V21", "credentials URI answers Code=Fail", env=URI_ENV,
      faults=[{"endpoint": "credentials-uri", "status": 200, "body": '{"Code": "Fail"}'}],
      py=err(URL_ITEM + "error retrieving credentials from @EMU@/credentials result: {\"Code\": \"Fail\"}", items=4)),
    S("V22", "credentials URI answers 500 boom", env=URI_ENV, faults=[{"endpoint": "credentials-uri", "status": 500, "body": "boom"}],
      py=err(URL_ITEM + "error refreshing credentials from @EMU@/credentials,  http_code=500, result: boom")),
    S("U-missing-field", "credentials URI answer without SecurityToken (body holds the secret)", env=URI_ENV,
      diffs=["no-secrets-in-errors"], items={"URLCredentialsProvider": "body"}, py_leaks=True,
      faults=[{"endpoint": "credentials-uri", "missingFields": ["SecurityToken"]}],
      py=err(URL_ITEM + "error retrieving credentials from @EMU@/credentials result: ")),
    S("U-missing-expiration", "credentials URI answer without Expiration", env=URI_ENV,
      diffs=["no-secrets-in-errors"], items={"URLCredentialsProvider": "body"}, py_leaks=True,
      faults=[{"endpoint": "credentials-uri", "missingFields": ["Expiration"]}],
      py=err(URL_ITEM + "error retrieving credentials from @EMU@/credentials result: ")),
    S("U-expiration-number", "credentials URI answer whose Expiration is a number", env=URI_ENV,
      faults=[{"endpoint": "credentials-uri", "wrongTypes": ["Expiration"]}],
      diffs=["expiration-wrong-type"],
      py=err(URL_ITEM + "strptime() argument 0 must be str, not <class 'int'>"),
      ours=err(URL_ITEM + "error retrieving credentials from credential_uri: the Expiration field is missing or not a string")),
    S("P19", "credentials URI query re-encoded (last duplicate wins, %20 as +)",
      env={"ALIBABA_CLOUD_CREDENTIALS_URI": URI + "?x=1&x=2&y=a%20b"},
      py=ok("default/credential_uri", **ISSUED, requests={"credentials-uri": [{"query": [("x", "2"), ("y", "a b")]}]})),
    S("U-no-scheme", "credentials URI without scheme", env={"ALIBABA_CLOUD_CREDENTIALS_URI": "127.0.0.1:@PORT@/credentials"},
      py=err(URL_ITEM + '"endpoint" is required.')),
    S("U-refused", "credentials URI: connection refused", env={"ALIBABA_CLOUD_CREDENTIALS_URI": "http://127.0.0.1:1/credentials"},
      items={"URLCredentialsProvider": ("prefix", URL_ITEM)}, py=err(URL_ITEM)),
    S("U-secret-query", "credentials URI with a token in its query, 500", diffs=["uri-secret-masked"],
      env={"ALIBABA_CLOUD_CREDENTIALS_URI": URI + "?token=uriQuerySecret01"},
      faults=[{"endpoint": "credentials-uri", "status": 500, "body": "boom"}],
      py=err(URL_ITEM + "error refreshing credentials from @EMU@/credentials?token=uriQuerySecret01,  http_code=500, result: boom"),
      ours=err(exact=CHAIN + repr([ENV_ID_EMPTY, CLI_NO_FILE, INI_NO_FILE,
                                   URL_ITEM + "error refreshing credentials from @EMU@/credentials?token=******,  http_code=500, result: boom"]))),
    S("U-no-proxy", "HTTP_PROXY set to a dead proxy, NO_PROXY lists 127.0.0.1", diffs=["no-proxy"],
      env={**URI_ENV, "HTTP_PROXY": "http://127.0.0.1:1", "NO_PROXY": "127.0.0.1"},
      py=err(URL_ITEM, "ProxyError", items=4),
      ours=ok("default/credential_uri", **ISSUED, requests={"credentials-uri": 1})),
)


def by_id() -> dict:
    seen: dict = {}
    for scenario in SCENARIOS:
        if scenario.id in seen:
            raise ValueError(f"duplicate scenario id {scenario.id}")
        for d in scenario.diffs:
            if d not in DIFFERENCES:
                raise ValueError(f"{scenario.id}: unknown difference {d}")
        seen[scenario.id] = scenario
    return seen


def differences_markdown() -> str:
    users: dict = {}
    for scenario in SCENARIOS:
        for d in scenario.diffs:
            users.setdefault(d, []).append(scenario.id)
    lines = ["| Difference | Python `alibabacloud-credentials` 1.0.12 | cloudcred | Why | Scenarios |",
             "|---|---|---|---|---|"]
    for key, d in DIFFERENCES.items():
        cells = [f"**{d['title']}** (`{key}`)", d["python"], d["cloudcred"], d["reason"], ", ".join(users.get(key, [])) or "—"]
        lines.append("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |")
    return "\n".join(lines)
