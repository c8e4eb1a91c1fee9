import Foundation
import Ingest

// vanthu-bench: the measuring side of `make bench` (bench/run.sh drives it).
//   vanthu-bench raw WORKERS IMAGE...   bare libtesseract recognition time of the images
//   vanthu-bench tiff OUT IMAGE...      the images as one multi-page TIFF
//   vanthu-bench extract [--rounds N] FILE...   letters extracted per second from text
//   vanthu-bench digits IMAGE...        hand-written number and day: digit reader vs Tesseract, and cost
//   vanthu-bench digit-crops DIR IMAGE...   the hand-written fields' crops written to DIR (PGM)
//   vanthu-bench read-crops PGM...      the digit reader's readings of those crops, one JSON line each
//   vanthu-bench digit-runs PGM...      every run of pieces the reader scores in those crops: its columns
//                                       and the classifier's 28×28 input (base64 bytes), one JSON line per crop
//   vanthu-bench restore [--rounds N] FILE...   diacritics restored per second, against folding
OpenMPThreads.limitToOnePerWorker()
let args = Array(CommandLine.arguments.dropFirst())
guard let command = args.first else {
    FileHandle.standardError.write(Data("usage: vanthu-bench raw WORKERS IMAGE... | tiff OUT IMAGE... | extract [--rounds N] FILE...\n".utf8)); exit(2)
}
switch command {
case "extract":
    try runExtractBench(Array(args.dropFirst()))
case "restore":
    try runRestoreBench(Array(args.dropFirst()))
case "raw" where args.count >= 3:
    let (seconds, pages) = try RawRecognition.run(paths: Array(args.dropFirst(2)), workers: Int(args[1]) ?? 0)
    print(String(format: "raw_seconds=%.2f raw_pages=%d", seconds, pages))
case "tiff" where args.count >= 3:
    exit(RawRecognition.writeTIFF(pages: Array(args.dropFirst(2)), to: args[1]) ? 0 : 1)
case "digits" where args.count >= 2:
    for r in try HandwrittenBench.run(paths: Array(args.dropFirst())) {
        func list(_ rs: [DigitReading]) -> [[String: Any]] { rs.map { ["digits": $0.digits, "confidence": $0.confidence] } }
        let row: [String: Any] = [
            "file": (r.file as NSString).lastPathComponent,
            "reader": ["number": list(r.reader.number), "day": list(r.reader.day), "month": list(r.reader.month)],
            "tesseract": ["number": list(r.tesseract.number), "day": list(r.tesseract.day), "month": list(r.tesseract.month)],
            "page_s": r.pageSeconds, "reader_s": r.readerSeconds, "tesseract_s": r.tesseractSeconds,
            "signature_s": r.signatureSeconds, "signature_reread": r.signatureReread,
            "header_row_s": r.headerRowSeconds, "header_row_reread": r.headerRowReread,
        ]
        let data = try JSONSerialization.data(withJSONObject: row, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
case "digit-crops" where args.count >= 3:
    try HandwrittenCrops.write(paths: Array(args.dropFirst(2)), to: args[1])
case "read-crops" where args.count >= 2:
    for (file, readings) in HandwrittenCrops.read(paths: Array(args.dropFirst())) {
        let row: [String: Any] = ["file": (file as NSString).lastPathComponent,
                                  "readings": readings.map { ["digits": $0.digits, "confidence": $0.confidence] }]
        let data = try JSONSerialization.data(withJSONObject: row, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
case "digit-runs" where args.count >= 2:
    for (file, reading, digitHeight, runs) in HandwrittenCrops.runs(paths: Array(args.dropFirst())) {
        let row: [String: Any] = ["file": (file as NSString).lastPathComponent, "reading": reading ?? NSNull(),
                                  "digitHeight": digitHeight,
                                  "runs": runs.map { ["i": $0.first, "j": $0.end, "x0": $0.x0, "x1": $0.x1,
                                                      "input": Data($0.input).base64EncodedString()] }]
        let data = try JSONSerialization.data(withJSONObject: row, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
default:
    FileHandle.standardError.write(Data("unknown command \(command)\n".utf8)); exit(2)
}
