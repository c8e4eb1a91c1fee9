import Foundation

/// One page image to text: prepare, recognise, turn upright if the text came out as noise, lay out
/// as a letter, read the stamps. The steps log nothing; what they decided goes to `notes`.
struct PageRecognizer {
    struct Outcome {
        var page: Page?            // nil for a blank page
        var hints: PageHints
        var notes: [ReadingNote]
        var handwritten = HandwrittenReadings()
    }

    let pool: OCREnginePool
    var preparation = PagePreparation()
    /// Below this mean confidence (0–100) the page may be sideways or upside down: ask OSD.
    var orientationCheckBelow = 60
    /// Read the red ink (stamps) separately on this page number; 0 = never.
    var readStampsOnPage = 1
    /// Read the hand-written number and day with the digit reader on this page number; 0 = never
    /// (`VANTHU_HANDWRITTEN_DIGITS=off` turns it off, for measuring what it adds).
    var readHandwrittenOnPage = ProcessInfo.processInfo.environment["VANTHU_HANDWRITTEN_DIGITS"] == "off" ? 0 : 1

    /// A page that keeps fewer characters than this after preparation is read again with steps
    /// undone: a letter page holds a thousand or more, its last page (signature, Nơi nhận) a few
    /// hundred.
    var fewCharacters = 150
    /// The preparations tried, in order, when the prepared page gives no or little text: one step
    /// undone at a time (the one that washed out a light scan, or turned blue ink pale), then the
    /// page as scanned, only scaled.
    static let fallbacks: [Set<PagePreparation.Step>] = [
        [.binarisation], [.backgroundNormalisation], [.redInkRemoval], Set(PagePreparation.Step.allCases),
    ]

    /// What one preparation of the page gave.
    private struct Reading {
        var prepared: PagePreparation.Prepared
        var image: Pix
        var layout: LetterPageLayout.Result
        /// The recognised lines with their words' boxes, for finding the hand-written fields.
        var lines: [OCRLine]
        var mean: Int
        var notes: [ReadingNote]
        var characters: Int { layout.lines.reduce(0) { $0 + $1.text.unicodeScalars.filter { $0 != " " }.count } }
    }

    func recognise(_ source: Pix, number: Int, path: String, budget: ReadingBudget? = nil) throws -> Outcome {
        if let budget { try budget.checkMemory(pixels: source.width * source.height, path: path, page: number) }
        let seconds = budget?.pageSeconds
        do { return try recogniseWithFallbacks(source, number: number, path: path, seconds: seconds) } catch let f as TesseractEngine.Failure {
            throw IngestError(path: path, page: number, .tool(f.problem))
        }
    }

    private func recogniseWithFallbacks(_ source: Pix, number: Int, path: String, seconds: Double?) throws -> Outcome {
        guard let prepared = preparation.prepare(source) else {
            throw IngestError(path: path, page: number, .corrupt(.pagePreparation))
        }
        var reading = prepared.isBlank ? nil : try read(prepared, number: number, path: path, seconds: seconds)
        var notes: [ReadingNote] = []
        // No page left unread: when preparation left little or nothing of what looks like a page
        // of text, read it again with the steps undone, and keep the reading that gives more.
        if (reading?.characters ?? 0) < fewCharacters {
            let before = reading?.characters ?? 0
            for steps in Self.fallbacks {
                // Not found blank, the prepared page was read already.
                if steps == [.binarisation] && !prepared.isBlank { continue }
                var undone = preparation
                undone.skipping = steps
                guard let p = steps == [.binarisation] ? prepared : undone.prepare(source) else { continue }
                if p.isBlank && !steps.contains(.binarisation) { continue }
                let r = try read(p, number: number, path: path, seconds: seconds)
                guard r.characters >= max(2 * before, before + 40) else { continue }
                notes.append(.preparationUndone(page: number, before: before, after: r.characters,
                                                steps: PagePreparation.Step.allCases.filter(steps.contains)))
                reading = r
                break
            }
        }
        guard var reading else { return Outcome(page: nil, hints: PageHints(), notes: [.pageBlank(page: number)]) }
        notes = reading.notes + notes
        // The signer's name the reading lost, read again on the reading kept (not on each
        // preparation tried).
        let kept = reading
        if let name = try pool.withEngine({ try SignatureBlockRereading.name(in: kept.lines, on: kept.image, engine: $0) }) {
            reading.lines.append(name)
            reading.layout = LetterPageLayout(pageWidth: kept.image.width, pageHeight: kept.image.height).arrange(reading.lines)
            notes.append(.signatureBlockReread(page: number))
        }
        // The number-and-date row the hand-written digits garbled, read again alone.
        var reread: [OCRLine]?
        if number == readHandwrittenOnPage,
           let lines = try pool.withEngine({ try HeaderRowRereading.lines(in: kept.lines, on: kept.image, engine: $0) }) {
            let signature = reading.lines.filter { !kept.lines.contains($0) }
            reread = lines
            reading.lines = lines + signature
            reading.layout = LetterPageLayout(pageWidth: kept.image.width, pageHeight: kept.image.height).arrange(reading.lines)
            notes.append(.headerRowReread(page: number))
        }
        var layout = reading.layout
        if number == readStampsOnPage, let red = reading.prepared.redLayer ?? prepared.redLayer {
            layout.hints = layout.hints.filling(from: try stampHints(red))
        }
        if layout.lines.isEmpty {
            return Outcome(page: nil, hints: layout.hints, notes: notes + [.pageUnreadable(page: number)])
        }
        var handwritten = HandwrittenReadings()
        if number == readHandwrittenOnPage { handwritten = Self.readHandwritten(kept.lines, reread: reread, on: reading.image) }
        let words = layout.lines.compactMap(\.confidence)
        let confidence = words.isEmpty ? Double(reading.mean) / 100 : words.reduce(0, +) / Double(words.count)
        let page = Page(number: number, text: layout.text, origin: .ocr, lines: layout.lines,
                        confidence: (confidence * 1000).rounded() / 1000)
        return Outcome(page: page, hints: layout.hints, notes: notes, handwritten: handwritten)
    }

