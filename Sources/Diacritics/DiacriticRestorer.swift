import Foundation

/// Puts the diacritics back into Vietnamese text typed without them or OCR'd by an engine that has
/// no Vietnamese.
///
/// Each syllable whose folded form (no marks, đ→d) matches a syllable the model has seen is a
/// candidate; for OCR'd text the channel's confusions add candidates with a cost. The best
/// sequence under the syllable trigram model wins (beam Viterbi over the whole text, so line
/// breaks do not cut the context). Everything that is not a restored syllable — spaces, line
/// breaks, punctuation, numbers, e-mail addresses, URLs, words the model does not know — is
/// copied as it was, and each letter keeps its case.
public final class DiacriticRestorer: Sendable {
    public let model: SyllableModel
    let channel: OCRChannel
    /// folded upper-case symbol (`QD`) → as printed (`QĐ`), for the symbol part of numbers.
    let symbols: [String: String]
    /// States kept per position; measured: 8 loses nothing against 32 on the corpus letters.
    let beam: Int
    /// Below this margin (nats) between the chosen syllable and the next best, it is uncertain.
    let uncertainMargin: Float = 1.0
    /// States more than this (nats) behind the best are dropped before the beam is full.
    let pruneMargin: Float = Float(ProcessInfo.processInfo.environment["VANTHU_PRUNE"].flatMap(Double.init) ?? 8)
    /// Weight of the case evidence against the language model.
    let caseWeight: Float = Float(ProcessInfo.processInfo.environment["VANTHU_CASE_WEIGHT"].flatMap(Double.init) ?? 1.0)
    /// Whether list items restart the model's context (VANTHU_ITEMS=0: not, to measure it).
    let itemBoundaries = ProcessInfo.processInfo.environment["VANTHU_ITEMS"] != "0"

    /// - Parameter symbols: abbreviations of the symbols of document numbers as printed (`QĐ`,
    ///   `NĐ`, `HĐND`); a folded one (`QD`) next to `-` or `/` is given back its marks.
    /// Person names (family, middle, given) for the names channel.
    let names: NameIndex
    /// What a syllable that is no name costs inside a run read as a person's name (nats): in
    /// running text, where the model's context is worth having, and for a name standing alone at
    /// the end of its line or column (a signature), where the words before it are another
    /// column's and tell nothing.
    let notAName: Float = 3
    let notANameAlone: Float = 12

    public init(model: SyllableModel, symbols: [String] = [], names: PersonNameLexicon = .empty,
                channel: OCRChannel = .tesseractEnglish, beam: Int = 16) {
        self.model = model
        self.names = NameIndex(names, model: model)
        // VANTHU_OCR_CHANNEL=seed: the channel read off seed s001 alone, the one before the
        // measured tables (scripts/eval-ocr-restore.py compares the two)
        self.channel = ProcessInfo.processInfo.environment["VANTHU_OCR_CHANNEL"] == "seed" ? .seedOnly : channel
        self.beam = Int(ProcessInfo.processInfo.environment["VANTHU_BEAM"] ?? "") ?? beam
        var map = [String: String](), clash = Set<String>()
        for s in symbols {
            let key = String(String.UnicodeScalarView(s.unicodeScalars.map { u -> Unicode.Scalar in
                guard let i = Letters.info(u.value), i.folded != 0 else { return u }
                return Unicode.Scalar(Letters.upper(UInt32(i.folded)))!
            }))
            if key == s { clash.insert(key); continue }
            if let old = map[key], old != s { clash.insert(key) }
            map[key] = s
        }
        for k in clash { map[k] = nil }
        self.symbols = map
    }

    public struct Result: Sendable {
        public var text: String
        /// Syllables looked at (words the model could restore) and how many were changed.
        public var syllables = 0
        public var changed = 0
        /// Syllables whose choice the model made by a small margin.
        public var uncertain = 0
        /// Whether the text was read as OCR output (the noisy channel was on).
        public var ocr = false
    }

    /// The text with its diacritics. `ocr`: whether to use the OCR channel (nil: decided from the
    /// text, by the share of words with digits or marks that no Vietnamese syllable has).
    public func restore(_ text: String, ocr: Bool? = nil) -> Result {
        let useChannel = ocr ?? looksOCRd(text)
        var result = Result(text: "", ocr: useChannel)
        var context = [model.sentenceStart]
        result.text = restorePiece(text, ocr: useChannel, context: &context, result: &result)
        return result
    }

