import CLeptonica
import CTesseract
import Foundation

/// One libtesseract handle. A handle is not thread-safe: one engine belongs to one worker at a
/// time (see `OCREnginePool`).
final class TesseractEngine: @unchecked Sendable {
    struct Configuration: Hashable, Sendable {
        var language: String
        var tessdataPath: String?
    }

    /// What went wrong in the engine; the page reader names the file and page.
    struct Failure: Error {
        var problem: IngestError.ToolProblem
        static func initialisation(_ c: Configuration) -> Failure {
            Failure(problem: .ocrLanguageData(language: c.language, folder: c.tessdataPath))
        }
        static let recognition = Failure(problem: .ocrFailed)
    }

    let configuration: Configuration
    private let handle: OpaquePointer
    /// A second handle with the orientation model, made the first time a page needs it.
    private var orientationHandle: OpaquePointer?

    init(_ configuration: Configuration) throws {
        self.configuration = configuration
        guard let h = TessBaseAPICreate() else { throw Failure.initialisation(configuration) }
        // Silence tesseract's own messages (e.g. "Estimating resolution") before loading anything.
        TessBaseAPISetVariable(h, "debug_file", "/dev/null")
        let rc = TessBaseAPIInit3(h, configuration.tessdataPath, configuration.language)
        if rc != 0 {
            TessBaseAPIDelete(h)
            throw Failure.initialisation(configuration)
        }
        // Keep the column gaps of a letter's header: layout analysis reads them.
        TessBaseAPISetVariable(h, "preserve_interword_spaces", "1")
        TessBaseAPISetPageSegMode(h, PSM_AUTO)
        handle = h
    }

    deinit {
        TessBaseAPIEnd(handle); TessBaseAPIDelete(handle)
        if let o = orientationHandle { TessBaseAPIEnd(o); TessBaseAPIDelete(o) }
        if let d = digitsHandle { TessBaseAPIEnd(d); TessBaseAPIDelete(d) }
    }

    /// Recognises a prepared page; returns its hOCR and the mean word confidence (0–100).
    /// With `seconds`, recognition stops at that deadline (tesseract's own monitor) and the page
    /// fails as over budget.
    func recognise(_ pix: Pix, resolution: Int = 300, seconds: Double? = nil, path: String = "", page: Int? = nil) throws -> (hocr: String, meanConfidence: Int) {
        try pix.with { try recognise(pointer: $0, resolution: resolution, seconds: seconds, path: path, page: page) }
    }

    private func recognise(pointer: UnsafeMutablePointer<PIX>, resolution: Int, seconds: Double?,
                           path: String, page: Int?) throws -> (hocr: String, meanConfidence: Int) {
        TessBaseAPISetImage2(handle, pointer)
        TessBaseAPISetSourceResolution(handle, Int32(resolution))
        let monitor = seconds.flatMap { _ in TessMonitorCreate() }
        defer { if let monitor { TessMonitorDelete(monitor) } }
        if let monitor, let seconds { TessMonitorSetDeadlineMSecs(monitor, Int32(min(seconds * 1000, Double(Int32.max)))) }
        let began = Date()
        let status = TessBaseAPIRecognize(handle, monitor)
        if let seconds, Date().timeIntervalSince(began) >= seconds {
            TessBaseAPIClear(handle)
            throw IngestError(path: path, page: page, .overBudget(.pageSeconds(seconds)))
        }
        guard status == 0 else { TessBaseAPIClear(handle); throw Failure.recognition }
        let mean = Int(TessBaseAPIMeanTextConf(handle))
        var hocr = ""
        if let text = TessBaseAPIGetHOCRText(handle, 0) {
            hocr = String(cString: text)
            TessDeleteText(text)
        }
        TessBaseAPIClear(handle)
        return (hocr, mean)
    }

    /// Recognises a crop as one uniform block of text (no layout analysis): what the page's own
    /// reading may have lost there, a name under a seal taken for a picture. Returns hOCR.
    func recogniseBlock(_ pix: Pix) throws -> String {
        TessBaseAPISetPageSegMode(handle, PSM_SINGLE_BLOCK)
        defer { TessBaseAPISetPageSegMode(handle, PSM_AUTO) }
        return try recognise(pix).hocr
    }

    /// A handle for digit strings only (English model, digits whitelisted, one line), made the
    /// first time it is asked for: the yardstick the hand-written digit reader is measured against.
    private var digitsHandle: OpaquePointer?

