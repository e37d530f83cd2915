"""Loaded by the benchmark's Python peer (PYTHONPATH=Benchmarks/python/site): sends the official library's cloud
calls to the local cloudcred emulator named by CLOUDCRED_CONNECT_TO (host:port), keeping the Host header, as
Tests/Parity/harness.py does for the parity run. Without CLOUDCRED_CONNECT_TO it does nothing."""
import os as _os
from urllib.parse import urlsplit as _urlsplit, urlunsplit as _urlunsplit

_EMULATOR = _os.environ.get("CLOUDCRED_CONNECT_TO", "")
_LOOPBACK = ("127.0.0.1", "localhost", "::1")

if _EMULATOR:
    from Tea.core import TeaCore as _TeaCore

    _compose_url = _TeaCore.compose_url

    def _bench_compose_url(request):
        url = _compose_url(request)
        parts = _urlsplit(url)
        if (parts.hostname or "").lower() in _LOOPBACK:
            return url
        return _urlunsplit(("http", _EMULATOR, parts.path, parts.query, parts.fragment))

    _TeaCore.compose_url = staticmethod(_bench_compose_url)
