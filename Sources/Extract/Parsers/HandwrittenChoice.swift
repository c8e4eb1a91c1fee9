import Foundation

/// The hand-written digit reader's readings of a scanned letter's number and day, as Ingest
/// gives them (best first, confidence 0–1): a second opinion beside the OCR'd text.
public struct HandwrittenFields: Sendable, Equatable {
    public struct Reading: Sendable, Equatable {
        public var digits: String
        public var confidence: Double
        public init(digits: String, confidence: Double) { self.digits = digits; self.confidence = confidence }
    }
    public var number: [Reading]
    public var day: [Reading]
    public var month: [Reading]
    public init(number: [Reading] = [], day: [Reading] = [], month: [Reading] = []) {
        self.number = number; self.day = day; self.month = month
    }
    public var isEmpty: Bool { number.isEmpty && day.isEmpty && month.isEmpty }
}

/// Chooses the number's digits and the day between the OCR'd text and the digit reader's
/// readings, with the evidence a clerk would use: a real calendar date, the signing time (a
/// letter is dated on or a few days before it is signed), a received stamp (the letter came
/// before it), the file name (`574-UBND-KTTH.pdf`) and the letter citing its own number.
/// Only a reading something on the page gave is ever chosen; a choice made by evidence says so.
public enum HandwrittenChoice {
    /// A reading the digit reader is this sure of stands on its own.
    static let sureReading = 0.6
    /// A reading this sure is trusted: a number's stands against OCR's own digits, and a day's
    /// below it, with nothing else behind it, is no day. OCR reads hand-written digits
    /// badly (none of 60 generated letters' numbers exactly), while the reader's first reading
    /// at 0.3 or more was right in 42 of 46 of those letters, below it in 2 of 6
    /// (scripts/measure-digits.sh, held-out MNIST writers).
    static let trustedReading = 0.3
    /// OCR's digits of a hand-written number stand when the reader finds them at least this
    /// share as likely as its best reading.
    static let ocrBacking = 0.25
    /// A number's reading this sure is still taken where OCR saw no digit at all: every letter
    /// has a number, and a blank one is as wrong as a misread one; the warning says it is unsure.
    /// On the fields of 180 generated letters the reader's first reading between 0.1 and 0.3
    /// was right in 2 of 4, below 0.1 in none of 2.
    static let unsureReading = 0.1
    /// A reading of the month this sure stands against the month OCR read (see `date`). On the
    /// month fields of 420 generated letters (seven sets of scripts/digit-letters.py, held-out
    /// MNIST writers, read as the page's reader crops them) the reader's best month at 0.5 or
    /// more was right in all 411 (hand-written and printed); below 0.5 in 4 of 7. At 0.9 a
    /// hand-written 12 OCR read `07`, the reader sure of it at 0.8, stayed July.
    static let sureMonthReading = 0.5
    /// Days before the signing time a letter may be dated: usually the same day or one before,
    /// but a letter signed weeks later is seen too; a month bounds it.
    static let signedWithinDays = 31
    /// How fast the signing day's support fades with the days between dating and signing: full
    /// for the same day or the day before, a half after about three more days.
    static let signingFadeDays = 4.0

    public enum Evidence: Codable, Hashable, Sendable {
        case signingTime(String)
        case receivedStamp(String)
        case fileName(String)
        case ownCitation
        case digitReader(Double)
        /// The reader's best reading, below `trustedReading`, taken because OCR saw no digit.
        case unsureReading(Double)

        public func text(_ lang: Lang) -> String {
            let c = HandwrittenChoice.shown
            switch (self, lang) {
            case (.signingTime(let t), .vi): return "thời gian ký (\(t))"
            case (.signingTime(let t), .en): return "the signing time (\(t))"
            case (.receivedStamp(let d), .vi): return "dấu công văn đến (\(d))"
            case (.receivedStamp(let d), .en): return "the received stamp (\(d))"
            case (.fileName(let f), .vi): return "tên tệp (\(f))"
            case (.fileName(let f), .en): return "the file name (\(f))"
            case (.ownCitation, .vi): return "số hiệu văn bản tự dẫn trong nội dung"
            case (.ownCitation, .en): return "the letter citing its own number"
            case (.digitReader(let x), .vi): return "bộ đọc chữ số viết tay (độ tin cậy \(c(x)))"
            case (.digitReader(let x), .en): return "the handwritten-digit reader (confidence \(c(x)))"
            case (.unsureReading(let x), .vi): return "bộ đọc chữ số viết tay, chưa chắc chắn (độ tin cậy \(c(x))): cần kiểm tra lại"
            case (.unsureReading(let x), .en): return "the handwritten-digit reader, unsure (confidence \(c(x))): check them"
            }
        }

