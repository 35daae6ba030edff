import ArgumentParser

struct Doctor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Report which BLAS answers and how fast.")
    func run() async throws {}
}
