import MissionMatch

/// Writes a participant's `offers` and `needs` texts and its tags from its
/// latent concepts: paraphrased with random labels and synonyms, filler and
/// noise sentences, and typos.
struct SyntheticTextWriter {
    let world: SyntheticWorld
    let options: SyntheticProgrammeOptions

    /// The offers text: an opener, follow-ups for the other concepts, filler.
    ///
    /// - Parameters:
    ///   - profile: The latent profile.
    ///   - cluster: The cluster, mentioned in some filler.
    ///   - random: The participant's stream.
    func offers(_ profile: LatentProfile, cluster: String?, random: inout SyntheticRandom) -> String {
        var concepts = profile.offers
        random.shuffle(&concepts)
        var phrases = concepts.map { form(of: $0, random: &random) }
        let verb = random.element(of: SyntheticPhrases.verbs)
        let desc = random.element(of: SyntheticPhrases.descriptions)
        var values: [String: String] = [
            "v": verb.v, "v3": verb.v3, "ving": verb.ving, "desc": desc, "Desc": Self.capitalised(desc),
            "years": String(5 + random.index(40)), "since": String(1975 + random.index(45)),
        ]
        let openerSize = min(phrases.count, 1 + random.index(3))
        let opener = random.element(of: SyntheticPhrases.offerOpeners[openerSize - 1])
        for (slot, phrase) in zip(["A", "B", "C"], phrases.prefix(openerSize)) { values[slot] = phrase }
        var sentences = [Self.fill(opener, values)]
        phrases.removeFirst(openerSize)
        while !phrases.isEmpty {
            let size = min(phrases.count, 1 + random.index(2))
            let followUp = random.element(of: SyntheticPhrases.offerFollowUps[size - 1])
            sentences.append(Self.fill(followUp, ["A": phrases[0], "B": size > 1 ? phrases[1] : ""]))
            phrases.removeFirst(size)
        }
        if random.chance(options.noiseRate) {
            let fact = random.element(of: SyntheticPhrases.companyFacts)
            sentences.append(Self.fill(fact, ["n": String(3 + random.index(40)), "since": String(1975 + random.index(45))]))
        }
        if random.chance(options.noiseRate) {
            let chain = world.chain(of: profile.sector)
            let sector = world.sectorNames[random.element(of: chain)].map(Self.sectorInText) ?? profile.sector
            if let cluster, random.chance(0.3) {
                sentences.append("Member of \(cluster).")
            } else {
                sentences.append(Self.fill(random.element(of: SyntheticPhrases.sectorMentions), ["sector": sector]))
            }
        }
        if random.chance(options.noiseRate / 2), let unrelated = unrelatedConcept(profile, random: &random) {
            sentences.append(Self.fill(random.element(of: SyntheticPhrases.pastProjects),
                                       ["X": form(of: unrelated, random: &random)]))
        }
        return sentences.joined(separator: " ")
    }

    /// The needs text: one or two need sentences, follow-ups, a filler.
    ///
    /// - Parameters:
    ///   - profile: The latent profile.
    ///   - market: Where the participant wants to go, in words.
    ///   - random: The participant's stream.
    func needs(_ profile: LatentProfile, market: String, random: inout SyntheticRandom) -> String {
        var concepts = profile.needs
        random.shuffle(&concepts)
        var phrases = concepts.map { form(of: $0, random: &random) }
        let size = min(phrases.count, 1 + random.index(2))
        let opener = random.element(of: SyntheticPhrases.needOpeners[size - 1])
        var sentences = [Self.fill(opener, [
            "T": phrases[0], "T2": size > 1 ? phrases[1] : "", "market": market,
            "purpose": random.element(of: SyntheticPhrases.purposes),
        ])]
        phrases.removeFirst(size)
        for phrase in phrases {
            sentences.append(Self.fill(random.element(of: SyntheticPhrases.needFollowUps), ["T": phrase]))
        }
        if random.chance(options.noiseRate / 2) {
            sentences.append(random.element(of: SyntheticPhrases.needFillers))
        }
        return sentences.joined(separator: " ")
    }