        static let examples: [Evidence] = [.signingTime("2025-02-05T10:00:00"), .receivedStamp("2025-02-06"),
                                           .fileName("574-UBND-KTTH.pdf"), .ownCitation, .digitReader(0.93)]
    }

    /// A reader's confidence as the messages show it: two decimals.
    static func shown(_ confidence: Double) -> String { String(format: "%.2f", confidence) }

    // MARK: - Day

    struct DayChoice: Equatable { var date: CalendarDate; var evidence: Evidence }

    /// A month reading's month, nil when no month is numbered so.
    static func month(_ r: HandwrittenFields.Reading) -> Int? {
        Int(r.digits).flatMap { (1...12).contains($0) ? $0 : nil }
    }

    /// The date with its day (and a missing month) taken from the readings, or nil to keep `printed`.
    static func date(printed: CalendarDate?, readings: HandwrittenFields, signed signing: (day: CalendarDate, time: String)?,
                     received: CalendarDate?, ocrLastDigit: Int? = nil) -> DayChoice? {
        // A month written by hand that OCR made another digit of (a 9 read `2`) is the reader's
        // when it is sure of it (`sureMonthReading`): the reader's sure month readings were
        // never wrong on generated letters, OCR's of a hand-written month often.
        let misreadMonth = readings.month.first.flatMap { r -> Int? in
            guard r.confidence >= sureMonthReading, let m = month(r), let p = printed?.month, p != m else { return nil }
            return m
        }
        guard let printed, !readings.day.isEmpty || (!readings.month.isEmpty && printed.month == nil) || misreadMonth != nil else { return nil }
        let year = printed.year
        let signedAt = signing?.time
        let signed = signing?.day
        let received = received.flatMap { $0.isComplete ? $0 : nil }

        // The month: the printed one, else a sure reading of a hand-written one.
        var months: [(Int, Double)] = printed.month.map { [($0, 1)] } ?? []
        if printed.month == nil {
            months = readings.month.compactMap { r in month(r).map { ($0, r.confidence) } }
        } else if let m = misreadMonth {
            months = [(m, 1)]
        } else {
            // The reader's less sure months beside OCR's, weighed by their confidence: OCR's
            // stands unless the signing day or the received stamp bounds the date away from it
            // (a hand-written 5 OCR read `3`, the reader's 5 at 0.49, signed in May).
            months += readings.month.compactMap { r in month(r).flatMap { $0 == printed.month ? nil : ($0, r.confidence) } }
        }
        // Candidate days: the OCR'd day, then the readings (the OCR'd one counts as a modest reading).
        var days: [(Int, Double, fromReader: Bool)] = []
        if let d = printed.day { days.append((d, 0.3, false)) }
        // The reader's confidence is shared among the strings it read; a day no month has (`44`)
        // is no reading at all, so its share goes to the days that can be.
        let possible = readings.day.filter { Int($0.digits).map { (1...31).contains($0) } ?? false }
        let possibleShare = possible.reduce(0) { $0 + $1.confidence }
        let allShare = readings.day.reduce(0) { $0 + $1.confidence }
        let rescale = possibleShare > 0 && allShare > possibleShare ? min(allShare / possibleShare, 1 / (possible.map(\.confidence).max() ?? 1)) : 1
        for r in possible.map({ HandwrittenFields.Reading(digits: $0.digits, confidence: min(1, $0.confidence * rescale)) }) {
            guard let d = Int(r.digits) else { continue }
            // OCR garbled the day but seemed to see its last digit (`44`): a reading the reader is
            // unsure of that ends otherwise is less likely; a sure one stands, as OCR misreads
            // hand-written digits far more often than the reader (a 31 read `34`, a 09 `€2`).
            let contradicted = ocrLastDigit.map { d % 10 != $0 } ?? false
            days.append((d, contradicted && r.confidence < sureReading ? r.confidence * 0.5 : r.confidence, true))
        }

        struct Candidate { var date: CalendarDate; var score: Double; var fromReader: Bool; var readerConfidence: Double }
        var candidates: [Candidate] = []
        // The OCR'd day and a reading that agree back each other, where the reading is more than
        // one of the reader's also-rans (`ocrBacking`, as for the number: OCR's `12` for a written
        // 18 matched the reader's fifth cutting at 0.04 and outweighed its 18 at 0.43).
        let bestReading = days.filter(\.fromReader).map(\.1).max() ?? 0
        let backing = { (c: Double) in c >= bestReading * ocrBacking }
        for (m, mc) in months {
            for (d, dc, fromReader) in days {
                guard let date = CalendarDate.valid(year, m, d) else { continue }
                let agreed = days.contains { $0.0 == d && $0.fromReader != fromReader && backing(fromReader ? dc : $0.1) }
                candidates.append(Candidate(date: date, score: dc * mc + (agreed ? 0.5 : 0), fromReader: fromReader,
                                            readerConfidence: fromReader ? dc : 0))
            }
        }
        guard !candidates.isEmpty else { return nil }
        // Bounds from evidence: on or before the signing day (and not long before it), before the received stamp.
        func withinSigning(_ c: Candidate) -> Bool {
            guard let s = signed else { return true }
            let gap = s.dayNumber - c.date.dayNumber
            return gap >= 0 && gap <= signedWithinDays
        }
        func signingPrior(_ c: Candidate) -> Double {
            guard let s = signed else { return 0 }
            let gap = s.dayNumber - c.date.dayNumber
            guard gap >= 0, gap <= signedWithinDays else { return 0 }
            return 0.5 * exp(-Double(max(0, gap - 1)) / signingFadeDays)
        }
        func beforeReceived(_ c: Candidate) -> Bool { received.map { c.date.dayNumber <= $0.dayNumber } ?? true }
        // A letter is signed the day it is dated or a day or two after: a reading that lands there
        // is backed by the signature.
        func closeToSigning(_ c: Candidate) -> Bool {
            guard let s = signed else { return false }
            return (0...2).contains(s.dayNumber - c.date.dayNumber)
        }
        // The nearer the signing day the likelier, fading over days: a letter signed on the 26th
        // was more likely dated the 22nd than the 12th.
        let unweighed = candidates.max { $0.score < $1.score }!
        for k in candidates.indices { candidates[k].score += signingPrior(candidates[k]) }
        let ranked = candidates.sorted { $0.score > $1.score }
        let best = ranked[0]
        let signingDecided = best.date != unweighed.date
        let bounded = ranked.filter { withinSigning($0) && beforeReceived($0) }
        var pick = best
        var evidence: Evidence?
        if let b = bounded.first, b.date != best.date {
            pick = b
            evidence = signed != nil && !withinSigning(best) ? .signingTime(signedAt ?? "") : .receivedStamp(received?.iso ?? "")
        }
        if evidence == nil, pick.fromReader, pick.readerConfidence < sureReading, closeToSigning(pick) || signingDecided {
            evidence = .signingTime(signedAt ?? "")
        }
        // A month of the reader's less sure ones over OCR's: only the evidence put it there.
        if evidence == nil, let p = printed.month, pick.date.month != p, misreadMonth == nil {
            evidence = signed != nil ? .signingTime(signedAt ?? "") : .receivedStamp(received?.iso ?? "")
        }
        // Signed in the letter's own month, OCR saw the day's last digit, but no reading is near
        // the signing day: the reader misread (a 5 read as 1), and the signature's completion of
        // the day with that digit is the better witness. Where the signature cannot complete it
        // (signed in a later month, as a letter of 31 December signed in January; or no digit
        // seen) the reading stands on its own.
        if let s = signed, s.year == year, s.month == printed.month, printed.day == nil, ocrLastDigit != nil,
           !candidates.contains(where: closeToSigning) { return nil }
        // A lone reading neither sure nor backed by anything is no better than the OCR'd day.
        if evidence == nil, pick.fromReader, pick.score < sureReading, printed.day != nil { return nil }
        if evidence == nil, pick.fromReader, pick.score < sureReading, signed == nil, received == nil { return nil }
        // A reading the reader itself doubts, with nothing else behind it, is no day at all.
        if evidence == nil, pick.fromReader, pick.readerConfidence < trustedReading { return nil }
        if pick.date == CalendarDate(year: year, month: printed.month, day: printed.day) { return nil }
        return DayChoice(date: pick.date, evidence: evidence ?? .digitReader(pick.readerConfidence))
    }

