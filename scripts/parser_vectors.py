"""Writes the CredentialsCore parser test vectors by running a corpus through Python's own parsers.

Run through scripts/gen-parser-vectors (plain python3, standard library only). Every expected value in the
output comes from CPython itself:

    json          json.loads (errors: msg, lineno, colno, pos) and json.dumps in four layouts
    configparser  ConfigParser() read as the Python credentials library reads credentials.ini, plus the
                  library's '#' post-processing; a raw variant (no interpolation, no special DEFAULT)
    shlex         shlex.split(s)
    repr          repr(str) and repr(list_of_str)
    float repr    repr(float) for doubles given as float.hex()

Where cloudcred deliberately differs from Python, the case says so ("deliberate") and carries what cloudcred
does instead; the Swift tests assert that instead of Python's result. For INI '%' handling the cloudcred
result is computed here by LenientInterpolation, an executable statement of the difference.

Usage: parser_vectors.py OUTPUT_PATH
"""

import configparser
import io
import json
import random
import shlex
import struct
import sys

PYTHON_VERSION = "%d.%d" % sys.version_info[:2]
INI_PATH = "/home/user/.alibabacloud/credentials.ini"


# ---------------------------------------------------------------------------------------------------- JSON

CONFIG_JSON = """{
    "current": "default",
    "profiles": [
        {
            "name": "default",
            "mode": "AK",
            "access_key_id": "LTAIEXAMPLE",
            "access_key_secret": "secret",
            "sts_token": "",
            "ram_role_name": "",
            "expired_seconds": 0,
            "region_id": "cn-hangzhou",
            "output_format": "json",
            "language": "zh"
        },
        {
            "name": "oauth",
            "mode": "OAuth",
            "oauth_access_token_expire": 1700000000,
            "sts_expiration": 1700003600,
            "enable_vpc": false,
            "policy": null
        }
    ],
    "meta_path": ""
}"""