    /// Tags for concepts: each by its id, label or a synonym; sometimes one is left out.
    func tags(_ concepts: [Int], random: inout SyntheticRandom) -> [String] {
        var tags: [String] = []
        for concept in concepts {
            let forms = world.tagForms[concept]
            let r = random.unit()
            let tag = r < 0.4 || forms.count < 2 ? forms[0] : (r < 0.8 || forms.count < 3 ? forms[1] : forms[2 + random.index(forms.count - 2)])
            if !tags.contains(tag) { tags.append(tag) }
        }
        if tags.count >= 3 && random.chance(0.3) { tags.removeLast() }
        return tags
    }

    /// A random running-text form of a concept.
    func form(of concept: Int, random: inout SyntheticRandom) -> String {
        random.element(of: world.textForms[concept])
    }

    /// A concept of the participant's value chain it neither offers nor needs.
    private func unrelatedConcept(_ profile: LatentProfile, random: inout SyntheticRandom) -> Int? {
        let sector = random.element(of: world.chain(of: profile.sector))
        guard let pool = world.conceptsBySector[sector] else { return nil }
        for _ in 0..<4 {
            let concept = random.element(of: pool)
            if !profile.offers.contains(concept) && !profile.needs.contains(concept) { return concept }
        }
        return nil
    }

    // MARK: - Typos

    /// Gives each word of six or more ASCII letters one typo with probability `rate`:
    /// two neighbouring letters swapped, a letter deleted, doubled or replaced.
    /// The first and last letters are kept; every edit changes the word.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - rate: The probability per eligible word.
    ///   - random: A stream used for typos only.
    /// - Returns: The text with typos.
    static func addingTypos(to text: String, rate: Double, random: inout SyntheticRandom) -> String {
        guard rate > 0 else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 8)
        var i = 0
        while i < bytes.count {
            guard isLetter(bytes[i]) else {
                output.append(bytes[i])
                i += 1
                continue
            }
            var end = i
            while end < bytes.count && isLetter(bytes[end]) { end += 1 }
            var word = Array(bytes[i..<end])
            if word.count >= 6 && random.chance(rate) { misspell(&word, random: &random) }
            output.append(contentsOf: word)
            i = end
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func misspell(_ word: inout [UInt8], random: inout SyntheticRandom) {
        let position = 1 + random.index(word.count - 2)       // 1 … count-2: never the first or last letter
        switch random.index(4) {
        case 0 where word[position] != word[position + 1]:
            word.swapAt(position, position + 1)
        case 2:
            word.insert(word[position], at: position)
        case 3:
            let original = word[position] | 0x20
            var replacement = UInt8(ascii: "a") + UInt8(random.index(25))
            if replacement >= original { replacement += 1 }
            word[position] = replacement
        default:
            word.remove(at: position)
        }
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    // MARK: - Templates

    /// Replaces each `{key}` of the template by its value, then capitalises the first letter.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        let utf8 = template.utf8
        var result = ""
        result.reserveCapacity(utf8.count + 48)
        var start = utf8.startIndex
        while let open = utf8[start...].firstIndex(of: UInt8(ascii: "{")),
              let close = utf8[open...].firstIndex(of: UInt8(ascii: "}")) {
            result += template[start..<open]
            result += values[String(template[utf8.index(after: open)..<close])] ?? ""
            start = utf8.index(after: close)
        }
        result += template[start...]
        return capitalised(result)
    }

    static func capitalised(_ text: String) -> String {
        guard let first = text.utf8.first else { return text }
        if first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") {
            return String(UnicodeScalar(first - 0x20)) + text.dropFirst()
        }
        guard let character = text.first, !first.isASCIIByte else { return text }
        return character.uppercased() + text.dropFirst()
    }

    /// A sector name as it reads mid-sentence: lowercase, acronyms kept (`software and ICT`).
    static func sectorInText(_ name: String) -> String {
        name.split(separator: " ").map { word in
            word.dropFirst().contains(where: \.isUppercase) ? String(word) : word.lowercased()
        }.joined(separator: " ")
    }
}

private extension UInt8 {
    var isASCIIByte: Bool { self < 0x80 }
}
