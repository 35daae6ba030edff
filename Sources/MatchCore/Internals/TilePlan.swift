/// The fixed cutting of a pairing into work items. The geometry depends only
/// on the input's shape and the tile sizes — never on the number of
/// workers — so every score is computed by the same GEMM call shapes
/// whichever thread runs it, and results are reproducible to the bit.
struct TilePlan: Sendable {
    /// One work item: a block of A rows against a range of B rows, cut into
    /// column tiles of at most `columnTile`.
    struct Item: Sendable {
        var rows: Range<Int>
        var columns: Range<Int>
        /// `open` pairing only: the item touches the diagonal block, where
        /// only pairs with column > row are scored.
        var isDiagonal: Bool
    }

    let a: ScoringSide
    let b: ScoringSide
    let isOpen: Bool
    let rowTile: Int
    let columnTile: Int
    let items: [Item]

    var rowCount: Int { a.count }
    var columnCount: Int { b.count }
    var latentDimension: Int { a.latentDimension }
    var featureDimension: Int { a.featureDimension }

    init(input: PairingInput, rowTile: Int, columnTile: Int) {
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
        self.rowTile = rowTile
        self.columnTile = columnTile
        self.items = Self.cut(rows: a.count, columns: b.count, open: isOpen, rowTile: rowTile, columnTile: columnTile)
    }

    /// Calls `body` with each column tile (at most `columnTile` B rows) of `item`, in order.
    func forEachColumnTile(of item: Item, _ body: (Range<Int>) -> Void) {
        var c0 = item.columns.lowerBound
        while c0 < item.columns.upperBound {
            let c1 = min(item.columns.upperBound, c0 + columnTile)
            body(c0..<c1)
            c0 = c1
        }
    }

    /// Row blocks × column ranges. Column ranges span several column tiles
    /// (about 8 per range) so that there are enough items to balance the
    /// workers, yet each item amortises its row block's packing.
    private static func cut(rows: Int, columns: Int, open: Bool, rowTile: Int, columnTile: Int) -> [Item] {
        guard rows > 0, columns > 0 else { return [] }
        let span = columnTile * 8
        var items: [Item] = []
        var r0 = 0
        while r0 < rows {
            let r1 = min(rows, r0 + rowTile)
            // In open pairing, block (r0..<r1) pairs only with columns ≥ r0.
            var c0 = open ? r0 : 0
            while c0 < columns {
                let c1 = min(columns, c0 + span)
                items.append(Item(rows: r0..<r1, columns: c0..<c1, isDiagonal: open && c0 < r1))
                c0 = c1
            }
            r0 = r1
        }
        return items
    }
}
