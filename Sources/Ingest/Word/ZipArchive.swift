import CZlib
import Foundation

/// Reads single entries of a zip file (a .docx) from memory: the central directory for the
/// entry's place, then the stored or deflated bytes, inflated with zlib under a size cap so a zip
/// bomb stops at the cap.
struct ZipArchive {
    enum Failure: Error, Equatable {
        case notAZip(String)
        case missing(String)
        case unsupported(String)
        case tooLarge(entry: String, limit: Int)
        case damaged(String)
    }

    struct Entry {
        var name: String
        var method: Int
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    let bytes: [UInt8]
    let entries: [String: Entry]

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        entries = try ZipArchive.centralDirectory(bytes)
    }

    /// The uncompressed bytes of one entry, refusing more than `limit` bytes.
    func data(_ name: String, limit: Int) throws -> [UInt8] {
        guard let e = entries[name] else { throw Failure.missing(name) }
        if e.uncompressedSize > limit { throw Failure.tooLarge(entry: name, limit: limit) }
        let h = e.localHeaderOffset
        guard h + 30 <= bytes.count, u32(h) == 0x04034b50 else { throw Failure.damaged("bad local header for \(name)") }
        let start = h + 30 + u16(h + 26) + u16(h + 28)
        guard start + e.compressedSize <= bytes.count else { throw Failure.damaged("\(name) is cut short") }
        let compressed = bytes[start..<start + e.compressedSize]
        switch e.method {
        case 0: return Array(compressed)
        case 8: return try inflate(compressed, limit: limit, name: name)
        default: throw Failure.unsupported("compression method \(e.method) for \(name)")
        }
    }

    private func inflate(_ input: ArraySlice<UInt8>, limit: Int, name: String) throws -> [UInt8] {
        var stream = z_stream()
        // Negative window bits: a raw deflate stream, as zip stores it (no zlib header).
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure.damaged("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = Array(input)
        let count = input.count
        return try input.withUnsafeMutableBufferPointer { inBuf -> [UInt8] in
            stream.next_in = inBuf.baseAddress
            stream.avail_in = uInt(count)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.next_out = outBuf.baseAddress
                    stream.avail_out = uInt(outBuf.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                out.append(contentsOf: chunk[0..<produced])
                if out.count > limit { throw Failure.tooLarge(entry: name, limit: limit) }
                if status == Z_STREAM_END { return out }
                if status != Z_OK { throw Failure.damaged("\(name) does not inflate (zlib \(status))") }
                if produced == 0 && stream.avail_in == 0 { throw Failure.damaged("\(name) is cut short") }
            }
        }
    }

    private static func centralDirectory(_ b: [UInt8]) throws -> [String: Entry] {
        func u16(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        guard b.count >= 22 else { throw Failure.notAZip("too short") }
        // End of central directory: the last signature within 64 KiB + 22 bytes of the end.
        var eocd = -1
        var i = b.count - 22
        let floor = max(0, b.count - 22 - 65_535)
        while i >= floor {
            if b[i] == 0x50, b[i + 1] == 0x4b, b[i + 2] == 0x05, b[i + 3] == 0x06 { eocd = i; break }
            i -= 1
        }
        guard eocd >= 0 else { throw Failure.notAZip("no central directory (truncated?)") }
        let count = u16(eocd + 10)
        var p = u32(eocd + 16)
        var entries: [String: Entry] = [:]
        for _ in 0..<count {
            guard p + 46 <= b.count, u32(p) == 0x02014b50 else { throw Failure.damaged("bad central directory") }
            let nameLength = u16(p + 28), extra = u16(p + 30), comment = u16(p + 32)
            guard p + 46 + nameLength <= b.count else { throw Failure.damaged("bad central directory") }
            let name = String(decoding: b[p + 46..<p + 46 + nameLength], as: UTF8.self)
            entries[name] = Entry(name: name, method: u16(p + 10), compressedSize: u32(p + 20),
                                  uncompressedSize: u32(p + 24), localHeaderOffset: u32(p + 42))
            p += 46 + nameLength + extra + comment
        }
        return entries
    }

    private func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
    private func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
}
