import Foundation
import XCTest
@testable import Ingest

/// What a shared folder holds besides letters: each refused with what it is, in no time.
final class HostileFileTests: XCTestCase {
    var dir = ""
    override func setUp() { dir = LetterRendering.temporaryDirectory() }

    func reason(_ path: String, follow: Bool = true) -> IngestError.Reason? {
        var options = IngestOptions()
        options.followSymlinks = follow
        do { _ = try DocumentReader(options: options).read(path: path); return nil } catch let e as IngestError {
            XCTAssertEqual(e.path, path)
            return e.reason
        } catch { XCTFail("not an IngestError: \(error)"); return nil }
    }

    func testOneToSevenRandomBytesNamedPDFAreNotATextLetter() throws {
        var generator = SystemRandomNumberGenerator()
        for n in 1...7 {
            for trial in 0..<20 {
                let bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &generator) }
                let path = dir + "/r\(n)-\(trial).pdf"
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                guard case .unsupported(let why)? = reason(path) else { return XCTFail("\(bytes) named .pdf accepted") }
                XCTAssertEqual(why, .binary(nameSays: "pdf"))
            }
        }
        // A real text under a .txt name is still text, however short.
        try Data("Kính gửi".utf8).write(to: URL(fileURLWithPath: dir + "/short.txt"))
        XCTAssertNil(reason(dir + "/short.txt"))
    }

    func testAFIFOAndADeviceSayWhatTheyAre() throws {
        let fifo = dir + "/pipe.txt"
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        XCTAssertEqual(reason(fifo), .notAFile(.fifo))   // returns at once: opened without blocking
        XCTAssertEqual(reason("/dev/zero"), .notAFile(.characterDevice))
    }

    func testALinkIsRefusedWhenLinksAreNotFollowedAndItsTargetIsCheckedWhenTheyAre() throws {
        let target = dir + "/big.txt"
        FileManager.default.createFile(atPath: target, contents: nil)
        XCTAssertEqual(truncate(target, 300 << 20), 0)   // sparse, over the 200 MiB limit
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.txt", withDestinationPath: target)
        XCTAssertEqual(reason(dir + "/link.txt", follow: false), .symbolicLink(outside: false))
        guard case .tooLarge? = reason(dir + "/link.txt", follow: true) else { return XCTFail("a link to 300 MiB read") }
    }

    func testAFoundationErrorIsSaidAsItsCause() {
        let e = NSError(domain: NSCocoaErrorDomain, code: CocoaError.fileWriteOutOfSpace.rawValue)
        XCTAssertEqual(SystemFailure(e).errno, ENOSPC)
        XCTAssertTrue(SystemFailure(e).isTransient)
        XCTAssertFalse(SystemFailure(errno: ENOENT).isTransient)
        XCTAssertFalse(IngestError(path: "/x", .system(SystemFailure(e))).description.contains("256"))
    }
}
