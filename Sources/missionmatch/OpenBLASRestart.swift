#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MatchCore

/// Makes the tool run at full speed out of the box: OpenBLAS reads
/// `OPENBLAS_CORETYPE` only when it is loaded, so when it chose a slower
/// kernel than this CPU allows, the process re-executes itself once with
/// the right value (chosen from the CPU's actual flags, never one it lacks;
/// `HASWELL` on AMD Zen 4, where it measured faster than the AVX-512
/// kernels: see ``CoreTypeFix``). `missionmatch doctor` reports that it happened.
enum OpenBLASRestart {
    static func restartIfNeeded() {
        guard let plan = CoreTypeFix.restartPlan() else { return }
        setenv("OPENBLAS_CORETYPE", plan.coreType, 1)
        setenv(CoreTypeFix.environmentKey, plan.from, 1)
        // On success execv does not return; on failure carry on as we are.
        _ = execv("/proc/self/exe", CommandLine.unsafeArgv)
        unsetenv("OPENBLAS_CORETYPE")
        unsetenv(CoreTypeFix.environmentKey)
    }
}
