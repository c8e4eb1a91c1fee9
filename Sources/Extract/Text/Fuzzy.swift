/// Approximate matching for text that went through OCR: spaces ignored, a few letters wrong.
enum Fuzzy {
    /// Levenshtein distance between two short strings, stopping early past `limit`.
    static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        if abs(x.count - y.count) > limit { return limit + 1 }
        var prev = Array(0...y.count), cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                rowMin = min(rowMin, cur[j])
            }
            if rowMin > limit { return limit + 1 }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    /// Finds `needle` (folded, spaces ignored) in `haystack` (folded) with at most `maxErrors`
    /// edits, ignoring spaces in the haystack too. Returns the UTF-16 range in the haystack.
    /// Sellers' algorithm: O(n·m) on short lines.
    static func find(_ needle: String, in haystack: String, maxErrors: Int) -> Range<Int>? {
        let p = Array(needle.utf16.filter { $0 != 0x20 })
        let hs = Array(haystack.utf16)
        var pos: [Int] = []          // index in haystack of each non-space unit
        var t: [UInt16] = []
        for (i, u) in hs.enumerated() where u != 0x20 && u != 0x09 { pos.append(i); t.append(u) }
        guard !p.isEmpty, !t.isEmpty else { return nil }
        let m = p.count
        // d[i] = best distance of p[0..<i] ending at current text position; start[i] = where it began.
        var d = Array(0...m), start = [Int](repeating: 0, count: m + 1)
        var best: (err: Int, from: Int, to: Int)? = nil
        for j in 0..<t.count {
            var prevDiag = d[0], prevDiagStart = start[0]
            d[0] = 0; start[0] = j + 1
            for i in 1...m {
                let old = d[i], oldStart = start[i]
                let sub = prevDiag + (p[i - 1] == t[j] ? 0 : 1)
                let del = d[i - 1] + 1          // skip a pattern char
                let ins = old + 1               // skip a text char
                if sub <= del && sub <= ins { d[i] = sub; start[i] = prevDiagStart }
                else if del <= ins { d[i] = del; start[i] = start[i - 1] }
                else { d[i] = ins; start[i] = oldStart }
                prevDiag = old; prevDiagStart = oldStart
            }
            if d[m] <= maxErrors, best == nil || d[m] < best!.err {
                best = (d[m], start[m], j)
                if d[m] == 0 { break }
            }
        }
        guard let b = best, b.from <= b.to, b.from < pos.count else { return nil }
        return pos[b.from]..<(pos[b.to] + 1)
    }
}
