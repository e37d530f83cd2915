#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Feeds a child its input and reads its two outputs with `poll(2)` until both close, so that neither side
/// ever waits for the other (a child blocked writing a full stderr pipe while we wait for its stdout).
struct PipeExchange {
    let child: SpawnedChild
    /// Written to `child.stdin` (ignored when the child inherited ours); the pipe is closed after it.
    let input: [UInt8]
    /// On the clock of ``monotonicSeconds()``.
    let deadline: Double
    /// Kept of each output; the rest is read and dropped.
    let maxOutputBytes: Int

    /// Both outputs once they have closed; nil when the deadline passed or `poll` failed (the caller then
    /// kills the child). Closes every pipe end of ours before returning.
    func run() -> (stdout: [UInt8], stderr: [UInt8])? {
        var inputFD = child.stdin
        var written = 0
        var stdout: [UInt8] = []
        var stderr: [UInt8] = []
        var open = [child.stdout, child.stderr]
        var chunk = [UInt8](repeating: 0, count: 65536)
        defer {
            for fd in [child.stdout, child.stderr] { _ = close(fd) }
            if let fd = inputFD { _ = close(fd) }
        }
        if let fd = inputFD {
            if input.isEmpty {
                _ = close(fd)
                inputFD = nil
            } else {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            }
        }

        while !open.isEmpty || inputFD != nil {
            let remaining = deadline - monotonicSeconds()
            guard remaining > 0 else { return nil }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if let fd = inputFD { fds.append(pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining * 1000, 60_000).rounded(.up)))
            if ready < 0 {
                if errno == EINTR { continue }
                return nil
            }
            for entry in fds where entry.revents != 0 {
                if entry.fd == inputFD {
                    if writeSome(to: entry.fd, written: &written) { continue }
                    _ = close(entry.fd)
                    inputFD = nil
                    continue
                }
                let count = chunk.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    if entry.fd == child.stdout { keep(chunk[0..<count], in: &stdout) } else { keep(chunk[0..<count], in: &stderr) }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    open.removeAll { $0 == entry.fd }
                }
            }
        }
        return (stdout, stderr)
    }

    /// Writes what the pipe takes; false when the input is done with (all written, or the child closed its end).
    private func writeSome(to fd: Int32, written: inout Int) -> Bool {
        let count = input.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
        if count > 0 { written += count }
        if written == input.count { return false }
        return count >= 0 || errno == EAGAIN || errno == EINTR
    }

    private func keep(_ bytes: ArraySlice<UInt8>, in buffer: inout [UInt8]) {
        let room = maxOutputBytes - buffer.count
        if room > 0 { buffer.append(contentsOf: bytes.prefix(room)) }
    }
}
