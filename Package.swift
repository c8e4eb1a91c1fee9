// swift-tools-version:6.1
import PackageDescription

// One direction of flow: Ingest → Extract → Store, wired by Pipeline, driven by the `vanthu` CLI.
// Extract depends on nothing (it is pure text → record); the C libraries stay behind Ingest.
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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
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
        .target(name: "Ingest", dependencies: ["CTesseract", "CLeptonica", "CLibXML2", "CZlib"]),
        .target(name: "Extract"),
        .target(name: "Store", dependencies: ["Extract", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "Pipeline", dependencies: [
            "Ingest", "Extract", "Store", .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "vanthu", dependencies: [
            "Pipeline", "Ingest", "Extract", "Store",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // `make bench`: extraction throughput, bare libtesseract recognition, TIFF batches.
        .executableTarget(name: "vanthu-bench", dependencies: ["Extract", "Ingest"]),
        .executableTarget(name: "vanthu-store-bench", dependencies: ["Store", "Extract", "Pipeline", "Ingest"]),
        .testTarget(name: "ExtractTests", dependencies: ["Extract"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "CLeptonica", "CZlib", "Extract", "Pipeline"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Extract", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Ingest", "Extract", "Store"]),
    ],
    swiftLanguageModes: [.v5]
)