    // MARK: - Number

    struct NumberChoice: Equatable {
        var number: LetterNumber
        var evidence: Evidence
        /// The reader's runner-up, where the reader alone chose and the runner-up is as likely as
        /// `runnerUpShare` of its best: the clerk is told to check.
        var runnerUp: HandwrittenFields.Reading? = nil
    }

    /// A runner-up reading at least this share as likely as the reader's best is named beside the
    /// number chosen. The fields of 2 100 generated letters (held-out MNIST writers, read as the
    /// page's reader crops them): the reader got 98 numbers wrong; the right digits were the
    /// runner-up in 54 of them, and at this share or more in 32, while of the 1 957 it read right
    /// 160 had such a runner-up (at 0.3: 42 and 312; at 0.7: 23 and 65). So one letter in ten
    /// carries the note, and a number with it is wrong one time in four (49 of 209), one without
    /// it one time in forty (49 of 1 846).
    static let runnerUpShare = 0.5

    /// The number with its sequence taken from the readings or the evidence, or nil to keep `printed`.
    static func number(printed: LetterNumber?, readings: [HandwrittenFields.Reading], text: String,
                       fileName: String, numberLine: String? = nil) -> NumberChoice? {
        guard let printed, let symbol = printed.symbol, !readings.isEmpty else { return nil }
        let printedSeq = sequenceText(printed)
        // A register numbers its letters from 1: a reading of only zeros is ink or dots, never a number.
        let readings = readings.filter { $0.digits.contains { $0 != "0" } }
        guard !readings.isEmpty else { return nil }
        var candidates = readings.map(\.digits)
        if let p = printedSeq, p.contains(where: { $0 != "0" }), !candidates.contains(p) { candidates.append(p) }
        // The file name: `574-UBND-KTTH.pdf`, `574_UBND.pdf`, `CV 574 UBND.pdf`: its leading digits, with the symbol's first part after.
        let folded = Folding.fold(fileName).uppercased()
        let symbolHead = Folding.fold(String(symbol.split(whereSeparator: { $0 == "-" || $0 == "/" }).first ?? "")).uppercased()
        if !symbolHead.isEmpty {
            for c in candidates where fileNameCites(folded, seq: c, symbolHead: symbolHead) {
                return c == printedSeq ? nil : NumberChoice(number: withSequence(printed, c), evidence: .fileName(fileName))
            }
        }
        // The letter citing its own number elsewhere (`… tại Công văn số 574/UBND-KTTH …`): not on
        // the number's own line, where a digit OCR left of the hand (`Số: ớ 3 /TB-UBND`) is no
        // citation of `3`.
        let tail = String(printed.text.dropFirst(printedSeq?.count ?? 0))
        var elsewhere = text
        if let line = numberLine, !line.isEmpty, let own = elsewhere.range(of: line) { elsewhere.removeSubrange(own) }
        for c in candidates where c != printedSeq && citesItself(elsewhere, seq: c, tail: tail) {
            return NumberChoice(number: withSequence(printed, c), evidence: .ownCitation)
        }
        // OCR reads handwriting badly (generated letters: 574 read 74, 1208 read 1206), so a sure
        // reading of the digit reader wins unless OCR's own digits are among its first three and
        // backed by it (`ocrBacking`: a `26` at 0.02 against `06` at 0.84 is one of its cuttings'
        // also-rans, no support). Not when OCR's are fewer than a sure reading's: OCR dropping a
        // hand-written digit it could not make out (625 read 25, 65 read 6) put them among the
        // reader's also-rans, where the reader's own cuttings leave such part-readings.
        let best = readings[0]
        if let p = printedSeq, readings.prefix(3).contains(where: { $0.digits == p && $0.confidence >= best.confidence * ocrBacking }),
           !(best.confidence >= trustedReading && p.count < best.digits.count) { return nil }
        guard best.digits != printedSeq else { return nil }
        if best.confidence >= trustedReading {
            let runnerUp = readings.dropFirst().first.flatMap { $0.confidence >= best.confidence * runnerUpShare ? $0 : nil }
            return NumberChoice(number: withSequence(printed, best.digits, handRead: true), evidence: .digitReader(best.confidence),
                                runnerUp: runnerUp)
        }
        // OCR's digits fewer than the reader's best and none of its readings (`Số: 9812` read
        // `22`): a hand OCR could not make out, as where it saw no digit at all.
        let unbackedShort = printedSeq.map { p in p.count < best.digits.count && !readings.contains { $0.digits == p } } ?? true
        guard unbackedShort, best.confidence >= unsureReading else { return nil }
        return NumberChoice(number: withSequence(printed, best.digits, handRead: true), evidence: .unsureReading(best.confidence))
    }

