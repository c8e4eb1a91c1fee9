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
        /// Read, but not an official letter (nor an initiative report): not registered.
        case notALetter
    }
    public var path: String
    public var outcome: Outcome
    public var sha256: String?
    public var seconds: Double
    /// The file's own error, when reading it failed (its path a value, for the message table).
    public var failure: IngestError?
    /// True when the failure came from the machine (a full disk, a busy index, a file still being
    /// copied), not from the file: try again later rather than quarantine it.
    public var transient = false
}

/// Why a file did not become a stored letter: it could not be read, or the index refused it.
public enum IngestFailure: Error, Message, Sendable, Equatable {
    case reading(IngestError)
    /// The index could not store it (what the database said, for the operator).
    case storing(path: String, detail: String)
    /// Read, but not an official letter nor an initiative report (a README, a JSON file).
    case notALetter(path: String)

    public func text(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.reading(let e), _): return e.text(lang)
        case (.storing(let p, let d), .vi): return "\(p): không lưu được vào chỉ mục (\(d))"
        case (.storing(let p, let d), .en): return "\(p): could not be stored in the index (\(d))"
        case (.notALetter(let p), .vi):
            return "\(p): không phải văn bản hành chính (không thấy quốc hiệu, số, ngày, tên loại hay trích yếu): không vào sổ"
        case (.notALetter(let p), .en):
            return "\(p): not an official letter (no national motto, number, date, kind or subject): not registered"
        }
    }
}

/// Reads, extracts and stores files: one at a time (`ingest(path:)`) or many on all cores.
public struct Ingestor: Sendable {
    public let store: any LetterIndex
    public let pipeline: LetterPipeline

    public init(store: any LetterIndex, pipeline: LetterPipeline = LetterPipeline()) {
        // One OCR thread per worker: the workers are the parallelism.
        setenv("OMP_THREAD_LIMIT", "1", 0)
        self.store = store
        self.pipeline = pipeline
    }

    /// Reads, extracts and stores one file. A file whose content is already stored is not read
    /// again (no OCR): only hashed. With `job`, the journal row advances in the same transaction,
    /// and the file is hashed again before the commit: a file that changed while it was read (a
    /// copy paused longer than the settle delay) is not stored half-written.
    public func ingest(path: String, job: Int64? = nil, followSymlinks: Bool? = nil) -> IngestResult {
        let start = Date()
        var sha: String?
        func result(_ o: IngestResult.Outcome, failure: IngestError? = nil, transient: Bool = false) -> IngestResult {
            IngestResult(path: path, outcome: o, sha256: sha, seconds: Date().timeIntervalSince(start),
                         failure: failure, transient: transient)
        }
        do {
            let file = try OpenedFile(path: path, followSymlinks: followSymlinks ?? pipeline.reader.options.followSymlinks)
            sha = try file.contentHash()
            if let sha, let existing = try store.letterID(sha256: sha) {
                if let job { try store.recordAlreadyStored(job: job, letterID: existing, sha256: sha) }
                return result(.alreadyStored(letterID: existing))
            }
            let doc = try pipeline.reader.read(file)
            if job != nil {
                let now = try file.contentHash()
                if doc.sha256 != sha || now != doc.sha256 || file.currentIdentity() != file.identity {
                    throw IngestError(path: path, .changedWhileRead)
                }
            }
            sha = doc.sha256
            let (record, text) = pipeline.extractRestoring(doc)
            // A README or a JSON file dropped in the inbox takes no số đến.
            if record.verdict == .notALetter { return result(.notALetter) }
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            let letter = NewLetter(record: record, fullText: text, originalText: text == doc.text ? nil : doc.text,
                                   file: OriginalFile(sha256: doc.sha256, byteCount: doc.byteCount, originalPath: absolute))
            switch try store.store(letter, job: job) {
            case .stored(let id): return result(.stored(letterID: id, record: record))
            case .alreadyStored(let id): return result(.alreadyStored(letterID: id))
            }
        } catch let error as IngestError {
            return result(.failed(.reading(error)), failure: error, transient: Self.isTransient(error))
        } catch {
            return result(.failed(.storing(path: path, detail: Self.describe(error))), transient: store.isTransient(error))
        }
    }

    /// A file's error that is the machine's, not the file's.
    static func isTransient(_ error: IngestError) -> Bool {
        switch error.reason {
        case .system(let f): return f.isTransient
        case .changedWhileRead: return true
        default: return false
        }
    }

    /// An error said without Foundation's codes (`NSCocoaErrorDomain error 256`).
    static func describe(_ error: Error) -> String {
        let ns = error as NSError
        if ns.domain == NSCocoaErrorDomain || ns.domain == NSPOSIXErrorDomain {
            return SystemFailure(error).englishReason
        }
        return "\(error)"
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
    static func contentHash(path: String, followSymlinks: Bool = true) throws -> String {
        try OpenedFile(path: path, followSymlinks: followSymlinks).contentHash()
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
