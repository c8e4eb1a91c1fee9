import Foundation
import Diacritics
import Extract

/// `vanthu-bench restore [--rounds N] FILE...`: the diacritic restorer on the files stripped of
/// their marks (case kept), against folding the same text (`Folding.fold`) in the same run; the
/// model's load time and the process's peak resident memory. Times are the thread's CPU time.
func runRestoreBench(_ args: [String]) throws {
    var rounds = 20, streamMB = 0
    var files = [String]()
    var i = 0
    while i < args.count {
        if args[i] == "--rounds", i + 1 < args.count { rounds = Int(args[i + 1]) ?? rounds; i += 2 }
        else if args[i] == "--stream-mb", i + 1 < args.count { streamMB = Int(args[i + 1]) ?? 0; i += 2 }
        else { files.append(args[i]); i += 1 }
    }
    let loadStart = threadCPUSeconds()
    guard let url = ModelLocation.find() else { throw SharedRestorer.Missing(searched: ModelLocation.candidates()) }
    let model = try SyllableModel(contentsOf: url)
    let restorer = DiacriticRestorer(model: model, symbols: DocumentKinds.table.flatMap(\.abbreviations),
                                     names: PersonNameLexicon(surnames: PersonNames.surnames, middle: PersonNames.middle,
                                                              given: PersonNames.given, counts: PersonNames.counts,
                                                      notNames: PersonNames.notNames))
    let load = threadCPUSeconds() - loadStart
    let texts = try files.map { Folding.fold(try String(contentsOfFile: $0, encoding: .utf8), keepCase: true) }
    var syllables = 0
    for t in texts { syllables += restorer.restore(t, ocr: false).syllables }
    var sink = 0
    // CPU time of this thread: on a shared machine the wall clock counts other processes' turns
    let foldStart = threadCPUSeconds()
    for _ in 0..<rounds { for t in texts { sink &+= Folding.fold(t).utf8.count } }
    let fold = threadCPUSeconds() - foldStart
    let restoreStart = threadCPUSeconds()
    for _ in 0..<rounds { for t in texts { sink &+= restorer.restore(t, ocr: false).text.utf8.count } }
    let restore = threadCPUSeconds() - restoreStart
    let perSecond = Double(syllables * rounds) / restore
    print(String(format: "restore_syllables_per_s=%.0f restore_over_fold=%.1f load_s=%.3f peak_rss_mb=%.0f (sink %d)",
                 perSecond, restore / fold, load, peakRSSMegabytes(), sink % 10))
    guard streamMB > 0 else { return }
    // a large file (issue 12's 50 MB case) through the streaming path: the texts repeated to
    // streamMB megabytes, read a megabyte at a time; its time and the peak memory after it
    var chunk = Data()
    while chunk.count < 1 << 20 { for t in texts { chunk.append(contentsOf: t.utf8); chunk.append(0x0A) } }
    var given = 0, written = 0
    let streamStart = threadCPUSeconds()
    let result = restorer.restore(reading: { _ in
        guard given < streamMB else { return nil }
        given += 1
        return chunk
    }, writing: { written += $0.count }, ocr: false)
    let stream = threadCPUSeconds() - streamStart
    print(String(format: "stream_mb=%.0f stream_s=%.1f stream_syllables_per_s=%.0f peak_rss_mb=%.0f (out %d MB)",
                 Double(chunk.count * streamMB) / 1e6, stream, Double(result.syllables) / stream, peakRSSMegabytes(), written >> 20))
}

func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// VmHWM from /proc/self/status (Linux), in MB.
func peakRSSMegabytes() -> Double {
    guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = s.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
    return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
}
