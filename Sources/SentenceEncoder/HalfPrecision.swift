/// IEEE 754 binary16 ("half", F16) values widened to `Float`, exactly.
///
/// `Float(Float16(bitPattern:))` is exact too, but on x86-64 without F16C it
/// is a call to the runtime's `__extendhfsf2` per value: reading the cached
/// vectors of a 23,100-participant programme (46,200 texts and their clauses)
/// spent a fifth of its time there. ``widen(_:into:)`` is a branch-free loop
/// of integer operations that the optimiser vectorises; it gives the bits of
/// that conversion for every one of the 65,536 patterns (±0, subnormals, ±∞;
/// a NaN keeps its payload).
enum HalfPrecision {
    /// One binary16 bit pattern as a `Float` (subnormals, infinities and NaN included).
    ///
    /// - Complexity: O(1).
    static func float(_ h: UInt16) -> Float {
        let sign = UInt32(h & 0x8000) << 16
        let exponent = Int((h >> 10) & 0x1F)
        let mantissa = UInt32(h & 0x3FF)
        if exponent == 0x1F { return Float(bitPattern: sign | 0x7F80_0000 | mantissa << 13) }
        if exponent == 0 {
            // ±0 or subnormal: mantissa × 2⁻²⁴, exact in Float.
            let magnitude = Float(mantissa) * 0x1p-24
            return sign == 0 ? magnitude : -magnitude
        }
        return Float(bitPattern: sign | UInt32(exponent - 15 + 127) << 23 | mantissa << 13)
    }

    /// Widens little-endian binary16 values to `Float`.
    ///
    /// - Parameters:
    ///   - source: `2 × destination.count` bytes, little-endian binary16 values, any alignment.
    ///   - destination: Where the values go.
    /// - Precondition: `source` holds at least `2 × destination.count` bytes.
    /// - Complexity: O(n), vectorised.
    static func widen(_ source: UnsafeRawBufferPointer, into destination: UnsafeMutableBufferPointer<Float>) {
        let n = destination.count
        precondition(source.count >= 2 * n, "two bytes per value")
        var i = 0
        #if _endian(little)
        if let input = source.baseAddress, let output = destination.baseAddress {
            // Branch-free, so that the optimiser vectorises the loop.
            while i < n {
                let half = input.loadUnaligned(fromByteOffset: 2 &* i, as: UInt16.self)
                let magnitude = UInt32(half & 0x7FFF)
                let sign = UInt32(half & 0x8000) &<< 16
                // Normal: rebias the exponent (127 − 15 = 112); ∞ and NaN: all-ones exponent, payload kept;
                // ±0 and subnormal: the mantissa × 2⁻²⁴, exact in Float.
                let normal = (magnitude &<< 13) &+ 0x3800_0000
                let special = (magnitude &<< 13) | 0x7F80_0000
                let subnormal = (Float(Int32(bitPattern: magnitude)) * 0x1p-24).bitPattern
                let bits = magnitude >= 0x7C00 ? special : magnitude < 0x400 ? subnormal : normal
                output[i] = Float(bitPattern: bits | sign)
                i &+= 1
            }
        }
        #endif
        while i < n {
            destination[i] = float(UInt16(littleEndian: source.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)))
            i += 1
        }
    }
}
