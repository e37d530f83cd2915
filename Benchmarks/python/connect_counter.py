"""Benchmark 6, the Go peer: a stand-in HTTPS proxy on 127.0.0.1 that counts CONNECT requests (each one is a token
API call the peer attempts) and refuses them. Prints its port on the first line; on SIGTERM writes the count as
JSON to the file given as argv[1]."""
import json
import signal
import socket
import sys
import threading

count = 0
lock = threading.Lock()


def serve(connection: socket.socket) -> None:
    global count
    with connection:
        data = b""
        while b"\r\n\r\n" not in data and len(data) < 65536:
            chunk = connection.recv(4096)
            if not chunk:
                return
            data += chunk
        if data.startswith(b"CONNECT "):
            with lock:
                count += 1
        connection.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")


def finish(*_: object) -> None:
    with open(sys.argv[1], "w", encoding="utf-8") as handle:
        json.dump({"connect_requests": count}, handle)
    sys.exit(0)


signal.signal(signal.SIGTERM, finish)
listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(256)
print(listener.getsockname()[1], flush=True)
while True:
    client, _ = listener.accept()
    threading.Thread(target=serve, args=(client,), daemon=True).start()