    /// Restores UTF-8 text of any size piece by piece: `read(n)` gives up to n more bytes (nil or
    /// empty at the end), `write` takes the restored text of each piece. Pieces end at a line
    /// break (else a space, else a character boundary), so memory stays flat (a few MB) however
    /// large the input; the context carries across pieces, so the text restores as it would at
    /// once. Bytes that are not UTF-8 come out as U+FFFD. `result.text` stays empty.
    public func restore(reading read: (Int) -> Data?, writing write: (Data) -> Void, ocr: Bool? = nil,
                        pieceSize: Int = 1 << 20) -> Result {
        var result = Result(text: "")
        var context = [model.sentenceStart]
        var pending = [UInt8]()
        var decided = ocr
        var ended = false
        while !ended {
            if let more = read(pieceSize), !more.isEmpty { pending.append(contentsOf: more) } else { ended = true }
            guard !pending.isEmpty, ended || pending.count >= pieceSize else { continue }
            var cut = pending.count
            if !ended {
                if let nl = pending.lastIndex(of: 0x0A) { cut = nl + 1 }
                else if let sp = pending.lastIndex(of: 0x20) { cut = sp + 1 }
                else if let start = pending.lastIndex(where: { $0 & 0xC0 != 0x80 }), start > 0 { cut = start }
            }
            let text = String(decoding: pending[..<cut], as: UTF8.self)
            pending.removeFirst(cut)
            let useChannel = decided ?? looksOCRd(text)
            decided = useChannel
            result.ocr = useChannel
            write(Data(restorePiece(text, ocr: useChannel, context: &context, result: &result).utf8))
        }
        return result
    }

    private func restorePiece(_ text: String, ocr useChannel: Bool, context: inout [SyllableModel.WordID],
                              result: inout Result) -> String {
        var out = String.UnicodeScalarView()
        var block = [Unicode.Scalar]()
        block.reserveCapacity(8192)
        func flush() {
            guard !block.isEmpty else { return }
            decodeBlock(block, into: &out, context: &context, ocr: useChannel, result: &result)
            block.removeAll(keepingCapacity: true)
        }
        // Blocks end at a line break (or a space, in a very long line; anywhere in a line of
        // neither) so the lattice stays small; the last syllables carry the context over.
        for s in text.unicodeScalars {
            block.append(s)
            if block.count >= 4096 && (s == "\n" || (block.count >= 16384 && s == " ") || block.count >= 65536) { flush() }
        }
        flush()
        return String(out)
    }

    // MARK: - tokens

    enum Kind { case word, number, punct, verbatim }

    struct Token {
        var range: Range<Int>
        var kind: Kind
        var id: SyllableModel.WordID
        /// candidates: word ids, their channel costs and their spellings aligned to the input
        var cands: [Candidate] = []
    }

    struct Candidate {
        var id: SyllableModel.WordID
        var cost: Float
        /// the output scalars (already cased), nil = copy the input
        var spelling: [Unicode.Scalar]?
        /// the model's word, cased like the input letter by letter (the common case: no array)
        var modelSpelling = false
    }

    func looksOCRd(_ text: String) -> Bool {
        var words = 0, noisy = 0
        var cur = [Unicode.Scalar](), letters = 0, digits = 0
        func end() {
            if letters >= 1 && cur.count >= 2 {
                words += 1
                if digits > 0 && digits <= 2 && letters >= 1 { noisy += 1 }
                else if digits == 0 {
                    var marked = false
                    var lower = String.UnicodeScalarView()
                    for u in cur {
                        if let i = Letters.info(u.value), i.marked { marked = true }
                        lower.append(Unicode.Scalar(Letters.lower(u.value))!)
                    }
                    if marked && model.id(of: String(lower)) == nil { noisy += 1 }
                }
            }
            cur.removeAll(keepingCapacity: true); letters = 0; digits = 0
        }
        for s in text.unicodeScalars {
            if Letters.isLetter(s) { cur.append(s); letters += 1 }
            else if Letters.isDigit(s) { cur.append(s); digits += 1 }
            else { end(); if words >= 5000 { break } }
        }
        end()
        return words >= 20 && Double(noisy) / Double(words) >= 0.02
    }

