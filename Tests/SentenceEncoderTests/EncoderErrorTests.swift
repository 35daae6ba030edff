import Testing
import SentenceEncoder

@Suite struct EncoderErrorTests {
    @Test func namesTheFileFirst() {
        #expect(EncoderError(file: "model/config.json", "model_type 'gpt2' is not supported").description
            == "model/config.json: model_type 'gpt2' is not supported")
        #expect(EncoderError(file: nil, "no model folder").description == "no model folder")
    }
}
