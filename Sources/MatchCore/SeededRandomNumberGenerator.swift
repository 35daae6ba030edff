/// A fast, seeded pseudo-random number generator whose output is the same
/// on every platform: xoshiro256** (Blackman & Vigna 2018), its state
/// expanded from a 64-bit seed by SplitMix64.
///
/// Use it wherever a run must be repeatable: randomized algorithms such as
/// ``RandomizedSVD``, seeded tests, generated benchmark data. It is not a
/// cryptographic generator.
///
/// ```swift
/// var generator = SeededRandomNumberGenerator(seed: 42)
/// let die = Int.random(in: 1...6, using: &generator)   // same value on every run
/// let z = generator.nextStandardNormal()                // a N(0, 1) sample
/// ```
///
/// The standard library's `random(in:using:)` methods consume the 64-bit
/// words of `next()`; the exact algorithm they use to map words to ranges is
/// the standard library's, identical on all platforms of one Swift version.
/// ``nextStandardNormal()`` uses only IEEE-754 basic operations, so its
/// values are bit-for-bit portable too.
public struct SeededRandomNumberGenerator: RandomNumberGenerator, Sendable, Hashable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64
    /// The second value of the last polar-method pair, not yet returned.
    private var spareNormal: Double?

    /// Creates a generator whose whole output is determined by `seed`.
    ///
    /// The four state words are the first four outputs of SplitMix64 started
    /// at `seed`, as the authors of xoshiro recommend; they are never all zero.
    ///
    /// - Parameter seed: Any 64-bit value; equal seeds give equal sequences.
    /// - Complexity: O(1).
    public init(seed: UInt64) {
        var splitMix = seed
        s0 = Self.splitMix64(&splitMix)
        s1 = Self.splitMix64(&splitMix)
        s2 = Self.splitMix64(&splitMix)
        s3 = Self.splitMix64(&splitMix)
        spareNormal = nil
    }

    /// Creates a generator for one of many independent streams derived from
    /// one seed, e.g. one stream per block of a matrix filled in parallel.
    ///
    /// ```swift
    /// let streams = (0..<4).map { SeededRandomNumberGenerator(seed: 7, stream: UInt64($0)) }
    /// ```
    ///
    /// - Parameters:
    ///   - seed: The seed shared by all streams.
    ///   - stream: The index of the stream.
    /// - Complexity: O(1).
    public init(seed: UInt64, stream: UInt64) {
        // Mix the pair into one seed with SplitMix64's finaliser: nearby
        // (seed, stream) pairs give unrelated states.
        var mixer = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
        let first = Self.splitMix64(&mixer)
        self.init(seed: first ^ stream)
    }

    /// The next 64 random bits (xoshiro256**).
    ///
    /// - Returns: A uniformly distributed 64-bit value.
    /// - Complexity: O(1).
    public mutating func next() -> UInt64 {
        nextWord()
    }

    /// A sample of the standard normal distribution N(0, 1), computed by
    /// Marsaglia's polar method from two uniform values in (−1, 1).
    ///
    /// The logarithm is evaluated by a fixed polynomial in IEEE-754 basic
    /// operations (no platform `log`), so the same seed yields the same bits
    /// on every platform.
    ///
    /// ```swift
    /// var generator = SeededRandomNumberGenerator(seed: 1)
    /// let noise = (0..<3).map { _ in Float(generator.nextStandardNormal()) }
    /// ```
    ///
    /// - Returns: A normally distributed `Double` with mean 0 and variance 1.
    /// - Complexity: O(1) expected (the polar method accepts 78.5 % of pairs).
    public mutating func nextStandardNormal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        let (first, second) = nextStandardNormalPair()
        spareNormal = second
        return first
    }

    /// Two independent standard normal samples (Marsaglia's polar method).
    mutating func nextStandardNormalPair() -> (Double, Double) {
        // 53-bit uniform values in (−1, 1): k·2⁻⁵² − 1 for k in 0..<2⁵³.
        let scale = 1.0 / Double(UInt64(1) << 52)
        while true {
            let u = Double(nextWord() >> 11) * scale - 1
            let v = Double(nextWord() >> 11) * scale - 1
            let s = u * u + v * v
            if s >= 1 || s == 0 { continue }
            let factor = (-2 * PortableMath.log(s) / s).squareRoot()
            return (u * factor, v * factor)
        }
    }

    @inline(__always)
    mutating func nextWord() -> UInt64 {
        let result = Self.rotateLeft(s1 &* 5, by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotateLeft(s3, by: 45)
        return result
    }

    @inline(__always)
    private static func rotateLeft(_ x: UInt64, by count: UInt64) -> UInt64 {
        (x << count) | (x >> (64 - count))
    }

    @inline(__always)
    private static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}


/// Elementary functions built only from IEEE-754 basic operations (+, −, ×,
/// ÷, √, exact scaling by powers of two), so that they round identically on
/// every platform, unlike the C library's.
enum PortableMath {
    /// The natural logarithm of a positive, finite, normal `x`, accurate to
    /// about one unit in the last place.
    ///
    /// x = m · 2ᵉ with m in [√½, √2) (read from the bits, exact);
    /// ln m = 2·atanh(z), z = (m − 1)/(m + 1), |z| ≤ 0.1716, summed as the
    /// odd series to z²³ (truncation < 10⁻¹⁷).
    static func log(_ x: Double) -> Double {
        precondition(x.isNormal && x > 0, "PortableMath.log needs a positive normal argument")
        let bits = x.bitPattern
        var e = Double(Int((bits >> 52) & 0x7FF) - 1023)
        var m = Double(bitPattern: (bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000)
        if m > 1.414_213_562_373_095_1 {
            m *= 0.5                     // exact
            e += 1
        }
        let z = (m - 1) / (m + 1)
        let w = z * z
        var p = 1.0 / 23
        p = p * w + 1.0 / 21
        p = p * w + 1.0 / 19
        p = p * w + 1.0 / 17
        p = p * w + 1.0 / 15
        p = p * w + 1.0 / 13
        p = p * w + 1.0 / 11
        p = p * w + 1.0 / 9
        p = p * w + 1.0 / 7
        p = p * w + 1.0 / 5
        p = p * w + 1.0 / 3
        let lnM = 2 * z + 2 * z * w * p
        // ln 2 split so that e·ln2High is exact for |e| < 2¹¹.
        let ln2High = 0.693_147_180_369_123_816_49
        let ln2Low = 1.908_214_929_270_587_700_02e-10
        return e * ln2High + (lnM + e * ln2Low)
    }
}