    private func tokenize(_ s: [Unicode.Scalar], ocr: Bool) -> [Token] {
        var tokens = [Token]()
        tokens.reserveCapacity(s.count / 4)
        var i = 0
        let n = s.count
        while i < n {
            let c = s[i]
            if c == " " || c == "\n" || c == "\t" || c == "\r" || c.properties.isWhitespace { i += 1; continue }
            // e-mail addresses and URLs: the whole space-delimited chunk stays as it is
            if i == 0 || s[i - 1].properties.isWhitespace {
                var e = i
                var at = false, slashes = false
                while e < n && !s[e].properties.isWhitespace {
                    if s[e] == "@" { at = true }
                    if s[e] == "/" && e + 1 < n && s[e + 1] == "/" && e > i && s[e - 1] == ":" { slashes = true }
                    e += 1
                }
                let www = e - i > 4 && (s[i] == "w" || s[i] == "W") && String(String.UnicodeScalarView(s[i..<(i + 4)])).lowercased() == "www."
                if (at && e - i >= 5) || slashes || www {
                    tokens.append(Token(range: i..<e, kind: .verbatim, id: model.unknown))
                    i = e; continue
                }
            }
            if Letters.isLetter(c) || Letters.isDigit(c) || ocr && OCRChannel.letterLike(c) {
                var e = i, letters = 0, digits = 0
                while e < n && (Letters.isLetter(s[e]) || Letters.isDigit(s[e]) || ocr && OCRChannel.letterLike(s[e])) {
                    if Letters.isDigit(s[e]) || OCRChannel.letterLike(s[e]) { digits += 1 } else { letters += 1 }
                    e += 1
                }
                // OCR'd: a lone digit between two words (`treo cờ 6 địa bàn`) may be a letter
                // the engine read as a digit (`6` for `ở`); the model weighs it against a number
                if ocr && e - i == 1 && channel.substitutions[String(c)] != nil && i >= 2 && e + 1 < n
                    && s[i - 1] == " " && (Letters.isLetter(s[i - 2]) || s[i - 2] == ",") && s[e] == " " && Letters.isLetter(s[e + 1]) {
                    tokens.append(Token(range: i..<e, kind: .word, id: model.id(of: "<num>") ?? model.unknown))
                    i = e; continue
                }
                if letters == 0 && !s[i..<e].contains(where: OCRChannel.letterLike) {
                    // a number, with inner . , / as the model's <num> token
                    while e + 1 < n && (s[e] == "." || s[e] == "," || s[e] == "/") && Letters.isDigit(s[e + 1]) {
                        e += 1
                        while e < n && Letters.isDigit(s[e]) { e += 1 }
                    }
                    tokens.append(Token(range: i..<e, kind: .number, id: model.id(of: "<num>") ?? model.unknown))
                    i = e; continue
                }
                if digits == 0 || (ocr && digits <= 2 && e - i <= 7 && !Letters.isDigit(s[e - 1]) || ocr && digits == 1 && e - i >= 2 && e - i <= 4) {
                    tokens.append(Token(range: i..<e, kind: .word, id: model.unknown))
                    i = e; continue
                }
                // letters and digits mixed (a code): split as the model was trained
                var j = i
                while j < e {
                    let d = Letters.isDigit(s[j])
                    var k = j
                    while k < e && Letters.isDigit(s[k]) == d { k += 1 }
                    tokens.append(Token(range: j..<k, kind: d ? .number : .word,
                                        id: d ? (model.id(of: "<num>") ?? model.unknown) : model.unknown))
                    j = k
                }
                i = e; continue
            }
            tokens.append(Token(range: i..<(i + 1), kind: .punct, id: model.id(of: String(c)) ?? model.unknown))
            i += 1
        }
        return tokens
    }

    // MARK: - candidates

    private func candidates(_ tok: inout Token, _ s: [Unicode.Scalar], _ prev: Unicode.Scalar?, _ next: Unicode.Scalar?, ocr: Bool) {
        if !ocr {
            // the common case, a syllable typed without marks: one pass, no String built
            var packed: UInt64 = 0, n = 0, upper = 0, plain = true
            for i in tok.range {
                let u = s[i].value
                guard n < 8, let inf = Letters.info(u), inf.folded != 0, !inf.marked else { plain = false; break }
                packed = packed << 8 | UInt64(inf.folded); n += 1
                if Letters.isUpper(u) { upper += 1 }
            }
            let symbolContext = upper >= 2 && upper == n && (prev == "-" || prev == "/" || next == "-" || next == "/")
            if plain && upper == n && n >= 3 && model.candidateRange(packed: packed) == nil,
               let sp = acronym(s[tok.range]) {
                tok.cands = [Candidate(id: model.unknown, cost: 0, spelling: sp)]
                return
            }
            if plain && !symbolContext {
                tok.id = model.id(packed: packed) ?? model.unknown
                if let r = model.candidateRange(packed: packed) {
                    tok.cands = r.map { Candidate(id: model.candidate(at: $0), cost: 0, spelling: nil, modelSpelling: true) }
                } else {
                    tok.cands = [Candidate(id: tok.id, cost: 0, spelling: nil)]
                }
                return
            }
        }
        let obs = Array(s[tok.range])
        var lower = String.UnicodeScalarView(), folded = String.UnicodeScalarView()
        var marked = false, foldable = true, allUpper = true, anyLetter = false, upperLetters = 0
        for u in obs {
            let l = Letters.lower(u.value)
            lower.append(Unicode.Scalar(l)!)
            if let i = Letters.info(u.value), i.folded != 0 {
                folded.append(Unicode.Scalar(i.folded))
                if i.marked { marked = true }
                anyLetter = true
                if !Letters.isUpper(u.value) { allUpper = false } else { upperLetters += 1 }
            } else if Letters.isDigit(u) || OCRChannel.letterLike(u) {
                folded.append(u)
                if OCRChannel.letterLike(u) { anyLetter = true }
            } else { foldable = false; if Letters.isLetter(u) { anyLetter = true; allUpper = false } }
        }
        // one capital and a digit (`S6`) is a capitalised word, not an acronym
        if upperLetters < 2 { allUpper = false }
        let word = String(lower)
        let known = model.id(of: word)
        // a lone digit made a word by the tokenizer: kept, it is a number
        let loneDigit = ocr && obs.count == 1 && Letters.isDigit(obs[0])
        tok.id = loneDigit ? tok.id : known ?? model.unknown
        let keep = Candidate(id: tok.id, cost: 0, spelling: nil)
        guard foldable, anyLetter || loneDigit else { tok.cands = [keep]; return }
        // a symbol of a number (`QD-UBND`, `123/QD`): the table's spelling
        if allUpper, obs.count >= 2, prev == "-" || prev == "/" || next == "-" || next == "/" {
            let upperFolded = String(String.UnicodeScalarView(folded.map { Unicode.Scalar(Letters.upper($0.value))! }))
            if let sym = symbols[upperFolded], sym.unicodeScalars.count == obs.count {
                let sp = Array(sym.unicodeScalars)
                tok.cands = [Candidate(id: model.id(of: String(String.UnicodeScalarView(sp.map { Unicode.Scalar(Letters.lower($0.value))! }))) ?? tok.id,
                                       cost: 0, spelling: sp)]
                return
            }
            // not a kind's symbol: an issuer's acronym the model knows, or made of ones it knows
            // (`91/CTTDT-BBT` → `CTTĐT`: `C` + `TTĐT`)
            if !marked, let sp = acronym(s[tok.range]) {
                tok.cands = [Candidate(id: model.unknown, cost: 0, spelling: sp)]
                return
            }
        }
        let key = String(folded)
        var best = [SyllableModel.WordID: Candidate]()
        func offer(_ id: SyllableModel.WordID, _ cost: Float, _ spelling: [Unicode.Scalar]?) {
            if let old = best[id], old.cost <= cost { return }
            best[id] = Candidate(id: id, cost: cost, spelling: spelling)
        }
        if marked && known != nil {
            // already carries its marks and is a syllable: kept, unless the channel is sure
            // (in OCR'd text, a printed mark the engine uses for others, `é` for `ế`, costs)
            offer(tok.id, ocr ? channel.keepCost(obs) : 0, nil)
            if !ocr { tok.cands = [keep]; return }
        }
        // a known word whose printed marks the channel has not measured is trusted more
        let knownBonus: Float = known != nil && !channel.measuresAll(obs) ? 1.5 : 0
        if !marked || ocr {
            for id in model.candidates(folded: key) {
                let w = Array(model.word(id).unicodeScalars)
                guard w.count == obs.count else { continue }
                var cost: Float = 0
                if marked {
                    // OCR printed a mark: another mark on the same letter costs
                    for (o, t) in zip(obs, w) where Letters.info(o.value)?.marked ?? false {
                        let l = Letters.lower(o.value)
                        cost += l == t.value ? channel.selfCost(l) : channel.markCost(l, t.value)
                    }
                    cost += knownBonus
                }
                offer(id, cost, cased(w, like: obs, allUpper: allUpper))
            }
        }
        // a word glued to stray marks (`ngc‘zy/ﬁ'`, the engine's reading of a handwritten day) is
        // debris, not a word with slips: reading it as a word (`nóc`) only hides what it was
        let glued = prev.map(OCRChannel.debris.contains) == true || next.map(OCRChannel.debris.contains) == true
        if ocr && !glued { channelCandidates(obs, allUpper: allUpper, marked: marked, knownBonus: knownBonus, offer: offer) }
        if loneDigit { best[tok.id] = keep }
        if best.isEmpty { tok.cands = [keep]; return }
        if best[tok.id] == nil && known == nil && marked { best[tok.id] = Candidate(id: tok.id, cost: 3, spelling: nil) }
        var list = Array(best.values)
        list.sort { $0.cost < $1.cost || ($0.cost == $1.cost && $0.id < $1.id) }
        if list.count > 24 { list.removeLast(list.count - 24) }
        tok.cands = list
    }

