/// Safe file names from participant ids, so that no id can reach outside the output folder.
///
/// A name keeps ASCII letters, digits, `-` and `_`, and a `.` that neither
/// starts the name nor follows another `.`; every other character (path
/// separators, control characters, spaces, non-ASCII) becomes `_`. Names are
/// at most ``maximumLength`` characters, never empty, never a Windows device
/// name. Two ids that end up with the same name (compared ignoring case, as
/// macOS and Windows file systems do) are told apart by a suffix made from a
/// hash of the id.
///
/// ```swift
/// OutputFileName.sanitized("../../x")     // "_._.__x"
/// let names = OutputFileName.assign(["a/b", "a_b"])
/// names["a_b"]    // "a_b"        (a clean id keeps its name)
/// names["a/b"]    // "a_b-3a8e75c1"
/// ```
public enum OutputFileName {
    /// The longest name produced, in characters (all ASCII), before any extension.
    public static let maximumLength = 80

    private static let reservedNames: Set<String> = [
        "con", "prn", "aux", "nul",
        "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ]

    /// A safe name for one id, without disambiguation.
    ///
    /// - Parameter id: Any text, e.g. a participant id.
    /// - Returns: A non-empty name of at most ``maximumLength`` ASCII characters
    ///   with no separator, no `..`, no control character and no leading dot.
    /// - Complexity: O(*n*) in the length of `id`.
    public static func sanitized(_ id: String) -> String {
        var name = ""
        for scalar in id.unicodeScalars {
            guard name.count < maximumLength else { break }
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_":
                name.unicodeScalars.append(scalar)
            case "." where !name.isEmpty && !name.hasSuffix("."):
                name.unicodeScalars.append(scalar)
            default:
                name += "_"
            }
        }
        if name.hasSuffix(".") { name = String(name.dropLast()) + "_" }
        if name.isEmpty { return "_" }
        let stem = name.split(separator: ".", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        if reservedNames.contains(stem) { name = "_" + name.prefix(maximumLength - 1) }
        return name
    }

    /// Safe, distinct names for a list of ids.
    ///
    /// Ids whose name equals the id itself are served first, so a clean id keeps
    /// its name whatever comes before it; the others follow in the given order.
    /// A name already taken (ignoring case) gets `-` and 8 hex digits of the
    /// id's FNV-1a hash, then `-2`, `-3`… if even that is taken.
    ///
    /// - Parameter ids: The ids, e.g. participant ids in file order; repeated ids share one name.
    /// - Returns: The name of each id (look up by id; do not iterate for output).
    /// - Complexity: O(*n* · *l*) for *n* ids of length *l*.
    public static func assign(_ ids: [String]) -> [String: String] {
        var result: [String: String] = [:]
        var taken = Set<String>()
        let clean = ids.filter { sanitized($0) == $0 }
        let others = ids.filter { sanitized($0) != $0 }
        for id in clean + others where result[id] == nil {
            let base = sanitized(id)
            var name = base
            if taken.contains(name.lowercased()) {
                let stem = String(base.prefix(maximumLength - 9))
                name = stem + "-" + hash(id)
                var counter = 2
                while taken.contains(name.lowercased()) {
                    name = stem + "-" + hash(id) + "-\(counter)"
                    counter += 1
                }
            }
            taken.insert(name.lowercased())
            result[id] = name
        }
        return result
    }

    /// 8 hex digits of the 32-bit FNV-1a hash of the id's UTF-8 bytes.
    static func hash(_ id: String) -> String {
        var hash: UInt32 = 0x811c_9dc5
        for byte in id.utf8 {
            hash ^= UInt32(byte)
            hash &*= 0x0100_0193
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
