// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "qawl",
    products: [
        .executable(name: "qawl", targets: ["qawl"]),
        .library(name: "Qawl", targets: ["Qawl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibDeflate", path: "Sources/CLibDeflate", pkgConfig: "libdeflate",
                       providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),
        .target(
            name: "Qawl",
            dependencies: ["CZlib", "CLibDeflate", "CLibXML2", "CSQLite", .product(name: "Yams", package: "Yams")],
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]
        ),
        .executableTarget(
            name: "qawl",
            dependencies: ["Qawl", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "QawlTests", dependencies: ["Qawl"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v5]
)
