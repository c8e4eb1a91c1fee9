// swift-tools-version:6.1
import PackageDescription

// One direction of flow: Ingest → Extract → Store, wired by Pipeline, driven by the `vanthu` CLI.
// Extract depends only on the shared Vocabulary (it is pure text → record); the C libraries
// stay behind Ingest.
let package = Package(
    name: "vanthu",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vanthu", targets: ["vanthu"]),
        .executable(name: "vanthu-bench", targets: ["vanthu-bench"]),
        .library(name: "Extract", targets: ["Extract"]),
        .library(name: "Ingest", targets: ["Ingest"]),
        .library(name: "Store", targets: ["Store"]),
        .library(name: "Pipeline", targets: ["Pipeline"]),
        .library(name: "Diacritics", targets: ["Diacritics"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        .systemLibrary(name: "CTesseract", pkgConfig: "tesseract",
                       providers: [.apt(["libtesseract-dev"])]),
        .systemLibrary(name: "CLeptonica", pkgConfig: "lept",
                       providers: [.apt(["libleptonica-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        // zlib inflates the entries of a .docx (a zip) without an `unzip` subprocess.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        // The words and value types Ingest and Extract share: folding, the date grammar, page
        // marks and their typed hints, the message protocol and the user's language.
        .target(name: "Vocabulary"),
        .target(name: "Ingest", dependencies: ["Vocabulary", "CTesseract", "CLeptonica", "CLibXML2", "CZlib"]),
        .target(name: "Extract", dependencies: ["Vocabulary"]),
        // Diacritic restoration: a syllable n-gram model (trained by `make model`, committed as a
        // resource) and a Viterbi decoder; pure Swift, no dependencies.
        .target(name: "Diacritics", resources: [.copy("Resources/vi-syllables.lm")]),
        // The register as an Excel workbook (`vanthu register --xlsx`).
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter",
                       providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "Store", dependencies: ["Extract", .product(name: "GRDB", package: "GRDB.swift")]),
        // The province's index on PostgreSQL (issue 14): the same `LetterIndex` as Store's SQLite
        // `LetterStore`, over postgres-nio. A target of its own so that Extract, Ingest and the
        // SQLite store never link the NIO stack.
        .target(name: "PostgresStore", dependencies: [
            "Store", "Extract", "Vocabulary", .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        // The province's shared job queue (issue 14): `vanthu watch --office` queues files in
        // PostgreSQL, `vanthu worker` on any machine reads and stores them.
        .target(name: "ProvinceQueue", dependencies: [
            "PostgresStore", "Pipeline", "Ingest", "Extract", "Store", "Vocabulary",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "Pipeline", dependencies: [
            "Vocabulary", "Ingest", "Extract", "Store", "Diacritics", .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "vanthu", dependencies: [
            "Vocabulary", "Pipeline", "Ingest", "Extract", "Store", "PostgresStore", "ProvinceQueue", "CXlsxWriter",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // `make bench`: extraction throughput, bare libtesseract recognition, TIFF batches.
        .executableTarget(name: "vanthu-bench", dependencies: ["Extract", "Ingest", "Diacritics"]),
        .executableTarget(name: "vanthu-store-bench", dependencies: ["Store", "Extract", "Pipeline", "Ingest"]),
        // `make bench` (bench/province.sh): the PostgreSQL index against SQLite on the same letters.
        .executableTarget(name: "vanthu-province-bench", dependencies: ["Store", "PostgresStore", "Extract"]),
        // Finds words of the wrong language on a screen: shared by the tests of every module.
        .target(name: "LanguageCheck", path: "Tests/LanguageCheck"),
        .testTarget(name: "ExtractTests", dependencies: ["Extract", "Vocabulary", "LanguageCheck"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Vocabulary", "LanguageCheck", "CLeptonica", "CZlib", "Extract", "Pipeline"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "PostgresStore", "Extract", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "DiacriticsTests", dependencies: ["Diacritics"]),
        .testTarget(name: "QueueTests", dependencies: ["ProvinceQueue", "PostgresStore", "Ingest", "Store", "Extract"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Ingest", "Extract", "Store", "LanguageCheck"]),
    ],
    swiftLanguageModes: [.v5]
)
