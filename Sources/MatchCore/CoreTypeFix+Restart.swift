#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CoreTypeFix {
    /// Makes a program run OpenBLAS at full speed out of the box: call it
    /// first thing in `main`, before any BLAS work.
    ///
    /// OpenBLAS reads `OPENBLAS_CORETYPE` only when it is loaded, so when it
    /// chose a slower kernel than this CPU allows (`restartPlan(environment:cpu:coreName:)`:
    /// Debian's OpenBLAS 0.3.21 runs its generic Prescott kernel on CPUs it
    /// does not know), the process re-executes itself once, with the same
    /// arguments, the right `OPENBLAS_CORETYPE` (chosen from the CPU's actual
    /// flags, never one it lacks) and ``environmentKey`` set to the kernel it
    /// had, which ``BLASReport`` then reports. Nothing happens when the user
    /// set `OPENBLAS_CORETYPE` or `MISSIONMATCH_NO_OPENBLAS_FIX`, when the
    /// process already restarted, or when OpenBLAS is not the BLAS answering.
    ///
    /// ```swift
    /// @main struct Server {
    ///     static func main() async throws {
    ///         CoreTypeFix.restartIfNeeded()   // before anything else
    ///         …
    ///     }
    /// }
    /// ```
    ///
    /// A process that cannot re-execute itself (a plug-in, a sandbox) gets
    /// the same speed by starting with `OPENBLAS_CORETYPE` set to
    /// ``advice(cpu:coreName:)`` — `BLASReport.inspect().warnings` names it.
    ///
    /// It comes back only when no restart was needed or the re-execution
    /// failed (the process then carries on with the kernel it has).
    ///
    /// - Parameter arguments: The process's arguments, passed on unchanged (default: its own).
    public static func restartIfNeeded(arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = CommandLine.unsafeArgv) {
        guard let plan = restartPlan() else { return }
        setenv("OPENBLAS_CORETYPE", plan.coreType, 1)
        setenv(environmentKey, plan.from, 1)
        // On success execv does not return; on failure carry on as we are.
        _ = execv("/proc/self/exe", arguments)
        unsetenv("OPENBLAS_CORETYPE")
        unsetenv(environmentKey)
    }
}
