import Foundation

/// The council's review sheet as CSV that Excel and LibreOffice open with the Vietnamese intact:
/// UTF-8 with a byte-order mark (without it Excel reads the bytes as the local code page), CRLF
/// line ends, RFC 4180 quoting. One row per initiative.
public enum InitiativeSheet {
    public static let header = ["id", "title", "authors", "first_applied", "checks", "status", "score", "note",
                                "campaign_letter"]

    public static func csv(_ entries: [InitiativeEntry]) -> Data {
        var out = header.joined(separator: ",") + "\r\n"
        for e in entries {
            let fields = ["\(e.id)", e.row.title ?? "", e.authorsWithShares, e.row.firstApplied ?? "",
                          e.checks.joined(separator: "\n"), e.row.status.rawValue,
                          e.row.score.map(InitiativeEntry.number) ?? "", e.row.note ?? "", e.campaignNumber ?? ""]
            out += fields.map(quote).joined(separator: ",") + "\r\n"
        }
        return Data([0xEF, 0xBB, 0xBF]) + Data(out.utf8)
    }

    static func quote(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
