import CLibXML2
import Foundation

/// A .docx to text: `word/document.xml` read with libxml2. A paragraph (`w:p`) is a line; a tab
/// (`w:tab`) is `\t`; a line break (`w:br`) is a new line; a table row (`w:tr`) is one line with its
/// cells (`w:tc`) separated by `\t` — the two-column header of a letter is such a table.
struct DocxReader {
    let limits: IngestLimits

    func read(path: String, bytes: [UInt8], sha256: String) throws -> IngestedDocument {
        let xml: [UInt8]
        do {
            xml = try ZipArchive(bytes).data("word/document.xml", limit: limits.maxTextBytes * 4)
        } catch let f as ZipArchive.Failure {
            switch f {
            case .tooLarge(let entry, let limit): throw IngestError(path: path, .tooLarge(.inflated(entry: entry, limit: limit)))
            case .missing: throw IngestError(path: path, .unsupported(.zipWithoutDocument))
            case .notAZip(let s), .damaged(let s), .unsupported(let s): throw IngestError(path: path, .corrupt(.zip(s)))
            }
        }
        let text = try Self.text(ofDocumentXML: xml, path: path)
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw IngestError(path: path, .noText) }
        return IngestedDocument(path: path, sha256: sha256, byteCount: bytes.count, kind: .docx,
                                pages: [Page(number: 1, text: text, origin: .docx)])
    }

    static func text(ofDocumentXML xml: [UInt8], path: String) throws -> String {
        // NONET: never fetch; no entity expansion beyond the document (XXE, billion laughs).
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        guard let doc = xml.withUnsafeBufferPointer({ buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                xmlReadMemory($0, Int32(buf.count), "document.xml", "UTF-8", options)
            }
        }) else { throw IngestError(path: path, .corrupt(.malformedWordXML)) }
        defer { xmlFreeDoc(doc) }
        var lines: [String] = []
        blockChildren(xmlDocGetRootElement(doc), into: &lines)
        return lines.joined(separator: "\n").precomposedStringWithCanonicalMapping
    }

    /// Walks the block level: paragraphs and tables, through wrappers (body, sdt, sdtContent, …).
    private static func blockChildren(_ node: xmlNodePtr?, into lines: inout [String]) {
        var child = node?.pointee.children
        while let n = child {
            if n.pointee.type == XML_ELEMENT_NODE {
                switch name(n) {
                case "p": lines.append(paragraph(n))
                case "tbl": table(n, into: &lines)
                default: blockChildren(n, into: &lines)
                }
            }
            child = n.pointee.next
        }
    }

    private static func table(_ node: xmlNodePtr, into lines: inout [String]) {
        var row = node.pointee.children
        while let r = row {
            if r.pointee.type == XML_ELEMENT_NODE, name(r) == "tr" {
                var cells: [[String]] = []
                var cell = r.pointee.children
                while let c = cell {
                    if c.pointee.type == XML_ELEMENT_NODE, name(c) == "tc" {
                        var inner: [String] = []
                        blockChildren(c, into: &inner)
                        cells.append(inner)
                    }
                    cell = c.pointee.next
                }
                // A header cell holds several paragraphs (issuer over number): keep them as lines,
                // cell by cell, so the row reads left column then right column, line by line.
                let height = cells.map(\.count).max() ?? 0
                if cells.count > 1 {
                    for i in 0..<height {
                        lines.append(cells.map { i < $0.count ? $0[i] : "" }.joined(separator: "\t"))
                    }
                } else {
                    lines += cells.first ?? []
                }
            }
            row = r.pointee.next
        }
    }

    /// A paragraph's runs: text, tabs and breaks in order.
    private static func paragraph(_ node: xmlNodePtr) -> String {
        var out = ""
        func walk(_ n: xmlNodePtr?) {
            var child = n?.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE {
                    switch name(c) {
                    case "t":
                        if let v = xmlNodeGetContent(c) {
                            out += String(cString: UnsafeRawPointer(v).assumingMemoryBound(to: CChar.self))
                            xmlFree(v)
                        }
                    case "tab": out += "\t"
                    case "br", "cr": out += "\n"
                    case "delText", "instrText": break   // deleted revisions and field codes are not text
                    default: walk(c)
                    }
                }
                child = c.pointee.next
            }
        }
        walk(node)
        return out
    }

    private static func name(_ n: xmlNodePtr) -> String {
        String(cString: UnsafeRawPointer(n.pointee.name).assumingMemoryBound(to: CChar.self))
    }
}

/// An old Word file (.doc) to text through `antiword` (UTF-8 output, no line wrapping).
struct DocReader {
    let limits: IngestLimits

    func read(path: String, byteCount: Int, sha256: String) throws -> IngestedDocument {
        let tool = ExternalTool("antiword", timeout: limits.toolTimeout)
        let out: ExternalTool.Output
        do { out = try tool.run(["-m", "UTF-8.txt", "-w", "0", path]) } catch let f as ExternalTool.Failure {
            throw f.ingestError(path: path)
        }
        if out.status != 0 {
            let why = out.stderr.split(separator: "\n").first.map(String.init) ?? ""
            if why.contains("not a Word Document") || why.contains("is not a") {
                throw IngestError(path: path, .unsupported(.oleNotWord))
            }
            throw IngestError(path: path, .corrupt(.toolSaid(tool: "antiword", why)))
        }
        let text = String(decoding: out.stdout, as: UTF8.self).precomposedStringWithCanonicalMapping
        // antiword marks each page break with a form feed, as Ingest does.
        let pages = text.components(separatedBy: "\u{0C}").map { $0.trimmingCharacters(in: .newlines) }
            .filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if pages.isEmpty { throw IngestError(path: path, .noText) }
        return IngestedDocument(path: path, sha256: sha256, byteCount: byteCount, kind: .doc,
                                pages: pages.enumerated().map { Page(number: $0.offset + 1, text: $0.element, origin: .docx) })
    }
}
