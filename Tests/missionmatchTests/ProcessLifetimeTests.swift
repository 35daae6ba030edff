@testable import missionmatch
import Testing

/// `rank` and `merge` hand their ranking to `ProcessLifetime` instead of
/// freeing it: the value must stay alive after the last reference goes.
struct ProcessLifetimeTests {
    final class Tracked: Sendable {}

    @Test func aKeptValueOutlivesItsLastReference() {
        weak var kept: Tracked?
        weak var dropped: Tracked?
        do {
            let a = Tracked(), b = Tracked()
            kept = a
            dropped = b
            ProcessLifetime.keepUntilExit((a, [a, a]))
        }
        #expect(kept != nil)
        #expect(dropped == nil)
    }
}
