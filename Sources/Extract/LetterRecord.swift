/// The letter record, schema `vanthu/letter@1` — exactly ../shared/spec/letter-record.md.
///
/// Optional fields are written as JSON `null` (never left out), so every consumer sees the
/// whole shape of the record.
public struct LetterRecord: Codable, Equatable, Sendable {
    public static let schemaID = "vanthu/letter@1"

    public var schema: String = LetterRecord.schemaID
    public var source: Source
    public var kind: DocumentKind
    public var issuer: Issuer?
    public var number: LetterNumber?
    public var place: String?
    /// ISO 8601, possibly shortened: `2025-04-17`, `2025-04` (day blank), `2023` (day and month blank).
    public var date: String?
    public var subject: String?
    public var urgency: Urgency?
    public var recipients: [String]
    public var distribution: [String]
    public var signer: Signer?
    public var references: [Reference]
    public var deadlines: [Deadline]
    public var initiative: Initiative?
    public var diacritics: Diacritics
    /// Typed; the JSON record gives each as its English sentence (see `encode(to:)`).
    public var warnings: [LetterWarning]

    /// Whether the text is an official letter (or an initiative report) at all: decided by the
    /// extractor, read by whoever registers it. Not part of the `vanthu/letter@1` JSON.
    public var verdict: LetterVerdict = .letter
    /// The date of the office's received stamp (ĐẾN … Ngày: …) when one was read on the page:
    /// the letter's ngày đến. Not part of the `vanthu/letter@1` JSON.
    public var receivedDate: String?

    public init(source: Source, kind: DocumentKind = .unknown, issuer: Issuer? = nil,
                number: LetterNumber? = nil, place: String? = nil, date: String? = nil,
                subject: String? = nil, urgency: Urgency? = nil, recipients: [String] = [],
                distribution: [String] = [], signer: Signer? = nil, references: [Reference] = [],
                deadlines: [Deadline] = [], initiative: Initiative? = nil,
                diacritics: Diacritics = .full, warnings: [LetterWarning] = []) {
        self.source = source; self.kind = kind; self.issuer = issuer; self.number = number
        self.place = place; self.date = date; self.subject = subject; self.urgency = urgency
        self.recipients = recipients; self.distribution = distribution; self.signer = signer
        self.references = references; self.deadlines = deadlines; self.initiative = initiative
        self.diacritics = diacritics; self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case schema, source, kind, issuer, number, place, date, subject, urgency, recipients,
             distribution, signer, references, deadlines, initiative, diacritics, warnings
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encode(source, forKey: .source)
        try c.encode(kind, forKey: .kind)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(number, forKey: .number)
        try c.encode(place, forKey: .place)
        try c.encode(date, forKey: .date)
        try c.encode(subject, forKey: .subject)
        try c.encode(urgency, forKey: .urgency)
        try c.encode(recipients, forKey: .recipients)
        try c.encode(distribution, forKey: .distribution)
        try c.encode(signer, forKey: .signer)
        try c.encode(references, forKey: .references)
        try c.encode(deadlines, forKey: .deadlines)
        try c.encode(initiative, forKey: .initiative)
        try c.encode(diacritics, forKey: .diacritics)
        if encoder.userInfo[.typedWarnings] as? Bool == true {
            try c.encode(warnings, forKey: .warnings)
        } else {
            try c.encode(warnings.map(\.english), forKey: .warnings)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(String.self, forKey: .schema)
        source = try c.decode(Source.self, forKey: .source)
        kind = try c.decode(DocumentKind.self, forKey: .kind)
        issuer = try c.decodeIfPresent(Issuer.self, forKey: .issuer)
        number = try c.decodeIfPresent(LetterNumber.self, forKey: .number)
        place = try c.decodeIfPresent(String.self, forKey: .place)
        date = try c.decodeIfPresent(String.self, forKey: .date)
        subject = try c.decodeIfPresent(String.self, forKey: .subject)
        urgency = try c.decodeIfPresent(Urgency.self, forKey: .urgency)
        recipients = try c.decode([String].self, forKey: .recipients)
        distribution = try c.decode([String].self, forKey: .distribution)
        signer = try c.decodeIfPresent(Signer.self, forKey: .signer)
        references = try c.decode([Reference].self, forKey: .references)
        deadlines = try c.decode([Deadline].self, forKey: .deadlines)
        initiative = try c.decodeIfPresent(Initiative.self, forKey: .initiative)
        diacritics = try c.decode(Diacritics.self, forKey: .diacritics)
        // The index keeps typed warnings; a record printed as JSON (or stored by an earlier
        // version) has sentences, kept as they are.
        if let typed = try? c.decode([LetterWarning].self, forKey: .warnings) {
            warnings = typed
        } else {
            warnings = try c.decode([String].self, forKey: .warnings).map(LetterWarning.init(sentence:))
        }
    }
}

extension CodingUserInfoKey {
    /// Set to `true` on an encoder to write a record's warnings as typed values (the index does,
    /// to show them later in the reader's language) instead of English sentences.
    public static let typedWarnings = CodingUserInfoKey(rawValue: "vanthu.typedWarnings")!
}

/// Where the record's text came from.
public struct Source: Codable, Equatable, Sendable {
    public var file: String
    public var sha256: String?
    public var pages: Int
    /// `text`, `pdf-text`, `ocr` or `docx` (a .doc read by antiword is reported as `docx` too:
    /// the spec has one code for word-processor files).
    public var textOrigin: String
    public var ocrConfidence: Double?
    /// The PDF's digital signatures in signing order; `[]` when none or not a PDF.
    public var signatures: [DigitalSignatureRecord]

