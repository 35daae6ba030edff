import MatchCore
import Testing
@testable import MissionMatch

@Suite("Delegation solver against exhaustive search")
struct DelegationSolverTests {
    @Test("300 random problems with seats, nested quotas and missions per SME (no budget): the flow is optimal")
    func flowIsOptimal() {
        var random = SeededRandomNumberGenerator(seed: 1717)
        var infeasible = 0
        for _ in 0..<300 {
            let problem = DelegationExactReference.randomProblem(&random, budgets: false)
            let solution = DelegationSolver().solve(problem)
            let best = DelegationExactReference.best(problem)
            #expect(solution.method == .flow)
            #expect(solution.isOptimal)
            #expect(DelegationExactReference.isFeasible(solution.delegates, problem))
            #expect(solution.minimumPlacesFilled == best.covered)
            #expect(DelegationExactReference.coverage(solution.delegates, problem) == best.covered)
            #expect(abs(solution.value - best.value) < 1e-9, "value \(solution.value) vs \(best.value)")
            #expect(solution.bound >= best.value - 1e-9)
            if best.covered < problem.minimumPlacesAsked { infeasible += 1 }
        }
        #expect(infeasible > 20, "the sample holds quotas that cannot all be met")
    }

    @Test("300 random problems with budgets: optimal where claimed, within the stated bound otherwise")
    func budgetsWithinGap() {
        var random = SeededRandomNumberGenerator(seed: 2019)
        var lagrangian = 0, claimedOptimal = 0
        for _ in 0..<300 {
            let problem = DelegationExactReference.randomProblem(&random, budgets: true)
            let solution = DelegationSolver().solve(problem)
            let best = DelegationExactReference.best(problem)
            #expect(DelegationExactReference.isFeasible(solution.delegates, problem))
            #expect(solution.minimumPlacesFilled == DelegationExactReference.coverage(solution.delegates, problem))
            #expect(solution.minimumPlacesFilled <= best.covered)
            #expect(best.value <= solution.bound + 1e-9, "bound \(solution.bound) below the best \(best.value)")
            #expect(solution.value >= (1 - solution.gap) * solution.bound - 1e-9)
            if solution.method == .lagrangian { lagrangian += 1 }
            if solution.isOptimal {
                claimedOptimal += 1
                #expect(solution.minimumPlacesFilled == best.covered)
                #expect(abs(solution.value - best.value) < 1e-9, "claimed optimal: \(solution.value) vs \(best.value)")
            }
        }
        #expect(lagrangian > 30, "budgets bind in part of the sample")
        #expect(claimedOptimal > 150)
    }

    @Test("Twenty chasing five: the exact example of the type's documentation")
    func documentedExample() {
        let problem = NestedQuotaAssignment(
            itemCapacities: [1, 1, 1],
            groups: [.init(parent: nil, minimum: 0, maximum: 2), .init(parent: 0, minimum: 1, maximum: 2)],
            edges: [.init(item: 0, group: 0, weight: 90), .init(item: 1, group: 0, weight: 80), .init(item: 2, group: 1, weight: 10)])
        #expect(problem.solve()?.selected == [0, 2])
        #expect(problem.solve()?.minimumsCovered == 1)
        let cyclic = NestedQuotaAssignment(itemCapacities: [1], groups: [.init(parent: 1, minimum: 0, maximum: 1), .init(parent: 0, minimum: 0, maximum: 1)],
                                           edges: [.init(item: 0, group: 0, weight: 1)])
        #expect(cyclic.solve() == nil)
    }
}