    /// The sequence as written (`01`), nil when the number has none.
    static func sequenceText(_ n: LetterNumber) -> String? {
        let digits = n.text.prefix { $0.isNumber }
        return digits.isEmpty ? nil : String(digits)
    }

    /// `n` with its sequence `seq`. A letter after the printed sequence (`30c/NQ-CP`) is kept, but
    /// not after a sequence the digit reader read from the hand (`handRead`): the reader read the
    /// whole field, and a letter OCR saw beside its digits (`22x` for a hand-written 302) is the
    /// hand garbled.
    static func withSequence(_ n: LetterNumber, _ seq: String, handRead: Bool = false) -> LetterNumber {
        var out = n
        let old = sequenceText(n) ?? ""
        var rest = n.text.dropFirst(old.count)
        if handRead { rest = rest.drop(while: \.isLetter) }
        out.text = seq + rest
        if handRead, let symbol = n.symbol, case let mended = symbolWithoutHand(symbol), mended != symbol {
            out.symbol = mended
            out.text = seq + "/" + (n.year.map { "\($0)/" } ?? "") + mended
        }
        out.seq = Int(seq)
        return out
    }

    /// The symbol without what OCR made of the hand-written digits beside it: a short head
    /// before a slash that is no kind's or body's abbreviation (`ZG/KH-UBND`, `I/UBND-KTTH` for
    /// the hand's last strokes), or one capital run into the body's abbreviation (`JUBND-KTTH`).
    /// Only where the digit reader read the field, so the hand is known to stand there.
    static func symbolWithoutHand(_ symbol: String) -> String {
        var s = symbol
        if let slash = s.firstIndex(of: "/") {
            let head = String(s[..<slash]), tail = String(s[s.index(after: slash)...])
            if head.count <= 3, !head.contains("-"), !OCRSymbolFixes.isKindOrBody(head), tail.contains("-") { s = tail }
        }
        if let first = s.split(separator: "-", maxSplits: 1).first, first.count >= 2, first.first!.isUppercase,
           Names.symbolBodies.contains(String(first.dropFirst())) {
            s = String(s.dropFirst())
        }
        return s
    }

