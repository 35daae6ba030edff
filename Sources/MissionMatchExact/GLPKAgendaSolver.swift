import CGLPK
import MissionMatch

/// The planner's exact mode: the agenda as a mixed-integer programme solved
/// by GLPK (the GNU Linear Programming Kit, linked from the system like
/// BLAS), one priority at a time: the most `must` meetings; then, with at
/// least that many, the most meetings towards minimums; then, with both,
/// the best score.
///
/// ```swift
/// let planner = AgendaPlanner(options: .init(exactSolver: GLPKAgendaSolver(timeLimitSeconds: 60)))
/// ```
///
/// Variables: x(m, s) ∈ {0, 1} for each meeting *m* and slot *s* where both
/// participants are available; z(p) ∈ [0, min] counting participant *p*'s
/// meetings towards its minimum (z(p) ≤ its meetings); with fixed tables,
/// y(f, σ) ∈ {0, 1} when participant *f* holds its tables in session σ.
/// Rows: each meeting at most once; per participant and slot at most its
/// representatives (with fixed tables, at most representatives × y); per
/// participant at most its capacity; per slot at most the tables; with fixed
/// tables, per session Σ representatives × y ≤ tables.
///
/// When the time limit runs out, the best solution found so far is returned
/// (not proven optimal); the planner keeps its own agenda when that is better.
public struct GLPKAgendaSolver: AgendaExactSolver {
    /// The time all three stages may take together, in seconds.
    public var timeLimitSeconds: Double

    /// Creates the solver.
    ///
    /// - Parameter timeLimitSeconds: The time limit for all stages together.
    public init(timeLimitSeconds: Double = 60) {
        self.timeLimitSeconds = timeLimitSeconds
    }

    /// Solves the model in stages (see the type's documentation).
    ///
    /// - Parameter model: The problem.
    /// - Returns: The best solution found, or `nil` when none was found in time.
    public func solve(_ model: AgendaExactModel) -> AgendaExactSolution? {
        let program = GLPKProgram(model)
        defer { program.free() }
        let clock = ContinuousClock(), started = clock.now
        func remaining() -> Double {
            let elapsed = (clock.now - started).components
            return timeLimitSeconds - Double(elapsed.seconds) - Double(elapsed.attoseconds) * 1e-18
        }
        var proven = true
        var stages: [String] = []

        if program.mustColumns.isEmpty == false {
            guard let (value, optimal) = program.maximise(program.mustColumns.map { ($0, 1.0) }, seconds: remaining()) else { return nil }
            proven = proven && optimal
            program.require(program.mustColumns.map { ($0, 1.0) }, atLeast: value.rounded() - 0.5)
            stages.append("must \(Int(value.rounded()))")
        }
        if program.servedColumns.isEmpty == false {
            guard let (value, optimal) = program.maximise(program.servedColumns.map { ($0, 1.0) }, seconds: remaining()) else { return nil }
            proven = proven && optimal
            program.require(program.servedColumns.map { ($0, 1.0) }, atLeast: value.rounded() - 0.5)
            stages.append("served \(Int(value.rounded()))")
        }
        guard let (value, optimal) = program.maximise(program.scoreTerms, seconds: remaining()) else { return nil }
        proven = proven && optimal
        stages.append("score \((value * 1000).rounded() / 1000)")
        return AgendaExactSolution(slotOfMeeting: program.slots(), isProvenOptimal: proven,
                                   note: "GLPK " + (proven ? "proved optimal" : "stopped at its time limit with the best found")
                                       + " (" + stages.joined(separator: ", ") + ")")
    }
}
