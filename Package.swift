// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "natowatch",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "natowatch", targets: ["natowatch"]),
        .library(name: "NatoWatch", targets: ["NatoWatch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "CCurlShim", dependencies: ["CCurl"]),
        .target(
            name: "NatoWatch",
            dependencies: [
                "CCurl", "CCurlShim",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(name: "NatoWatchTestSupport", dependencies: ["NatoWatch"]),
        .executableTarget(
            name: "natowatch",
            dependencies: [
                "NatoWatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "NatoWatchTests",
            dependencies: ["NatoWatch", "NatoWatchTestSupport"],
            resources: [.copy("Fixtures")]
        ),
    ]
)

// libFuzzer entry points (issue 8). Build only with the fuzzer sanitizer, e.g.
//   swift build -c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address \
//     -Xswiftc -parse-as-library --product NatoWatchFuzzParser
// scripts/reliability/fuzz.sh does this and runs them.
package.targets += [
    .target(name: "NatoWatchFuzzDriver"),
    .executableTarget(name: "NatoWatchFuzzParser", dependencies: ["NatoWatch", "NatoWatchFuzzDriver"]),
    .executableTarget(name: "NatoWatchFuzzClassifier", dependencies: ["NatoWatch", "NatoWatchFuzzDriver"]),
]
