/// Urgency (độ khẩn, Nghị định 30/2020/NĐ-CP, Điều 15): KHẨN, THƯỢNG KHẨN, HỎA TỐC.
public enum Urgency: String, Codable, Sendable, CaseIterable {
    case khan, thuongKhan = "thuong_khan", hoaToc = "hoa_toc"
}

/// What the marks on a page say besides the letter's own text, read by Ingest and weighed by
/// Extract: an urgency stamp, the ĐẾN received stamp's date, the visible digital-signature box.
/// Each field is filled by the first page that shows it.
public struct PageHints: Sendable, Equatable, Codable {
    /// The urgency stamp's word (`HỎA TỐC` stamped askew, `KHẨN` in red).
    public var urgency: Urgency?
    /// The date written in the received stamp (`ĐẾN … Ngày: 12/3/2025`).
    public var receivedDate: CalendarDate?
    /// The signing time printed in the signature box (`Thời gian ký: 07.02.2025 17:12:11 +07:00`),
    /// ISO local time (`2025-02-07T17:12:11`), Vietnam time.
    public var signatureTime: String?

    public init(urgency: Urgency? = nil, receivedDate: CalendarDate? = nil, signatureTime: String? = nil) {
        self.urgency = urgency; self.receivedDate = receivedDate; self.signatureTime = signatureTime
    }

    /// These hints with the gaps filled from `other` (an earlier page's findings win).
    public func filling(from other: PageHints) -> PageHints {
        PageHints(urgency: urgency ?? other.urgency, receivedDate: receivedDate ?? other.receivedDate,
                  signatureTime: signatureTime ?? other.signatureTime)
    }

    /// The signing day, when the box gave a time.
    public var signatureDay: CalendarDate? { signatureTime.flatMap { CalendarDate(iso: String($0.prefix(10))) } }
}

/// How far a digital signature's certificate could be trusted on this machine (letter-record.md,
/// `source.signatures[].certificate`): what Ingest reads from `pdfsig`, and the record says.
public enum SignatureCertificate: String, Codable, Sendable, Equatable {
    case trusted, unknownIssuer = "unknown_issuer", expired, revoked, unchecked
}
