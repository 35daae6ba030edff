/// A cell's address in A1 notation (`C17`): a 0-based column and a 1-based row.
struct CellReference: Hashable, Sendable {
    /// The 0-based column (A is 0).
    var column: Int
    /// The 1-based row.
    var row: Int

    /// The largest column a workbook may have (XFD, Excel's limit).
    static let maxColumn = 16_383
    /// The largest row a workbook may have (Excel's limit).
    static let maxRow = 1_048_576

    /// Parses `C17` (letters then digits, `$` signs allowed); `nil` when malformed or beyond Excel's grid.
    init?(_ text: UnsafeBufferPointer<UInt8>) {
        var column = 0, row = 0, index = 0, letters = 0, digits = 0
        while index < text.count, text[index] == UInt8(ascii: "$") { index += 1 }
        while index < text.count {
            let byte = text[index] | 0x20
            guard byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") else { break }
            column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
            letters += 1
            guard letters <= 3 else { return nil }
            index += 1
        }
        while index < text.count, text[index] == UInt8(ascii: "$") { index += 1 }
        while index < text.count {
            let byte = text[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            row = row * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
            guard digits <= 7 else { return nil }
            index += 1
        }
        guard letters > 0, digits > 0, column - 1 <= Self.maxColumn, row >= 1, row <= Self.maxRow else { return nil }
        self.column = column - 1
        self.row = row
    }

    init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// The column's letters: 0 → `A`, 25 → `Z`, 26 → `AA`.
    static func letters(ofColumn column: Int) -> String {
        var number = max(0, column) + 1
        var scalars: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            scalars.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(scalars.reversed())
    }

    /// `C17`.
    var text: String { Self.letters(ofColumn: column) + String(row) }
}

/// Excel's date serial numbers: days since 1899-12-30 (the 1900 system, with
/// Lotus 1-2-3's fictitious 29 February 1900) or since 1904-01-01.
enum ExcelDate {
    /// The ISO 8601 text of a serial: `2025-03-14`, or `2025-03-14T09:30` with a time of day;
    /// `nil` outside years 1900–9999.
    static func isoText(serial: Double, uses1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 { days += 1; seconds -= 86_400 }
        let epochDays: Int
        if uses1904 {
            epochDays = daysFromCivil(1904, 1, 1) + days
        } else {
            // Serial 60 is the nonexistent 1900-02-29; serials below it are one day later than the count says.
            guard days != 60 else { return nil }
            epochDays = daysFromCivil(1899, 12, 30) + days + (days < 60 ? 1 : 0)
        }
        let (year, month, day) = civil(fromDays: epochDays)
        guard year >= 1900, year <= 9999 else { return nil }
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        if seconds > 0 {
            text += "T" + pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2)
            if seconds % 60 != 0 { text += ":" + pad(seconds % 60, 2) }
        }
        return text
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
