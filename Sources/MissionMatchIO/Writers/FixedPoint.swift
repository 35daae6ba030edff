/// Locale-independent, deterministic formatting of numbers for output files.
package enum FixedPoint {
    /// Formats a number with exactly `digits` decimals, rounding half away from zero:
    /// `format(0.71235, digits: 4)` is `"0.7124"`, `format(3, digits: 2)` is `"3.00"`.
    ///
    /// - Parameters:
    ///   - value: The number; NaN and infinities are written as zero.
    ///   - digits: Decimals after the point, 0…9.
    /// - Returns: Digits with `.` as the decimal separator, `-` for negatives, no grouping.
    package static func format(_ value: Double, digits: Int) -> String {
        precondition((0...9).contains(digits), "digits must be 0…9")
        guard let (units, length, negative) = parts(of: value, digits: digits) else { return String(value) }
        return String(unsafeUninitializedCapacity: length) { bytes in
            write(units, digits: digits, negative: negative, into: bytes)
            return length
        }
    }

    /// Appends ``format(_:digits:)``'s bytes (ASCII) to `bytes`, without making a string.
    package static func append(_ value: Double, digits: Int, to bytes: inout [UInt8]) {
        precondition((0...9).contains(digits), "digits must be 0…9")
        guard let (units, length, negative) = parts(of: value, digits: digits) else {
            bytes.append(contentsOf: String(value).utf8)
            return
        }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: length))
        bytes.withUnsafeMutableBufferPointer { all in
            write(units, digits: digits, negative: negative, into: UnsafeMutableBufferPointer(rebasing: all[start..<(start + length)]))
        }
    }

    /// The scaled value's units, the text's length and sign; `nil` when the
    /// value is too large for 16 integer digits (written by `String(value)`).
    private static func parts(of value: Double, digits: Int) -> (units: UInt64, length: Int, negative: Bool)? {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        // NaN and infinities are written as zero.
        let scaled = value.isFinite ? (abs(value) * scale).rounded(.toNearestOrAwayFromZero) : 0
        guard scaled < 9.0e15 else { return nil }
        let units = UInt64(scaled)
        let negative = value < 0 && units > 0
        // At most 16 integer digits (scaled < 9e15), the point, 9 decimals and the sign: 27 bytes.
        let length = (negative ? 1 : 0) + max(Self.digitCount(units), digits + 1) + (digits > 0 ? 1 : 0)
        return (units, length, negative)
    }

    /// Writes the digits of `units` with the point `digits` places from the right into all of `bytes`.
    private static func write(_ units: UInt64, digits: Int, negative: Bool, into bytes: UnsafeMutableBufferPointer<UInt8>) {
        var units = units
        var position = bytes.count
        for _ in 0..<digits {
            position -= 1
            bytes[position] = UInt8(ascii: "0") + UInt8(units % 10)
            units /= 10
        }
        if digits > 0 {
            position -= 1
            bytes[position] = UInt8(ascii: ".")
        }
        repeat {
            position -= 1
            bytes[position] = UInt8(ascii: "0") + UInt8(units % 10)
            units /= 10
        } while units > 0
        if negative { bytes[0] = UInt8(ascii: "-") }
    }

    /// How many decimal digits `value` has (1 for 0).
    private static func digitCount(_ value: UInt64) -> Int {
        var count = 1, rest = value / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        return count
    }
}
