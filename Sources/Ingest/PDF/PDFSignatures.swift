import Foundation

/// One digital signature of a PDF, as `pdfsig` (poppler) reports it.
public struct DigitalSignature: Sendable, Equatable {
    public typealias Certificate = SignatureCertificate

    /// The certificate's common name (a person or an office: `ỦY BAN NHÂN DÂN TỈNH VĨNH LONG`).
    public var signer: String
    /// The signing time as the signature records it.
    public var time: Date
    /// The signature matches the bytes it signs.
    public var valid: Bool
    /// It covers the whole file: a later incremental update (another signature, a received
    /// stamp) makes it false.
    public var wholeDocument: Bool
    public var certificate: Certificate
    /// The end of the last byte range it signs: a later signature signs more of the file.
    public var signedThrough: Int

    public init(signer: String, time: Date, valid: Bool, wholeDocument: Bool, certificate: Certificate,
                signedThrough: Int = 0) {
        self.signer = signer; self.time = time; self.valid = valid; self.wholeDocument = wholeDocument
        self.certificate = certificate; self.signedThrough = signedThrough
    }

    /// Vietnam's civil time (UTC+7, no daylight saving): the time a letter's day is counted in.
    public static let vietnamTime = TimeZone(secondsFromGMT: 7 * 3600)!

    /// The time as ISO 8601 in Vietnam time: `2025-04-17T16:42:36+07:00`.
    public var vietnamISO: String {
        let f = ISO8601DateFormatter()
        f.timeZone = Self.vietnamTime
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: time)
    }
}

/// Reads a PDF's digital signatures with `pdfsig`. A PDF with none, or one pdfsig cannot read,
/// gives `[]`: signatures are evidence about the letter, never a reason to refuse it.
enum PDFSignatures {
    static func read(path: String, timeout: Double) -> [DigitalSignature] {
        var tool = ExternalTool("pdfsig", timeout: timeout)
        // pdfsig prints the signing time in the local time zone: asked in UTC, it is unambiguous.
        tool.environment["TZ"] = "UTC"
        tool.maxOutputBytes = 4 * 1024 * 1024
        // -no-ocsp: revocation is not asked of the CA over the network (the reader stays offline
        // and within its time limit). `--` ends the options: a file named `-x.pdf` is a file.
        guard let out = try? tool.run(["-no-ocsp", "--", path]) else { return [] }
        return parse(String(decoding: out.stdout, as: UTF8.self))
    }

    /// pdfsig's report to signatures, in signing order (by how much of the file each one signs:
    /// a later signature is an incremental update after the earlier ones).
    static func parse(_ report: String) -> [DigitalSignature] {
        var found: [DigitalSignature] = []
        var current: [String: String]? = nil
        var whole: Bool? = nil
        func flush() {
            guard let c = current, let name = c["Signer Certificate Common Name"],
                  let when = c["Signing Time"].flatMap(Self.utcTime) else { current = nil; return }
            let ranges = c["Signed Ranges"] ?? ""
            let through = ranges.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.last ?? 0
            found.append(DigitalSignature(
                signer: name.precomposedStringWithCanonicalMapping, time: when,
                valid: (c["Signature Validation"] ?? "").hasPrefix("Signature is Valid"),
                wholeDocument: whole ?? false,
                certificate: certificate(c["Certificate Validation"] ?? ""),
                signedThrough: through))
            current = nil; whole = nil
        }
        for raw in report.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("Signature #") { flush(); current = [:]; continue }
            guard current != nil, line.hasPrefix("- ") else { continue }
            let item = line.dropFirst(2)
            if item == "Total document signed" { whole = true; continue }
            if item == "Not total document signed" { whole = false; continue }
            guard let colon = item.range(of: ": ") else { continue }
            current![String(item[..<colon.lowerBound])] = String(item[colon.upperBound...])
        }
        flush()
        return found.enumerated()
            .sorted { ($0.element.signedThrough, $0.offset) < ($1.element.signedThrough, $1.offset) }
            .map(\.element)
    }

    /// poppler's certificate verdicts (SignatureInfo / CertificateValidationStatus) to the record's codes.
    static func certificate(_ s: String) -> DigitalSignature.Certificate {
        if s.hasPrefix("Certificate is Trusted") { return .trusted }
        if s.hasPrefix("Certificate issuer is unknown") || s.hasPrefix("Certificate issuer isn't Trusted") { return .unknownIssuer }
        if s.hasPrefix("Certificate has Expired") { return .expired }
        if s.hasPrefix("Certificate has been Revoked") { return .revoked }
        return .unchecked
    }

    /// `Apr 29 2026 07:18:31` (pdfsig's format, here in UTC) to a point in time.
    static func utcTime(_ s: String) -> Date? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "MMM dd yyyy HH:mm:ss"
        return f.date(from: s.trimmingCharacters(in: .whitespaces))
    }
}