    /// The digit reader's readings of the number and the day and month, where the page has them.
    static func readHandwritten(_ lines: [OCRLine], reread: [OCRLine]? = nil, on grey: Pix) -> HandwrittenReadings {
        let found = handwrittenFields(lines, reread: reread, on: grey)
        func read(_ kind: HandwrittenField) -> [DigitReading] {
            guard let field = found[kind] else { return [] }
            return HandwrittenFieldReader.reading(kind, lineHeight: field.lineHeight).read(field.box, on: grey)
        }
        return HandwrittenReadings(number: read(.number), day: read(.day), month: read(.month))
    }

    /// The hand-written fields of the page, the header row's re-reading merged in where there is one.
    static func handwrittenFields(_ lines: [OCRLine], reread: [OCRLine]? = nil, on grey: Pix) -> HandwrittenRegions.Found {
        let found = HandwrittenRegions.find(lines, on: grey)
        guard let reread else { return found }
        return HeaderRowRereading.merged(found, HandwrittenRegions.find(reread, on: grey),
                                         rows: HeaderRowRereading.candidateRows(lines, pageHeight: grey.height))
    }

    /// Recognises one prepared page, turned upright if it reads better so, and lays it out.
    private func read(_ prepared: PagePreparation.Prepared, number: Int, path: String, seconds: Double?) throws -> Reading {
        var notes: [ReadingNote] = []
        var image = prepared.image
        let (lines, mean): ([OCRLine], Int) = try pool.withEngine { engine in
            var (hocr, mean) = try engine.recognise(image, seconds: seconds, path: path, page: number)
            if mean < orientationCheckBelow, let turns = engine.uprightTurns(image), turns != 0,
               let upright = PagePreparation.rotate(image, quarterTurns: turns) {
                let (h2, m2) = try engine.recognise(upright, seconds: seconds, path: path, page: number)
                if m2 > mean {
                    notes.append(.pageTurned(page: number, degrees: turns * 90))
                    image = upright; hocr = h2; mean = m2
                }
            }
            return (HOCRReader.lines(hocr), mean)
        }
        let layout = LetterPageLayout(pageWidth: image.width, pageHeight: image.height).arrange(lines)
        return Reading(prepared: prepared, image: image, layout: layout, lines: lines, mean: mean, notes: notes)
    }

    /// An urgency stamp put on askew (`HỎA TỐC` at 30°): the red ink where the stamp goes, read
    /// turned by a few angles until one reading says an urgency.
    private func tiltedUrgency(_ red: Pix) throws -> Urgency? {
        let region = PageMarkWords.urgencyStampRegion
        guard let corner = PagePreparation.inkedCorner(red, width: region.width, height: region.height) else { return nil }
        for degrees in PageMarkWords.urgencyStampTilts {
            guard let turned = PagePreparation.tilt(corner, degrees: degrees) else { continue }
            // Read as a low-resolution image: at 300 dpi Tesseract finds no text in the crop at
            // all (measured on a HỎA TỐC stamp), at 70 dpi it reads the stamp's words.
            let lines = try pool.withEngine { HOCRReader.lines(try $0.recognise(turned, resolution: 70).hocr) }
            for t in lines.map(\.text) where t.split(separator: " ").count <= 4 {
                if let u = PageMarks.urgency(t) { return u }
            }
        }
        return nil
    }

    /// Reads the red layer (seals, urgency and received stamps) for hints only.
    private func stampHints(_ red: Pix) throws -> PageHints {
        let lines = try pool.withEngine { HOCRReader.lines(try $0.recognise(red).hocr) }
        var hints = PageHints()
        let texts = lines.map(\.text)
        for t in texts where PageMarks.isUrgencyStampLine(t) || t.split(separator: " ").count <= 4 {
            if let u = PageMarks.urgency(t) { hints.urgency = u; break }
        }
        if hints.urgency == nil, let u = try tiltedUrgency(red) { hints.urgency = u }
        if let title = texts.firstIndex(where: PageMarks.isReceivedStampTitle) {
            for t in texts[title...].prefix(6) where Folding.fold(t).hasPrefix(PageMarkWords.receivedStampDateLabel) {
                if let d = DateGrammar.numericDate(in: t) { hints.receivedDate = d; break }
            }
        }
        return hints
    }
}
