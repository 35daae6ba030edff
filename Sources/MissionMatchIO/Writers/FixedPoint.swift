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
        guard value.isFinite else { return digits == 0 ? "0" : "0." + String(repeating: "0", count: digits) }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e15 else { return String(value) }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        let whole = units / divisor
        let fraction = units % divisor
        var text = (value < 0 && units > 0) ? "-" : ""
        text += String(whole)
        if digits > 0 {
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return text
    }
}
