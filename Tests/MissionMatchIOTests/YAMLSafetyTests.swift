import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// YAML anchors and aliases are refused at their line before anything is
/// expanded ("billion laughs"); depth and value count are bounded; every YAML
/// error names a line.
struct YAMLSafetyTests {
    private func errors(_ yaml: String) -> [String] {
        errors(Data(yaml.utf8))
    }

    private func errors(_ data: Data) -> [String] {
        do {
            _ = try MissionReader(referenceData: Fixtures.reference)
                .read(data, format: .yaml, displayName: "mission.yaml", baseURL: URL(fileURLWithPath: "/missions"))
            return []
        } catch {
            return error.diagnostics.errorLines
        }
    }

    @Test func aScalarAliasIsRefusedAtTheAnchor() {
        let yaml = MissionReaderTests.valid
            .replacingOccurrences(of: "name: AdPack² business mission to Shanghai", with: "name: &n Shanghai")
            .replacingOccurrences(of: "city: Shanghai", with: "city: *n")
        #expect(errors(yaml) == [
            "mission.yaml:2: YAML anchors (&n) are not supported; write the value out (fix the YAML syntax)",
        ])
    }

    /// A few hundred bytes that expand to 10^20 values.
    @Test(.timeLimit(.minutes(1)))
    func billionLaughsIsRefusedBeforeExpansion() {
        var lines = ["id: x", "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...20 {
            let previous = "*a\(level - 1)"
            lines.append("a\(level): &a\(level) [" + Array(repeating: previous, count: 10).joined(separator: ", ") + "]")
        }
        lines.append("name: *a20")
        #expect(errors(lines.joined(separator: "\n")) == [
            "mission.yaml:2: YAML anchors (&a0) are not supported; write the value out (fix the YAML syntax)",
        ])
    }

    @Test func anAliasWithoutAnchorIsRefusedWithItsLine() {
        let result = errors("id: x\nname: *nowhere\n")
        #expect(result.count == 1)
        #expect(result.first?.hasPrefix("mission.yaml:2: ") == true)
    }

    @Test func deepNestingIsRefused() {
        let yaml = "id: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(errors(yaml) == ["mission.yaml:1: nesting deeper than 100 levels (fix the YAML syntax)"])
    }

    @Test func tooManyValuesAreRefused() {
        let yaml = "id: [" + Array(repeating: "1", count: YAMLEventCheck.maximumNodes + 10).joined(separator: ",") + "]"
        #expect(errors(yaml) == ["mission.yaml:1: more than 100000 values (fix the YAML syntax)"])
    }

    @Test func aControlCharacterNamesItsLine() {
        var yaml = MissionReaderTests.valid.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        yaml[2] += "\u{7f}"
        let result = errors(yaml.joined(separator: "\n"))
        #expect(result.count == 1)
        #expect(result.first?.hasPrefix("mission.yaml:3: ") == true, "\(result)")
    }

    @Test func invalidUTF8NamesItsLine() {
        var data = Data("id: x\nname: y\ncity: ".utf8)
        data.append(0xFF)
        #expect(errors(data) == ["mission.yaml:3: the file is not valid UTF-8 (save it as UTF-8)"])
    }
}