# (name, document text, deliberate difference or None). A document given as bytes is raw file content.
JSON_CASES = [
    ("config-json", CONFIG_JSON, None),
    ("empty-object", "{}", None),
    ("empty-array", "[]", None),
    ("nested-empties", '{"a": {}, "b": [], "c": [{}, []], "d": {"e": {}}}', None),
    ("scalars-in-array", '[null, true, false, 0, -1, "x"]', None),
    ("top-level-string", '"just a string"', None),
    ("top-level-number", " 42 ", None),
    ("top-level-null", "null", None),
    ("whitespace-everywhere", ' \t\r\n{ "a" :\n[ 1 ,\t2 ] , "b":{ } }\r\n ', None),
    ("key-order-kept", '{"z": 1, "a": 2, "m": 3, "B": 4, "b": 5}', None),
    ("duplicate-keys", '{"a": 1, "b": 2, "a": 3}', None),
    ("integers", "[0, -0, 1700000000, 9223372036854775807, -9223372036854775808, 123456789012345678901234567890]", None),
    ("floats", "[1.5, 1.50, 0.1, -0.0, 1E2, 1e-5, 2.5e-05, 1e16, 1e15, 0.0001, 100.0, 3.14159265358979323846]", None),
    ("float-extremes", "[5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 1e22, 123456789012345680.0]", None),
    ("escapes-simple", r'"quote \" backslash \\ slash \/ b \b f \f n \n r \r t \t"', None),
    ("escapes-unicode", r'"\u00e9\u4e2d\u0000\u001f\u007f\u2028\u2029\ufeff"', None),
    ("escapes-surrogate-pair", r'"\ud83d\ude00 \uD834\uDD1E"', None),
    ("raw-unicode", '{"名前": "値", "emoji": "😀", "é": "e\u0301", "dollar": "$"}', None),
    ("raw-del-and-c1", '"a\x7fb\u0085c\u00a0d"', None),
    ("sort-keys-unicode", '{"b": 1, "a": 2, "é": 3, "z": 4, "A": 5, "😀": 6, "\uff41": 7}', None),
    ("deep-ok", "[" * 100 + "]" * 100, None),
    ("mixed-nesting", '{"a": [1, {"b": [2, {"c": null}]}], "d": {"e": [[], [[]]]}}', None),
    ("long-string", '"' + "x" * 300 + '"', None),
    # Errors Python reports, with their positions.
    ("err-empty", "", None),
    ("err-whitespace-only", " \n ", None),
    ("err-open-array", "[", None),
    ("err-trailing-comma-array", "[1,]", None),
    ("err-trailing-comma-object", '{"a": 1,}', None),
    ("err-open-object", "{", None),
    ("err-missing-colon", '{"a" 1}', None),
    ("err-missing-colon-eof", '{"a"', None),
    ("err-missing-value", '{"a":', None),
    ("err-missing-comma-object", '{"a": 1 "b": 2}', None),
    ("err-missing-comma-array", "[1 2]", None),
    ("err-single-quotes", "{'a': 1}", None),
    ("err-bare-key", "{a: 1}", None),
    ("err-unterminated-string", '"abc', None),
    ("err-unterminated-after-backslash", '"abc\\', None),
    ("err-control-char", '"a\x01b"', None),
    ("err-raw-newline-in-string", '{"a": "line1\nline2"}', None),
    ("err-invalid-escape", r'"\x41"', None),
    ("err-short-unicode-escape", r'"\u12"', None),
    ("err-bad-unicode-escape", r'"\u12zz"', None),
    ("err-unicode-escape-at-end", '"\\u1234', None),
    ("err-bad-low-surrogate-escape", r'"\ud800\uzzzz"', None),
    ("err-number-trailing-dot", "1.", None),
    ("err-number-leading-zero", "01", None),
    ("err-number-minus-only", "-", None),
    ("err-number-exponent-only", "1e+", None),
    ("err-plus-sign", "+1", None),
    ("err-hex-number", "0x10", None),
    ("err-truncated-literal", "tru", None),
    ("err-capital-literal", "True", None),
    ("err-extra-data", '{"a": 1} {"b": 2}', None),
    ("err-extra-after-newlines", '{"a": 1}\n\n x', None),
    ("err-extra-bracket", "[]]", None),
    ("err-comment", '{"a": 1 // note\n}', None),
    ("err-position-after-unicode", '{"名前": "値",\n "é": x}', None),
    ("err-multiline-position", '{\n  "profiles": [\n    {"name": "a"},\n    {"name": "b",}\n  ]\n}', None),
    ("err-bom", "\ufeff{}", None),
    # Where cloudcred differs on purpose.
    ("nan-rejected", "[NaN]", {"message": "Expecting value", "offset": 1}),
    ("infinity-rejected", '{"a": -Infinity}', {"message": "Expecting value", "offset": 6}),
    ("lone-high-surrogate", r'["\ud800", "\ud800\u0041", "\ud800\ud800"]',
     {"compact": '["\ufffd","\ufffdA","\ufffd\ufffd"]'}),
    ("lone-low-surrogate", r'"x\udc00y"', {"compact": '"x\ufffdy"'}),
    ("float-overflow", "[1e400, -1E+999, 1]", {"compact": "[1e400,-1E+999,1]"}),
    ("too-deep", "[" * 600 + "]" * 600, {"message": "Nesting deeper than 512 levels", "offset": 512}),
    ("invalid-utf8-start-byte", b'{"a": "\xff"}', {"byteOffset": 7}),
    ("invalid-utf8-continuation", b'["\xe2\x28\xa1"]', {"byteOffset": 2}),
    ("invalid-utf8-surrogate", b'"\xed\xa0\x80"', {"byteOffset": 1}),
    ("invalid-utf8-overlong", b'"\xc0\xaf"', {"byteOffset": 1}),
    ("invalid-utf8-truncated", b'"\xe4\xb8', {"byteOffset": 1}),
]


