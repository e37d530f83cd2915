"""Benchmark 3, the Python peer: a fresh interpreter that gets its first credential with the default chain
(`Client().get_credential()`), as a user's program does; prints the AccessKey ID and the provider name.
scripts/bench runs it with HOME holding an aliyun CLI profile that assumes a RAM role on the emulator."""
import os

from alibabacloud_credentials.client import Client

credential = Client().get_credential()
print(credential.get_access_key_id(), credential.get_provider_name(), flush=True)
# The library may leave a scheduler thread behind; a user's short program would simply end here.
os._exit(0)
