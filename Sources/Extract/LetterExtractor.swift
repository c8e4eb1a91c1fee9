import Foundation

/// Text → letter record. Pure: no I/O. Each part of the letter has its own parser under Parsers/;
/// this type only runs them in order and puts their findings into the record.
public struct LetterExtractor: Sendable {
    public init() {}

    public func extract(_ input: LetterText) -> LetterRecord {
        var record = LetterRecord(source: input.source)
        var warnings: [LetterWarning] = input.warnings.map(LetterWarning.reading)
        let doc = LetterLines(input.text, fromOCR: input.source.textOrigin == "ocr")
        guard doc.lines.contains(where: { !$0.isBlank }) else {
            record.warnings = warnings + [.noText]
            record.verdict = .notALetter
            return record
        }
        record.diacritics = DiacriticsCheck.isStripped(input.text) ? .stripped : .full

        let header = HeaderParser.parse(doc, stripped: record.diacritics == .stripped)
        warnings += header.warnings
        record.issuer = header.issuer
        record.number = header.number
        var numberChosen = false
        if let choice = HandwrittenChoice.number(printed: header.number, readings: input.handwritten.number,
                                                 text: input.text, fileName: input.source.file,
                                                 numberLine: header.numberLine.map { doc.lines[$0].text }) {
            record.number = choice.number
            numberChosen = true
            // The hand filled the blank the print left: not an unsigned draft.
            warnings.removeAll { if case .numberBlank = $0 { return true } else { return false } }
            warnings.append(.handwrittenNumberChosen(digits: String(choice.number.text.prefix { $0.isNumber }), evidence: choice.evidence))
            if let other = choice.runnerUp { warnings.append(.handwrittenNumberAlsoRead(digits: other.digits, confidence: other.confidence)) }
        }
        if header.numberGarbled, !numberChosen, let number = record.number {
            warnings.append(.numberDigitsIllegible(symbol: number.text))
        }
        record.place = header.place
        if let name = record.issuer?.name, let place = header.place, let mended = Names.mendIssuerPlace(name, place: place) {
            record.issuer?.name = mended
        }
        record.date = header.date?.iso
        record.urgency = header.urgency ?? input.hints.urgency

        let symbolKind = header.number?.symbol.flatMap(DocumentKinds.kind(forSymbol:))
        let title = TitleParser.parse(doc, header: header, symbolKind: symbolKind)
        record.kind = title.kind
        if record.kind == .unknown, header.number?.symbol != nil, symbolKind == nil { record.kind = .congVan }
        record.subject = title.subject
        if let number = record.number, let mended = OCRSymbolFixes.withTitleKind(number, kind: record.kind) { record.number = mended }

        let bodyStart = max(header.lastLine, title.subjectLines?.upperBound ?? -1) + 1
        let lists = RecipientsParser.parse(doc, after: bodyStart)
        record.recipients = lists.recipients
        record.distribution = lists.distribution

        record.signer = SignerParser.parse(signatureArea(doc, lists: lists))
        if record.kind == .quyetDinh, var signer = record.signer, signer.mode == nil, signer.title == nil,
           let title = SignerParser.authorityTitle(doc) {
            signer.title = title
            record.signer = signer
        }

        let bodyEnd = lists.distributionLines?.lowerBound ?? doc.count
        let body = doc.flat(from: min(bodyStart, bodyEnd), to: bodyEnd)
        record.references = ReferencesParser.parse(body, ownNumber: header.number?.text)

        var letterDate = header.date
        let signing = SigningEvidence(source: input.source, hints: input.hints, signerName: record.signer?.name)
        if let choice = HandwrittenChoice.date(printed: header.date, readings: input.handwritten,
                                               signed: signing.map { ($0.day, $0.time) }, received: input.hints.receivedDate,
                                               ocrLastDigit: header.garbledDayLastDigit) {
            letterDate = choice.date
            record.date = choice.date.iso
            if let month = choice.date.month, month != header.date?.month {
                // The month OCR could not read (or misread) is read now: say so instead of "only the year".
                warnings.removeAll { if case .monthIllegible = $0 { return true } else { return false } }
                warnings.append(.handwrittenMonthChosen(month: month))
            }
            warnings.append(.handwrittenDayChosen(day: choice.date.day ?? 0, evidence: choice.evidence))
        } else if let signing, let hinted = signatureDate(signing, printed: header.date, lastDigit: header.garbledDayLastDigit) {
            letterDate = hinted
            record.date = hinted.iso
            warnings.append(.dayFromSignatureTime(time: signing.time))
        }
        if let signing, let date = letterDate, signing.isBefore(date) {
            warnings.append(.dateAfterSigning(date: date.iso, signed: signing.time))
        }
        record.deadlines = DeadlineParser.parse(body, letterDate: letterDate, kind: record.kind)

        if let reading = InitiativeParser.parse(input.text, reportDate: letterDate, today: input.today) {
            record.initiative = reading.initiative
            warnings += reading.checks.map(LetterWarning.review)
        }

        if record.number == nil && record.date == nil && record.subject == nil && record.kind == .unknown {
            warnings.append(.notALetter)
            // An initiative report without a header is still registered: its form was recognised.
            if record.initiative == nil { record.verdict = .notALetter }
        }
        if let day = input.hints.receivedDate, day.isComplete {
            record.receivedDate = day.iso
        }
        record.warnings = warnings
        return record
    }