def json_case(name, document, deliberate):
    case = {"name": name}
    if isinstance(document, bytes):
        case["inputHex"] = document.hex()
    else:
        case["input"] = document
    if deliberate is not None:
        case["deliberate"] = deliberate
    try:
        text = document.decode("utf-8") if isinstance(document, bytes) else document
    except UnicodeDecodeError as error:
        case["python"] = {"ok": False, "unicodeError": str(error), "start": error.start}
        return case
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        case["python"] = {"ok": False, "message": error.msg, "line": error.lineno, "column": error.colno,
                          "offset": error.pos, "description": str(error)}
        return case
    except RecursionError:
        case["python"] = {"ok": False, "recursionError": True}
        return case
    if deliberate is not None:
        case["python"] = {"ok": True}  # Python's output is not representable here (NaN, lone surrogates, ...)
        return case
    case["python"] = {
        "ok": True,
        "compact": json.dumps(value, separators=(",", ":"), ensure_ascii=False),
        "python": json.dumps(value),
        "indented": json.dumps(value, indent=4, ensure_ascii=False),
        "sortedIndented": json.dumps(value, indent=4, ensure_ascii=False, sort_keys=True),
        "indent0": json.dumps(value, indent=0, ensure_ascii=False),
    }
    return case


def float_cases():
    values = [0.0, -0.0, 0.1, 0.2, 0.30000000000000004, 1.0, 1.5, 100.0, 1e15, 1e16, 1e17, 1e22, 1e-4, 1e-5,
              2.5e-05, 123456.789, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 9007199254740993.0,
              1700000000.0, 3.141592653589793, 1 / 3, 2 / 3, 1e100, 1.2345e-300]
    rng = random.Random(20240101)
    for _ in range(200):
        values.append(rng.uniform(-1, 1) * 10 ** rng.randint(-30, 30))
    for _ in range(100):
        bits = rng.getrandbits(64)
        value = struct.unpack("<d", bits.to_bytes(8, "little"))[0]
        if value == value and abs(value) != float("inf"):
            values.append(value)
    return [{"hex": value.hex(), "repr": repr(value)} for value in values]


# ---------------------------------------------------------------------------------------------------- INI

def chain(length):
    """A section whose first option needs `length` nested substitutions."""
    lines = ["[s]"]
    for i in range(1, length):
        lines.append("k%d = %%(k%d)s" % (i, i + 1))
    lines.append("k%d = end%%%%" % length)
    return "\n".join(lines) + "\n"


