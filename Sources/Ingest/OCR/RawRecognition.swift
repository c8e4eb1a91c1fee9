import Foundation
import CLeptonica

/// Bare libtesseract recognition of page images, with no preparation, layout or parsing: the
/// yardstick `make bench` holds the reader against (one handle per worker, as the reader uses).
public enum RawRecognition {
    /// Recognises every image once; returns the wall-clock seconds and the pages read.
    public static func run(paths: [String], workers: Int, language: String = "vie",
                           tessdataPath: String? = nil) throws -> (seconds: Double, pages: Int) {
        let n = Parallel.workers(workers)
        if n > 1 { setenv("OMP_THREAD_LIMIT", "1", 0) }
        let pool = OCREnginePool(configuration: .init(language: language, tessdataPath: tessdataPath), workers: n)
        // Load the models before the clock starts, as a long-running reader has them loaded.
        _ = Parallel.map(n, workers: n) { _ in try? pool.withEngine { _ in () } }
        _ = Pix.silenceLeptonica
        let images = paths.compactMap { Pix.read(path: $0) }
        let start = Date()
        let results = Parallel.map(images.count, workers: n) { i in
            Result { try pool.withEngine { try $0.recognise(images[i]) } }
        }
        let seconds = Date().timeIntervalSince(start)
        for r in results { _ = try r.get() }
        return (seconds, images.count)
    }

    /// Writes page images into one multi-page TIFF (zip-compressed, colour kept).
    public static func writeTIFF(pages paths: [String], to output: String) -> Bool {
        _ = Pix.silenceLeptonica
        for (i, p) in paths.enumerated() {
            guard let pix = Pix.read(path: p),
                  pix.with({ pixWriteTiff(output, $0, Int32(IFF_TIFF_ZIP), i == 0 ? "w" : "a") }) == 0 else { return false }
        }
        return true
    }
}
