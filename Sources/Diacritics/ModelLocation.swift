import Foundation

/// Where the syllable model is found at run time, first match wins:
/// 1. `$VANTHU_MODEL` (a file path);
/// 2. `vi-syllables.lm` next to the executable, or in `../share/vanthu/` beside its directory
///    (a binary copied elsewhere, e.g. `/usr/local/bin` + `/usr/local/share/vanthu`);
/// 3. the SwiftPM resource bundle next to the executable (`vanthu_Diacritics.resources/`), which
///    `swift build` and `swift test` produce;
/// 4. the source tree the binary was built from (`Sources/Diacritics/Resources/`).
public enum ModelLocation {
    public static let fileName = "vi-syllables.lm"

    public static func candidates(environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        var urls = [URL]()
        if let p = environment["VANTHU_MODEL"], !p.isEmpty { urls.append(URL(fileURLWithPath: p)) }
        var dirs = [URL]()
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() { dirs.append(exe) }
        let arg0 = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        if !dirs.contains(arg0) { dirs.append(arg0) }
        for d in dirs {
            urls.append(d.appendingPathComponent(fileName))
            urls.append(d.deletingLastPathComponent().appendingPathComponent("share/vanthu/\(fileName)"))
            urls.append(d.appendingPathComponent("vanthu_Diacritics.resources/\(fileName)"))
        }
        urls.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources/\(fileName)"))
        return urls
    }

    /// The first model file that exists, or nil.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        candidates(environment: environment).first { FileManager.default.isReadableFile(atPath: $0.path) }
    }
}

/// The restorer loaded once per process from `ModelLocation` (nil when no model is found).
public enum SharedRestorer {
    public struct Missing: Error, CustomStringConvertible {
        public let searched: [URL]
        public init(searched: [URL]) { self.searched = searched }
        public var description: String {
            "no diacritics model (\(ModelLocation.fileName)) found; set VANTHU_MODEL. Looked in: " + searched.map(\.path).joined(separator: ", ")
        }
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [String: DiacriticRestorer] = [:]

    /// The restorer with `symbols` and `names`, loading the model on first use.
    public static func restorer(symbols: [String], names: PersonNameLexicon = .empty) throws -> DiacriticRestorer {
        lock.lock(); defer { lock.unlock() }
        let key = symbols.joined(separator: ",") + "|" + names.surnames.joined(separator: ",")
        if let r = cache[key] { return r }
        guard let url = ModelLocation.find() else { throw Missing(searched: ModelLocation.candidates()) }
        let model: SyllableModel
        if let any = cache.values.first { model = any.model } else { model = try SyllableModel(contentsOf: url) }
        let r = DiacriticRestorer(model: model, symbols: symbols, names: names)
        cache[key] = r
        return r
    }
}
