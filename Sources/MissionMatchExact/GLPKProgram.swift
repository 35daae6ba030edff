import CGLPK
import MissionMatch

/// The GLPK problem behind ``GLPKAgendaSolver``: columns, rows and the calls
/// that solve it. Owns a `glp_prob`; call ``free()`` when done.
struct GLPKProgram {
    private let problem: OpaquePointer
    private let model: AgendaExactModel
    /// Column of x(m, s): `meetingColumns[m][k]` for the meeting's `k`-th slot.
    private var meetingColumns: [[Int32]] = []
    /// Columns of the `must` meetings' x.
    private(set) var mustColumns: [Int32] = []
    /// Columns of z(p).
    private(set) var servedColumns: [Int32] = []
    /// (column, score) of every x.
    private(set) var scoreTerms: [(Int32, Double)] = []

    init(_ model: AgendaExactModel) {
        self.model = model
        glp_term_out(GLP_OFF)
        problem = glp_create_prob()
        glp_set_obj_dir(problem, GLP_MAX)
        var xOf = [[(slot: Int, column: Int32)]](repeating: [], count: model.participantCount)
        for meeting in model.meetings {
            var columns: [Int32] = []
            for s in meeting.slots {
                let column = addColumn(binary: true, upper: 1)
                columns.append(column)
                xOf[meeting.a].append((s, column))
                xOf[meeting.b].append((s, column))
                scoreTerms.append((column, meeting.score))
                if meeting.isMust { mustColumns.append(column) }
            }
            meetingColumns.append(columns)
            if columns.count > 1 { addRow(columns.map { ($0, 1.0) }, upper: 1) }
        }
        // Fixed tables: y(f, σ) for each holder and session it can meet in.
        var holdColumn = [Int: Int32]()   // f * sessions + σ → column
        if model.hasFixedTables {
            for meeting in model.meetings {
                guard let f = meeting.holder else { continue }
                for s in meeting.slots {
                    let key = f * model.sessionCount + model.sessionOfSlot[s]
                    if holdColumn[key] == nil { holdColumn[key] = addColumn(binary: true, upper: 1) }
                }
            }
            for σ in 0..<model.sessionCount {
                let terms = holdColumn.filter { $0.key % model.sessionCount == σ }.sorted { $0.key < $1.key }
                    .map { ($0.value, Double(model.representatives[$0.key / model.sessionCount])) }
                if !terms.isEmpty { addRow(terms, upper: Double(model.tables)) }
            }
        }
        for p in 0..<model.participantCount where !xOf[p].isEmpty {
            var bySlot = [Int: [Int32]]()
            for item in xOf[p] { bySlot[item.slot, default: []].append(item.column) }
            let holds = model.hasFixedTables && model.meetings.contains { $0.holder == p }
            for (s, columns) in bySlot.sorted(by: { $0.key < $1.key }) {
                let reps = Double(model.representatives[p])
                if holds, let y = holdColumn[p * model.sessionCount + model.sessionOfSlot[s]] {
                    addRow(columns.map { ($0, 1.0) } + [(y, -reps)], upper: 0)
                } else if Double(columns.count) > reps {
                    addRow(columns.map { ($0, 1.0) }, upper: reps)
                }
            }
            let all = xOf[p].map(\.column)
            if all.count > model.capacity[p] { addRow(all.map { ($0, 1.0) }, upper: Double(model.capacity[p])) }
            let minimum = min(model.minimum[p], model.capacity[p])
            if minimum > 0 {
                let z = addColumn(binary: false, upper: Double(minimum))
                servedColumns.append(z)
                addRow([(z, 1.0)] + all.map { ($0, -1.0) }, upper: 0)
            }
        }
        var perSlot = [[Int32]](repeating: [], count: model.slotCount)
        for (m, meeting) in model.meetings.enumerated() {
            for (k, s) in meeting.slots.enumerated() { perSlot[s].append(meetingColumns[m][k]) }
        }
        for columns in perSlot where columns.count > model.tables {
            addRow(columns.map { ($0, 1.0) }, upper: Double(model.tables))
        }
    }

    /// Releases the GLPK problem.
    func free() { glp_delete_prob(problem) }

    private func addColumn(binary: Bool, upper: Double) -> Int32 {
        let column = glp_add_cols(problem, 1)
        glp_set_col_kind(problem, column, binary ? GLP_BV : GLP_CV)
        if !binary { glp_set_col_bnds(problem, column, GLP_DB, 0, upper) }
        return column
    }

    private func addRow(_ terms: [(Int32, Double)], upper: Double) {
        let row = glp_add_rows(problem, 1)
        glp_set_row_bnds(problem, row, GLP_UP, 0, upper)
        setRow(row, terms)
    }

    private func setRow(_ row: Int32, _ terms: [(Int32, Double)]) {
        let indices: [Int32] = [0] + terms.map(\.0)
        let values: [Double] = [0] + terms.map(\.1)
        glp_set_mat_row(problem, row, Int32(terms.count), indices, values)
    }

    /// Adds the row Σ terms ≥ `lower` (a higher priority's optimum, kept while the next one is solved).
    func require(_ terms: [(Int32, Double)], atLeast lower: Double) {
        let row = glp_add_rows(problem, 1)
        glp_set_row_bnds(problem, row, GLP_LO, lower, 0)
        setRow(row, terms)
    }

    /// Maximises Σ terms within the time limit.
    ///
    /// - Returns: The best value found and whether it is proven optimal; `nil` when no solution was found.
    func maximise(_ terms: [(Int32, Double)], seconds: Double) -> (Double, Bool)? {
        let columns = glp_get_num_cols(problem)
        if columns > 0 { for j in 1...columns { glp_set_obj_coef(problem, j, 0) } }
        for (column, coefficient) in terms { glp_set_obj_coef(problem, column, coefficient) }
        guard seconds > 0 else { return nil }
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.presolve = GLP_ON
        parameters.msg_lev = GLP_MSG_OFF
        parameters.tm_lim = Int32(min(Double(Int32.max), (seconds * 1000).rounded(.up)))
        parameters.fp_heur = GLP_ON
        let code = glp_intopt(problem, &parameters)
        let status = glp_mip_status(problem)
        guard code == 0 || code == GLP_ETMLIM, status == GLP_OPT || status == GLP_FEAS else { return nil }
        return (glp_mip_obj_val(problem), code == 0 && status == GLP_OPT)
    }

    /// The slot of each meeting in the last solution.
    func slots() -> [Int?] {
        model.meetings.indices.map { m in
            let k = meetingColumns[m].firstIndex { glp_mip_col_val(problem, $0) > 0.5 }
            return k.map { model.meetings[m].slots[$0] }
        }
    }
}
