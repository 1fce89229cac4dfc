// swift-tools-version:6.0
// Fuzz targets for qawl's readers and parse + extraction path, built apart from the main package so
// that `swift build`, `swift test` and release builds never see libFuzzer. Build and run them with
// `bash scripts/fuzz.sh` (it passes `-sanitize=fuzzer,address` to every module).
import PackageDescription

// A path dependency's identity is its folder name (`qawl`, `main`, `wt-fuzz`...), so name it from here.
let rootIdentity = Context.packageDirectory.split(separator: "/").dropLast().last.map { String($0).lowercased() } ?? "qawl"

let package = Package(
    name: "qawl-fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "QawlFuzz",
            dependencies: [.product(name: "Qawl", package: rootIdentity)],
            // libFuzzer supplies main(); our entry point is LLVMFuzzerTestOneInput.
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ],
    swiftLanguageModes: [.v5]
)
