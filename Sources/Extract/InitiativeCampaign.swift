/// Whether a letter calls on its readers to put forward initiatives (a campaign letter the
/// council's queue links reports to): not itself a report, it sets a deadline and speaks of
/// initiatives in its subject or text. Decided here, once, so that the index stores the answer
/// instead of searching text for it.
public enum InitiativeCampaign {
    public static func calls(_ record: LetterRecord, text: String) -> Bool {
        guard record.initiative == nil, !record.deadlines.isEmpty else { return false }
        let phrase = InitiativeForm.campaignPhrase
        return Folding.fold(record.subject ?? "").contains(phrase) || Folding.fold(text).contains(phrase)
    }
}
