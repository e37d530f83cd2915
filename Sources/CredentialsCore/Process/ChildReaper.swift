#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits for a child's exit within a deadline, or kills it: a child never outlives its run as a zombie.
enum ChildReaper {
    /// The child's ``WaitStatus/returnCode(_:)`` once it has exited; -1 when someone else reaped it (a `SIGCHLD`
    /// handler) and the status is lost; nil when it was still running at `deadline` (the caller kills it).
    ///
    /// Polls with `WNOHANG` and growing pauses (0.1 ms up to 20 ms): the child has usually exited by the time its
    /// outputs closed, and a blocking `waitpid` could not honour the deadline.
    static func waitForExit(_ pid: pid_t, deadline: Double) -> Int32? {
        var pause = 0.0001
        while true {
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { return WaitStatus.returnCode(status) }
            if reaped < 0 && errno != EINTR { return -1 }
            guard monotonicSeconds() < deadline else { return nil }
            if reaped == 0 {
                sleepSeconds(pause)
                pause = min(pause * 2, 0.02)
            }
        }
    }

    /// Sends `SIGKILL` and reaps the child (a `SIGKILL` cannot be caught, so this returns promptly).
    static func killAndReap(_ pid: pid_t) {
        _ = kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
}