    /// An acronym the model has not seen, read as acronyms it has (`TTHDND` → `TT`+`HĐND`,
    /// `CTTDT` → `C`+`TTĐT`, `LDVP` → `LĐ`+`VP`): the split covering most letters with known
    /// acronyms of two to five letters, in fewest pieces, each piece spelled as it is most often.
    /// Nil when that changes nothing.
    private func acronym(_ obs: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar]? {
        let o = Array(obs)
        let n = o.count
        guard o.contains(where: { $0 == "D" }) else { return nil }
        let f = o.map { UInt64(Letters.lower($0.value)) }
        // best[i]: (letters covered, pieces, start of the last piece, its word or -1)
        var best = [(Int, Int, Int, SyllableModel.WordID)](repeating: (-1, 0, 0, -1), count: n + 1)
        best[0] = (0, 0, 0, -1)
        for i in 0..<n where best[i].0 >= 0 {
            func offer(_ j: Int, _ covered: Int, _ id: SyllableModel.WordID) {
                let c = (best[i].0 + covered, best[i].1 + 1, i, id)
                if c.0 > best[j].0 || (c.0 == best[j].0 && c.1 < best[j].1) { best[j] = c }
            }
            offer(i + 1, 0, -1)
            var j = i + 2
            while j <= min(n, i + 5) {
                var key: UInt64 = 0
                for k in i..<j { key = key << 8 | f[k] }
                // a piece that gives marks (`TTĐT`) counts its letters twice, one that leaves them
                // as they were once (`CTT`+`DT` covers all of `CTTDT` and restores nothing)
                if let r = model.candidateRange(packed: key) {
                    let id = model.candidate(at: r.lowerBound)
                    let w = model.scalars(id)
                    let changes = w.count == j - i && !zip(w, f[i..<j]).allSatisfy { UInt64($0.value) == $1 }
                    offer(j, changes ? 2 * (j - i) : j - i, id)
                }
                j += 1
            }
        }
        var out = [Unicode.Scalar]()
        var j = n
        while j > 0 {
            let (_, _, i, id) = best[j]
            if id >= 0, model.scalars(id).count == j - i {
                out.insert(contentsOf: model.scalars(id).map { Unicode.Scalar(Letters.upper($0.value))! }, at: 0)
            } else {
                out.insert(contentsOf: o[i..<j], at: 0)
            }
            j = i
        }
        return out == o ? nil : out
    }

