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
    /// (WordPiece never looks up an empty piece). Breadth first, the keys of
    /// each node bucketed by their next byte (a stable counting sort), so the
    /// children of a node get consecutive edges in byte order and no sort of
    /// the whole vocabulary is needed. O(total bytes + nodes · log 256).
    init(tokens: [String]) {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        var lengths: [Int] = []
        var ids: [Int32] = []
        for (id, token) in tokens.enumerated() where !token.isEmpty {
            starts.append(bytes.count)
            bytes.append(contentsOf: token.utf8)
            lengths.append(bytes.count - starts[starts.count - 1])
            ids.append(Int32(id))
        }
        // The keys of node (low, high) are order[low..<high], by ascending id
        // within a bucket (the sort is stable), so a duplicate keeps its first id.
        var order = Array(0..<ids.count)
        var scratch = order
        var bucket = [Int](repeating: 0, count: 256)
        var distinct: [UInt8] = []

        var nodes = [Node(first: 0, count: 0, token: -1)]
        var edges: [UInt64] = []
        var queue: [(node: Int, low: Int, high: Int, depth: Int)] = [(0, 0, ids.count, 0)]
        var head = 0
        while head < queue.count {
            let (node, low, high, depth) = queue[head]
            head += 1
            distinct.removeAll(keepingCapacity: true)
            for k in order[low..<high] {
                if lengths[k] == depth {
                    if nodes[node].token < 0 { nodes[node].token = ids[k] }
                } else {
                    let byte = Int(bytes[starts[k] + depth])
                    if bucket[byte] == 0 { distinct.append(UInt8(byte)) }
                    bucket[byte] += 1
                }
            }
            distinct.sort()
            var end = low
            for byte in distinct {
                let size = bucket[Int(byte)]
                bucket[Int(byte)] = end
                end += size
            }
            for k in order[low..<high] where lengths[k] > depth {
                let byte = Int(bytes[starts[k] + depth])
                scratch[bucket[byte]] = k
                bucket[byte] += 1
            }
            order.replaceSubrange(low..<end, with: scratch[low..<end])
            nodes[node].first = Int32(edges.count)
            nodes[node].count = Int32(distinct.count)
            var childLow = low
            for byte in distinct {
                let childHigh = bucket[Int(byte)]
                bucket[Int(byte)] = 0
                edges.append(UInt64(nodes.count) << 8 | UInt64(byte))
                queue.append((nodes.count, childLow, childHigh, depth + 1))
                nodes.append(Node(first: 0, count: 0, token: -1))
                childLow = childHigh
            }
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
