import CLeptonica
import Foundation

/// A Leptonica image owned by Swift: destroyed when the last reference goes.
final class Pix: @unchecked Sendable {
    /// The Leptonica image; pass it to C only inside `with` or `map`.
    private(set) var pointer: UnsafeMutablePointer<PIX>

    /// Takes ownership of `pointer` (a fresh image from a Leptonica call); nil when the call failed.
    init?(_ pointer: UnsafeMutablePointer<PIX>?) {
        guard let pointer else { return nil }
        self.pointer = pointer
    }

    deinit {
        var p: UnsafeMutablePointer<PIX>? = pointer
        pixDestroy(&p)
    }

    /// Runs a Leptonica call on this image, keeping the image alive until the call returns (Swift may
    /// otherwise free an object right after its last use, i.e. after reading `pointer`).
    func with<T>(_ body: (UnsafeMutablePointer<PIX>) throws -> T) rethrows -> T {
        try withExtendedLifetime(self) { try body(pointer) }
    }

    /// A new image made from this one by a Leptonica call.
    func map(_ body: (UnsafeMutablePointer<PIX>) -> UnsafeMutablePointer<PIX>?) -> Pix? {
        with { Pix(body($0)) }
    }

    /// The part of this image inside `box` (clipped to the image), as a new image.
    func clipped(to box: Box) -> Pix? {
        guard let b = boxCreate(Int32(box.x0), Int32(box.y0), Int32(box.x1 - box.x0), Int32(box.y1 - box.y0)) else { return nil }
        var owned: UnsafeMutablePointer<BOX>? = b
        defer { boxDestroy(&owned) }
        return map { pixClipRectangle($0, b, nil) }
    }

    var width: Int { Int(pixGetWidth(pointer)) }
    var height: Int { Int(pixGetHeight(pointer)) }
    var depth: Int { Int(pixGetDepth(pointer)) }
    /// Horizontal resolution from the file, 0 when it says none.
    var resolution: Int { Int(pixGetXRes(pointer)) }

    static func read(path: String) -> Pix? { Pix(pixRead(path)) }

    static func read(tiff path: String, page: Int) -> Pix? { Pix(pixReadTiff(path, Int32(page))) }

    func write(png path: String) -> Bool { with { pixWritePng(path, $0, 0) == 0 } }

    /// Leptonica reports problems on stderr by default; the reader reports them itself.
    static let silenceLeptonica: Void = { _ = setMsgSeverity(Int32(L_SEVERITY_NONE)) }()
}

/// What an image file's header says, read without decoding the pixels.
struct ImageHeader {
    var width: Int
    var height: Int
    var pages: Int
    var pixels: Int { width * height }

    /// Reads the header (and for a TIFF the number of pages); nil when it cannot be read.
    static func read(path: String, kind: FileKind) -> ImageHeader? {
        _ = Pix.silenceLeptonica
        var format: Int32 = 0, w: Int32 = 0, h: Int32 = 0, bps: Int32 = 0, spp: Int32 = 0, cmap: Int32 = 0
        guard pixReadHeader(path, &format, &w, &h, &bps, &spp, &cmap) == 0, w > 0, h > 0 else { return nil }
        var pages = 1
        if kind == .tiff, let fp = fopen(path, "rb") {
            var n: Int32 = 0
            if tiffGetCount(fp, &n) == 0 { pages = Int(n) }
            fclose(fp)
        }
        return ImageHeader(width: Int(w), height: Int(h), pages: pages)
    }
}
