import Foundation

/// Reads the signature block at the foot of an initiative report: the body that confirms it
/// ("Xác nhận của cơ quan, đơn vị") and the authors' representative ("Đại diện nhóm tác giả").
///
/// The two blocks stand one under the other (typed text), side by side at their columns
/// (`pdftotext -layout`), or side by side run into one line (OCR: "Phạm Văn Đà Đông Thị Huệ").
enum InitiativeSignatures {
    struct Signers: Equatable { var confirmedBy: String?; var representative: String? }

    /// A signature column: its heading, where it stands on the line, and the lines under it.
    private struct Column {
        let element: InitiativeForm.Element
        let center: Int?
        var texts: [String] = []
    }

    /// `lines`: from the first signature heading to the end of the text.
    static func read(_ lines: [String]) -> Signers {
        var columns: [Column] = []
        var active: [Int] = []
        for line in lines {
            let segments = LayoutColumns.segments(line)
            if segments.isEmpty { continue }
            let headings = segments.compactMap { seg -> (InitiativeForm.Element, Int, String)? in
                guard let found = InitiativeFormHeadings.heading(in: seg.text),
                      found.element == .confirmation || found.element == .representative else { return nil }
                return (found.element, seg.start + seg.text.count / 2, found.rest)
            }
            if !headings.isEmpty {
                active = []
                for (element, center, rest) in headings {
                    columns.append(Column(element: element, center: center)); active.append(columns.count - 1)
                    // OCR runs both headings into one line; the second column has no position.
                    if let other = signatureHeading(inside: rest), other != element {
                        columns.append(Column(element: other, center: nil)); active.append(columns.count - 1)
                    }
                }
                continue
            }
            guard !active.isEmpty else { continue }
            if active.count == 1 {
                columns[active[0]].texts.append(segments.map(\.text).joined(separator: " "))
            } else if active.allSatisfy({ columns[$0].center != nil }) {
                for seg in segments {
                    let center = seg.start + seg.text.count / 2
                    let nearest = active.min { abs(columns[$0].center! - center) < abs(columns[$1].center! - center) }!
                    columns[nearest].texts.append(seg.text)
                }
            } else {
                let text = segments.map(\.text).joined(separator: " ")
                if let (left, right) = twoNames(text) {
                    columns[active[0]].texts.append(left); columns[active[1]].texts.append(right)
                } else {
                    columns[active[0]].texts.append(text)
                }
            }
        }
        var signers = Signers()
        for column in columns {
            guard let value = signer(column.texts) else { continue }
            switch column.element {
            case .confirmation where signers.confirmedBy == nil: signers.confirmedBy = value
            case .representative where signers.representative == nil: signers.representative = value
            default: break
            }
        }
        return signers
    }

    /// The other signature heading when it follows in the same OCR line.
    private static func signatureHeading(inside rest: String) -> InitiativeForm.Element? {
        for heading in InitiativeForm.headings where heading.element == .confirmation || heading.element == .representative {
            if rest.contains(heading.phrase) { return heading.element }
        }
        return nil
    }

    /// The person who signs under a heading: the last line that is a name; failing that, the first
    /// line that is not a note such as "(Chữ ký, dấu)" (a body that confirms without a name).
    private static func signer(_ texts: [String]) -> String? {
        let candidates = texts
            .map { InitiativeFormHeadings.stripMarkup($0).trimmedFast }
            .filter { t in
                let key = InitiativeFormHeadings.matchKey(t)
                return !key.isEmpty && !InitiativeForm.signatureNotes.contains { key.contains($0) }
            }
        return candidates.last(where: InitiativeAuthorWords.isPersonName) ?? candidates.first
    }

    /// Two names run together ("Phạm Văn Đà Đông Thị Huệ"), cut where a family name begins,
    /// nearest the middle.
    static func twoNames(_ text: String) -> (String, String)? {
        let words = text.split(separator: " ").map(String.init)
        guard (4...10).contains(words.count), words.allSatisfy(InitiativeAuthorWords.isNameWord) else { return nil }
        let cuts = (2...(words.count - 2)).filter { words.count - $0 <= 5 && $0 <= 5 }
        guard !cuts.isEmpty else { return nil }
        let middle = Double(words.count) / 2
        let bySurname = cuts.filter { Names.surnameSet.contains(Folding.fold(words[$0])) }
        let cut = (bySurname.isEmpty ? cuts : bySurname).min { abs(Double($0) - middle) < abs(Double($1) - middle) }!
        return (words[..<cut].joined(separator: " "), words[cut...].joined(separator: " "))
    }
}
