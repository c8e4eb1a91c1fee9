import Foundation

/// One run of an external program (pdftotext, pdftoppm, pdfinfo, antiword) with a time limit and a
/// cap on what it may print, so a hostile file can neither hang the reader nor fill its memory.
struct ExternalTool {
    struct Output {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
    }

    enum Failure: Error {
        case missing(String)
        case timedOut(String, Double)
        case outputTooLarge(String, Int)
    }

    let executable: String
    var timeout: Double
    /// Most bytes kept from stdout; more and the tool is stopped.
    var maxOutputBytes = 64 * 1024 * 1024
    /// Variables set for this tool on top of the reader's own environment (e.g. `TZ`).
    var environment: [String: String] = [:]

    init(_ name: String, timeout: Double) {
        self.executable = ExternalTool.locate(name) ?? name
        self.timeout = timeout
    }

    static func locate(_ name: String) -> String? {
        if name.hasPrefix("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    func run(_ arguments: [String]) throws -> Output {
        guard FileManager.default.isExecutableFile(atPath: executable) else { throw Failure.missing(executable) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["LC_ALL"] = "C.UTF-8"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()

        let collected = ByteSink(), errors = ByteSink()
        let group = DispatchGroup()
        let cap = maxOutputBytes
        group.enter()
        DispatchQueue.global().async {
            let h = out.fileHandleForReading
            while true {
                let chunk = h.availableData
                if chunk.isEmpty { break }
                if !collected.append(chunk, cap: cap) { process.terminate() }
            }
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            let h = err.fileHandleForReading
            while true {
                let chunk = h.availableData
                if chunk.isEmpty { break }
                _ = errors.append(chunk, cap: 64 * 1024)
            }
            group.leave()
        }
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { process.waitUntilExit(); finished.signal() }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 2) == .timedOut { kill(process.processIdentifier, SIGKILL); finished.wait() }
            group.wait()
            throw Failure.timedOut((executable as NSString).lastPathComponent, timeout)
        }
        group.wait()
        if collected.overflowed {
            throw Failure.outputTooLarge((executable as NSString).lastPathComponent, cap)
        }
        return Output(status: process.terminationStatus, stdout: collected.bytes,
                      stderr: String(decoding: errors.bytes, as: UTF8.self))
    }
}

/// Bytes gathered from a pipe by one thread and read by another once it is done.
private final class ByteSink: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var bytes: [UInt8] = []
    private(set) var overflowed = false

    /// Appends unless the cap is passed; false once it is.
    func append(_ data: Data, cap: Int) -> Bool {
        lock.lock(); defer { lock.unlock() }
        if overflowed { return false }
        if bytes.count + data.count > cap { overflowed = true; return false }
        bytes.append(contentsOf: data)
        return true
    }
}

extension ExternalTool.Failure {
    /// The failure as an `IngestError` for the file being read.
    func ingestError(path: String, page: Int? = nil) -> IngestError {
        switch self {
        case .missing(let tool): return IngestError(path: path, page: page, .tool(.missing(tool: tool)))
        case .timedOut(let tool, let s): return IngestError(path: path, page: page, .timeout(tool: tool, seconds: Int(s)))
        case .outputTooLarge(let tool, let n): return IngestError(path: path, page: page, .tooLarge(.toolOutput(tool: tool, limit: n)))
        }
    }
}