# (name, text, source path or None for '<string>')
INI_CASES = [
    ("basic", "[default]\ntype = access_key\naccess_key_id = foo\naccess_key_secret = bar\n", INI_PATH),
    ("profiles", "[default]\nenable = true\ntype = access_key\naccess_key_id = a\naccess_key_secret = b\n\n"
     "[client1]\ntype = ecs_ram_role\nrole_name = EcsRole\n\n[client2]\ntype = ram_role_arn\n"
     "access_key_id = c\naccess_key_secret = d\nrole_arn = acs:ram::1:role/r\nrole_session_name = s\n", INI_PATH),
    ("colon-separator", "[s]\nkey: value\nother :value2\nthird:  spaced  \n", INI_PATH),
    ("first-delimiter-wins", "[s]\nurl = https://host:8080/?a=b\nratio: 1=2\nk=v:w\n", INI_PATH),
    ("keys-lowercased", "[Sec]\nAccess_Key_ID = X\nTYPE = access_key\n", INI_PATH),
    ("whitespace-stripped", "[s]\n\t key \t=\t value with  inner  spaces \t\n", INI_PATH),
    ("comments", "# leading comment\n; another\n[s]\n# comment\n; comment\n   # indented comment\nk = v\n  ; indented\n", INI_PATH),
    ("inline-hash-and-semicolon", "[s]\nsecret = abc#def\nnote = x ; y\nboth = p # q ; r\nonlyhash = #\n", INI_PATH),
    ("empty-values", "[s]\na =\nb:\nc = \n", INI_PATH),
    ("no-delimiter", "[s]\nkey_without_value\n", INI_PATH),
    ("several-bad-lines", "[s]\na\nb c\nk = v\nd\n", INI_PATH),
    ("bad-line-then-duplicate-section", "[s]\nbogus\n[t]\n[s]\n", INI_PATH),
    ("continuation", "[s]\nkey = first\n  second\n\tthird\nnext = n\n", INI_PATH),
    ("continuation-blank-lines", "[s]\nkey = a\n\n  b\n\n\nnext = 2\n\n", INI_PATH),
    ("continuation-from-empty", "[s]\nkey =\n  line1\n  line2\n", INI_PATH),
    ("continuation-with-comment", "[s]\nkey = a\n  # comment inside\n  b\n", INI_PATH),
    ("indented-key-after-header", "[s]\n  a = 1\n  b = 2\n    c\n", INI_PATH),
    ("default-inheritance", "[DEFAULT]\nregion = cn-hangzhou\ntype = access_key\n[a]\naccess_key_id = x\n[b]\ntype = ecs_ram_role\n", INI_PATH),
    ("default-twice", "[DEFAULT]\nx = 1\n[s]\ny = 2\n[DEFAULT]\nz = 3\n", INI_PATH),
    ("default-only", "[DEFAULT]\nx = 1\n", INI_PATH),
    ("lowercase-default-is-a-section", "[default]\na = 1\n[DEFAULT]\nb = 2\n", INI_PATH),
    ("duplicate-section", "[s]\na = 1\n[t]\n[s]\n", INI_PATH),
    ("duplicate-option", "[s]\nkey = 1\nKEY = 2\n", INI_PATH),
    ("duplicate-option-line-12", "[s]\n" + "".join("k%d = v\n" % i for i in range(10)) + "k3 = again\n", INI_PATH),
    ("duplicate-default-option", "[DEFAULT]\na = 1\n[s]\n[DEFAULT]\na = 2\n", INI_PATH),
    ("missing-header", "key = value\n[s]\n", INI_PATH),
    ("missing-header-after-comments", "\n# c\n  a = 1", INI_PATH),
    ("missing-header-string-source", "oops\n", None),
    ("parse-error-string-source", "[s]\nbad line\n", None),
    ("only-comments", "# nothing\n\n; here\n", INI_PATH),
    ("empty-file", "", INI_PATH),
    ("percent-percent", "[s]\nv = 100%%\n", INI_PATH),
    ("interpolation-same-section", "[s]\nhost = example.com\nurl = https://%(host)s/path\n", INI_PATH),
    ("interpolation-from-default", "[DEFAULT]\nbase = /home/u\n[s]\nkey_file = %(base)s/key.pem\n", INI_PATH),
    ("interpolation-uppercase-reference", "[s]\na = %(B)s\nb = ok\n", INI_PATH),
    ("interpolation-nested", "[s]\na = %(b)s-%(c)s\nb = %(c)s%%\nc = deep\n", INI_PATH),
    ("interpolation-default-uses-section", "[DEFAULT]\na = %(b)s\nb = default\n[s]\nb = section\n", INI_PATH),
    ("interpolation-multiline", "[s]\nlines = one\n  two\nref = [%(lines)s]\n", INI_PATH),
    ("interpolation-depth-ok", chain(10), INI_PATH),
    ("interpolation-depth-exceeded", chain(11), INI_PATH),
    ("interpolation-self-reference", "[s]\na = %(a)s\n", INI_PATH),
    ("interpolation-missing-key", "[s]\na = x%(nope)sy\n", INI_PATH),
    ("interpolation-missing-key-nested", "[s]\na = %(b)s\nb = %(C)s\n", INI_PATH),
    ("lone-percent", "[s]\nsecret = 50%off\n", INI_PATH),
    ("percent-at-end", "[s]\nsecret = abc%\n", INI_PATH),
    ("percent-s-and-bad-reference", "[s]\na = %s\nb = %(x)d\nc = %(unclosed\nd = %()s\nx = 1\n", INI_PATH),
    ("lone-percent-in-default", "[DEFAULT]\np = a%b\n[s]\nq = %(p)s!\n", INI_PATH),
    ("percent-then-reference", "[s]\na = %%(b)s\nb = 1\nc = %%%(b)s\n", INI_PATH),
    ("crlf", "[s]\r\na = 1\r\nb = 2\r\n", INI_PATH),
    ("cr-only", "[s]\ra = 1\rb = 2\r", INI_PATH),
    ("crlf-missing-header", "junk\r\n", INI_PATH),
    ("no-trailing-newline", "[s]\na = 1", INI_PATH),
    ("bom", "\ufeff[s]\na = 1\n", INI_PATH),
    ("header-spacing-and-junk", "[ spaced ] trailing junk\nk = v\n[a]b]\n[]]\n", INI_PATH),
    ("empty-header", "[s]\na = 1\n[]\n", INI_PATH),
    ("empty-key", "[s]\n= value\n", INI_PATH),
    ("empty-key-twice", "[s]\n= a\n: b\n", INI_PATH),
    ("unicode-keys", "[s]\nKÉY = 1\nΣΑΣ = 2\nİ = 3\n", INI_PATH),
    ("unicode-whitespace", "[s]\n\u00a0key\u00a0=\u3000value\u2003\n\x0bother = x\n", INI_PATH),
    ("unicode-values", "[профиль]\nname = 名前\nemoji = 😀\n", INI_PATH),
    ("error-line-then-indented-header", "[s]\na = 1\nbogus\n  [s]\n", INI_PATH),
    ("header-resets-continuation", "[s]\na = 1\n[t]\n  b = 2\n", INI_PATH),
    ("huawei-style", "[default]\nak = AKEXAMPLE\nsk = SK%EXAMPLE\nproject_id = p1\n[DEFAULT]\nregion = r\n", INI_PATH),
]


