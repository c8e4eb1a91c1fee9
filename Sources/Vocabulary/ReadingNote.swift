/// What reading a file noticed that the person registering the letter should know: a page left
/// out, a page turned, a text layer not trusted, a legacy encoding. Ingest raises them; the
/// record carries them among its warnings.
public enum ReadingNote: Message, Codable, Hashable {
    case pageBlank(page: Int)
    case pageTurned(page: Int, degrees: Int)
    case pageUnreadable(page: Int)
    case textLayerReplaced(page: Int, problem: TextLayerProblem)
    case lowConfidence(page: Int, percent: Int)
    case encryptedWithOwnerPassword
    case convertedFromTCVN3
    /// Preparation left a page with little text; read again without these steps, it gave more.
    case preparationUndone(page: Int, before: Int, after: Int, steps: [PreparationStep])
    /// The page's reading had no name under the signer's position; the block read again alone gave one.
    case signatureBlockReread(page: Int)
    /// The header's number-and-date row, garbled by the hand-written digits in it, was read again alone.
    case headerRowReread(page: Int)

    public func text(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.pageBlank(let p), .vi): return "trang \(p) để trắng: bỏ qua"
        case (.pageBlank(let p), .en): return "page \(p) is blank: skipped"
        case (.pageTurned(let p, let d), .vi): return "trang \(p) được xoay \(d)° để đọc cho thẳng"
        case (.pageTurned(let p, let d), .en): return "page \(p) was turned \(d)° to read it upright"
        case (.pageUnreadable(let p), .vi): return "trang \(p) không có chữ đọc được: bỏ qua"
        case (.pageUnreadable(let p), .en): return "page \(p) has no readable text: skipped"
        case (.textLayerReplaced(let p, let why), .vi): return "trang \(p): \(why.text(.vi)); đã đọc bằng OCR"
        case (.textLayerReplaced(let p, let why), .en): return "page \(p): \(why.text(.en)); read by OCR instead"
        case (.lowConfidence(let p, let c), .vi): return "trang \(p): độ tin cậy OCR thấp (\(c) %)"
        case (.lowConfidence(let p, let c), .en): return "page \(p): low OCR confidence (\(c) %)"
        case (.encryptedWithOwnerPassword, .vi): return "PDF có mật khẩu chủ sở hữu; vẫn đọc được chữ"
        case (.encryptedWithOwnerPassword, .en): return "the PDF is encrypted with an owner password; its text was read anyway"
        case (.convertedFromTCVN3, .vi): return "đã chuyển từ bảng mã TCVN3 cũ"
        case (.convertedFromTCVN3, .en): return "converted from the legacy TCVN3 encoding"
        case (.signatureBlockReread(let p), .vi): return "trang \(p): họ tên người ký nằm dưới dấu, đã đọc lại riêng khối chữ ký"
        case (.signatureBlockReread(let p), .en): return "page \(p): the signer's name, under the seal, was read again from the signature block alone"
        case (.headerRowReread(let p), .vi): return "trang \(p): dòng số và ngày ở đầu văn bản bị chữ viết tay làm đọc sai, đã đọc lại riêng dòng đó"
        case (.headerRowReread(let p), .en): return "page \(p): the header's number and date row, garbled by the hand-written digits, was read again alone"
        case (.preparationUndone(let p, let b, let a, let steps), _):
            let names = steps.map { $0.text(lang) }.joined(separator: ", ")
            let whole = steps.count == PreparationStep.allCases.count
            if lang == .vi {
                return "trang \(p): sau bước chuẩn bị chỉ còn \(b) ký tự, bỏ bước đó được \(a): "
                    + (whole ? "đọc trang như bản quét (bỏ \(names))" : "bỏ \(names)")
            }
            return "page \(p): preparation left \(b) characters, \(a) without it: "
                + (whole ? "the page was read as scanned (\(names) undone)" : "\(names) undone")
        }
    }

    /// One example of every case, for the tests that render every message in both languages.
    public static let examples: [ReadingNote] = [
        .pageBlank(page: 2), .pageTurned(page: 1, degrees: 180), .pageUnreadable(page: 3),
        .textLayerReplaced(page: 1, problem: .noTextLayer), .textLayerReplaced(page: 2, problem: .lostDiacritics),
        .textLayerReplaced(page: 3, problem: .garbage), .lowConfidence(page: 1, percent: 42),
        .encryptedWithOwnerPassword, .convertedFromTCVN3,
        .preparationUndone(page: 1, before: 12, after: 1450, steps: [.binarisation]),
        .preparationUndone(page: 1, before: 0, after: 900, steps: PreparationStep.allCases),
        .signatureBlockReread(page: 2), .headerRowReread(page: 1),
    ]
}

/// Why a PDF page's own text layer was not trusted.
public enum TextLayerProblem: String, Message, Codable, Hashable {
    case noTextLayer, lostDiacritics, garbage

    public func text(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.noTextLayer, .vi): return "không có lớp chữ"
        case (.noTextLayer, .en): return "no text layer"
        case (.lostDiacritics, .vi): return "lớp chữ đã mất dấu tiếng Việt"
        case (.lostDiacritics, .en): return "the text layer has lost its Vietnamese diacritics"
        case (.garbage, .vi): return "lớp chữ không phải chữ đọc được"
        case (.garbage, .en): return "the text layer is not readable text"
        }
    }
}

/// A step of page preparation before OCR, which a page may be read again without.
public enum PreparationStep: String, CaseIterable, Sendable, Codable, Hashable, Message {
    /// The fixed threshold (128) by which a page is found blank: light grey ink passes under it.
    /// Undone, the page goes to Tesseract, whose own threshold adapts to the page.
    case binarisation
    case redInkRemoval = "red-ink removal"
    case backgroundNormalisation = "background normalisation"
    case deskew

    public func text(_ lang: Lang) -> String {
        switch (self, lang) {
        case (.binarisation, .vi): return "nhị phân hóa"
        case (.binarisation, .en): return "binarisation"
        case (.redInkRemoval, .vi): return "tách mực đỏ"
        case (.redInkRemoval, .en): return "red-ink removal"
        case (.backgroundNormalisation, .vi): return "làm đều nền"
        case (.backgroundNormalisation, .en): return "background normalisation"
        case (.deskew, .vi): return "chỉnh nghiêng"
        case (.deskew, .en): return "deskew"
        }
    }
}
