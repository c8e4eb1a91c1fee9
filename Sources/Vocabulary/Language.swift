import Foundation

/// The language vanthu speaks to people. Code, logs for operators and JSON field names stay
/// English whatever this is.
public enum Lang: String, Sendable, CaseIterable, Codable {
    case vi, en

    /// `VANTHU_LANG`, else the locale in `LANG` (`en_US.UTF-8` → en), else Vietnamese: the
    /// office's language is the default, whatever the machine was installed with, unless told.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Lang {
        if let v = env["VANTHU_LANG"], let l = Lang(code: v) { return l }
        if let v = env["LANG"], v.lowercased().hasPrefix("en") { return .en }
        return .vi
    }

    /// `vi`, `en`, `vi_VN.UTF-8`, `en-GB`.
    public init?(code: String) {
        let c = code.lowercased().prefix(2)
        guard let l = Lang(rawValue: String(c)) else { return nil }
        self = l
    }
}

/// A message to a person: a typed value whose words are chosen when it is shown. Every case of
/// every message type renders in both languages in one table (its `text(_:)` switch), so a new
/// message cannot reach the screen untranslated.
public protocol Message: Sendable {
    func text(_ lang: Lang) -> String
}

public extension Message {
    /// The English rendering: what the JSON record's `warnings` and the operators' logs carry.
    var english: String { text(.en) }
}