class LenientInterpolation(configparser.BasicInterpolation):
    """BasicInterpolation, except that a '%' starting neither '%%' nor '%(name)s' is kept literally."""

    def _interpolate_some(self, parser, option, accum, rest, section, map, depth):
        rawval = parser.get(section, option, raw=True, fallback=rest)
        if depth > configparser.MAX_INTERPOLATION_DEPTH:
            raise configparser.InterpolationDepthError(option, section, rawval)
        while rest:
            p = rest.find("%")
            if p < 0:
                accum.append(rest)
                return
            if p > 0:
                accum.append(rest[:p])
                rest = rest[p:]
            match = self._KEYCRE.match(rest)
            if rest[1:2] == "%":
                accum.append("%")
                rest = rest[2:]
            elif match:
                var = parser.optionxform(match.group(1))
                rest = rest[match.end():]
                try:
                    v = map[var]
                except KeyError:
                    raise configparser.InterpolationMissingOptionError(option, section, rawval, var) from None
                if "%" in v:
                    self._interpolate_some(parser, option, accum, v, section, map, depth + 1)
                else:
                    accum.append(v)
            else:
                accum.append("%")
                rest = rest[1:]


def read_ini(text, source, **options):
    """What the Python library's _load_ini does, returning sections in order (and the errors it raises)."""
    parser = configparser.ConfigParser(**options)
    try:
        parser.read_file(io.StringIO(text, newline=None), source=source or "<string>")
        sections = []
        for section in parser.sections():
            sections.append([section, [[key, value] for key, value in parser.items(section)]])
    except configparser.Error as error:
        result = {"ok": False, "type": type(error).__name__, "message": str(error)}
        if getattr(error, "lineno", None) is not None:
            result["line"] = error.lineno
        return result
    stripped = [[name, [[key, value.split("#")[0].strip() if "#" in value else value.strip()]
                        for key, value in options_]] for name, options_ in sections]
    return {"ok": True, "sections": sections, "stripped": stripped}


def ini_case(name, text, source):
    case = {"name": name, "input": text}
    if source is not None:
        case["path"] = source
    case["python"] = read_ini(text, source)
    lenient = read_ini(text, source, interpolation=LenientInterpolation())
    if lenient != case["python"]:
        case["lenient"] = lenient
    # Raw mode: no interpolation, and a default section name no file uses, so [DEFAULT] is ordinary.
    case["raw"] = read_ini(text, source, interpolation=None, default_section="\x00no default section\x00")
    return case


