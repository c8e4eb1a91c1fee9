import Foundation
import Extract
import Ingest

// Extraction throughput: letters per second from text on one core, against the time to merely
// read and decode the same files in the same run.
//
//   vanthu-bench extract [--rounds N] FILE...

/// CPU time of this process: the figure for "on one core", whatever else the machine runs.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

var args = Array(CommandLine.arguments.dropFirst())
guard args.first == "extract" else {
    FileHandle.standardError.write(Data("usage: vanthu-bench extract [--rounds N] FILE...\n".utf8)); exit(2)
}
args.removeFirst()
var rounds = 200
if let i = args.firstIndex(of: "--rounds"), i + 1 < args.count { rounds = Int(args[i + 1]) ?? rounds; args.removeSubrange(i...i + 1) }
let reader = DocumentReader()
let extractor = LetterExtractor()

// Warm up (tables, regexes).
for f in args { _ = extractor.extract(text: try reader.read(path: f).text) }

var t0 = now()
var bytes = 0
for _ in 0..<rounds { for f in args { bytes += try reader.read(path: f).text.utf8.count } }
let readTime = now() - t0

t0 = now()
var fields = 0
for _ in 0..<rounds {
    for f in args {
        let doc = try reader.read(path: f)
        let r = extractor.extract(LetterText(text: doc.text, source: Source(file: f)))
        fields += r.deadlines.count + r.references.count + (r.number == nil ? 0 : 1)
    }
}
let totalTime = now() - t0
let letters = Double(rounds * args.count)
print("(CPU time of one thread)")
print(String(format: "extract: %d letters (%d files x %d rounds), %.1f MB of text", Int(letters), args.count, rounds, Double(bytes) / 1e6))
print(String(format: "  read only:      %8.3f s  %8.0f letters/s", readTime, letters / readTime))
print(String(format: "  read + extract: %8.3f s  %8.0f letters/s  (%.1fx the read-only time; extraction alone %.0f letters/s)",
             totalTime, letters / totalTime, totalTime / readTime, letters / max(1e-9, totalTime - readTime)))
print("  (checksum \(fields))")
