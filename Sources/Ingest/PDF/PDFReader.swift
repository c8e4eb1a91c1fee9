import Foundation

/// What `pdfinfo` says about a PDF: page count and each page's size in points.
struct PDFInfo {
    var pages: Int
    var encrypted: Bool
    var pageSizes: [Int: (width: Double, height: Double)]

    static func read(path: String, maxPages: Int, timeout: Double) throws -> PDFInfo {
        let tool = ExternalTool("pdfinfo", timeout: timeout)
        let out: ExternalTool.Output
        do { out = try tool.run(["-f", "1", "-l", String(maxPages), path]) } catch let f as ExternalTool.Failure {
            throw f.ingestError(path: path)
        }
        let text = String(decoding: out.stdout, as: UTF8.self)
        if out.status != 0 {
            if out.stderr.contains("password") || out.stderr.contains("Incorrect password") {
                throw IngestError(path: path, .encrypted)
            }
            let why = out.stderr.split(separator: "\n").first.map(String.init) ?? ""
            throw IngestError(path: path, .corrupt(.toolSaid(tool: "pdfinfo", why)))
        }
        var info = PDFInfo(pages: 0, encrypted: false, pageSizes: [:])
        for line in text.split(separator: "\n") {
            if line.hasPrefix("Pages:") { info.pages = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? 0 }
            if line.hasPrefix("Encrypted:") { info.encrypted = line.contains("yes") }
            // "Page    1 size: 595.276 x 841.89 pts (A4)"
            if line.hasPrefix("Page "), let m = PageText.firstMatch(#"^Page\s+(\d+)\s+size:\s+([\d.]+)\s+x\s+([\d.]+)"#, in: String(line)),
               let n = m[1].flatMap(Int.init), let w = m[2].flatMap(Double.init), let h = m[3].flatMap(Double.init) {
                info.pageSizes[n] = (w, h)
            }
        }
        return info
    }
}

/// A PDF to pages: the text layer where it is good, OCR of the rasterised page where it is
/// missing or bad (a scan with only a signature box's text, text without diacritics, garbage).
struct PDFReader {
    let options: IngestOptions
    let pool: () -> OCREnginePool

    func read(path: String, sha256: String, byteCount: Int) throws -> IngestedDocument {
        let limits = options.limits
        let info = try PDFInfo.read(path: path, maxPages: limits.maxPages, timeout: limits.toolTimeout)
        if info.pages == 0 { throw IngestError(path: path, .corrupt(.pdfWithoutPages)) }
        if info.pages > limits.maxPages {
            throw IngestError(path: path, .tooLarge(.pages(info.pages, limit: limits.maxPages)))
        }
        let layer = try textLayer(path: path, pages: info.pages)
        var hints = PageHints()
        var warnings: [ReadingNote] = []
        if info.encrypted { warnings.append(.encryptedWithOwnerPassword) }

        enum Plan { case text(String), ocr(TextLayerQuality) }
        var plans: [Plan] = []
        for i in 0..<info.pages {
            let raw = i < layer.count ? layer[i] : ""
            let (text, time) = PageMarks.stripSignatureBox(raw)
            if let time, hints.signatureTime == nil { hints.signatureTime = time }
            let quality = TextLayerQuality.assess(text)
            plans.append(quality == .good ? .text(text) : .ocr(quality))
            if quality == .lostDiacritics || quality == .garbage, let problem = quality.problem {
                warnings.append(.textLayerReplaced(page: i + 1, problem: problem))
            }
        }

        let workers = Parallel.workers(options.workers)
        let recognizer = plans.contains(where: { if case .ocr = $0 { return true }; return false })
            ? PageRecognizer(pool: pool()) : nil
        let outcomes: [Result<PageRecognizer.Outcome, Error>] = Parallel.map(plans.count, workers: workers) { i in
            switch plans[i] {
            case .text(let t):
                let page = Page(number: i + 1, text: t.trimmingTrailingBlankLines, origin: .pdfText)
                return .success(PageRecognizer.Outcome(page: page, hints: PageHints(), notes: []))
            case .ocr:
                return Result { try self.recognise(path: path, page: i + 1, info: info, with: recognizer!) }
            }
        }
        var doc = try OCRWarnings.document(path: path, sha256: sha256, byteCount: byteCount, kind: .pdf,
                                           outcomes: outcomes, warnings: warnings, hints: hints,
                                           lowConfidence: options.lowConfidence)
        doc.signatures = PDFSignatures.read(path: path, timeout: limits.toolTimeout)
        return doc
    }

