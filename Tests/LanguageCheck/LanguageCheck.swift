import Foundation

/// Finds words of the wrong language in what vanthu shows people: English words in a Vietnamese
/// screen, Vietnamese message words in an English one. Names (PDF, OCR, tesseract, Excel),
/// option names (`--from`), placeholders (`<date>`) and command lines (`vanthu …`) are not words.
public enum LanguageCheck {
    /// Frequent English words that are not Vietnamese syllables (so `to`, `an`, `in`, `do`, `no`,
    /// which Vietnamese writes too, are left out).
    public static let englishWords: Set<String> = [
        "the", "is", "are", "was", "were", "of", "and", "or", "not", "file", "files", "page", "pages", "number",
        "date", "found", "could", "cannot", "be", "read", "with", "has", "have", "this", "that", "from", "for",
        "by", "missing", "author", "authors", "section", "initiative", "initiatives", "error", "letter", "letters",
        "text", "blank", "skipped", "turned", "shares", "share", "invalid", "value", "option", "options", "help",
        "usage", "show", "default", "unknown", "stored", "already", "failed", "deadline", "deadlines", "days",
        "left", "overdue", "today", "done", "open", "reopened", "marked", "next", "occurrence", "index", "must",
        "more", "than", "only", "digits", "symbol", "illegible", "garbled", "month", "day", "exist", "does",
        "draft", "unsigned", "converted", "encoding", "confidence", "low", "layer", "diacritics", "damaged",
        "encrypted", "password", "timed", "out", "ran", "longer", "installed", "language", "data", "recognise",
        "folder", "supported", "unsupported", "type", "binary", "kind", "bytes", "limit", "pixels", "large", "too",
        "printed", "inflates", "past", "header", "image", "decoded", "truncated", "prepared", "rasterised", "well",
        "formed", "says", "near", "duplicate", "similarity", "applied", "after", "report", "still", "come",
        "table", "rows", "listed", "without", "birth", "subcommand", "subcommands", "arguments", "overview",
        "see", "information", "detailed", "provide", "one", "following", "unexpected", "expected", "argument",
        "required", "set", "flag", "version", "print", "lists", "reads", "prints", "issuer", "subject", "signed",
        "copies", "cites", "cited", "status", "title", "checks", "submitted", "accepted", "rejected", "revise",
        "review", "score", "note", "what", "when", "which", "where", "every", "each", "its", "their", "none",
        "disappeared", "before", "urgent", "immediate", "official", "notice", "decision", "examples", "example",
        "search", "watch", "stable", "seconds", "names", "words", "find", "finds", "shown", "best", "newest",
        "older", "add", "narrow", "matching", "records", "record", "signature", "digital", "completed", "time",
    ]

    /// Words of Vietnamese messages (not of letters' content, which any screen may quote).
    public static let vietnameseWords: Set<String> = [
        "không", "được", "tệp", "trang", "lỗi", "hạn", "đã", "của", "có", "cho", "một", "và", "là", "các",
        "những", "chưa", "giá", "trị", "chọn", "thiếu", "tùy", "lệnh", "đọc", "lưu", "xem", "hiện", "mặc",
        "trợ", "giúp", "cách", "dùng", "tìm", "thấy", "ngày", "tháng", "mục", "tác", "giả", "kiểm", "tra",
        "trạng", "thái", "cảnh", "báo", "người", "ký", "loại", "còn", "quá", "xong", "hôm", "nay",
    ]

    /// Technical names and abbreviations that read the same in both languages.
    public static let names: Set<String> = [
        "pdf", "ocr", "csv", "json", "zip", "xml", "tesseract", "antiword", "pdfinfo", "pdftotext", "pdftoppm",
        "word", "docx", "doc", "tcvn", "sqlite", "utf", "bom", "excel", "libreoffice", "inotify", "sigint",
        "sigterm", "vanthu", "icalendar", "outlook", "google", "calendar", "rfc", "crlf", "ole", "png", "jpeg",
        "tiff", "gif", "bmp", "webp", "mib", "xdg", "home", "lang", "db", "id", "vi", "en", "ics",
        "tessdata", "traineddata", "dir", "txt", "yyyy", "mm", "dd",
    ]

    /// The English words in `text` (which should be Vietnamese).
    public static func englishIn(_ text: String) -> [String] {
        words(text).filter { englishWords.contains($0) && !names.contains($0) }
    }

    /// The Vietnamese message words in `text` (which should be English).
    public static func vietnameseIn(_ text: String) -> [String] {
        words(text).filter { vietnameseWords.contains($0) }
    }

    /// Lower-case words, without option names, placeholders, paths, example command lines, what
    /// is quoted (`…`, '…', «…»: a command, a value to type, a tool's own words), the values an
    /// option takes, usage lines and the names of subcommands in their list.
    static func words(_ text: String) -> [String] {
        var out: [String] = []
        let quoted = try! NSRegularExpression(pattern: #"`[^`]*`|'[^'\n]*'|«[^»]*»|\((?:values|giá trị):[^)]*\)"#)
        let subcommandName = try! NSRegularExpression(pattern: #"^  [a-z]+(?: \((?:default|mặc định)\))?(?=\s{2,}|$)"#)
        // Quotes and parentheses may wrap onto the next line of a help screen.
        let unquoted = quoted.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " ")
        for raw in unquoted.components(separatedBy: .newlines) {
            var line = raw
            line = subcommandName.stringByReplacingMatches(in: line, range: NSRange(line.startIndex..., in: line), withTemplate: " ")
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.hasPrefix("vanthu ") || t.hasPrefix("$ ") || t.hasPrefix("USAGE:") || t.hasPrefix("CÁCH DÙNG:")
                || t.hasPrefix("Usage:") || t.hasPrefix("Cách dùng:") { continue }
            for token in t.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                if token.hasPrefix("-") || token.hasPrefix("<") || token.hasPrefix("[") || token.contains("/")
                    || token.contains("$") || token.contains("`") || token.contains("_") || token.contains("@") { continue }
                for w in token.split(whereSeparator: { !$0.isLetter }) { out.append(w.lowercased()) }
            }
        }
        return out
    }
}
