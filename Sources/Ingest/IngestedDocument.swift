import Foundation

/// How the text of a document was obtained.
public enum TextOrigin: String, Codable, Sendable {
    /// A plain-text file.
    case text
    /// A PDF's own text layer.
    case pdfText = "pdf-text"
    /// Recognised from an image or an image-only PDF.
    case ocr
    /// A word-processor file (.docx, or .doc read by antiword).
    case docx
}

/// One recognised line of a page, with its box (pixels) and confidence (0–1), when OCR gave them.
public struct TextLine: Sendable, Equatable {
    public var text: String
    public var box: Box?
    public var confidence: Double?
    public init(text: String, box: Box? = nil, confidence: Double? = nil) {
        self.text = text; self.box = box; self.confidence = confidence
    }
}

public struct Box: Sendable, Equatable {
    public var x0, y0, x1, y1: Int
    public init(x0: Int, y0: Int, x1: Int, y1: Int) { self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1 }
    public var width: Int { x1 - x0 }
    public var height: Int { y1 - y0 }
}

/// One page of an ingested document: its text in reading order.
public struct Page: Sendable, Equatable {
    public var number: Int
    public var text: String
    public var origin: TextOrigin
    public var lines: [TextLine]
    /// Mean word confidence (0–1) for OCR'd pages; nil otherwise.
    public var confidence: Double?
    public init(number: Int, text: String, origin: TextOrigin, lines: [TextLine] = [], confidence: Double? = nil) {
        self.number = number; self.text = text; self.origin = origin; self.lines = lines; self.confidence = confidence
    }
}

/// A file read into text with its layout: what Ingest hands on. Knows nothing about letters.
public struct IngestedDocument: Sendable {
    /// The file's path as given.
    public var path: String
    /// SHA-256 of the file's bytes, lower-case hex.
    public var sha256: String
    public var byteCount: Int
    public var kind: FileKind
    public var pages: [Page]
    /// Notes for the reader of the record: low-confidence pages, a bad text layer replaced by OCR, ….
    public var warnings: [ReadingNote]
    /// What the page marks say (urgency stamp, received stamp, signature box), for Extract to weigh.
    public var hints: PageHints
    /// A PDF's digital signatures in signing order; empty when it has none or is not a PDF.
    public var signatures: [DigitalSignature]

    public init(path: String, sha256: String, byteCount: Int, kind: FileKind, pages: [Page],
                warnings: [ReadingNote] = [], hints: PageHints = PageHints(), signatures: [DigitalSignature] = []) {
        self.path = path; self.sha256 = sha256; self.byteCount = byteCount; self.kind = kind
        self.pages = pages; self.warnings = warnings; self.hints = hints; self.signatures = signatures
    }

    /// The whole text, pages separated by a form feed.
    public var text: String { pages.map(\.text).joined(separator: "\u{0C}") }

    /// The origin of the document as a whole: OCR if any page was recognised, else the first page's.
    public var origin: TextOrigin {
        if pages.contains(where: { $0.origin == .ocr }) { return .ocr }
        return pages.first?.origin ?? (kind == .pdf ? .pdfText : .text)
    }

    /// Mean OCR confidence over the recognised pages, nil when no page was recognised.
    public var ocrConfidence: Double? {
        let c = pages.compactMap { $0.origin == .ocr ? $0.confidence : nil }
        return c.isEmpty ? nil : c.reduce(0, +) / Double(c.count)
    }
}
