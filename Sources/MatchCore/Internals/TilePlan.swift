/// The fixed cutting of a pairing into work items. The geometry depends only
/// on the input's shape and the tile sizes — never on the number of
/// workers — so every score is computed by the same GEMM call shapes
/// whichever thread runs it, and results are reproducible to the bit.
struct TilePlan: Sendable {
    /// One work item: a range of A rows against a range of B rows, cut into
    /// tiles of at most `rowTile × columnTile` (see `forEachTile`). In `open`
    /// pairing the scan keeps only pairs with column > row.
    struct Item: Sendable {
        var rows: Range<Int>
        var columns: Range<Int>
    }

    let a: ScoringSide
    let b: ScoringSide
    let isOpen: Bool
    let rowTile: Int
    let columnTile: Int
    let items: [Item]
    /// B's sparse blocks by column tile (``SparseTileColumns``), or `nil`
    /// when the sides have none or the plan only runs the GEMMs.
    let sparseTiles: [SparseTileColumns]?

    var rowCount: Int { a.count }
    var columnCount: Int { b.count }
    var latentDimension: Int { a.latentDimension }
    var featureDimension: Int { a.featureDimension }
    /// Whether tiles have a linear part: dense features, or sparse ones added.
    var hasLinear: Bool { featureDimension > 0 || (sparseTiles != nil && (a.sparse?.features.columns ?? 0) > 0) }

    /// A plan; `includeSparse` false plans the GEMMs alone (the GEMM floor).
    init(input: PairingInput, rowTile: Int, columnTile: Int, includeSparse: Bool = true) {
        switch input {
        case let .bipartite(a, b):
            precondition(a.latentDimension == b.latentDimension,
                         "both sides need the same latent dimension (\(a.latentDimension) vs \(b.latentDimension))")
            precondition(a.featureDimension == b.featureDimension,
                         "both sides need the same feature dimension (\(a.featureDimension) vs \(b.featureDimension))")
            self.a = a
            self.b = b
            self.isOpen = false
        case let .open(side):
            self.a = side
            self.b = side
            self.isOpen = true
        }
        precondition((a.sparse == nil) == (b.sparse == nil), "both sides need sparse blocks, or neither")
        if let x = a.sparse, let y = b.sparse {
            precondition(x.offer.columns == y.offer.columns && x.features.columns == y.features.columns,
                         "both sides' sparse blocks need the same widths")
        }
        self.rowTile = rowTile
        self.columnTile = columnTile
        self.sparseTiles = includeSparse ? b.sparse.map { SparseTileColumns.cut($0, columnTile: columnTile) } : nil
        self.items = Self.cut(rows: a.count, columns: b.count, open: isOpen, rowTile: rowTile, columnTile: columnTile)
    }

    /// Calls `body` with each tile (at most `rowTile` A rows × `columnTile`
    /// B rows) of `item`, rows outermost.
    func forEachTile(of item: Item, _ body: (_ rows: Range<Int>, _ columns: Range<Int>) -> Void) {
        var r0 = item.rows.lowerBound
        while r0 < item.rows.upperBound {
            let r1 = min(item.rows.upperBound, r0 + rowTile)
            var c0 = item.columns.lowerBound
            while c0 < item.columns.upperBound {
                let c1 = min(item.columns.upperBound, c0 + columnTile)
                body(r0..<r1, c0..<c1)
                c0 = c1
            }
            r0 = r1
        }
    }

    /// One item per column tile, spanning every row of A (in `open`
    /// pairing, the rows before the tile's last column). Columns outermost
    /// keeps a worker's column lists for the item — where most list
    /// insertions happen — in its L2 cache while all of A streams past;
    /// column tiles are small enough to balance the workers.
    private static func cut(rows: Int, columns: Int, open: Bool, rowTile: Int, columnTile: Int) -> [Item] {
        guard rows > 0, columns > 0 else { return [] }
        var items: [Item] = []
        var c0 = 0
        while c0 < columns {
            let c1 = min(columns, c0 + columnTile)
            // Open pairing scores pair (i, j) once, with i < j.
            let rowEnd = open ? min(rows, c1 - 1) : rows
            if rowEnd > 0 {
                items.append(Item(rows: 0..<rowEnd, columns: c0..<c1))
            }
            c0 = c1
        }
        // Open pairing: the largest items first, so the last ones are short.
        return open ? items.reversed() : items
    }
}
