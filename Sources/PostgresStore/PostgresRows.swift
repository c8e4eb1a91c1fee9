import Foundation
import Store

/// The index's values read from PostgreSQL rows, by column name.
enum PostgresRows {
    static let letterColumns = """
        id, record_json, number_text, seq, symbol, issuer, date, kind, subject, full_text, stored_at, is_initiative, \
        calls_for_initiatives, arrival_year, arrival_number, arrival_date, unit, person, register_note, paper
        """

    static func letter(_ r: SessionRow) throws -> LetterRow {
        LetterRow(id: try r("id"), recordJSON: try r("record_json"), numberText: try r("number_text"), seq: try r("seq"),
                  symbol: try r("symbol"), issuer: try r("issuer"), date: try r("date"), kind: try r("kind"),
                  subject: try r("subject"), fullText: try r("full_text"), storedAt: try r("stored_at"),
                  isInitiative: try r("is_initiative"), callsForInitiatives: try r("calls_for_initiatives"),
                  arrivalYear: try r("arrival_year"), arrivalNumber: try r("arrival_number"),
                  arrivalDate: try r("arrival_date"), unit: try r("unit"), person: try r("person"),
                  registerNote: try r("register_note"), paper: try r("paper"))
    }

    static func file(_ r: SessionRow) throws -> OriginalFileRow {
        OriginalFileRow(id: try r("id"), letterID: try r("letter_id"), sha256: try r("sha256"),
                        byteCount: try r("byte_count"), originalPath: try r("original_path"),
                        archivePath: try r("archive_path"))
    }

    static func reference(_ r: SessionRow) throws -> ReferenceRow {
        ReferenceRow(id: try r("id"), letterID: try r("letter_id"), kind: try r("kind"), number: try r("number"),
                     date: try r("date"))
    }

    static let deadlineColumns = """
        id, letter_id, due, precision, recurrence, clause, status, closed_by, closed_at, note, previous_id, unit, \
        person, reply_number, position
        """

    static func deadline(_ r: SessionRow) throws -> DeadlineRow {
        DeadlineRow(id: try r("id"), letterID: try r("letter_id"), due: try r("due"), precision: try r("precision"),
                    recurrence: try r("recurrence"), clause: try r("clause"),
                    status: DeadlineRow.Status(rawValue: try r("status", as: String.self)) ?? .open,
                    closedBy: try r("closed_by"), closedAt: try r("closed_at"), note: try r("note"),
                    previousID: try r("previous_id"), unit: try r("unit"), person: try r("person"),
                    replyNumber: try r("reply_number"), position: try r("position"))
    }

    static func initiative(_ r: SessionRow) throws -> InitiativeRow {
        InitiativeRow(id: try r("id"), letterID: try r("letter_id"), title: try r("title"), summary: try r("summary"),
                      authorsJSON: try r("authors_json"), sharesJSON: try r("shares_json"),
                      firstApplied: try r("first_applied"), checksJSON: try r("checks_json"),
                      status: InitiativeRow.Status(rawValue: try r("status", as: String.self)) ?? .submitted,
                      score: try r("score"), note: try r("note"), reviewer: try r("reviewer"),
                      decidedAt: try r("decided_at"), campaignLetterID: try r("campaign_letter_id"),
                      submittedAt: try r("submitted_at"))
    }

    static func review(_ r: SessionRow) throws -> InitiativeReviewRow {
        InitiativeReviewRow(id: try r("id"), initiativeID: try r("initiative_id"),
                            fromStatus: InitiativeRow.Status(rawValue: try r("from_status", as: String.self)) ?? .submitted,
                            toStatus: InitiativeRow.Status(rawValue: try r("to_status", as: String.self)) ?? .submitted,
                            score: try r("score"), note: try r("note"), reviewer: try r("reviewer"),
                            decidedAt: try r("decided_at"))
    }

    static func job(_ r: SessionRow) throws -> JobRow {
        var job = JobRow(id: try r("id"), sourcePath: try r("source_path"),
                         state: JobRow.State(rawValue: try r("state", as: String.self)) ?? .started,
                         outcome: (try r("outcome", as: String?.self)).flatMap(JobRow.Outcome.init(rawValue:)),
                         sha256: try r("sha256"), letterID: try r("letter_id"), error: try r("error"),
                         destination: try r("destination"), startedAt: try r("started_at"),
                         finishedAt: try r("finished_at"))
        job.attempts = try r("attempts")
        job.retryAt = try r("retry_at")
        job.fileDevice = try r("file_device")
        job.fileInode = try r("file_inode")
        job.fileSize = try r("file_size")
        job.fileMtime = try r("file_mtime")
        return job
    }
}