    /// The whole text layer in one `pdftotext -layout` run, one string per page.
    private func textLayer(path: String, pages: Int) throws -> [String] {
        let tool = ExternalTool("pdftotext", timeout: options.limits.toolTimeout)
        let out: ExternalTool.Output
        do {
            out = try tool.run(["-layout", "-enc", "UTF-8", "-f", "1", "-l", String(pages), path, "-"])
        } catch let f as ExternalTool.Failure { throw f.ingestError(path: path) }
        if out.status != 0 {
            if out.stderr.contains("password") { throw IngestError(path: path, .encrypted) }
            return []   // no usable text layer: every page goes to OCR
        }
        let text = String(decoding: out.stdout, as: UTF8.self).precomposedStringWithCanonicalMapping
        return text.components(separatedBy: "\u{0C}")
    }

    /// Rasterises one page at about 300 DPI (less when that would pass the pixel limit) and reads it.
    private func recognise(path: String, page: Int, info: PDFInfo, with recognizer: PageRecognizer) throws -> PageRecognizer.Outcome {
        let size = info.pageSizes[page] ?? (595, 842)
        var dpi = PagePreparation.targetDPI
        let pixels = (size.width / 72 * dpi) * (size.height / 72 * dpi)
        if pixels > Double(options.limits.maxPixels) {
            dpi *= (Double(options.limits.maxPixels) / pixels).squareRoot()
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanthu-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let stem = dir.appendingPathComponent("page").path
        let tool = ExternalTool("pdftoppm", timeout: options.limits.toolTimeout)
        let out: ExternalTool.Output
        do {
            // Annotations hidden: the digital-signature boxes are annotations drawn over the scan,
            // and their text is already taken from the text layer.
            out = try tool.run(["-r", String(Int(dpi.rounded(.down))), "-f", String(page), "-l", String(page),
                                "-hide-annotations", "-singlefile", path, stem])
        } catch let f as ExternalTool.Failure { throw f.ingestError(path: path, page: page) }
        guard out.status == 0, let pix = Pix.read(path: stem + ".ppm") else {
            throw IngestError(path: path, page: page, .corrupt(.pageRasterisation))
        }
        return try recognizer.recognise(pix, number: page, path: path)
    }
}

/// Warnings every OCR'd document shares.
enum OCRWarnings {
    /// The document made of per-page outcomes (in page order): pages kept, first hint of each
    /// kind wins, page notes and low-confidence warnings appended. No page at all is an error.
    static func document(path: String, sha256: String, byteCount: Int, kind: FileKind,
                         outcomes: [Result<PageRecognizer.Outcome, Error>], warnings: [ReadingNote],
                         hints: PageHints, lowConfidence: Double) throws -> IngestedDocument {
        var pages: [Page] = [], warnings = warnings, hints = hints
        for o in outcomes {
            let outcome = try o.get()
            if let p = outcome.page { pages.append(p) }
            hints = hints.filling(from: outcome.hints)
            warnings += outcome.notes
        }
        // Every page blank or unreadable: a one-page scan names its page, as a longer one names
        // each in the warnings.
        if pages.isEmpty { throw IngestError(path: path, page: outcomes.count == 1 ? 1 : nil, .noText) }
        warnings += Self.lowConfidence(pages, threshold: lowConfidence)
        return IngestedDocument(path: path, sha256: sha256, byteCount: byteCount, kind: kind,
                                pages: pages, warnings: warnings, hints: hints)
    }

    static func lowConfidence(_ pages: [Page], threshold: Double) -> [ReadingNote] {
        pages.compactMap { p in
            guard p.origin == .ocr, let c = p.confidence, c < threshold else { return nil }
            return .lowConfidence(page: p.number, percent: Int((c * 100).rounded()))
        }
    }
}

extension String {
    var trimmingTrailingBlankLines: String {
        var s = self
        while s.hasSuffix("\n") || s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
