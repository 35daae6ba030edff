#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scheduling for work that runs beside the command's main job on a thread of its own.
enum BackgroundThread {
    /// How far below the other threads the calling thread is put (a nice increment of 10: about a tenth of a
    /// core's share against one thread of default priority, never nothing, so it cannot starve).
    static let niceIncrement: Int32 = 10

    /// Lowers the calling thread's priority for the rest of its life, so
    /// that it takes the cores the main job leaves idle instead of slowing
    /// it: reading cached embeddings beside the lexical pipeline then fills
    /// that pipeline's one-thread stretches. Linux keeps a nice value per
    /// thread; elsewhere (or if refused) nothing changes.
    ///
    /// - Precondition: the calling thread is one started for this job (its
    ///   priority cannot be raised again, and threads it starts inherit it).
    static func yieldToForeground() {
        #if os(Linux)
        let which = __priority_which_t(PRIO_PROCESS.rawValue)
        errno = 0
        let current = getpriority(which, 0)
        guard errno == 0 else { return }
        _ = setpriority(which, 0, min(19, current + niceIncrement))
        #endif
    }
}