    /// Candidates through the channel: each observed character (or pair) read as the letter it
    /// stands for, at most two slips a syllable.
    private func channelCandidates(_ obs: [Unicode.Scalar], allUpper: Bool, marked: Bool, knownBonus: Float,
                                   offer: (SyllableModel.WordID, Float, [Unicode.Scalar]?) -> Void) {
        let lower = obs.map { Unicode.Scalar(Letters.lower($0.value))! }
        // partial readings: (folded key so far, segments (observed range), cost, slips)
        var partial: [([UInt8], [Range<Int>], Float, Int)] = [([], [], 0, 0)]
        var i = 0
        var steps: [[(Int, UInt8, Float)]] = Array(repeating: [], count: obs.count) // (length, letter, cost)
        for p in 0..<obs.count {
            if let inf = Letters.info(lower[p].value), inf.folded != 0 { steps[p].append((1, inf.folded, 0)) }
            if let subs = channel.substitutions[String(lower[p])] { for (l, c) in subs { steps[p].append((1, l, c)) } }
            if p + 1 < obs.count, let subs = channel.substitutions[String(String.UnicodeScalarView([lower[p], lower[p + 1]]))] {
                for (l, c) in subs { steps[p].append((2, l, c)) }
            }
        }
        // expand position by position (a pair consumes two); finished readings collected
        var done: [([UInt8], [Range<Int>], Float)] = []
        var frontier: [Int: [([UInt8], [Range<Int>], Float, Int)]] = [0: partial]
        while i <= obs.count {
            guard let here = frontier.removeValue(forKey: i) else { i += 1; continue }
            if i == obs.count { done.append(contentsOf: here.map { ($0.0, $0.1, $0.2) }); break }
            for (key, segs, cost, slips) in here {
                for (len, letter, c) in steps[i] {
                    let slip = c > 0 ? 1 : 0
                    guard slips + slip <= 2 else { continue }
                    frontier[i + len, default: []].append((key + [letter], segs + [i..<(i + len)], cost + c, slips + slip))
                }
            }
            if let f = frontier[i + 1], f.count > 64 { frontier[i + 1] = Array(f.sorted { $0.2 < $1.2 }.prefix(64)) }
            i += 1
        }
        partial = []
        for (key, segs, cost) in done where cost > 0 || marked {
            let k = String(decoding: key, as: UTF8.self)
            for id in model.candidates(folded: k) {
                let w = Array(model.word(id).unicodeScalars)
                guard w.count == segs.count else { continue }
                var total = cost + knownBonus
                var spelling = [Unicode.Scalar]()
                for (j, seg) in segs.enumerated() {
                    let o = obs[seg.lowerBound]
                    if seg.count == 1, let inf = Letters.info(Letters.lower(o.value)), inf.marked,
                       inf.folded == Letters.info(w[j].value)?.folded {
                        let l = Letters.lower(o.value)
                        total += l == w[j].value ? channel.selfCost(l) : channel.markCost(l, w[j].value)
                    }
                    let up = allUpper || Letters.isUpper(o.value)
                    spelling.append(up ? Unicode.Scalar(Letters.upper(w[j].value))! : w[j])
                }
                offer(id, total, spelling)
            }
        }
    }

    /// Inside a sentence, a capital says name or place (`Võ Tuấn Anh`, not `vợ tuần ảnh`) and
    /// lower case says neither: each candidate's cost takes ln P(case | word) from the model.
    private func caseEvidence(_ tok: inout Token, _ s: [Unicode.Scalar], previous: Token?) {
        guard tok.cands.count > 1, let p = previous else { return }
        // first on its line, or after a sentence mark: a capital tells nothing
        if s[p.range.upperBound..<tok.range.lowerBound].contains("\n") { return }
        if p.kind == .punct, let c = s[p.range.lowerBound].properties.generalCategory == .otherPunctuation || s[p.range.lowerBound] == "(" || s[p.range.lowerBound] == "-" ? s[p.range.lowerBound] : nil,
           ".!?:;(-\"“…".unicodeScalars.contains(c) { return }
        let first = s[tok.range.lowerBound]
        let rest = s[(tok.range.lowerBound + 1)..<tok.range.upperBound]
        let capitalised: Bool
        if Letters.isUpper(first.value) && !rest.contains(where: { Letters.isUpper($0.value) }) { capitalised = true }
        else if !Letters.isUpper(first.value) && !rest.contains(where: { Letters.isUpper($0.value) }) { capitalised = false }
        else { return }
        for i in tok.cands.indices { tok.cands[i].cost -= caseWeight * model.caseLog(tok.cands[i].id, capitalised: capitalised) }
    }