    /// Tesseract's reading of a crop holding one line of digits, with its mean word confidence (0–1).
    func readDigits(_ pix: Pix) -> DigitReading? {
        if digitsHandle == nil {
            guard let d = TessBaseAPICreate() else { return nil }
            TessBaseAPISetVariable(d, "debug_file", "/dev/null")
            if TessBaseAPIInit3(d, configuration.tessdataPath, "eng") != 0 { TessBaseAPIDelete(d); return nil }
            TessBaseAPISetVariable(d, "tessedit_char_whitelist", "0123456789")
            TessBaseAPISetPageSegMode(d, PSM_SINGLE_LINE)
            digitsHandle = d
        }
        guard let d = digitsHandle else { return nil }
        return pix.with { p -> DigitReading? in
            TessBaseAPISetImage2(d, p)
            TessBaseAPISetSourceResolution(d, 300)
            defer { TessBaseAPIClear(d) }
            guard TessBaseAPIRecognize(d, nil) == 0, let it = TessBaseAPIGetIterator(d) else { return nil }
            defer { TessResultIteratorDelete(it) }
            var text = "", confidences: [Double] = []
            repeat {
                guard let w = TessResultIteratorGetUTF8Text(it, RIL_WORD) else { continue }
                text += String(cString: w); TessDeleteText(w)
                confidences.append(Double(TessResultIteratorConfidence(it, RIL_WORD)) / 100)
            } while TessResultIteratorNext(it, RIL_WORD) != 0
            let digits = text.filter(\.isNumber)
            guard !digits.isEmpty else { return nil }
            return DigitReading(digits: digits, confidence: confidences.reduce(0, +) / Double(max(1, confidences.count)))
        }
    }

    /// Quarter turns clockwise that make the page upright, from tesseract's orientation detection
    /// (osd.traineddata); nil when it cannot tell.
    func uprightTurns(_ pix: Pix) -> Int? {
        if orientationHandle == nil {
            guard let o = TessBaseAPICreate() else { return nil }
            TessBaseAPISetVariable(o, "debug_file", "/dev/null")
            if TessBaseAPIInit2(o, configuration.tessdataPath, "osd", OEM_TESSERACT_ONLY) != 0 {
                TessBaseAPIDelete(o); return nil
            }
            TessBaseAPISetPageSegMode(o, PSM_OSD_ONLY)
            orientationHandle = o
        }
        guard let o = orientationHandle else { return nil }
        return pix.with { p in uprightTurns(o, p) }
    }

    private func uprightTurns(_ o: OpaquePointer, _ pointer: UnsafeMutablePointer<PIX>) -> Int? {
        TessBaseAPISetImage2(o, pointer)
        TessBaseAPISetSourceResolution(o, 300)
        var degrees: Int32 = 0, confidence: Float = 0, scriptConfidence: Float = 0
        var script: UnsafePointer<CChar>?
        let ok = TessBaseAPIDetectOrientationScript(o, &degrees, &confidence, &script, &scriptConfidence)
        TessBaseAPIClear(o)
        guard ok != 0, confidence >= 1.5 else { return nil }
        // Tesseract reports the page's orientation counter-clockwise; turning it back is clockwise.
        return Int(degrees) / 90
    }
}

/// Idle engines for one configuration, at most `workers` in use at once. Engines are kept between
/// pages and files: loading the Vietnamese model costs a good part of a second.
final class OCREnginePool: @unchecked Sendable {
    let configuration: TesseractEngine.Configuration
    let workers: Int
    private let lock = NSLock()
    private let slots: DispatchSemaphore
    private var idle: [TesseractEngine] = []

    init(configuration: TesseractEngine.Configuration, workers: Int) {
        self.configuration = configuration
        self.workers = max(1, workers)
        slots = DispatchSemaphore(value: self.workers)
    }

    /// Runs `body` with an engine of its own, waiting for a free one when all are busy.
    func withEngine<T>(_ body: (TesseractEngine) throws -> T) throws -> T {
        slots.wait()
        defer { slots.signal() }
        lock.lock()
        var engine = idle.popLast()
        lock.unlock()
        if engine == nil { engine = try TesseractEngine(configuration) }
        let e = engine!
        defer { lock.lock(); idle.append(e); lock.unlock() }
        return try body(e)
    }

    private static let registryLock = NSLock()
    nonisolated(unsafe) private static var registry: [TesseractEngine.Configuration: OCREnginePool] = [:]

    /// The process-wide pool for a configuration, so parallel files share the same `workers` handles.
    static func shared(_ configuration: TesseractEngine.Configuration, workers: Int) -> OCREnginePool {
        registryLock.lock(); defer { registryLock.unlock() }
        if let pool = registry[configuration] { return pool }
        let n = workers > 0 ? workers : ProcessInfo.processInfo.activeProcessorCount
        if n > 1 {
            // Tesseract's OpenMP threads inside each handle would fight the workers for the cores.
            setenv("OMP_THREAD_LIMIT", "1", 0)
        }
        let pool = OCREnginePool(configuration: configuration, workers: n)
        registry[configuration] = pool
        return pool
    }
}
