/// The vocabulary as a byte trie over the tokens' UTF-8, for WordPiece's
/// greedy longest-match-first search: the longest vocabulary token that is a
/// prefix of the rest of a word is found in one walk, O(its length), with no
/// substring built or hashed per candidate.
///
/// Continuation pieces (`##ing`) are the same walk started from the node the
/// prefix `##` leads to, so one trie serves both.
struct WordPieceTrie: Sendable {
    /// A node, packed so that one cache line holds several.
    private struct Node: Sendable {
        /// Index of the first edge in `edges`, or, for a wide node, of its
        /// 256 child slots in `denseChildren`.
        var first: Int32
        /// Number of edges (≤ 256), or `Node.dense` for a wide node.
        var count: Int32
        /// The id of the token ending here, or -1.
        var token: Int32

        static let dense: Int32 = -1
    }

    private let nodes: [Node]
    /// Edges, grouped by node and sorted by byte within a node, each
    /// `child << 8 | byte`.
    private let edges: [UInt64]
    /// 256 children (or -1) per wide node, indexed by byte: the root, the
    /// `##` node and a few others, where most lookups start.
    private let denseChildren: [Int32]

    /// Nodes with more children than this get a direct table.
    private static let denseThreshold = 24

    /// The root: word-initial pieces start here.
    static let root: Int32 = 0

    /// Builds the trie of `tokens` (id = index). Empty tokens are skipped
    /// (WordPiece never looks up an empty piece). O(total bytes · log n) for
    /// the sort, O(total bytes) for the build.
    init(tokens: [String]) {
        var keys: [(bytes: [UInt8], id: Int32)] = []
        keys.reserveCapacity(tokens.count)
        for (id, token) in tokens.enumerated() where !token.isEmpty {
            keys.append((Array(token.utf8), Int32(id)))
        }
        keys.sort { $0.bytes.lexicographicallyPrecedes($1.bytes) }

        var nodes = [Node(first: 0, count: 0, token: -1)]
        var edges: [UInt64] = []
        // Breadth first: the children of a node get consecutive edges and
        // consecutive node indices.
        var queue: [(node: Int32, low: Int, high: Int, depth: Int)] = [(0, 0, keys.count, 0)]
        var head = 0
        while head < queue.count {
            let (node, low, high, depth) = queue[head]
            head += 1
            var i = low
            // Sorted keys sharing a prefix: the one that ends here comes first.
            // Duplicates (refused by the loaders) would keep the first id.
            while i < high && keys[i].bytes.count == depth {
                if nodes[Int(node)].token < 0 { nodes[Int(node)].token = keys[i].id }
                i += 1
            }
            let first = edges.count
            while i < high {
                let byte = keys[i].bytes[depth]
                var j = i + 1
                while j < high && keys[j].bytes[depth] == byte { j += 1 }
                let child = Int32(nodes.count)
                nodes.append(Node(first: 0, count: 0, token: -1))
                edges.append(UInt64(child) << 8 | UInt64(byte))
                queue.append((child, i, j, depth + 1))
                i = j
            }
            nodes[Int(node)].first = Int32(first)
            nodes[Int(node)].count = Int32(edges.count - first)
        }
        // Wide nodes get a direct table.
        var denseChildren: [Int32] = []
        for n in nodes.indices where Int(nodes[n].count) > Self.denseThreshold {
            let offset = denseChildren.count
            denseChildren += repeatElement(-1, count: 256)
            let first = Int(nodes[n].first)
            for edge in edges[first..<(first + Int(nodes[n].count))] {
                denseChildren[offset + Int(edge & 0xFF)] = Int32(truncatingIfNeeded: edge >> 8)
            }
            nodes[n].first = Int32(offset)
            nodes[n].count = Node.dense
        }
        self.nodes = nodes
        self.edges = edges
        self.denseChildren = denseChildren
    }

    /// The node reached from `node` by `byte`, or -1. O(1) for wide nodes,
    /// O(24) at worst for the others (most have one to three children).
    @inline(__always)
    func child(of node: Int32, byte: UInt8) -> Int32 {
        let n = nodes[Int(node)]
        if n.count == Node.dense { return denseChildren[Int(n.first) + Int(byte)] }
        var e = Int(n.first)
        let end = e + Int(n.count)
        while e < end {
            let edge = edges[e]
            let b = UInt8(truncatingIfNeeded: edge)
            if b == byte { return Int32(truncatingIfNeeded: edge >> 8) }
            if b > byte { return -1 }
            e += 1
        }
        return -1
    }

    /// The node reached from the root by `bytes`, or -1. O(bytes).
    func node(for bytes: some Sequence<UInt8>) -> Int32 {
        var node = Self.root
        for byte in bytes {
            node = child(of: node, byte: byte)
            if node < 0 { return -1 }
        }
        return node
    }

    /// The longest token, walking from `node`, that is a prefix of
    /// `bytes[start...]`: its end index and id, or nil. O(length walked).
    @inline(__always)
    func longestMatch(from node: Int32, in bytes: UnsafeBufferPointer<UInt8>, start: Int) -> (end: Int, id: Int32)? {
        var node = node
        var best: (end: Int, id: Int32)?
        var i = start
        while i < bytes.count {
            node = child(of: node, byte: bytes[i])
            if node < 0 { break }
            i += 1
            let id = nodes[Int(node)].token
            if id >= 0 { best = (i, id) }
        }
        return best
    }
}