# ---------------------------------------------------------------------------------------------------- shlex

SHLEX_CASES = [
    "cmd", "cmd arg1 arg2", "  leading and trailing  ", "tabs\tand\nnewlines\rcr", "", "   ",
    "'single quoted' word", '"double quoted" word', "a'b c'd", 'a"b c"d', "''", '""', "x '' y", 'x "" y',
    '"a \\" b"', '"back\\\\slash"', '"\\$HOME \\` \\n"', "'no \\ escapes \" here'", "a\\ b", "a\\\\b",
    "\\'quoted\\'", "line\\\ncontinued", '"in quotes\\\nnewline"', "'single\nnewline'", "#not-a-comment x",
    "FOO=bar /usr/bin/helper --json", '--opt="value with spaces" --x=\'y z\'', "C:\\Users\\me\\cred.exe",
    "it'\"'\"'s", "'it'\"'\"'s'", "unicode 名前 😀", "vt\x0bnot\x0cwhitespace", "a\u00a0b", "'unclosed", '"unclosed',
    '"unclosed \\"', '"escape at end\\', "trailing\\", "'quoted'\\", "echo $(whoami) `id` *.txt", '""""', "'a''b'",
    '"\'"', "'\"'", '"\\\'"',
]


def shlex_case(command):
    try:
        return {"input": command, "words": shlex.split(command)}
    except ValueError as error:
        return {"input": command, "error": str(error)}


# ---------------------------------------------------------------------------------------------------- repr

REPR_CASES = [
    [],
    [""],
    ["plain"],
    ["EnvironmentVariableCredentialsProvider: Environment variable accessKeyId cannot be empty",
     "CLIProfileCredentialsProvider: unable to get profile with 'nope' form cli credentials file.",
     "ProfileCredentialsProvider: failed to get credential from credentials file: $/home/u/.alibabacloud/credentials.ini"],
    ["it's"], ['say "hi"'], ["both ' and \""], ["'"], ['"'], ["\\"], ["C:\\Users\\me\\.aliyun\\config.json"],
    ["tab\there", "new\nline", "cr\rhere", "crlf\r\n"],
    ["nul\x00", "bell\x07", "esc\x1b", "us\x1f", "del\x7f"],
    ["c1\x80\x85\x9f", "nbsp\xa0", "soft\xadhyphen", "latin é ñ ß ÿ"],
    ["zero width\u200b", "lrm\u200e", "line sep\u2028", "para sep\u2029", "ideographic space\u3000", "bom\ufeff"],
    ["cjk 中文", "emoji 😀", "combining e\u0301", "math 𝔘", "private \ue000", "plane15 \U000f0000"],
    ["unassigned \u0378", "noncharacter \uffff", "tag \U000e0001", "variation \ufe0f"],
    ["assigned after Unicode 14 \U0001fadc \u0cf3 \U0001fbdb", "old emoji \U0001f600"],
    ["External: exit status 1\nstderr: boom\n"],
    ["mixed 'single' and \"double\" and \\ back"],
    ["space at end "], [" "], ["\t"],
]


def repr_case(items):
    return {"items": items, "list": repr(items), "strings": [repr(item) for item in items]}


# ---------------------------------------------------------------------------------------------------- main

def main():
    if len(sys.argv) != 2:
        sys.exit("usage: parser_vectors.py OUTPUT_PATH")
    vectors = {
        "generator": "scripts/parser_vectors.py",
        "python": PYTHON_VERSION,
        "json": [json_case(*case) for case in JSON_CASES],
        "floats": float_cases(),
        "ini": [ini_case(*case) for case in INI_CASES],
        "shlex": [shlex_case(command) for command in SHLEX_CASES],
        "repr": [repr_case(items) for items in REPR_CASES],
    }
    with open(sys.argv[1], "w", encoding="ascii", newline="\n") as output:
        output.write(json.dumps(vectors, indent=1, ensure_ascii=True))
        output.write("\n")


if __name__ == "__main__":
    main()