    /// A line of four or more words, a third of them or more no Vietnamese syllable (an English sentence,
    /// code), is left as it is: its `to`, `the`, `on` are English, not `tổ`, `thế`, `ổn`.
    /// Acronyms (all capitals) and single letters (`b/c`) do not count either way.
    private func leaveForeignLines(_ tokens: inout [Token], _ s: [Unicode.Scalar]) {
        var start = 0, words = 0, foreign = 0
        func close(_ end: Int) {
            if words >= 4 && foreign * 3 >= words {
                for k in start..<end where tokens[k].kind == .word { tokens[k].cands = [Candidate(id: tokens[k].id, cost: 0, spelling: nil)] }
            }
            start = end; words = 0; foreign = 0
        }
        for t in tokens.indices {
            if t > 0 && s[tokens[t - 1].range.upperBound..<tokens[t].range.lowerBound].contains("\n") { close(t) }
            let tok = tokens[t]
            guard tok.kind == .word, tok.range.count >= 2,
                  tok.range.contains(where: { Letters.isLetter(s[$0]) && !Letters.isUpper(s[$0].value) }) else { continue }
            words += 1
            // no candidate from the table, or letters in no Vietnamese syllable's order
            let noCandidate = tok.cands.count <= 1 && tok.cands.first?.spelling == nil && tok.cands.first?.modelSpelling != true
            if noCandidate || !Letters.hasSyllableShape(s, tok.range) { foreign += 1 }
        }
        close(tokens.count)
    }

    /// A run of two to four capitalised syllables on one line, the first a family name and the
    /// others names (`Vo Tuan Anh`, `Ho Van Chinh`), is read as a person's name: each candidate
    /// that is a name in its place costs by how rarely people bear it there, one that is no name
    /// costs `notAName` (the model can still outweigh it: `Van Phong UBND` stays `Văn phòng`).
    private func nameEvidence(_ tokens: inout [Token], _ s: [Unicode.Scalar], inName: inout [Bool]) {
        enum Shape { case title, upper, other }
        func shape(_ t: Token) -> Shape {
            guard t.kind == .word, t.range.count >= 2, Letters.isUpper(s[t.range.lowerBound].value) else { return .other }
            var upper = 0
            for i in t.range.dropFirst() where Letters.isUpper(s[i].value) { upper += 1 }
            return upper == 0 ? .title : (upper == t.range.count - 1 ? .upper : .other)
        }
        func spaced(_ a: Token, _ b: Token) -> Bool {
            a.range.upperBound < b.range.lowerBound && s[a.range.upperBound..<b.range.lowerBound].allSatisfy { $0 == " " }
        }
        func lineAlone(_ a: Int, _ b: Int) -> Bool {
            var i = tokens[a].range.lowerBound - 1
            while i >= 0 && s[i] != "\n" { if s[i] != " " && s[i] != "\t" { return false }; i -= 1 }
            i = tokens[b - 1].range.upperBound
            while i < s.count && s[i] != "\n" { if s[i] != " " && s[i] != "\t" && s[i] != "\r" { return false }; i += 1 }
            return true
        }
        func has(_ t: Token, _ set: (SyllableModel.WordID) -> Bool) -> Bool { t.cands.contains { set($0.id) } }
        // alone: nothing after it on its line, and a line start or a column gap before it
        func alone(_ a: Int, _ b: Int) -> Bool {
            var i = tokens[b - 1].range.upperBound
            while i < s.count && s[i] != "\n" { if s[i] != " " && s[i] != "\t" && s[i] != "\r" { return false }; i += 1 }
            i = tokens[a].range.lowerBound - 1
            var gap = 0
            while i >= 0 && s[i] != "\n" { if s[i] != " " && s[i] != "\t" { return gap >= 2 }; gap += 1; i -= 1 }
            return true
        }
        // a place or a body (`Hà Tĩnh`, `Văn phòng`) is no person, whatever its words
        func phrase(_ a: Int, _ b: Int) -> Bool {
            guard !names.phrases.isEmpty else { return false }
            for i in a..<b {
                var key = [UInt8]()
                for j in i..<b {
                    if j > i { key.append(0x20) }
                    for k in tokens[j].range { key.append(Letters.info(s[k].value)?.folded ?? 0) }
                    if j > i && names.phrases.contains(key) { return true }
                }
            }
            return false
        }
        let names = self.names
        var t = 0
        while t < tokens.count {
            let first = shape(tokens[t])
            guard first != .other else { t += 1; continue }
            // the whole run of capitalised words, one space apart
            var e = t + 1
            while e < tokens.count && shape(tokens[e]) == first && spaced(tokens[e - 1], tokens[e]) { e += 1 }
            defer { t = e }
            // capitals: only a line that is the name alone (headings are in capitals too)
            if first == .upper && !lineAlone(t, e) { continue }
            // the name is the run's tail from its first family name: `Phó Chủ tịch` stays out
            guard let start = (t..<e).first(where: { e - $0 >= 2 && e - $0 <= 4 && has(tokens[$0], names.surnames.contains) }),
                  has(tokens[e - 1], { names.given[$0] != nil }),
                  tokens[(start + 1)..<(e - 1)].allSatisfy({ has($0, { names.middle[$0] != nil }) })
            else { continue }
            if phrase(max(t, start - 1), e) { continue }
            let standing = alone(start, e)
            let penalty = standing ? notANameAlone : notAName
            for k in start..<e {
                inName[k] = true
                let role: (SyllableModel.WordID) -> Float? = k == start ? { names.surnames.contains($0) ? 0 : nil }
                    : (k == e - 1 ? { names.given[$0] } : { names.middle[$0] })
                let top = tokens[k].cands.compactMap { role($0.id) }.max() ?? 0
                for c in tokens[k].cands.indices {
                    if let w = role(tokens[k].cands[c].id) { tokens[k].cands[c].cost += top - w }
                    else { tokens[k].cands[c].cost += penalty }
                }
                // a signature's name: the model knows words, not names (it would write `Hưng`,
                // as in Hưng Yên, for the more common name `Hùng`): its candidates are one word to
                // it, and the names' counts choose
                if standing, tokens[k].cands.count > 1, let best = tokens[k].cands.min(by: { $0.cost < $1.cost }) {
                    let obs = Array(s[tokens[k].range])
                    let allUpper = !obs.contains { Letters.isLetter($0) && !Letters.isUpper($0.value) }
                    for c in tokens[k].cands.indices {
                        if tokens[k].cands[c].modelSpelling {
                            let w = model.scalars(tokens[k].cands[c].id)
                            tokens[k].cands[c].spelling = w.count == obs.count ? cased(w, like: obs, allUpper: allUpper) : nil
                            tokens[k].cands[c].modelSpelling = false
                        }
                        tokens[k].cands[c].id = best.id
                    }
                }
            }
        }
    }

