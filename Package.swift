// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Mindscope",
    products: [
        .library(name: "MindscopeText", targets: ["MindscopeText"]),
        .library(name: "Mindscope", targets: ["Mindscope"]),
        .library(name: "MindscopeReport", targets: ["MindscopeReport"]),
        .executable(name: "mindscope", targets: ["MindscopeCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // HTML built by construction: every text node is escaped (the report shows comments).
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        // Micro-benchmarks (`swift package benchmark`): throughput, mallocs and peak memory. The
        // malloc interposer counts allocations without a system jemalloc.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // System ICU (libicu-dev), found through pkg-config.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // ICU's headers stay inside this C target: Foundation on Linux carries its own copy of
        // them, and the two collide in one Swift module (see README, "ICU").
        .target(name: "CICUShim", dependencies: ["CICU"]),
        // The text core: tokenizer, lexicons, sentiment, themes. No I/O, no personas.
        .target(name: "MindscopeText", dependencies: ["CICUShim"]),
        // The domain layer: records and readers, lexicon loading from disk, personas, lenses,
        // ranking, narration, analyses, tagging, evaluation; text, Markdown and JSON output.
        .target(name: "Mindscope", dependencies: ["MindscopeText"]),
        // The rendering layer: SVG charts and the HTML report (built with Plot).
        .target(name: "MindscopeReport", dependencies: ["Mindscope", .product(name: "Plot", package: "Plot")]),
        // The thin command-line tool.
        .executableTarget(
            name: "MindscopeCLI",
            dependencies: [
                "Mindscope",
                "MindscopeReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `swift package benchmark`: tokenize, score, analyze and tag comments, parse rows.
        .executableTarget(
            name: "MindscopeBenchmarks",
            dependencies: ["Mindscope", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/MindscopeBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // libFuzzer targets (`.ci/fuzz`); a plain build replays inputs through the same harness.
        .executableTarget(name: "MindscopeFuzz", dependencies: ["Mindscope"]),
        .target(name: "TestSupport", dependencies: ["Mindscope"], path: "Tests/TestSupport"),
        .testTarget(name: "MindscopeTextTests", dependencies: ["MindscopeText", "TestSupport"]),
        .testTarget(name: "MindscopeTests", dependencies: ["Mindscope", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "MindscopeReportTests", dependencies: ["MindscopeReport", "TestSupport"]),
        .testTarget(name: "MindscopeCLITests", dependencies: ["MindscopeCLI", "TestSupport"]),
        .testTarget(name: "MindscopeFuzzTests", dependencies: ["MindscopeFuzz", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