    public init(file: String, sha256: String? = nil, pages: Int = 1, textOrigin: String = "text",
                ocrConfidence: Double? = nil, signatures: [DigitalSignatureRecord] = []) {
        self.file = file; self.sha256 = sha256; self.pages = pages; self.textOrigin = textOrigin
        self.ocrConfidence = ocrConfidence; self.signatures = signatures
    }

    enum CodingKeys: String, CodingKey {
        case file, sha256, pages, textOrigin = "text_origin", ocrConfidence = "ocr_confidence", signatures
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        sha256 = try c.decodeIfPresent(String.self, forKey: .sha256)
        pages = try c.decodeIfPresent(Int.self, forKey: .pages) ?? 1
        textOrigin = try c.decodeIfPresent(String.self, forKey: .textOrigin) ?? "text"
        ocrConfidence = try c.decodeIfPresent(Double.self, forKey: .ocrConfidence)
        // Records stored before signatures were read have none.
        signatures = try c.decodeIfPresent([DigitalSignatureRecord].self, forKey: .signatures) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(pages, forKey: .pages)
        try c.encode(textOrigin, forKey: .textOrigin)
        try c.encode(ocrConfidence, forKey: .ocrConfidence)
        try c.encode(signatures, forKey: .signatures)
    }
}

/// One digital signature of the file (`source.signatures[]`).
public struct DigitalSignatureRecord: Codable, Equatable, Sendable {
    public typealias Certificate = SignatureCertificate
    /// The certificate's common name.
    public var signer: String
    /// The signing time in Vietnam time: `2025-04-17T16:42:36+07:00`.
    public var time: String
    public var valid: Bool
    public var wholeDocument: Bool
    public var certificate: Certificate

    public init(signer: String, time: String, valid: Bool, wholeDocument: Bool, certificate: Certificate) {
        self.signer = signer; self.time = time; self.valid = valid; self.wholeDocument = wholeDocument
        self.certificate = certificate
    }
    enum CodingKeys: String, CodingKey { case signer, time, valid, wholeDocument = "whole_document", certificate }
}

/// The issuing body (tên cơ quan, tổ chức ban hành) and the parent body above it.
public struct Issuer: Codable, Equatable, Sendable {
    public var parent: String?
    public var name: String?
    public init(parent: String? = nil, name: String? = nil) { self.parent = parent; self.name = name }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(parent, forKey: .parent)
        try c.encode(name, forKey: .name)
    }
}

/// The number and symbol after `Số:` (`2164/UBND-KGVX`, `09/2022/QĐ-UBND`, `54-CV/TU`, `/VP-HCQT`).
public struct LetterNumber: Codable, Equatable, Sendable {
    public var text: String
    public var seq: Int?
    public var year: Int?
    public var symbol: String?
    public init(text: String, seq: Int? = nil, year: Int? = nil, symbol: String? = nil) {
        self.text = text; self.seq = seq; self.year = year; self.symbol = symbol
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(seq, forKey: .seq)
        try c.encode(year, forKey: .year)
        try c.encode(symbol, forKey: .symbol)
    }
}

/// What the extractor made of a text as a whole.
public enum LetterVerdict: Equatable, Sendable {
    case letter
    /// No header, number, date, title or subject: a README, a JSON file, a photo of a menu.
    case notALetter
}

public enum Diacritics: String, Codable, Sendable {
    case full, stripped, restored
}

/// Signing mode (thể thức ký) from Nghị định 30/2020/NĐ-CP, Điều 13.
public enum SigningMode: String, Codable, Sendable {
    case KT, TM, TL, TUQ, Q
}

public struct Signer: Codable, Equatable, Sendable {
    public var mode: SigningMode?
    public var onBehalfOf: String?
    public var title: String?
    public var name: String?
    public init(mode: SigningMode? = nil, onBehalfOf: String? = nil, title: String? = nil, name: String? = nil) {
        self.mode = mode; self.onBehalfOf = onBehalfOf; self.title = title; self.name = name
    }
    enum CodingKeys: String, CodingKey { case mode, onBehalfOf = "on_behalf_of", title, name }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(mode, forKey: .mode)
        try c.encode(onBehalfOf, forKey: .onBehalfOf)
        try c.encode(title, forKey: .title)
        try c.encode(name, forKey: .name)
    }
}