    private func cased(_ w: [Unicode.Scalar], like obs: [Unicode.Scalar], allUpper: Bool) -> [Unicode.Scalar] {
        var out = w
        for j in out.indices where allUpper || Letters.isUpper(obs[j].value) {
            out[j] = Unicode.Scalar(Letters.upper(out[j].value))!
        }
        return out
    }

    // MARK: - decoding

    private struct State {
        var prev2: SyllableModel.WordID
        var prev: SyllableModel.WordID
        var cur: SyllableModel.WordID
        var ctx: SyllableModel.Context
        var score: Float
        var back: Int32
        var cand: Int32
    }

    private func decodeBlock(_ s: [Unicode.Scalar], into out: inout String.UnicodeScalarView,
                             context: inout [SyllableModel.WordID], ocr: Bool, result: inout Result) {
        var tokens = tokenize(s, ocr: ocr)
        for t in tokens.indices where tokens[t].kind == .word {
            let r = tokens[t].range
            let prev: Unicode.Scalar? = r.lowerBound > 0 ? s[r.lowerBound - 1] : nil
            let next: Unicode.Scalar? = r.upperBound < s.count ? s[r.upperBound] : nil
            candidates(&tokens[t], s, prev, next, ocr: ocr)
        }
        leaveForeignLines(&tokens, s)
        // a name's capitals say it is a name, which the names channel has weighed already
        var inName = [Bool](repeating: false, count: tokens.count)
        if !names.isEmpty { nameEvidence(&tokens, s, inName: &inName) }
        for t in tokens.indices where tokens[t].kind == .word && !inName[t] {
            caseEvidence(&tokens[t], s, previous: t > 0 ? tokens[t - 1] : nil)
        }
        // lattice: states of each position, flat
        var states = [State]()
        states.reserveCapacity(tokens.count * 4)
        var starts = [Int]()
        starts.reserveCapacity(tokens.count + 1)
        let c = context + [SyllableModel.WordID](repeating: -1, count: max(0, 3 - context.count))
        let initial = model.context(context)
        var layer = [State(prev2: c[c.count - 3], prev: c[c.count - 2], cur: c[c.count - 1], ctx: initial, score: 0, back: -1, cand: -1)]
        let useThird = model.order >= 4
        var prevStart = -1
        var next = [State]()
        let restart = model.context([model.sentenceStart])
        for t in tokens.indices {
            // a new item of a list (a line after one ending in `;`, `.` or `:`, or one starting
            // with `-` or `+`: `- Cổng TTĐT tỉnh;` then `- Lưu: VT`) is a new sentence: the words
            // of the next item do not choose this one's (`tính` because `Lưu` follows it)
            if itemBoundaries && t > 0 && startsItem(t, tokens, s) {
                var best = 0
                for k in layer.indices where layer[k].score > layer[best].score { best = k }
                for k in layer.indices {
                    if k == best {
                        layer[k].ctx = restart; layer[k].prev2 = -1; layer[k].prev = -1; layer[k].cur = model.sentenceStart
                    } else {
                        layer[k].score = -.infinity
                    }
                }
            }
            // a token that is no word has one candidate, itself (no array made for it)
            let isWord = tokens[t].kind == .word
            let single = Candidate(id: tokens[t].id, cost: 0, spelling: nil)
            next.removeAll(keepingCapacity: true)
            for ci in 0..<(isWord ? tokens[t].cands.count : 1) {
                let cand = isWord ? tokens[t].cands[ci] : single
                let first = next.count
                // one state per (previous word, this word): recombined
                for (pi, st) in layer.enumerated() {
                    let (lp, ctx) = model.next(st.ctx, cand.id)
                    let sc = st.score + lp - cand.cost
                    let back = Int32(prevStart < 0 ? -1 : prevStart + pi)
                    var k = first
                    while k < next.count && (next[k].prev != st.cur || useThird && next[k].prev2 != st.prev) { k += 1 }
                    if k < next.count {
                        if sc > next[k].score { next[k].score = sc; next[k].back = back; next[k].ctx = ctx }
                    } else {
                        next.append(State(prev2: st.prev, prev: st.cur, cur: cand.id, ctx: ctx, score: sc, back: back, cand: Int32(ci)))
                    }
                }
            }
            if next.count > beam {
                next.sort { $0.score > $1.score }
                next.removeLast(next.count - beam)
            }
            // keep scores small: subtract the best; states far behind it are dropped
            var top = -Float.infinity
            for k in next.indices where next[k].score > top { top = next[k].score }
            if next.isEmpty { top = 0 }
            next.removeAll { $0.score < top - pruneMargin }
            for k in next.indices { next[k].score -= top }
            prevStart = states.count
            starts.append(prevStart)
            states.append(contentsOf: next)
            // the two layers trade places: no copy, no new buffer
            swap(&layer, &next)
        }
        // trace back the best path
        var choice = [Int32](repeating: 0, count: tokens.count)
        var pathState = [Int](repeating: -1, count: tokens.count)
        if !tokens.isEmpty {
            var k = layer.indices.max { layer[$0].score < layer[$1].score }! + prevStart
            var t = tokens.count - 1
            while t >= 0 && k >= 0 {
                choice[t] = states[k].cand
                pathState[t] = k
                k = Int(states[k].back)
                t -= 1
            }
        }
        // write back, counting changes and uncertain choices
        let ids = tokens.indices.map { tokens[$0].kind == .word ? tokens[$0].cands[Int(choice[$0])].id : tokens[$0].id }
        var pos = 0
        for t in tokens.indices {
            let tok = tokens[t]
            while pos < tok.range.lowerBound { out.append(s[pos]); pos += 1 }
            if tok.kind == .word, tok.cands.count > 1 || tok.cands.first?.spelling != nil || tok.cands.first?.modelSpelling == true {
                let cand = tok.cands[Int(choice[t])]
                result.syllables += 1
                var changed = false
                if cand.modelSpelling {
                    let w = model.scalars(cand.id)
                    if w.count == tok.range.count {
                        for (j, i) in tok.range.enumerated() {
                            let o = s[i]
                            let c = Letters.isUpper(o.value) ? Unicode.Scalar(Letters.upper(w[j].value))! : w[j]
                            if c != o { changed = true }
                            out.append(c)
                        }
                    } else {
                        out.append(contentsOf: s[tok.range])
                    }
                } else if let sp = cand.spelling, !sp.elementsEqual(s[tok.range]) {
                    changed = true
                    out.append(contentsOf: sp)
                } else {
                    out.append(contentsOf: s[tok.range])
                }
                if changed { result.changed += 1 }
                // a choice no other candidate came within the pruning margin of is certain;
                // the others are measured with their right context
                let end = t + 1 < starts.count ? starts[t + 1] : states.count
                let contested = states[starts[t]..<end].contains { $0.cand != choice[t] }
                if tok.cands.count > 1 && contested {
                    let before = t > 0 ? states[pathState[t - 1]].ctx : initial
                    if margin(t, tokens, ids, choice[t], before) < uncertainMargin { result.uncertain += 1 }
                }
            } else {
                out.append(contentsOf: s[tok.range])
            }
            pos = tok.range.upperBound
        }
        while pos < s.count { out.append(s[pos]); pos += 1 }
        context = Array((context + ids).suffix(max(1, model.order - 1)))
    }

