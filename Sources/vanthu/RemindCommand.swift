import ArgumentParser
import Vocabulary
import Foundation
import Extract
import Store

/// `vanthu remind`: what is overdue and what falls due within DAYS, grouped by the unit holding
/// it; printed, or sent as one UTF-8 MIME message through the system's `sendmail` (a systemd
/// timer runs it each morning: contrib/vanthu-remind.timer).
struct RemindCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "remind", abstract: Help.remind.here, discussion: Help.remindMore.here)
    }

    @OptionGroup var index: IndexOptions
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: Help.remindWithin.argument) var within: Int = 3
    @Option(name: .long, help: Help.remindMail.argument) var mail: String?

    func validate() throws {
        if within < 0 { throw ValidationError(RemindMsg.negativeDays.text(global.language)) }
        if let mail, !mail.contains("@") || mail.contains(where: { $0.isWhitespace || $0 == "\n" }) {
            throw ValidationError(RemindMsg.badAddress(mail).text(global.language))
        }
    }

    func run() throws {
        let lang = global.language
        let store = try index.open()
        let today = Today.date
        try store.rollForward(today: today)
        var query = DeadlineQuery(today: today)
        query.to = today.adding(days: within).iso
        let items = try store.deadlines(query)
        let body = RemindDigest(lang: lang, today: today, within: within).render(items)
        guard let mail else { print(body); return }
        if items.isEmpty { print(RemindMsg.nothingToSend.text(lang)); return }
        let message = MailMessage(from: MailMessage.defaultSender, to: mail,
                                  subject: RemindMsg.subject(today: today, count: items.count).text(lang), body: body)
        do {
            try message.send()
        } catch let failure as MailMessage.Failure {
            Console.error(RemindMsg.sendFailed(failure.reason).text(lang)); throw ExitCode(1)
        }
        print(RemindMsg.sent(to: mail, count: items.count).text(lang))
    }
}

/// The digest's text: a heading, then one block per unit (the unassigned last), each deadline
/// on a line with its due date, days left, number and task.
struct RemindDigest {
    let lang: Lang
    let today: CalendarDate
    let within: Int

    func render(_ items: [DeadlineItem]) -> String {
        guard !items.isEmpty else { return RemindMsg.nothing(within: within).text(lang) }
        var out = [RemindMsg.heading(today: today, within: within).text(lang), ""]
        let groups = Dictionary(grouping: items) { $0.deadline.unit ?? "" }
        for unit in groups.keys.sorted(by: { ($0.isEmpty ? 1 : 0, $0) < ($1.isEmpty ? 1 : 0, $1) }) {
            out.append("== " + (unit.isEmpty ? DeadlineWording.noUnit.text(lang) : unit) + " ==")
            for item in groups[unit]! {
                let d = item.deadline
                let left = item.daysLeft(today: today).map { CLIMessage.daysLeft($0).text(lang) } ?? ""
                let who = d.person.map { " (\($0))" } ?? ""
                out.append("  #\(d.id ?? 0)  \(DeadlineWording.due(d.due, precision: d.precision).text(lang))  \(left)  "
                           + "\(item.number ?? "—")\(who)")
                // The task under its line, indented past where a label stands (the letter's words
                // are not the screen's).
                for line in d.clause.wrapped(64) { out.append(String(repeating: " ", count: 24) + line) }
            }
            out.append("")
        }
        return out.joined(separator: "\n")
    }
}

/// One plain-text mail, UTF-8, as RFC 5322 and MIME (RFC 2045–2047) want it: the Subject encoded
/// as an encoded-word, the body in base64 so no relay can mangle the Vietnamese, CRLF.
struct MailMessage {
    struct Failure: Error { let reason: String }

    let from: String
    let to: String
    let subject: String
    let body: String
    var date = Date()

    static var defaultSender: String {
        let env = ProcessInfo.processInfo.environment
        if let f = env["VANTHU_MAIL_FROM"], !f.isEmpty { return f }
        return "\(Today.actor(nil))@\(ProcessInfo.processInfo.hostName)"
    }

    /// `=?UTF-8?B?…?=` words of at most 75 characters, split between characters.
    static func encodedWords(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { !$0.isASCII }) else { return s }
        var words: [String] = [], chunk = Data()
        for ch in s {
            let bytes = Data(String(ch).utf8)
            if chunk.count + bytes.count > 45 { words.append("=?UTF-8?B?" + chunk.base64EncodedString() + "?="); chunk = Data() }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + chunk.base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }

    var text: String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = RegisterClock.zone
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let id = UUID().uuidString.lowercased()
        let domain = from.split(separator: "@").last.map(String.init) ?? "localhost"
        let encoded = Data(body.replacingOccurrences(of: "\n", with: "\r\n").utf8)
            .base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return ["From: \(from)", "To: \(to)", "Subject: " + Self.encodedWords(subject), "Date: " + f.string(from: date),
                "Message-ID: <\(id)@\(domain)>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8",
                "Content-Transfer-Encoding: base64", "", encoded, ""].joined(separator: "\r\n")
    }

    /// Hands the message to `sendmail -oi -f FROM -- TO` and waits for it.
    func send() throws {
        let path = ProcessInfo.processInfo.environment["VANTHU_SENDMAIL"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/sbin/sendmail"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = ["-oi", "-f", from, "--", to]
        let input = Pipe(), errors = Pipe()
        p.standardInput = input
        p.standardError = errors
        do { try p.run() } catch { throw Failure(reason: "\(path): \(error.localizedDescription)") }
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw Failure(reason: "\(path) exit \(p.terminationStatus): " + String(decoding: err, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}

enum RemindMsg {
    case negativeDays
    case badAddress(String)
    case nothing(within: Int)
    case nothingToSend
    case heading(today: CalendarDate, within: Int)
    case subject(today: CalendarDate, count: Int)
    case sent(to: String, count: Int)
    case sendFailed(String)

    func text(_ lang: Lang) -> String {
        let vi = lang == .vi
        switch self {
        case .negativeDays: return vi ? "Lỗi: số ngày phải không âm" : "error: the number of days must not be negative"
        case .badAddress(let a): return vi ? "Lỗi: địa chỉ thư không hợp lệ: \(a)" : "error: not a mail address: \(a)"
        case .nothing(let n):
            return vi ? "Không có hạn nào quá hạn hay đến hạn trong \(n) ngày tới." : "Nothing overdue or due within \(n) days."
        case .nothingToSend: return vi ? "Không có gì để nhắc: không gửi thư." : "Nothing to remind of: no mail sent."
        case .heading(let t, let n):
            let day = RegisterCells.display(t.iso)
            return vi ? "Hạn xử lý quá hạn và đến hạn trong \(n) ngày tới — ngày \(day)"
                      : "Deadlines overdue and due within \(n) days — \(t.iso)"
        case .subject(let t, let n):
            return vi ? "[vanthu] \(n) hạn xử lý cần chú ý — \(RegisterCells.display(t.iso))"
                      : "[vanthu] \(n) deadlines need attention — \(t.iso)"
        case .sent(let to, let n): return vi ? "Đã gửi thư nhắc \(n) hạn tới \(to)." : "Sent a reminder of \(n) deadlines to \(to)."
        case .sendFailed(let r): return vi ? "Lỗi: không gửi được thư: \(r)" : "error: the mail was not sent: \(r)"
        }
    }
}
