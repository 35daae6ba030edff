/// Values a command keeps until the process exits, instead of freeing them
/// piece by piece when it returns: a ranking of 3,100 × 20,000 is hundreds
/// of thousands of strings and arrays, and freeing them one by one took a
/// single core about 0.2 s after the output was written (a `perf` timeline
/// of `rank`); the operating system reclaims the whole process at once.
///
/// Only for commands that end right after: `rank` and `merge`, never the
/// per-mission loop of `run`, whose memory must be returned mission after
/// mission.
enum ProcessLifetime {
    /// An owner that is never released.
    private final class Holder: @unchecked Sendable {
        let value: Any
        init(_ value: Any) { self.value = value }
    }

    /// Keeps `value` alive until the process exits (one retain, no copy).
    static func keepUntilExit(_ value: Any) {
        _ = Unmanaged.passRetained(Holder(value))
    }
}