    /// Whether token `t` is the first of its line and that line is a new item: the line before
    /// ended with `;`, `.` or `:`, or this one starts with `-` or `+`.
    private func startsItem(_ t: Int, _ tokens: [Token], _ s: [Unicode.Scalar]) -> Bool {
        let gap = s[tokens[t - 1].range.upperBound..<tokens[t].range.lowerBound]
        guard gap.contains("\n") else { return false }
        if tokens[t].kind == .punct, s[tokens[t].range.lowerBound] == "-" || s[tokens[t].range.lowerBound] == "+" { return true }
        let last = s[tokens[t - 1].range.lowerBound]
        return tokens[t - 1].kind == .punct && (last == ";" || last == "." || last == ":")
    }

    /// How much worse (nats) the best other candidate of token `t` scores, the chosen words
    /// around it fixed (the next two words' scores change with it).
    private func margin(_ t: Int, _ tokens: [Token], _ ids: [SyllableModel.WordID], _ chosen: Int32,
                        _ before: SyllableModel.Context) -> Float {
        func local(_ id: SyllableModel.WordID, _ cost: Float) -> Float {
            var (total, ctx) = model.next(before, id)
            total -= cost
            var u = t + 1
            while u <= min(t + 2, ids.count - 1) {
                let (lp, n) = model.next(ctx, ids[u])
                total += lp
                ctx = n
                u += 1
            }
            return total
        }
        let cands = tokens[t].cands
        let mine = local(cands[Int(chosen)].id, cands[Int(chosen)].cost)
        var other = -Float.infinity
        for (i, c) in cands.enumerated() where i != Int(chosen) { other = max(other, local(c.id, c.cost)) }
        return mine - other
    }
}
