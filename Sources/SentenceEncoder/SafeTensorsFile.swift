#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A `.safetensors` file: its validated index of tensors, read one tensor at
/// a time.
///
/// The format: an 8-byte little-endian header length *n*, *n* bytes of JSON
/// (an object mapping tensor names to `{"dtype", "shape", "data_offsets"}`,
/// plus an optional `"__metadata__"` object of strings), then the data
/// buffer; `data_offsets` are `[begin, end)` byte offsets into that buffer.
///
/// Opening a file reads and checks only its header; nothing a file contains
/// is trusted:
/// - the header length must fit in the file and be at most
///   ``maximumHeaderByteCount`` (100 MB, as in the reference implementation);
/// - the header must be a JSON object whose entries are tensors or
///   `__metadata__`; every dtype must be one of ``DType``;
/// - every shape dimension is non-negative and the byte size
///   `product(shape) × dtype size` is computed with overflow checks and must
///   equal `end − begin`;
/// - offsets must lie in the data buffer, tensors must not overlap, and,
///   as the reference implementation requires, must cover the buffer
///   exactly (no holes, no trailing bytes).
///
/// Tensors are then read one at a time with `pread` straight into their
/// destination (F16 and BF16 through a buffer the size of that one tensor),
/// so loading a model never holds the file twice in memory.
///
/// ```swift
/// let file = try SafeTensorsFile(url: folder.appending(path: "model.safetensors"))
/// let bias = try file.floats("encoder.layer.0.output.dense.bias")   // [Float]
/// ```
package struct SafeTensorsFile: Sendable {
    /// The element types of the format. Only the floating-point ones
    /// ``DType/isFloatingPoint`` can be read as `Float`; the others are
    /// accepted in a file (e.g. BERT's `I64` `position_ids`) but not read.
    package enum DType: String, Sendable, CaseIterable {
        /// Booleans, unsigned and signed bytes, and the two 8-bit float formats (1 byte).
        case bool = "BOOL", u8 = "U8", i8 = "I8", f8e5m2 = "F8_E5M2", f8e4m3 = "F8_E4M3"
        /// 16-bit integers, IEEE half precision and bfloat16 (2 bytes).
        case i16 = "I16", u16 = "U16", f16 = "F16", bf16 = "BF16"
        /// 32-bit integers and single precision (4 bytes).
        case i32 = "I32", u32 = "U32", f32 = "F32"
        /// 64-bit integers and double precision (8 bytes).
        case i64 = "I64", u64 = "U64", f64 = "F64"

        /// Bytes per element.
        package var byteCount: Int {
            switch self {
            case .bool, .u8, .i8, .f8e5m2, .f8e4m3: 1
            case .i16, .u16, .f16, .bf16: 2
            case .i32, .u32, .f32: 4
            case .i64, .u64, .f64: 8
            }
        }

        /// Whether ``SafeTensorsFile/floats(_:)`` converts this type to `Float`
        /// (F32, F16, BF16, F64).
        package var isFloatingPoint: Bool {
            switch self {
            case .f32, .f16, .bf16, .f64: true
            default: false
            }
        }
    }

    /// One tensor of the index.
    package struct Tensor: Sendable, Equatable {
        /// Its name in the header.
        package let name: String
        /// Its element type.
        package let dtype: DType
        /// Its dimensions, outermost first (row-major).
        package let shape: [Int]
        /// The number of elements (the product of `shape`; 1 for a scalar).
        package let elementCount: Int
        /// Its bytes, as offsets into the file (not into the data buffer).
        package let fileRange: Range<Int>
    }

    /// The largest header accepted, in bytes (the reference implementation's limit).
    package static let maximumHeaderByteCount = 100_000_000

    /// The file.
    package let url: URL
    /// The file's size in bytes when it was opened.
    package let fileSize: Int
    /// The JSON header's length in bytes.
    package let headerByteCount: Int
    /// The tensors, by name.
    package let tensors: [String: Tensor]
    /// The `__metadata__` entries (empty when absent).
    package let metadata: [String: String]
    /// A 64-bit FNV-1a hash of the header bytes and the file size: changes
    /// whenever a tensor's name, type, shape or place changes.
    package let headerHash: UInt64

    /// The path named in errors.
    var displayPath: String { url.path }

    /// Opens `url` and validates its header (see the type's documentation).
    ///
    /// - Throws: ``EncoderError`` naming the file when it cannot be read or
    ///   any check fails.
    /// - Complexity: O(header size + t log t) for t tensors; reads only the header.
    package init(url: URL) throws {
        self.url = url
        let path = url.path
        let handle = try ReadOnlyFile(path: path)
        let fileSize = handle.size
        self.fileSize = fileSize
        guard fileSize >= 8 else {
            throw EncoderError(file: path, "is truncated: \(fileSize) bytes, shorter than the 8-byte header length")
        }
        var lengthBytes = [UInt8](repeating: 0, count: 8)
        try lengthBytes.withUnsafeMutableBytes { try handle.read(into: $0, at: 0) }
        let declared = lengthBytes.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard declared <= UInt64(Self.maximumHeaderByteCount) else {
            throw EncoderError(file: path, "declares a header of \(declared) bytes, more than the \(Self.maximumHeaderByteCount) accepted; the file is not a safetensors file or is damaged")
        }
        let headerLength = Int(declared)
        guard headerLength <= fileSize - 8 else {
            throw EncoderError(file: path, "declares a header of \(headerLength) bytes but the file has only \(fileSize - 8) after the length; it is truncated or not a safetensors file")
        }
        guard headerLength >= 2 else {
            throw EncoderError(file: path, "has an empty header; it is not a safetensors file")
        }
        self.headerByteCount = headerLength
        var header = [UInt8](repeating: 0, count: headerLength)
        try header.withUnsafeMutableBytes { try handle.read(into: $0, at: 8) }
        var hash = FNV1a64()
        hash.combine(bytes: header)
        hash.combine(UInt64(fileSize))
        self.headerHash = hash.value

        let entries: [String: HeaderEntry]
        do {
            entries = try JSONDecoder().decode([String: HeaderEntry].self, from: Data(header))
        } catch let error as EncoderError {
            throw EncoderError(file: path, "header: \(error.message)")
        } catch {
            throw EncoderError(file: path, "header is not a JSON object of tensors (\(Self.summary(of: error))); the file is not a safetensors file or is damaged")
        }

        let dataStart = 8 + headerLength
        let dataSize = fileSize - dataStart
        var tensors: [String: Tensor] = [:]
        var metadata: [String: String] = [:]
        for (name, entry) in entries {
            switch entry {
            case let .metadata(values):
                guard name == "__metadata__" else {
                    throw EncoderError(file: path, "header entry '\(name)' is not a tensor (a tensor needs dtype, shape and data_offsets)")
                }
                metadata = values
            case let .tensor(dtypeName, shape, offsets):
                guard name != "__metadata__" else {
                    throw EncoderError(file: path, "__metadata__ must be an object of strings")
                }
                guard !name.isEmpty else { throw EncoderError(file: path, "a tensor has an empty name") }
                guard let dtype = DType(rawValue: dtypeName) else {
                    throw EncoderError(file: path, "tensor '\(name)' has dtype '\(dtypeName)', which is not a safetensors dtype this reader knows (\(DType.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                guard shape.allSatisfy({ $0 >= 0 }) else {
                    throw EncoderError(file: path, "tensor '\(name)' has a negative dimension in its shape \(shape)")
                }
                var count = 1
                for dimension in shape {
                    let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
                    guard !overflow else {
                        throw EncoderError(file: path, "tensor '\(name)' has shape \(shape), whose element count overflows")
                    }
                    count = product
                }
                let (bytes, overflow) = count.multipliedReportingOverflow(by: dtype.byteCount)
                guard !overflow else {
                    throw EncoderError(file: path, "tensor '\(name)' has shape \(shape), whose byte size overflows")
                }
                guard offsets.count == 2 else {
                    throw EncoderError(file: path, "tensor '\(name)' has data_offsets \(offsets); expected [begin, end]")
                }
                let begin = offsets[0], end = offsets[1]
                guard begin >= 0, begin <= end, end <= dataSize else {
                    throw EncoderError(file: path, "tensor '\(name)' has data_offsets [\(begin), \(end)] outside the data buffer of \(dataSize) bytes; the file is truncated or damaged")
                }
                guard end - begin == bytes else {
                    throw EncoderError(file: path, "tensor '\(name)' has shape \(shape) of \(dtype.rawValue) (\(bytes) bytes) but data_offsets [\(begin), \(end)] span \(end - begin) bytes")
                }
                tensors[name] = Tensor(name: name, dtype: dtype, shape: shape, elementCount: count,
                                       fileRange: (dataStart + begin)..<(dataStart + end))
            }
        }
        // Tensors must tile the data buffer: sorted by offset, each starts where the previous ended.
        var position = dataStart
        for tensor in tensors.values.sorted(by: { ($0.fileRange.lowerBound, $0.fileRange.upperBound, $0.name) < ($1.fileRange.lowerBound, $1.fileRange.upperBound, $1.name) }) {
            if tensor.fileRange.lowerBound < position {
                throw EncoderError(file: path, "tensor '\(tensor.name)' overlaps the tensor before it (data_offsets begin at \(tensor.fileRange.lowerBound - dataStart), the previous tensor ends at \(position - dataStart))")
            }
            if tensor.fileRange.lowerBound > position {
                throw EncoderError(file: path, "the data buffer has a hole of \(tensor.fileRange.lowerBound - position) bytes before tensor '\(tensor.name)'; the file is damaged")
            }
            position = tensor.fileRange.upperBound
        }
        guard position == fileSize else {
            throw EncoderError(file: path, "has \(fileSize - position) bytes after its last tensor; the file is damaged")
        }
        self.tensors = tensors
        self.metadata = metadata
    }

    /// The tensor named `name`, or `nil`.
    package subscript(name: String) -> Tensor? { tensors[name] }

    /// Reads tensor `name` converted to `Float` (F32, F16, BF16 or F64), row-major.
    ///
    /// - Throws: ``EncoderError`` naming the file when the tensor is absent, is
    ///   not floating-point, or cannot be read (e.g. the file shrank).
    /// - Complexity: O(elements); allocates the result (and, for types other
    ///   than F32, a buffer of the tensor's own bytes).
    package func floats(_ name: String) throws -> [Float] {
        guard let tensor = tensors[name] else {
            throw EncoderError(file: displayPath, "has no tensor '\(name)'")
        }
        return try [Float](unsafeUninitializedCapacity: tensor.elementCount) { buffer, count in
            try read(tensor, into: UnsafeMutableBufferPointer(rebasing: buffer[0..<tensor.elementCount]))
            count = tensor.elementCount
        }
    }

    /// Reads `tensor` converted to `Float` into `destination`, which must hold
    /// exactly its elements.
    ///
    /// - Throws: ``EncoderError`` when the tensor is not floating-point or the
    ///   file cannot be read.
    /// - Precondition: `destination.count == tensor.elementCount`.
    /// - Complexity: O(elements).
    package func read(_ tensor: Tensor, into destination: UnsafeMutableBufferPointer<Float>) throws {
        precondition(destination.count == tensor.elementCount, "destination holds \(destination.count) floats, tensor '\(tensor.name)' has \(tensor.elementCount)")
        guard tensor.dtype.isFloatingPoint else {
            throw EncoderError(file: displayPath, "tensor '\(tensor.name)' has dtype \(tensor.dtype.rawValue); only F32, F16, BF16 and F64 weights can be used")
        }
        guard tensor.elementCount > 0 else { return }
        let file = try ReadOnlyFile(path: displayPath)
        let offset = tensor.fileRange.lowerBound
        let byteCount = tensor.fileRange.count
        let n = tensor.elementCount
        switch tensor.dtype {
        case .f32:
            try file.read(into: UnsafeMutableRawBufferPointer(destination), at: offset)
            #if _endian(big)
            for i in 0..<n { destination[i] = Float(bitPattern: UInt32(littleEndian: destination[i].bitPattern)) }
            #endif
        case .f16, .bf16:
            let halves = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: n)
            defer { halves.deallocate() }
            try file.read(into: UnsafeMutableRawBufferPointer(halves), at: offset)
            if tensor.dtype == .bf16 {
                for i in 0..<n { destination[i] = Float(bitPattern: UInt32(UInt16(littleEndian: halves[i])) << 16) }
            } else {
                HalfPrecision.widen(UnsafeRawBufferPointer(halves), into: destination)
            }
        case .f64:
            let doubles = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: n)
            defer { doubles.deallocate() }
            try file.read(into: UnsafeMutableRawBufferPointer(doubles), at: offset)
            for i in 0..<n { destination[i] = Float(Double(bitPattern: UInt64(littleEndian: doubles[i]))) }
        default:
            preconditionFailure("unreachable: \(byteCount) bytes of \(tensor.dtype)")
        }
    }

    /// A short description of a decoding error (JSONDecoder's are long).
    static func summary(of error: Error) -> String {
        switch error {
        case let DecodingError.dataCorrupted(context):
            return context.debugDescription
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        case let DecodingError.keyNotFound(key, context):
            let path = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            return "\(path) is missing"
        default:
            return "\(error)"
        }
    }
}

