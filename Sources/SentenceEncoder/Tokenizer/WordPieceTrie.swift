/// The vocabulary as a byte trie over the tokens' UTF-8, for WordPiece's
/// greedy longest-match-first search: the longest vocabulary token that is a
/// prefix of the rest of a word is found in one walk, O(its length), with no
/// substring built or hashed per candidate.
///
/// Continuation pieces (`##ing`) are the same walk started from the node the
/// prefix `##` leads to, so one trie serves both.
struct WordPieceTrie: Sendable {
    /// Per node: index of its first edge in `edgeBytes`/`edgeTargets`.
    private let firstEdge: [Int32]
    /// Per node: number of edges (≤ 256).
    private let edgeCount: [UInt16]
    /// Per node: the id of the token ending there, or -1.
    private let tokenID: [Int32]
    /// Edges, grouped by node and sorted by byte within a node.
    private let edgeBytes: [UInt8]
    private let edgeTargets: [Int32]

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

        var firstEdge: [Int32] = [0]
        var edgeCount: [UInt16] = [0]
        var tokenID: [Int32] = [-1]
        var edgeBytes: [UInt8] = []
        var edgeTargets: [Int32] = []
        // Breadth first: the children of a node get consecutive edges.
        var queue: [(node: Int32, low: Int, high: Int, depth: Int)] = [(0, 0, keys.count, 0)]
        var head = 0
        while head < queue.count {
            let (node, low, high, depth) = queue[head]
            head += 1
            var i = low
            // Sorted keys sharing a prefix: the one that ends here comes first.
            // Duplicates (refused by the loaders) would keep the first id.
            while i < high && keys[i].bytes.count == depth {
                if tokenID[Int(node)] < 0 { tokenID[Int(node)] = keys[i].id }
                i += 1
            }
            firstEdge[Int(node)] = Int32(edgeBytes.count)
            while i < high {
                let byte = keys[i].bytes[depth]
                var j = i + 1
                while j < high && keys[j].bytes[depth] == byte { j += 1 }
                let child = Int32(firstEdge.count)
                firstEdge.append(0)
                edgeCount.append(0)
                tokenID.append(-1)
                edgeBytes.append(byte)
                edgeTargets.append(child)
                queue.append((child, i, j, depth + 1))
                i = j
            }
            edgeCount[Int(node)] = UInt16(Int(edgeBytes.count) - Int(firstEdge[Int(node)]))
        }
        self.firstEdge = firstEdge
        self.edgeCount = edgeCount
        self.tokenID = tokenID
        self.edgeBytes = edgeBytes
        self.edgeTargets = edgeTargets
    }

    /// The node reached from `node` by `byte`, or -1. O(log 256).
    @inline(__always)
    func child(of node: Int32, byte: UInt8) -> Int32 {
        var low = Int(firstEdge[Int(node)])
        var high = low + Int(edgeCount[Int(node)])
        while high - low > 8 {  // keeps edgeBytes[low..<high] holding `byte` if any edge does
            let mid = (low + high) / 2
            if edgeBytes[mid] < byte { low = mid + 1 } else { high = mid + 1 }
        }
        while low < high {
            let b = edgeBytes[low]
            if b == byte { return edgeTargets[low] }
            if b > byte { return -1 }
            low += 1
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
            let id = tokenID[Int(node)]
            if id >= 0 { best = (i, id) }
        }
        return best
    }
}
