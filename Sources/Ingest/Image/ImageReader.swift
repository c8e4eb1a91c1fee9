import CLeptonica
import Foundation

/// A scan (PNG, JPEG, TIFF with one page or many, GIF, BMP, WebP) to pages by OCR. The header is
/// checked against the limits before any pixel is decoded.
struct ImageReader {
    let options: IngestOptions
    let pool: () -> OCREnginePool

    func read(path: String, kind: FileKind, sha256: String, byteCount: Int) throws -> IngestedDocument {
        let limits = options.limits
        guard let header = ImageHeader.read(path: path, kind: kind) else {
            throw IngestError(path: path, .corrupt(.imageHeader(kind: kind.rawValue.uppercased())))
        }
        if header.pages > limits.maxPages {
            throw IngestError(path: path, .tooLarge(.pages(header.pages, limit: limits.maxPages)))
        }
        for page in 0..<header.pages {
            let pixels = page == 0 ? header.pixels : (Self.tiffPagePixels(path: path, page: page) ?? 0)
            if pixels > limits.maxPixels {
                throw IngestError(path: path, page: header.pages > 1 ? page + 1 : nil,
                                  .tooLarge(.pixels(pixels, limit: limits.maxPixels)))
            }
        }
        let recognizer = PageRecognizer(pool: pool())
        let outcomes: [Result<PageRecognizer.Outcome, Error>] =
            Parallel.map(header.pages, workers: Parallel.workers(options.workers)) { i in
                Result {
                    _ = Pix.silenceLeptonica
                    let pix = kind == .tiff ? Pix.read(tiff: path, page: i) : Pix.read(path: path)
                    guard let pix else {
                        throw IngestError(path: path, page: header.pages > 1 ? i + 1 : nil,
                                          .corrupt(.imageData))
                    }
                    return try recognizer.recognise(pix, number: i + 1, path: path)
                }
            }
        return try OCRWarnings.document(path: path, sha256: sha256, byteCount: byteCount, kind: kind,
                                        outcomes: outcomes, warnings: [], hints: PageHints(),
                                        lowConfidence: options.lowConfidence)
    }

    /// Width × height of one page of a multi-page TIFF, from its directory only.
    static func tiffPagePixels(path: String, page: Int) -> Int? {
        var w: Int32 = 0, h: Int32 = 0, bps: Int32 = 0, spp: Int32 = 0, res: Int32 = 0, cmap: Int32 = 0, format: Int32 = 0
        guard readHeaderTiff(path, Int32(page), &w, &h, &bps, &spp, &res, &cmap, &format) == 0 else { return nil }
        return Int(w) * Int(h)
    }
}
