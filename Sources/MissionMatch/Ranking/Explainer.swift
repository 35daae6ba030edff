import Foundation
import MatchCore

/// Turns a scored pair into the `reasons` sentence of `recommendations.csv`:
///
///     offers compostable PLA films ↔ needs biodegradable food packaging;
///     needs what they offer: retail distribution, Ontario; biopolymers–packaging value chain; in target market Canada
///
/// Each direction names what carries it, exact evidence first: a thesaurus
/// concept both texts mention (the rarest, by idf), else words both texts
/// use, quoted as phrases of the first text (at least a two-word phrase or two
/// specific words: a single shared word is no reason). A quoted phrase stays
/// within one sentence, list item (a comma, "and", "or") or tag, and takes in the shared words
/// around its specific ones ("Greater Toronto Area", "smart cards"; see
/// `sharedRuns`). Concepts that are only
/// close in the LSA space are never named (in a small mission's low-rank space
/// unrelated concepts of one field lie close). Then the
/// value chain of their sectors, the markets they target, a `wish` request,
/// and a warning when both sell the same thing (`competitors: both offer …`).
/// A direction the sentence encoder links (``ScoringModel/linkedByMeaning(_:_:offering:)``)
/// without exact evidence quotes its two closest clauses, `(similar meaning)`.
/// A pair with no offer↔need link is labelled `no offer↔need link found`, so
/// that sector and market alone never pass for a match — unless its fit joined
/// it to the linked partners of the list (``LinkTiers``): then `offer↔need fit
/// without a specific shared term` (no clauses are quoted: the closest
/// clauses of such a pair are often unrelated). Contact fields are
/// never read; e-mail and web addresses in texts never become terms (see
/// ``Tokenizer``).
package struct Explainer: Sendable {
    typealias DocumentKeys = ExplanationKeys.Document

    /// The exact offer–offer cosine from which two participants are called competitors (0.2).
    static let competitorCosine: Double = 0.2
    private let model: ScoringModel
    private let reference: ReferenceData
    private let participants: [Participant]
    private let offers: [DocumentKeys]
    private let needs: [DocumentKeys]
    /// The keys of ``hasExactLink(_:_:)``, as integers.
    private let linkKeys: ExactLinkKeys
    private let wishes: Set<UInt64>
    /// Pairs (`PairMask.key(owner, partner)`: the list's owner first) listed among the linked partners for
    /// their fit alone (``LinkTiers``): their reasons say so instead of `no offer↔need link found`.
    package var closeFits: Set<UInt64> = []
    /// Display names of the mission's countries and sectors, by their index in the model's facts.
    private let countryNames: [String]
    private let sectorNames: [String]
    /// The model's sector, country and target facts, held here so that each reason reads them in
    /// place (a local copy of the struct retained and released its eight arrays for every reason).
    private let facts: ProfileFacts

    /// Prepares the keywords of every participant: the encoding's
    /// `ParticipantEncoding/explanationKeys` when it carries them (a merged
    /// sharded ranking), else computed from its analyses and weightings.
    ///
    /// - Parameters:
    ///   - participants: All participants of the mission.
    ///   - model: The scoring model (its encoding holds the analyses or the keys).
    ///   - reference: Sector and country names.
    ///   - wishes: `wish` pairs of participant indices (either order).
    /// - Precondition: keys carried by the encoding have one entry per participant
    ///   (checked by the ranking).
    package init(participants: [Participant], model: ScoringModel, reference: ReferenceData, wishes: Set<UInt64> = []) {
        self.model = model
        self.reference = reference
        self.participants = participants
        self.wishes = wishes
        self.countryNames = model.facts.countryCodes.map { reference.countries.country(code: $0)?.shortName ?? $0 }
        self.sectorNames = model.facts.sectorCodes.map { Self.sectorName($0, reference) }
        self.facts = model.facts
        let keys = model.encoding.explanationKeys ?? ExplanationKeys(encoding: model.encoding)
        self.offers = keys.offers
        self.needs = keys.needs
        self.linkKeys = keys.links
    }

    /// The reasons sentence for the pair, from `a`'s point of view.
    ///
    /// - Parameters:
    ///   - a: The participant whose list it is (index).
    ///   - b: The partner (index).
    /// - Returns: Clauses separated by `; `, e.g. `offers X ↔ needs Y; …`.
    /// - Complexity: O(c² · r) for c concepts per text.
    package func reasons(_ a: Int, _ b: Int) -> String {
        // One string, clause after clause (231,000 reasons for a programme: no string per clause).
        var text = ""
        text.reserveCapacity(160)
        // The keys are read in place (the arrays and an index): a copy of a text's keys retained and
        // released its three arrays, four texts for every reason.
        appendLink(offers, needs, a, b, offering: true, to: &text)
        appendLink(needs, offers, a, b, offering: false, to: &text)
        let linked = !text.isEmpty
        if !linked { text += closeFits.contains(PairMask.key(a, b)) ? Self.fitWithoutTerm : "no offer↔need link found" }
        let label = text.utf8.count
        appendValueChain(a, b, to: &text)
        appendMarkets(a, b, to: &text)
        if wishes.contains(PairMask.key(a, b)) { Self.startClause(&text); text += "meeting requested" }
        appendCompetitors(a, b, to: &text)
        if !linked && text.utf8.count == label { Self.startClause(&text); text += fallback(a, b) }
        return text
    }

    /// The separator before a clause that is not the first.
    private static func startClause(_ text: inout String) {
        if !text.isEmpty { text += "; " }
    }

    /// The label of a partner listed for its fit alone (``closeFits``).
    static let fitWithoutTerm = "offer↔need fit without a specific shared term"

    /// Whether the pair has exact evidence of an offer↔need link, either way
    /// round: a concept or phrases both texts use, as the reasons name them.
    /// The ranking puts partners with a link before those without (``MatchingEngine``).
    ///
    /// - Complexity: O(concepts + specific words · log terms) of the two texts (``ExactLinkKeys``).
    package func hasExactLink(_ a: Int, _ b: Int) -> Bool {
        linkKeys.linked(a, b, offering: true) || linkKeys.linked(a, b, offering: false)
    }

    /// Whether the sentence encoder links the pair's offers and needs by
    /// meaning, either way round (``ScoringModel/linkedByMeaning(_:_:offering:)``).
    ///
    /// - Complexity: O(d).
    package func hasMeaningLink(_ a: Int, _ b: Int) -> Bool {
        model.linkedByMeaning(a, b, offering: true) || model.linkedByMeaning(a, b, offering: false)
    }

    /// One direction's clause, appended: a shared concept, else shared phrases. LSA neighbours are never
    /// named: in a small mission's low-rank space unrelated concepts of one field lie close.
    /// (`from[a]` is a's offers or needs, `to[b]` b's needs or offers.)
    private func appendLink(_ from: [DocumentKeys], _ to: [DocumentKeys], _ a: Int, _ b: Int, offering: Bool,
                            to text: inout String) {
        let (left, right) = offering ? ("offers ", " ↔ needs ") : ("needs ", " ↔ offers ")
        for x in from[a].concepts.indices {
            let feature = from[a].concepts[x].feature
            for y in to[b].concepts.indices where to[b].concepts[y].feature == feature {
                Self.startClause(&text)
                text += left; text += from[a].concepts[x].surface; text += right; text += to[b].concepts[y].surface  // rarest first
                return
            }
        }
        if let runs = sharedRuns(from, a, linkKeys.text(of: a, offering: offering), linkKeys.text(of: b, offering: !offering)) {
            Self.startClause(&text)
            text += offering ? "offers what they need: " : "needs what they offer: "
            Self.appendPhrases(runs, of: from, a, to: &text)
            return
        }
        if model.linkedByMeaning(a, b, offering: offering) {
            Self.startClause(&text)
            text += meaningClause(a, b, offering: offering)
        }
    }

    /// A link found by the sentence encoder alone: the two clauses that carry
    /// it when the encoder gave clause vectors, else the direction.
    private func meaningClause(_ a: Int, _ b: Int, offering: Bool) -> String {
        let (left, right) = offering ? ("offers", "needs") : ("needs", "offers")
        let semantic = model.encoding.semantic
        let from = offering ? semantic?.offerClauses?[a] : semantic?.needClauses?[a]
        let to = offering ? semantic?.needClauses?[b] : semantic?.offerClauses?[b]
        guard let from, let to, let (x, y) = Self.closestClauses(from, to) else {
            return offering ? "offers what they need (similar meaning)" : "needs what they offer (similar meaning)"
        }
        let thesaurus = reference.thesaurus
        return "\(left) \"\(Self.quoted(Self.withLabels(from.texts[x], thesaurus)))\" ↔ "
            + "\(right) \"\(Self.quoted(Self.withLabels(to.texts[y], thesaurus)))\" (similar meaning)"
    }

    /// A clause whose comma-parted pieces that are a concept's id with a
    /// hyphen (tags as written: `mechanical-recycling, Waste sorting`) read as
    /// the concept's label (`Mechanical recycling, Waste sorting`); the clause
    /// itself, as the encoder embedded it, is not changed.
    ///
    /// - Complexity: O(length) plus a thesaurus lookup per hyphenated piece.
    static func withLabels(_ clause: String, _ thesaurus: Thesaurus) -> String {
        guard clause.utf8.contains(UInt8(ascii: "-")) else { return clause }
        var changed = false
        let pieces = clause.split(separator: ",", omittingEmptySubsequences: false).map { piece -> String in
            let word = piece.trimmingCharacters(in: .whitespaces)
            guard word.utf8.contains(UInt8(ascii: "-")), let index = thesaurus.index(matching: word) else { return String(piece) }
            let name = thesaurus.quotedName(of: word, naming: index)
            guard name != word else { return String(piece) }
            changed = true
            return piece.replacingOccurrences(of: word, with: name)
        }
        return changed ? pieces.joined(separator: ",") : clause
    }

    /// The pair of clauses with the highest cosine (first in text order on ties).
    static func closestClauses(_ from: SemanticVectors.Clauses, _ to: SemanticVectors.Clauses) -> (Int, Int)? {
        var best: (Int, Int, Float)?
        for x in 0..<from.vectors.rows {
            for y in 0..<to.vectors.rows {
                let cosine = from.vectors.dotRow(x, with: to.vectors, row: y)
                if cosine > (best?.2 ?? -.infinity) { best = (x, y, cosine) }
            }
        }
        return best.map { ($0.0, $0.1) }
    }

    /// A clause as quoted in a reason: its words parted by single spaces, at
    /// most 12 and an ellipsis when cut, without the comma or semicolon that
    /// ended it in its sentence.
    static func quoted(_ clause: String) -> String {
        let words = wordsCutAtTwelve(clause)
        guard let last = words.utf8.last, last == UInt8(ascii: ",") || last == UInt8(ascii: ";") else { return words }
        return String(words.dropLast())
    }

    /// The clause's words parted by single spaces: at most 12, an ellipsis when cut.
    private static func wordsCutAtTwelve(_ clause: String) -> String {
        if isQuotedAsIs(clause) { return clause }
        if clause.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: a Character is one byte, and the blanks are 9–13 and 32 (CR LF, one Character, splits alike).
            let words = clause.utf8.split(whereSeparator: { $0 == 0x20 || (0x09...0x0D).contains($0) })
            let kept = words.prefix(12).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
            return words.count <= 12 ? kept : kept + "…"
        }
        let words = clause.split(whereSeparator: \.isWhitespace)
        return words.count <= 12 ? words.joined(separator: " ") : words.prefix(12).joined(separator: " ") + "…"
    }

    /// Whether ``quoted(_:)`` gives the clause back unchanged, decided in one
    /// pass over its bytes: ASCII words (most clauses) parted by single
    /// spaces, no other blank, none at either end, at most 12 words.
    static func isQuotedAsIs(_ clause: String) -> Bool {
        clause.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var spaces = 0
            var previousWasSpace = true  // a space first is a blank at the start
            for byte in bytes {
                if byte >= 0x80 || (0x09...0x0D).contains(byte) { return false }
                if byte == 0x20 {
                    if previousWasSpace { return false }
                    spaces += 1
                    if spaces == 12 { return false }
                    previousWasSpace = true
                } else {
                    previousWasSpace = false
                }
            }
            return bytes.isEmpty || !previousWasSpace
        } ?? false
    }

    /// The runs' words, a space between words and `, ` between runs: each
    /// run's specific words, the shared term that bridges two of them, and the
    /// shared terms beside it in its phrase ("Greater Toronto Area").
    private static func appendPhrases(_ runs: [PhraseRun], of texts: [DocumentKeys], _ text: Int, to out: inout String) {
        for (index, run) in runs.enumerated() {
            if index > 0 { out += ", " }
            let words = texts[text].specific
            if run.extendsBefore, let before = words[run.start].before { out += before.surface; out += " " }
            for entry in run.start..<(run.start + run.count) {
                if entry > run.start {
                    out += " "
                    if words[entry].position == words[entry - 1].position + 2, let gap = words[entry].before {
                        out += gap.surface; out += " "
                    }
                }
                out += words[entry].surface
            }
            if run.extendsAfter, let after = words[run.start + run.count - 1].after { out += " "; out += after.surface }
        }
    }

    /// A run of specific words of one text that the other text also uses, in
    /// one phrase of the first: consecutive, or with one shared term between them.
    private struct PhraseRun {
        /// Index of its first word in the text's ``ExplanationKeys/Document/specific``.
        var start: Int
        /// Its specific words.
        var count: Int
        /// The sum of their weights.
        var weight: Float
        /// Whether the term before its first word in the phrase is shared too (quoted with it).
        var extendsBefore = false
        /// Whether the term after its last word in the phrase is shared too.
        var extendsAfter = false
    }

    /// The words two texts share, as runs of the first text's words in one
    /// phrase: the runs the reasons name (``appendPhrases(_:of:_:to:)``), in
    /// text order: the best two by weight (by TF-IDF), each with the shared
    /// terms beside it, or `nil` unless two specific words are shared (exactly
    /// when ``ExactLinkKeys`` finds shared words).
    ///
    /// Specific words at consecutive positions of one phrase join a run, and so
    /// do two with one term between them that the other text uses ("Greater
    /// Toronto Area" with the specific words "Greater" and "Area"); a run never
    /// crosses the end of a sentence, a list item or a tag
    /// (`AnalyzedText/phraseStarts`).
    ///
    /// - Parameters:
    ///   - texts: The offers' or the needs' keys; the first text is `texts[participant]`.
    ///   - participant: Whose text it is.
    ///   - fromText: Its number in ``linkKeys`` (``ExactLinkKeys/text(of:offering:)``).
    ///   - toText: The other text's number there.
    /// - Complexity: O(s · log t) for s specific words of the first text and t kept terms of the other.
    private func sharedRuns(_ texts: [DocumentKeys], _ participant: Int, _ fromText: Int, _ toText: Int) -> [PhraseRun]? {
        let words = texts[participant].specific
        var runs: [PhraseRun] = []
        var shared = 0
        var last = -1  // the index of the last shared specific word
        for index in words.indices where linkKeys.isTerm(specificWord: index, of: fromText, in: toText) {
            shared += 1
            let word = words[index]
            // Specific words are in text order, one per position: consecutive positions are consecutive entries.
            let joins = last >= 0 && last == index - 1 && word.before != nil
                && (word.position == words[last].position + 1
                    || (word.position == words[last].position + 2 && words[last].after != nil
                        && linkKeys.isTerm(neighbourAfter: false, ofSpecificWord: index, of: fromText, in: toText)))
            if joins {
                runs[runs.count - 1].count += 1
                runs[runs.count - 1].weight += word.weight
            } else {
                runs.append(PhraseRun(start: index, count: 1, weight: word.weight))
            }
            last = index
        }
        guard shared >= 2 else { return nil }
        for position in runs.indices {
            let run = runs[position]
            runs[position].extendsBefore = linkKeys.isTerm(neighbourAfter: false, ofSpecificWord: run.start, of: fromText, in: toText)
            runs[position].extendsAfter = linkKeys.isTerm(neighbourAfter: true, ofSpecificWord: run.start + run.count - 1,
                                                          of: fromText, in: toText)
        }
        Self.mergeRepeatedWords(&runs, words)
        var best = Array(runs.sorted { $0.weight != $1.weight ? $0.weight > $1.weight : $0.start < $1.start }.prefix(2))
        best.sort { $0.start < $1.start }
        Self.dropRepeatedNeighbours(&best, words)
        return best
    }

    /// A run of one word that another run quotes as its neighbour (a stem the
    /// text writes twice) is quoted there only: "plasma surface", not
    /// "plasma, plasma surface". Its weight goes to that run; `runs` keeps its order.
    private static func mergeRepeatedWords(_ runs: inout [PhraseRun], _ words: [ExplanationKeys.Word]) {
        var merged = [Bool](repeating: false, count: runs.count)
        for single in runs.indices where runs[single].count == 1 {
            let stem = words[runs[single].start].stem
            for other in runs.indices where other != single && !merged[other] {
                let run = runs[other]
                guard (run.extendsBefore && words[run.start].before?.stem == stem)
                        || (run.extendsAfter && words[run.start + run.count - 1].after?.stem == stem) else { continue }
                merged[single] = true
                runs[other].weight += runs[single].weight
                break
            }
        }
        runs = runs.indices.filter { !merged[$0] }.map { runs[$0] }
    }

    /// Leaves out a neighbour that repeats a word the quote already holds
    /// ("tracking cold chain", not "tracking cold chain tracking").
    private static func dropRepeatedNeighbours(_ runs: inout [PhraseRun], _ words: [ExplanationKeys.Word]) {
        var quoted = runs.flatMap { run in words[run.start..<(run.start + run.count)].map(\.stem) }
        for position in runs.indices {
            let run = runs[position]
            if run.extendsBefore, let before = words[run.start].before {
                if quoted.contains(before.stem) { runs[position].extendsBefore = false } else { quoted.append(before.stem) }
            }
            if run.extendsAfter, let after = words[run.start + run.count - 1].after {
                if quoted.contains(after.stem) { runs[position].extendsAfter = false } else { quoted.append(after.stem) }
            }
        }
    }

    /// `competitors: both offer …` when the two offers are alike (exact cosine ≥ ``competitorCosine``), appended.
    private func appendCompetitors(_ a: Int, _ b: Int, to text: inout String) {
        guard Double(model.competition(a, b)) >= Self.competitorCosine else { return }
        Self.startClause(&text)
        if let shared = offers[a].concepts.first(where: { x in offers[b].concepts.contains { $0.feature == x.feature } }) {
            text += "competitors: both offer "
            text += shared.surface
            return
        }
        let (offerA, offerB) = (linkKeys.text(of: a, offering: true), linkKeys.text(of: b, offering: true))
        if let runs = sharedRuns(offers, a, offerA, offerB) {
            text += "competitors: both offer "
            Self.appendPhrases(runs, of: offers, a, to: &text)
            return
        }
        text += "competitors: their offers are alike"
    }

    /// When nothing specific links the two: the cooperation they both seek, or how alike they are.
    private func fallback(_ a: Int, _ b: Int) -> String {
        let common = participants[a].cooperation.filter(participants[b].cooperation.contains)
        if !common.isEmpty {
            return "both seek " + common.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }.joined(separator: ", ")
                + " cooperation"
        }
        let similarity = model.components(a, b).similarity
        return "related activities (profile similarity \(Int((similarity * 100).rounded()))%)"
    }

    private func appendValueChain(_ a: Int, _ b: Int, to text: inout String) {
        var best: (Int, Int, Float)?
        for x in facts.sectors[a] {
            for y in facts.sectors[b] {
                let affinity = facts.sectorAffinity[x * facts.sectorCodes.count + y]
                if affinity > 0, affinity > (best?.2 ?? 0) { best = (x, y, affinity) }
            }
        }
        guard let (x, y, _) = best else { return }
        Self.startClause(&text)
        if x == y {
            text += "both in "; text += sectorNames[x]
        } else {
            text += sectorNames[x]; text += "–"; text += sectorNames[y]; text += " value chain"
        }
    }

    private static func sectorName(_ code: String, _ reference: ReferenceData) -> String {
        let name = reference.sectors.sector(code: code)?.name ?? code
        return name.split(separator: " ", omittingEmptySubsequences: false).map { word in
            word.count > 1 && word.allSatisfy(\.isUppercase) ? String(word) : word.lowercased()
        }.joined(separator: " ")
    }

    private func appendMarkets(_ a: Int, _ b: Int, to text: inout String) {
        let aTargetsB = facts.hasExplicitTargets[a] && facts.targets[a][facts.country[b]]
        let bTargetsA = facts.hasExplicitTargets[b] && facts.targets[b][facts.country[a]]
        guard aTargetsB || bTargetsA else { return }
        let countryA = countryNames[facts.country[a]], countryB = countryNames[facts.country[b]]
        Self.startClause(&text)
        switch (aTargetsB, bTargetsA) {
        case (true, true): text += "each in the other's target market ("; text += countryB; text += " ↔ "; text += countryA; text += ")"
        case (true, false): text += "in target market "; text += countryB
        default: text += "targets "; text += countryA
        }
    }

}