    /// Convenience for tests and callers holding only a string.
    public func extract(text: String, file: String = "-") -> LetterRecord {
        extract(LetterText(text: text, source: Source(file: file)))
    }

    /// The lines where the signature block can be: right of and around the Nơi nhận list, or the
    /// end of the letter when there is no list.
    private func signatureArea(_ doc: LetterLines, lists: Lists) -> [(line: Int, text: String)] {
        var area: [(line: Int, text: String)] = []
        if let dl = lists.distributionLines {
            var j = dl.lowerBound - 1, taken = 0
            var before: [(Int, String)] = []
            while j >= 0 && taken < 10 {
                let l = doc[j]
                if !l.isBlank {
                    if l.text.hasSuffix("./.") || l.text.hasSuffix("/.") { break }
                    for c in l.columns.reversed() where !c.hasPrefix("-") { before.insert((j, c), at: 0) }
                    taken += 1
                }
                j -= 1
            }
            area = before + lists.rightColumn
        } else {
            var j = doc.count - 1, taken = 0
            while j >= 0 && taken < 15 {
                // Gathered last line first and turned round once (an insert at 0 per column was
                // quadratic in a line's columns).
                if !doc[j].isBlank { for c in doc[j].columns.reversed() { area.append((j, c)) }; taken += 1 }
                j -= 1
            }
            area.reverse()
        }
        return area.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    /// The printed day OCR garbled, found from the digital signature's time: a letter is signed
    /// on its date or within days after, so the day is the one up to nine days before the
    /// signature whose last digit OCR did read (`ngày 44 tháng 01`, signed the 26th → the 24th).
    /// With no digit legible the month alone is kept: measured on the corpus, taking the
    /// signature's own day was wrong twice in three.
    private func signatureDate(_ signing: SigningEvidence, printed: CalendarDate?, lastDigit: Int?) -> CalendarDate? {
        guard let p = printed, p.day == nil, let m = p.month, let digit = lastDigit,
              signing.day.year == p.year, signing.day.month == m, let signedDay = signing.day.day else { return nil }
        let days = (max(1, signedDay - 9)...signedDay).filter { $0 % 10 == digit }
        guard days.count == 1 else { return nil }
        return CalendarDate(year: p.year, month: m, day: days[0])
    }
}

/// When the letter was signed, the evidence that bounds its date: the issuing date is on or
/// before it. From the PDF's digital signatures, the signer's own (its common name is the name
/// under the signature block), else the first the issuing body signs (its seal, put on after the
/// head has signed), else the last: a first signature by someone else is often the drafter's
/// initial review, days before the letter is issued (measured on the corpus: 3 letters in 11).
/// Without digital signatures, the time printed in a visible "Ký bởi … Thời gian ký" box on a
/// scan (`PageHints.signatureTime`). The day is Vietnam time, as the record gives signing times.
struct SigningEvidence {
    var day: CalendarDate
    /// The time as the evidence gives it, for warnings.
    var time: String

    init?(source: Source, hints: PageHints, signerName: String?) {
        let signatures = source.signatures
        let bySigner = signerName.flatMap { name in signatures.first { Names.key($0.signer) == Names.key(name) } }
        let byBody = signatures.first { !Names.isPersonName($0.signer) }
        if let s = bySigner ?? byBody ?? signatures.last, let d = CalendarDate(iso: String(s.time.prefix(10))), d.isComplete {
            day = d; time = s.time
        } else if let t = hints.signatureTime, let d = hints.signatureDay, d.isComplete {
            day = d; time = t
        } else {
            return nil
        }
    }

    /// The date read falls after the signing day (compared at the date's own precision:
    /// `2025-02` is after a letter signed in January).
    func isBefore(_ date: CalendarDate) -> Bool {
        if date.year != day.year { return date.year > day.year }
        guard let m = date.month, let sm = day.month else { return false }
        if m != sm { return m > sm }
        guard let d = date.day, let sd = day.day else { return false }
        return d > sd
    }
}

/// Whether the text came without its diacritics (typed in ASCII or OCR'd by a model without
/// Vietnamese): in Vietnamese prose about three words in four carry a mark.
public enum DiacriticsCheck {
    public static func isStripped(_ text: String) -> Bool {
        var words = 0, marked = 0
        var length = 0, hasMark = false
        func endWord() {
            if length >= 2 { words += 1; if hasMark { marked += 1 } }
            length = 0; hasMark = false
        }
        for u in text.utf16 {
            let isAsciiLetter = (u >= 0x41 && u <= 0x5A) || (u >= 0x61 && u <= 0x7A)
            let isLatinMarked = u >= 0xC0 && u < 0x1F00 && u != 0xD7 && u != 0xF7
            if isAsciiLetter || isLatinMarked {
                length += 1
                if isLatinMarked && Folding.isMarkedLetter(u) { hasMark = true }
            } else {
                endWord()
                if words >= 3000 { break }
            }
        }
        endWord()
        guard words >= 15 else { return false }
        return Double(marked) / Double(words) < 0.3
    }
}
