import Dispatch
import Testing
@testable import MatchCore

/// OpenBLAS's thread count is process-wide and changes the bits of a
/// product, so the kernel's single-threaded scopes and every other BLAS
/// user must exclude each other (`BLASThreading`).
struct BLASThreadingTests {
    @Test func defaultScopesWaitForSingleThreadedOnes() {
        guard let openBLAS = OpenBLASRuntime.loaded else { return }  // reference BLAS: nothing to coordinate
        // Read inside a default scope: another test's single-threaded scope may be open right now.
        let defaultThreads = BLASThreading.withDefaultBLASThreads { openBLAS.threads }
        let entered = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let observed = Observations()
        DispatchQueue.global().async {
            BLASThreading.withSingleThreadedBLAS {
                observed.insideSingle = openBLAS.threads
                entered.signal()
                release.wait()
                observed.singleClosing = true
            }
        }
        entered.wait()
        DispatchQueue.global().async {
            BLASThreading.withDefaultBLASThreads {
                // The single-threaded scope has closed before this runs.
                observed.defaultSawSingleClosed = observed.singleClosing
                observed.insideDefault = openBLAS.threads
            }
            done.signal()
        }
        release.signal()
        done.wait()
        #expect(observed.insideSingle == 1)
        #expect(observed.defaultSawSingleClosed)
        #expect(observed.insideDefault == defaultThreads)
        #expect(BLASThreading.withDefaultBLASThreads { openBLAS.threads } == defaultThreads)
    }
}

/// What the threads of a test saw (each field written by one thread
/// before a semaphore the reader waits on).
private final class Observations: @unchecked Sendable {
    var insideSingle = 0, insideDefault = 0
    var singleClosing = false, defaultSawSingleClosed = false
}