/// One entry of a safetensors header: a tensor, or the metadata object.
private enum HeaderEntry: Decodable {
    case tensor(dtype: String, shape: [Int], offsets: [Int])
    case metadata([String: String])

    private enum Keys: String, CodingKey { case dtype, shape, data_offsets }

    init(from decoder: Decoder) throws {
        if let container = try? decoder.container(keyedBy: Keys.self), container.contains(.dtype) {
            let dtype = try container.decode(String.self, forKey: .dtype)
            let shape = try container.decode([Int].self, forKey: .shape)
            let offsets = try container.decode([Int].self, forKey: .data_offsets)
            self = .tensor(dtype: dtype, shape: shape, offsets: offsets)
        } else if let values = try? decoder.singleValueContainer().decode([String: String].self) {
            self = .metadata(values)
        } else {
            let path = decoder.codingPath.map(\.stringValue).joined(separator: ".")
            throw EncoderError(file: nil, "entry '\(path)' is neither a tensor (dtype, shape, data_offsets) nor __metadata__ (an object of strings)")
        }
    }
}

extension SafeTensorsFile {
    /// The ``ContentHash`` of the tensor bytes (everything after the header), read in 4 MiB pieces.
    ///
    /// - Throws: ``EncoderError`` when the file cannot be read or has shrunk.
    /// - Complexity: O(file size); memory O(1).
    package func contentHash() throws -> UInt64 {
        let handle = try ReadOnlyFile(path: url.path)
        let start = 8 + headerByteCount
        let chunk = 4 << 20  // a multiple of ContentHash.blockSize
        var hash = ContentHash()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 64)
        defer { buffer.deallocate() }
        var offset = start
        while offset < fileSize {
            let piece = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<min(chunk, fileSize - offset)])
            try handle.read(into: piece, at: offset)
            hash.combine(UnsafeRawBufferPointer(piece))
            offset += piece.count
        }
        return hash.value
    }
}

