import Foundation
import Ingest
import Extract
import Store

/// What became of one file.
public struct IngestResult: Sendable {
    public enum Outcome: Sendable {
        case stored(letterID: Int64, record: LetterRecord)
        /// The same content was stored before (as this letter).
        case alreadyStored(letterID: Int64)
        /// Why the file could not be read or stored (names the file).
        case failed(IngestFailure)
    }
    public var path: String
    public var outcome: Outcome
    public var sha256: String?
    public var seconds: Double
}

/// Why a file did not become a stored letter: it could not be read, or the index refused it.
public enum IngestFailure: Error, Message, Sendable, Equatable {
    case reading(IngestError)
    /// The index could not store it (what the database said, for the operator).
    case storing(path: String, detail: String)

    public func text(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.reading(let e), _): return e.text(lang)
        case (.storing(let p, let d), .vi): return "\(p): không lưu được vào chỉ mục (\(d))"
        case (.storing(let p, let d), .en): return "\(p): could not be stored in the index (\(d))"
        }
    }
}

/// Reads, extracts and stores files: one at a time (`ingest(path:)`) or many on all cores.
public struct Ingestor: Sendable {
    public let store: LetterStore
    public let pipeline: LetterPipeline

    public init(store: LetterStore, pipeline: LetterPipeline = LetterPipeline()) {
        // One OCR thread per worker: the workers are the parallelism.
        setenv("OMP_THREAD_LIMIT", "1", 0)
        self.store = store
        self.pipeline = pipeline
    }

    /// Reads, extracts and stores one file. A file whose content is already stored is not read
    /// again (no OCR): only hashed. With `job`, the journal row advances in the same transaction.
    public func ingest(path: String, job: Int64? = nil) -> IngestResult {
        let start = Date()
        var sha: String?
        func result(_ o: IngestResult.Outcome) -> IngestResult {
            IngestResult(path: path, outcome: o, sha256: sha, seconds: Date().timeIntervalSince(start))
        }
        do {
            sha = try Self.contentHash(path: path)
            if let sha, let existing = try store.letterID(sha256: sha) {
                if let job { try store.recordAlreadyStored(job: job, letterID: existing, sha256: sha) }
                return result(.alreadyStored(letterID: existing))
            }
            let doc = try pipeline.read(path: path)
            sha = doc.sha256
            let (record, text) = pipeline.extractRestoring(doc)
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            let letter = NewLetter(record: record, fullText: text, originalText: text == doc.text ? nil : doc.text,
                                   file: OriginalFile(sha256: doc.sha256, byteCount: doc.byteCount, originalPath: absolute))
            switch try store.store(letter, job: job) {
            case .stored(let id): return result(.stored(letterID: id, record: record))
            case .alreadyStored(let id): return result(.alreadyStored(letterID: id))
            }
        } catch let error as IngestError {
            return result(.failed(.reading(error)))
        } catch {
            return result(.failed(.storing(path: path, detail: "\(error)")))
        }
    }

    /// Ingests every file on `workers` threads (0: one per core). `progress` is called after each
    /// file, from the worker that finished it, serially. Results come back in input order.
    public func ingest(paths: [String], workers: Int = 0,
                       progress: (@Sendable (_ done: Int, _ total: Int, IngestResult) -> Void)? = nil) -> [IngestResult] {
        let count = workers > 0 ? workers : ProcessInfo.processInfo.activeProcessorCount
        let results = ResultSlots(count: paths.count)
        let next = Counter(), done = Counter()
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: min(count, max(1, paths.count))) { _ in
            while true {
                let i = next.increment() - 1
                guard i < paths.count else { return }
                let r = ingest(path: paths[i])
                results.set(i, r)
                lock.lock(); progress?(done.increment(), paths.count, r); lock.unlock()
            }
        }
        return results.all
    }

    /// SHA-256 of a file's bytes, streamed, so a duplicate is recognised without reading it as a letter.
    static func contentHash(path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw IngestError(path: path, .unreadable(FileManager.default.fileExists(atPath: path) ? .permissionDenied : .noSuchFile))
        }
        defer { try? handle.close() }
        var hash = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hash.update(chunk) }
        return hash.finalize()
    }
}

final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
}

final class ResultSlots: @unchecked Sendable {
    private var slots: [IngestResult?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: IngestResult) { lock.lock(); slots[i] = r; lock.unlock() }
    var all: [IngestResult] { lock.lock(); defer { lock.unlock() }; return slots.compactMap { $0 } }
}
