// swift-tools-version: 6.1
// Solvable: a Jupyter kernel, command language and report generator for the
// solvable models of deep-learning theory. See docs/ARCHITECTURE.md for the layout.
import PackageDescription

let package = Package(
    name: "Solvable",
    // macOS 15: Synchronization (Mutex, Atomic), which the kernel and the language use.
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "solvable", targets: ["solvable"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/JohnSundell/Ink.git", from: "0.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-numerics.git", from: "1.1.1"),
    ],
    targets: [
        // System libraries (Debian: libzmq3-dev, libopenblas-dev, liblapacke-dev).
        .systemLibrary(name: "CZeroMQ", pkgConfig: "libzmq", providers: [.apt(["libzmq3-dev"])]),
        .systemLibrary(name: "COpenBLAS", providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]),

        // Core libraries, leaves first.
        .target(name: "JSON"),
        // Files (atomic writes), clocks and ISO 8601 timestamps, shared by every layer.
        .target(name: "Platform"),
        // Not called `Numerics`: that name belongs to apple/swift-numerics' module.
        // Vector elementwise kernels (ReLU, Adam) for NumericCore's training loops.
        .target(name: "CKernels"),
        .target(name: "NumericCore", dependencies: ["COpenBLAS", "CKernels", .product(name: "CSV", package: "CSV.swift")]),
        .target(name: "Models", dependencies: ["NumericCore", .product(name: "ComplexModule", package: "swift-numerics")]),
        .target(name: "Display", dependencies: ["NumericCore", "JSON"]),
        .target(name: "Language", dependencies: ["Models", "Display", "NumericCore", "JSON"]),
        .target(name: "Notebook", dependencies: ["Language", "JSON", "Platform"]),
        // The input-keyed cell cache of `solvable run`, in SQLite through GRDB (system libsqlite3-dev).
        .target(name: "CellCache", dependencies: [
            "Notebook", "Language", "NumericCore", "JSON", "Platform",
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .target(name: "JupyterProtocol", dependencies: [
            "JSON", "Platform",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The kernel core knows no language; KernelSession is the glue to Language.
        .target(name: "Kernel", dependencies: ["JupyterProtocol", "CZeroMQ", "JSON", "Platform"]),
        .target(name: "KernelSession", dependencies: [
            "Kernel", "JupyterProtocol", "Language", "Notebook", "Display", "NumericCore", "JSON", "Platform",
        ]),
        .target(name: "Report", dependencies: [
            "Notebook", "Display", "JSON", "Platform",
            .product(name: "Ink", package: "Ink"),
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .executableTarget(name: "solvable", dependencies: [
            "Kernel", "KernelSession", "Notebook", "Report", "Language", "JSON", "Platform", "CellCache",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Benchmarks (bench/*.sh runs them beside their numpy peers).
        .executableTarget(name: "RidgeBench", dependencies: ["Models", "NumericCore"], path: "bench/RidgeBench"),
        .executableTarget(name: "sgd-bench", dependencies: ["Models"], path: "bench/sgd"),
        .executableTarget(name: "dynamics-bench", dependencies: ["Models", "NumericCore"],
                          path: "bench/deeplinear-peaked"),
        .executableTarget(name: "calibrate-bench", dependencies: ["Language", "Display", "NumericCore"], path: "bench/calibrate"),

        // Tests (Swift Testing), with what they share: scratch directories, the checkout's paths.
        .target(name: "TestSupport", dependencies: ["Models", "NumericCore"], path: "Tests/TestSupport"),
        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "NumericCoreTests", dependencies: ["TestSupport", "NumericCore"]),
        .testTarget(name: "ModelsTests", dependencies: [
            "TestSupport", "Models", "NumericCore",
            .product(name: "ComplexModule", package: "swift-numerics"),
            .product(name: "RealModule", package: "swift-numerics"),
        ]),
        .testTarget(name: "DisplayTests", dependencies: ["Display", "NumericCore", "JSON"], exclude: ["Golden"]),
        .testTarget(name: "LanguageTests", dependencies: [
            "TestSupport",
            "Language", "Display", "JSON", "Models", "NumericCore",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "NotebookTests", dependencies: [
            "TestSupport", "Notebook", "Language", "Models", "JSON", "Platform", "CellCache", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "JupyterProtocolTests", dependencies: ["JupyterProtocol", "JSON"]),
        .testTarget(name: "KernelTests", dependencies: ["TestSupport", "Kernel", "KernelSession", "JupyterProtocol", "JSON"]),
        .testTarget(name: "ReportTests", dependencies: ["TestSupport", "Report", "Notebook", "JSON", "Platform"]),
    ]
)
