import Foundation
import XCTest
@testable import Ingest

/// Digital signatures read by `pdfsig` from PDFs the test signs itself: a certificate made with
/// openssl, put into an NSS database (libnss3-tools), and poppler's own `pdfsig -add-signature`.
final class DigitalSignatureTests: XCTestCase {
    /// A letter PDF signed twice, as an office signs it: the signer, then the office's seal.
    private func signedLetter(in dir: String, name: String = "signed.pdf") throws -> (path: String, signedAt: Date) {
        let cn = "Ủy ban nhân dân tỉnh Thử Nghiệm"
        try LetterRendering.run("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-utf8",
                                            "-keyout", dir + "/key.pem", "-out", dir + "/cert.pem", "-days", "30",
                                            "-subj", "/CN=\(cn)/O=UBND/C=VN"])
        try LetterRendering.run("openssl", ["pkcs12", "-export", "-inkey", dir + "/key.pem", "-in", dir + "/cert.pem",
                                            "-out", dir + "/id.p12", "-passout", "pass:x", "-name", "signer"])
        try FileManager.default.createDirectory(atPath: dir + "/nss", withIntermediateDirectories: true)
        try LetterRendering.run("certutil", ["-N", "-d", "sql:" + dir + "/nss", "--empty-password"])
        try LetterRendering.run("pk12util", ["-i", dir + "/id.p12", "-d", "sql:" + dir + "/nss", "-W", "x"])
        try LetterRendering.pdf(LetterRendering.letterMarkup, to: dir + "/letter.pdf")
        let before = Date()
        for (field, from, to) in [("Signer", "letter.pdf", "once.pdf"), ("Seal", "once.pdf", name)] {
            try LetterRendering.run("pdfsig", ["-nssdir", "sql:" + dir + "/nss", "-nick", "signer", "-add-signature",
                                               "-new-signature-field-name", field, "--", dir + "/" + from, dir + "/" + to])
        }
        return (dir + "/" + name, before)
    }

    func testASignedPDFGivesItsSignaturesInSigningOrderInVietnamTime() throws {
        let dir = LetterRendering.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (path, signedAt) = try signedLetter(in: dir)
        let doc = try DocumentReader().read(path: path)
        XCTAssertEqual(doc.signatures.count, 2)
        let first = try XCTUnwrap(doc.signatures.first)
        XCTAssertEqual(first.signer, "Ủy ban nhân dân tỉnh Thử Nghiệm")
        XCTAssertTrue(first.valid)
        // The second signature is an incremental update after the first: the first no longer
        // covers the whole file, the last one does.
        XCTAssertFalse(first.wholeDocument)
        XCTAssertTrue(doc.signatures[1].wholeDocument)
        // A self-made certificate has no known issuer.
        XCTAssertEqual(first.certificate, .unknownIssuer)
        XCTAssertLessThanOrEqual(abs(first.time.timeIntervalSince(signedAt)), 120)
        XCTAssertLessThanOrEqual(first.time, doc.signatures[1].time)
        // Vietnam time: the UTC signing time seven hours on, with its offset.
        XCTAssertTrue(first.vietnamISO.hasSuffix("+07:00"))
        let utc = ISO8601DateFormatter().string(from: first.time)   // 2026-12-01T20:58:58Z
        let utcHour = Int(utc.dropFirst(11).prefix(2))!
        let vnHour = Int(first.vietnamISO.dropFirst(11).prefix(2))!
        XCTAssertEqual(vnHour, (utcHour + 7) % 24)
    }

    func testAFileNamedLikeAnOptionIsReadAsAFile() throws {
        let dir = LetterRendering.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (path, _) = try signedLetter(in: dir, name: "-signed.pdf")
        let cwd = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(dir)
        defer { FileManager.default.changeCurrentDirectoryPath(cwd) }
        XCTAssertEqual(PDFSignatures.read(path: "-signed.pdf", timeout: 30).count, 2)
        XCTAssertEqual(PDFSignatures.read(path: path, timeout: 30).count, 2)
    }

    func testAnUnsignedPDFHasNoSignatures() throws {
        let dir = LetterRendering.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try LetterRendering.pdf(LetterRendering.letterMarkup, to: dir + "/plain.pdf")
        XCTAssertEqual(try DocumentReader().read(path: dir + "/plain.pdf").signatures, [])
    }

    func testPdfsigsVerdictsMapToTheRecordsCodes() {
        let report = """
        Digital Signature Info of: x.pdf
        Signature #1:
          - Signature Field Name: Seal
          - Signer Certificate Common Name: SỞ NỘI VỤ
          - Signing Time: Apr 09 2026 04:00:46
          - Signed Ranges: [0 - 818298], [843068 - 845524]
          - Not total document signed
          - Signature Validation: Signature is Valid.
          - Certificate Validation: Certificate has Expired
        Signature #2:
          - Signature Field Name: Signer
          - Signer Certificate Common Name: Nguyễn Văn A
          - Signing Time: Apr 08 2026 20:30:00
          - Signed Ranges: [0 - 546569], [571339 - 573983]
          - Not total document signed
          - Signature Validation: Digest Mismatch.
          - Certificate Validation: Certificate has been Revoked.
        Signature #3:
          - Signer Certificate Common Name: SỞ NỘI VỤ
          - Signing Time: Apr 09 2026 04:10:00
          - Signed Ranges: [0 - 900000], [910000 - 920000]
          - Total document signed
          - Signature Validation: Signature is Valid.
          - Certificate Validation: Certificate is Trusted.
        """
        let s = PDFSignatures.parse(report)
        // Signing order is the order of the signed bytes, not of the report.
        XCTAssertEqual(s.map(\.signer), ["Nguyễn Văn A", "SỞ NỘI VỤ", "SỞ NỘI VỤ"])
        XCTAssertEqual(s.map(\.certificate), [.revoked, .expired, .trusted])
        XCTAssertEqual(s.map(\.valid), [false, true, true])
        XCTAssertEqual(s.map(\.wholeDocument), [false, false, true])
        // 20:30 UTC on the 8th is 03:30 on the 9th in Vietnam: the letter's day is the 9th.
        XCTAssertEqual(s[0].vietnamISO, "2026-04-09T03:30:00+07:00")
        XCTAssertEqual(PDFSignatures.certificate("Certificate has not been verified."), .unchecked)
    }
}