/// A document the letter cites by number.
public struct Reference: Codable, Equatable, Sendable {
    public var kind: DocumentKind
    public var number: String
    public var date: String?
    public init(kind: DocumentKind, number: String, date: String? = nil) {
        self.kind = kind; self.number = number; self.date = date
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(number, forKey: .number)
        try c.encode(date, forKey: .date)
    }
}

public enum DeadlinePrecision: String, Codable, Sendable { case day, month, quarter, year }
public enum Recurrence: String, Codable, Sendable { case weekly, monthly, quarterly, yearly }

/// A date by which someone must act. `due` is the last day allowed.
public struct Deadline: Codable, Equatable, Sendable {
    public var due: String
    public var precision: DeadlinePrecision
    public var recurrence: Recurrence?
    public var text: String
    public init(due: String, precision: DeadlinePrecision = .day, recurrence: Recurrence? = nil, text: String) {
        self.due = due; self.precision = precision; self.recurrence = recurrence; self.text = text
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(due, forKey: .due)
        try c.encode(precision, forKey: .precision)
        try c.encode(recurrence, forKey: .recurrence)
        try c.encode(text, forKey: .text)
    }
}

/// What an initiative report (báo cáo sáng kiến) says about the initiative.
public struct Initiative: Codable, Equatable, Sendable {
    public var title: String?
    public var authors: [InitiativeAuthor]
    public var firstApplied: String?
    public var summary: String?
    public var effectiveness: String?
    public var scalability: String?
    public var confirmedBy: String?
    public var representative: String?
    /// The sections of the report form (I.1–4, II.1–2) found in the text, e.g. `["I.1", "I.2"]`.
    public var sections: [String]

    public init(title: String? = nil, authors: [InitiativeAuthor] = [], firstApplied: String? = nil,
                summary: String? = nil, effectiveness: String? = nil, scalability: String? = nil,
                confirmedBy: String? = nil, representative: String? = nil, sections: [String] = []) {
        self.title = title; self.authors = authors; self.firstApplied = firstApplied
        self.summary = summary; self.effectiveness = effectiveness; self.scalability = scalability
        self.confirmedBy = confirmedBy; self.representative = representative; self.sections = sections
    }
    enum CodingKeys: String, CodingKey {
        case title, authors, firstApplied = "first_applied", summary, effectiveness, scalability,
             confirmedBy = "confirmed_by", representative, sections
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        authors = try c.decodeIfPresent([InitiativeAuthor].self, forKey: .authors) ?? []
        firstApplied = try c.decodeIfPresent(String.self, forKey: .firstApplied)
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
        effectiveness = try c.decodeIfPresent(String.self, forKey: .effectiveness)
        scalability = try c.decodeIfPresent(String.self, forKey: .scalability)
        confirmedBy = try c.decodeIfPresent(String.self, forKey: .confirmedBy)
        representative = try c.decodeIfPresent(String.self, forKey: .representative)
        sections = try c.decodeIfPresent([String].self, forKey: .sections) ?? []
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(authors, forKey: .authors)
        try c.encode(firstApplied, forKey: .firstApplied)
        try c.encode(summary, forKey: .summary)
        try c.encode(effectiveness, forKey: .effectiveness)
        try c.encode(scalability, forKey: .scalability)
        try c.encode(confirmedBy, forKey: .confirmedBy)
        try c.encode(representative, forKey: .representative)
        try c.encode(sections, forKey: .sections)
    }
}

public struct InitiativeAuthor: Codable, Equatable, Sendable {
    public var row: Int?
    public var name: String
    public var birthDate: String?
    public var workplace: String?
    public var position: String?
    public var qualification: String?
    /// Share of the contribution in percent.
    public var share: Double?
    public var contribution: String?
    public init(row: Int? = nil, name: String, birthDate: String? = nil, workplace: String? = nil,
                position: String? = nil, qualification: String? = nil, share: Double? = nil,
                contribution: String? = nil) {
        self.row = row; self.name = name; self.birthDate = birthDate; self.workplace = workplace
        self.position = position; self.qualification = qualification; self.share = share
        self.contribution = contribution
    }
    enum CodingKeys: String, CodingKey {
        case row, name, birthDate = "birth_date", workplace, position, qualification, share, contribution
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(row, forKey: .row)
        try c.encode(name, forKey: .name)
        try c.encode(birthDate, forKey: .birthDate)
        try c.encode(workplace, forKey: .workplace)
        try c.encode(position, forKey: .position)
        try c.encode(qualification, forKey: .qualification)
        // Whole percentages print as integers (30, not 30.0) so the JSON reads like the form.
        if let s = share, s == s.rounded(), abs(s) < 1e9 { try c.encode(Int(s), forKey: .share) }
        else { try c.encode(share, forKey: .share) }
        try c.encode(contribution, forKey: .contribution)
    }
}