    static func fileNameCites(_ folded: String, seq: String, symbolHead: String) -> Bool {
        let chars = Array(folded)
        let s = Array(seq)
        var i = 0
        while i + s.count <= chars.count {
            let before = i == 0 ? nil : chars[i - 1]
            if Array(chars[i..<i + s.count]) == s, before.map({ !$0.isNumber }) ?? true {
                let after = chars[(i + s.count)...].drop { $0 == "-" || $0 == "_" || $0 == " " || $0 == "." || $0 == "/" }
                let rest = String(after)
                if (i + s.count == chars.count || !chars[i + s.count].isNumber) && rest.hasPrefix(symbolHead) { return true }
            }
            i += 1
        }
        return false
    }

    /// `seq` + `tail` (`574` + `/UBND-KTTH`) in the text, spaces around the separator allowed.
    static func citesItself(_ text: String, seq: String, tail: String) -> Bool {
        guard let sep = tail.first else { return false }
        let escaped = NSRegularExpression.escapedPattern(for: String(tail.dropFirst()))
        // The sequence a whole word: a digit OCR glued to letters (`Số: q7 /UBND-VX`, the
        // number's own garbled line) is no citation of `7`.
        let pattern = "(?<![0-9\\p{L}])\(seq)\\s*\(NSRegularExpression.escapedPattern(for: String(sep)))\\s*\(escaped)"
        guard let re = try? NSRegularExpression(pattern: pattern) else { return false }
        return re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
