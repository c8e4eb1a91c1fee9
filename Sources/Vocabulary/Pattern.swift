import Foundation

/// A compiled regular expression used on folded text (see `Folding`). Matches give UTF-16
/// ranges, which are the same in the folded and the original string.
public struct Pattern: @unchecked Sendable {
    public let regex: NSRegularExpression

    public init(_ pattern: String, caseInsensitive: Bool = false) {
        var options: NSRegularExpression.Options = []
        if caseInsensitive { options.insert(.caseInsensitive) }
        // Patterns are constants of the code: a bad one is a programming error.
        regex = try! NSRegularExpression(pattern: pattern, options: options)
    }

    public func firstMatch(in s: String, from location: Int = 0) -> NSTextCheckingResult? {
        let ns = s as NSString
        guard location <= ns.length else { return nil }
        return regex.firstMatch(in: s, range: NSRange(location: location, length: ns.length - location))
    }

    public func matches(in s: String) -> [NSTextCheckingResult] {
        regex.matches(in: s, range: NSRange(location: 0, length: (s as NSString).length))
    }

    public func test(_ s: String) -> Bool { firstMatch(in: s) != nil }
}

extension NSTextCheckingResult {
    /// The range of capture group `i`, nil when the group did not take part.
    public func group(_ i: Int) -> NSRange? {
        let r = range(at: i)
        return r.location == NSNotFound ? nil : r
    }
}
