import CLibXML2
import Foundation

/// A recognised word with its box (page pixels) and confidence (0–100).
struct OCRWord: Equatable {
    var text: String
    var box: Box
    var confidence: Double
}

/// A recognised line: its words, the block (tesseract's column area) it belongs to, and whether
/// tesseract saw it at an angle (a rotated stamp, a margin note).
struct OCRLine: Equatable {
    var words: [OCRWord]
    var box: Box
    var block: Int
    var rotated: Bool

    var text: String { words.map(\.text).joined(separator: " ") }
    var confidence: Double {
        words.isEmpty ? 0 : words.map(\.confidence).reduce(0, +) / Double(words.count)
    }
}

/// Reads tesseract's hOCR (XHTML with `ocr_carea`, `ocr_line`, `ocrx_word` spans whose `title`
/// holds `bbox x0 y0 x1 y1; x_wconf N`) into lines of words, with libxml2's HTML parser.
enum HOCRReader {
    static func lines(_ hocr: String) -> [OCRLine] {
        let bytes = Array(hocr.utf8)
        guard !bytes.isEmpty else { return [] }
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        guard let doc = bytes.withUnsafeBufferPointer({ buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                htmlReadMemory($0, Int32(buf.count), nil, "UTF-8", options)
            }
        }) else { return [] }
        defer { xmlFreeDoc(doc) }
        var result: [OCRLine] = []
        var block = -1
        walk(xmlDocGetRootElement(doc), block: &block, into: &result)
        return result
    }

    private static func walk(_ node: xmlNodePtr?, block: inout Int, into result: inout [OCRLine]) {
        var child = node
        while let n = child {
            if n.pointee.type == XML_ELEMENT_NODE {
                let cls = attribute(n, "class") ?? ""
                if cls == "ocr_carea" { block += 1 }
                if cls == "ocr_line" || cls == "ocr_caption" || cls == "ocr_header" || cls == "ocr_textfloat" {
                    if let line = readLine(n, block: block) { result.append(line) }
                } else {
                    walk(n.pointee.children, block: &block, into: &result)
                }
            }
            child = n.pointee.next
        }
    }

    private static func readLine(_ node: xmlNodePtr, block: Int) -> OCRLine? {
        let title = attribute(node, "title") ?? ""
        guard let box = bbox(title) else { return nil }
        var words: [OCRWord] = []
        collectWords(node.pointee.children, into: &words)
        words = words.filter { !$0.text.isEmpty }
        guard !words.isEmpty else { return nil }
        let angle = value(title, "textangle").flatMap(Double.init) ?? 0
        return OCRLine(words: words, box: box, block: max(0, block), rotated: abs(angle) > 5)
    }

    private static func collectWords(_ node: xmlNodePtr?, into words: inout [OCRWord]) {
        var child = node
        while let n = child {
            if n.pointee.type == XML_ELEMENT_NODE {
                if attribute(n, "class") == "ocrx_word" {
                    let title = attribute(n, "title") ?? ""
                    if let box = bbox(title) {
                        let conf = value(title, "x_wconf").flatMap(Double.init) ?? 0
                        // With `preserve_interword_spaces` a word after a wide gap carries the gap's
                        // spaces (` /BC-UBND`): the word is its letters, the gap is in the boxes.
                        words.append(OCRWord(text: content(n).trimmingCharacters(in: .whitespaces), box: box, confidence: conf))
                    }
                } else {
                    collectWords(n.pointee.children, into: &words)
                }
            }
            child = n.pointee.next
        }
    }

    private static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let v = xmlGetProp(node, name) else { return nil }
        defer { xmlFree(v) }
        return String(cString: UnsafeRawPointer(v).assumingMemoryBound(to: CChar.self))
    }

    private static func content(_ node: xmlNodePtr) -> String {
        guard let v = xmlNodeGetContent(node) else { return "" }
        defer { xmlFree(v) }
        return String(cString: UnsafeRawPointer(v).assumingMemoryBound(to: CChar.self))
            .precomposedStringWithCanonicalMapping
    }

    /// `bbox 10 20 30 40` from a title.
    static func bbox(_ title: String) -> Box? {
        guard let v = value(title, "bbox") else { return nil }
        let n = v.split(separator: " ").compactMap { Int($0) }
        guard n.count == 4 else { return nil }
        return Box(x0: n[0], y0: n[1], x1: n[2], y1: n[3])
    }

    /// The value of one `key value…` property in a `;`-separated title.
    static func value(_ title: String, _ key: String) -> String? {
        for part in title.split(separator: ";") {
            let p = part.trimmingCharacters(in: .whitespaces)
            if p.hasPrefix(key + " ") { return String(p.dropFirst(key.count + 1)) }
        }
        return nil
    }
}
