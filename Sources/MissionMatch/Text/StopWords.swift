/// English words that carry no matching signal: function words and the
/// boilerplate of business profiles ("we are looking for", "our company offers").
///
/// Words that *do* carry signal in profiles stay out of this list even when
/// they are common (`partner`, `distributor`, `market`, `services`).
package enum StopWords {
    /// The folded stop words.
    package static let english: Set<String> = [
        // Function words.
        "a", "about", "above", "across", "after", "again", "against", "all", "almost", "along", "already", "also",
        "although", "always", "am", "among", "an", "and", "another", "any", "anyone", "anything", "are", "around",
        "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can",
        "could", "did", "do", "does", "doing", "done", "down", "during", "each", "either", "else", "enough",
        "etc", "even", "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having", "he",
        "her", "here", "hers", "him", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its",
        "itself", "just", "least", "less", "like", "many", "may", "me", "might", "mine", "more", "most", "much",
        "must", "my", "neither", "nor", "not", "now", "of", "off", "often", "on", "once", "one", "only", "onto",
        "or", "other", "others", "otherwise", "our", "ours", "ourselves", "out", "over", "own", "per", "perhaps",
        "please", "quite", "rather", "same", "several", "shall", "she", "should", "since", "so", "some",
        "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "therefore",
        "these", "they", "this", "those", "though", "through", "throughout", "thus", "to", "together", "too",
        "toward", "towards", "under", "until", "up", "upon", "us", "very", "via", "was", "we", "well", "were",
        "what", "whatever", "when", "where", "whether", "which", "while", "who", "whole", "whom", "whose",
        "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours", "yourself",
        // Profile boilerplate.
        "looking", "look", "seeking", "seek", "searching", "search", "interested", "interest", "want", "wants",
        "wish", "offer", "offers", "offering", "provide", "provides", "providing", "propose",
        "company", "companies", "firm", "business", "core", "main", "mainly", "new", "help", "meet", "find",
        "able", "currently", "including", "based", "range", "wide", "various", "solution", "solutions",
        "high", "quality", "leading", "specialised", "specialized", "specialist", "experience", "experienced",
        "years", "year", "customers", "clients", "products", "product", "ltd", "gmbh", "inc",
    ]

    /// Whether a folded word is a stop word.
    ///
    /// - Parameter word: A folded word.
    @inline(__always)
    package static func contains(_ word: String) -> Bool { english.contains(word) }
}
