// swift-tools-version:6.1
import PackageDescription

// Layers point one way: C wrappers → decoding and metadata → hashing → index and
// gazetteer → case store → command line.
let package = Package(
    name: "Imprint",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "imprint", targets: ["imprint"]),
        .library(name: "ImageDecoding", targets: ["ImageDecoding"]),
        .library(name: "ImageMetadata", targets: ["ImageMetadata"]),
        .library(name: "PerceptualHash", targets: ["PerceptualHash"]),
        .library(name: "HammingIndex", targets: ["HammingIndex"]),
        .library(name: "Gazetteer", targets: ["Gazetteer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // libexif's headers; the library is opened on the first EXIF block (ExifDataHandle),
        // not linked, as the decoders are (CImprintShims).
        .systemLibrary(name: "CExif"),
        // zlib, found through pkg-config; the Debian package name as provider.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // The hashes' and digests' inner loops, using AVX2 and SHA-NI where the CPU has them.
        .target(name: "CHashKernels"),
        // The C shims: every setjmp/longjmp and every library callback stays in here. The
        // decoders (libjpeg-dev, libpng-dev, libwebp-dev, libtiff-dev: their headers here) are
        // opened by the shims on the first file that needs each, not linked (shims.c says why).
        .target(name: "CImprintShims"),

        .target(name: "ImageDecoding", dependencies: ["CImprintShims"]),
        .target(
            name: "ImageMetadata",
            dependencies: ["CExif", "CHashKernels", "CZlib", "ImageDecoding", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "PerceptualHash", dependencies: ["ImageDecoding", "CHashKernels"]),
        .target(name: "HammingIndex"),
        // File names that are not valid UTF-8, kept byte for byte.
        .target(name: "FileNames"),
        .target(name: "PostSidecars"),
        // Sites, their importers, place-name matching and claim resolution.
        .target(name: "Gazetteer"),
        .target(
            name: "CaseStore",
            dependencies: ["FileNames", "ImageMetadata", "PerceptualHash", "PostSidecars", "Gazetteer", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "ImprintCommands",
            dependencies: [
                "FileNames", "ImageDecoding", "ImageMetadata", "PerceptualHash", "HammingIndex",
                "CaseStore", "PostSidecars", "Gazetteer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "imprint", dependencies: ["ImprintCommands"]),
        // Data generator and timed runs for scripts/bench-cluster.
        .executableTarget(name: "imprint-bench", dependencies: ["HammingIndex"]),

        .testTarget(name: "ImageDecodingTests", dependencies: ["ImageDecoding"]),
        .testTarget(name: "ImageMetadataTests", dependencies: ["ImageMetadata"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "PerceptualHashTests", dependencies: ["PerceptualHash", "ImageDecoding"]),
        .testTarget(name: "ImprintCommandsTests", dependencies: ["ImprintCommands", "CaseStore", "FileNames", "PostSidecars", "Gazetteer"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "PostSidecarsTests", dependencies: ["PostSidecars"]),
        .testTarget(name: "CaseStoreTests", dependencies: ["CaseStore", "ImageMetadata", "PerceptualHash", "PostSidecars", "Gazetteer",
                                                           .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "HammingIndexTests", dependencies: ["HammingIndex"]),
        .testTarget(name: "GazetteerTests", dependencies: ["Gazetteer"], exclude: ["Fixtures"]),
    ]
)
