/// A fast 64-bit hash of a byte stream, for the model's fingerprint
/// (``SentenceTransformerModel/fingerprint``): not cryptographic, but every
/// change of a single 32-bit word changes it.
///
/// The bytes are read as little-endian 32-bit words in blocks of eight. Two
/// independent streams of eight lanes step each lane by
/// `h ← rotl((h ⊕ w) · odd, r)` with different multipliers and rotations (a
/// bijection of h for every word w); the lanes, the bytes after the last
/// whole block and the byte count are then combined by FNV-1a. About 10 ms
/// for all-MiniLM-L6-v2's 90 MB.
///
/// ```swift
/// var hash = ContentHash()
/// hash.combine(firstPiece)    // every piece but the last a multiple of `blockSize` bytes
/// hash.combine(lastPiece)
/// let digest = hash.value
/// ```
struct ContentHash {
    typealias Lanes = SIMD8<UInt32>
    /// The bytes of one block (eight 32-bit words).
    static let blockSize = 32
    private var a = Lanes(0x243F_6A88, 0x85A3_08D3, 0x1319_8A2E, 0x0370_7344, 0xA409_3822, 0x299F_31D0, 0x082E_FA98, 0xEC4E_6C89)
    private var b = Lanes(0x4528_21E6, 0x38D0_1377, 0xBE54_66CF, 0x34E9_0C6C, 0xC0AC_29B7, 0xC97C_50DD, 0x3F84_D5B5, 0xB547_0917)
    /// The bytes after the last whole block (only the last piece may leave some).
    private var tail: [UInt8] = []
    private var count: UInt64 = 0

    /// Hashes the next piece of the stream.
    ///
    /// - Precondition: every piece before this one was a multiple of ``blockSize`` bytes.
    /// - Complexity: O(n), vectorised.
    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        precondition(tail.isEmpty, "only the last piece may end inside a block")
        let blocks = bytes.count / Self.blockSize
        if let base = bytes.baseAddress {
            for block in 0..<blocks {
                // Little-endian words on every platform this package builds for (x86-64, arm64).
                let word = base.loadUnaligned(fromByteOffset: block * Self.blockSize, as: Lanes.self)
                a = (a ^ word) &* 0x9E37_79B1
                a = (a &<< 13) | (a &>> 19)
                b = (b ^ word) &* 0x85EB_CA77
                b = (b &<< 17) | (b &>> 15)
            }
        }
        tail = Array(bytes[(blocks * Self.blockSize)...])
        count &+= UInt64(bytes.count)
    }

    /// The hash of everything combined so far.
    var value: UInt64 {
        var fnv = FNV1a64()
        for lane in 0..<8 {
            fnv.combine(UInt64(a[lane]) << 32 | UInt64(b[lane]))
        }
        fnv.combine(bytes: tail)
        fnv.combine(count)
        return fnv.value
    }
}