/// A file opened read-only for positioned reads, closed when released.
final class ReadOnlyFile {
    let path: String
    private let descriptor: Int32
    /// The size in bytes at opening.
    let size: Int

    init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw EncoderError(file: path, "cannot be opened: \(String(cString: strerror(errno)))")
        }
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            let message = String(cString: strerror(errno))
            close(fd)
            throw EncoderError(file: path, "cannot be examined: \(message)")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw EncoderError(file: path, "is not a regular file")
        }
        descriptor = fd
        size = Int(status.st_size)
    }

    deinit { close(descriptor) }

    /// Fills `buffer` with the bytes at `offset`.
    ///
    /// - Throws: ``EncoderError`` when the file ends first or a read fails.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws {
        var done = 0
        while done < buffer.count {
            let got = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if got < 0 {
                if errno == EINTR { continue }
                throw EncoderError(file: path, "cannot be read: \(String(cString: strerror(errno)))")
            }
            if got == 0 {
                throw EncoderError(file: path, "ended at byte \(offset + done), before the \(buffer.count) bytes expected at \(offset); it changed or is truncated")
            }
            done += got
        }
    }
}

/// 64-bit FNV-1a.
struct FNV1a64 {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
    }

    mutating func combine(_ word: UInt64) {
        withUnsafeBytes(of: word.littleEndian) { combine(bytes: $0) }
    }

    mutating func combine(_ string: String) {
        combine(bytes: string.utf8)
        combine(UInt64(string.utf8.count))
    }
}
