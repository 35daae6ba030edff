/// The term stems of a corpus numbered once, so that the encoding's later
/// passes over the texts (document frequencies, both TF-IDF weightings, the
/// exact-evidence block, the keys of the reasons) index arrays by number
/// instead of hashing every stem again: a 3,100 × 20,000 programme has 46,200
/// texts and about 1.4 million term occurrences, and each hashed pass over
/// them took 0.05–0.2 s of a core.
///
/// Ids follow the first occurrence of each stem in text order, so they do not
/// depend on how the work was split over the cores. Two stems get the same id
/// exactly when they are equal as Swift strings (canonical equivalence), the
/// equality the string-keyed tables they replace used.
struct TermIDs: Sendable {
    /// Each distinct stem, by id.
    let vocabulary: [String]
    /// Every text's term ids, one per entry of its `AnalyzedText/terms`, texts one after another.
    private let ids: [Int32]
    /// Where each text's ids start in ``ids``; entry `count` is the end.
    private let starts: [Int]

    /// The number of texts.
    var count: Int { starts.count - 1 }

    /// The term ids of text `index`, in the order of its terms.
    func terms(of index: Int) -> ArraySlice<Int32> { ids[starts[index]..<starts[index + 1]] }

    /// Numbers the terms of `texts`: each chunk of texts hashes its own
    /// occurrences on its own core, then the chunks' distinct stems are
    /// numbered in chunk order and their ids rewritten.
    ///
    /// - Complexity: O(total terms), one hash per occurrence, split over the
    ///   cores, plus one per distinct stem of each chunk.
    init(_ texts: [AnalyzedText]) {
        let chunks = ParallelChunks.map(count: texts.count, minimumChunk: 1_024) { range in
            [LocalChunk(texts[range])]
        }
        var global: [String: Int32] = [:]
        var vocabulary: [String] = []
        let renumbering = chunks.map { chunk in
            chunk.vocabulary.map { stem in
                if let id = global[stem] { return id }
                let id = Int32(vocabulary.count)
                global[stem] = id
                vocabulary.append(stem)
                return id
            }
        }
        var starts = [0]
        starts.reserveCapacity(texts.count + 1)
        for chunk in chunks {
            let base = starts[starts.count - 1]
            for end in chunk.ends { starts.append(base + end) }
        }
        let total = starts[starts.count - 1]
        let chunkStarts = chunks.indices.reduce(into: [0]) { $0.append($0[$0.count - 1] + chunks[$1].ids.count) }
        let ids = [Int32](unsafeUninitializedCapacity: total) { buffer, initialized in
            nonisolated(unsafe) let base = buffer.baseAddress
            ParallelChunks.forEach(count: chunks.count, minimumChunk: 1) { range in
                guard let base else { return }
                for chunk in range {
                    let renumber = renumbering[chunk]
                    let out = base + chunkStarts[chunk]
                    for (offset, local) in chunks[chunk].ids.enumerated() { out[offset] = renumber[Int(local)] }
                }
            }
            initialized = total
        }
        self.vocabulary = vocabulary
        self.ids = ids
        self.starts = starts
    }

    private init(vocabulary: [String], ids: [Int32], starts: [Int]) {
        self.vocabulary = vocabulary
        self.ids = ids
        self.starts = starts
    }

    /// The first `count` texts (the same vocabulary and numbering).
    func prefix(_ count: Int) -> TermIDs {
        precondition((0...self.count).contains(count), "a prefix of the texts")
        return TermIDs(vocabulary: vocabulary, ids: Array(ids[0..<starts[count]]), starts: Array(starts[0...count]))
    }

    /// The texts from `first` on (the same vocabulary and numbering).
    func suffix(from first: Int) -> TermIDs {
        precondition((0...count).contains(first), "a suffix of the texts")
        guard first > 0 else { return self }
        let offset = starts[first]
        return TermIDs(vocabulary: vocabulary, ids: Array(ids[offset...]), starts: starts[first...].map { $0 - offset })
    }

    /// The same texts with only the ids `keep` accepts (the same vocabulary and numbering).
    ///
    /// - Complexity: O(total terms).
    func filtered(keeping keep: [Bool]) -> TermIDs {
        precondition(keep.count == vocabulary.count, "one flag per stem")
        var kept: [Int32] = []
        kept.reserveCapacity(ids.count)
        var keptStarts = [0]
        keptStarts.reserveCapacity(starts.count)
        for text in 0..<count {
            for id in terms(of: text) where keep[Int(id)] { kept.append(id) }
            keptStarts.append(kept.count)
        }
        return TermIDs(vocabulary: vocabulary, ids: kept, starts: keptStarts)
    }

    /// One chunk's texts numbered by a dictionary of its own.
    private struct LocalChunk: Sendable {
        var vocabulary: [String] = []
        var ids: [Int32] = []
        /// Where each text of the chunk ends in ``ids``.
        var ends: [Int] = []

        init(_ texts: ArraySlice<AnalyzedText>) {
            var local: [String: Int32] = [:]
            ends.reserveCapacity(texts.count)
            for text in texts {
                for stem in text.terms {
                    if let id = local[stem] {
                        ids.append(id)
                    } else {
                        let id = Int32(vocabulary.count)
                        local[stem] = id
                        vocabulary.append(stem)
                        ids.append(id)
                    }
                }
                ends.append(ids.count)
            }
        }
    }
}
