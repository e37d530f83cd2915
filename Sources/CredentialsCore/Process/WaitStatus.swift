/// A `waitpid(2)` status in Python's `returncode` convention.
enum WaitStatus {
    /// The exit status when the process exited, minus the signal number when a signal ended it, -1 otherwise
    /// (`WIFEXITED`/`WEXITSTATUS`/`WTERMSIG` are macros Swift does not import).
    static func returnCode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        if signal == 0 { return (status >> 8) & 0xFF }
        return signal == 0x7F ? -1 : -signal
    }
}
