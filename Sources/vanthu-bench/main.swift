import Foundation
import Ingest

// vanthu-bench: the measuring side of `make bench` (bench/run.sh drives it).
//   vanthu-bench raw WORKERS IMAGE...   bare libtesseract recognition time of the images
//   vanthu-bench tiff OUT IMAGE...      the images as one multi-page TIFF
//   vanthu-bench extract [--rounds N] FILE...   letters extracted per second from text
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
default:
    FileHandle.standardError.write(Data("unknown command \(command)\n".utf8)); exit(2)
}
