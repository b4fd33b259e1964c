// swift-tools-version: 6.1
//
// Benchmarks of thidua, kept apart from the main package so its heavy dependencies (grpc-swift-2,
// package-benchmark) never slow the server's own build.
//
//   Benchmarks/FrameCodec, .../CallDispatch  package-benchmark suites (instructions, allocations)
//   nio-echo-server, nio-echo-load               the bare SwiftNIO length-prefixed echo and its client
//   grpc-echo-server, grpc-echo-load             the grpc-swift-2 unary echo and its client
//   idle-hold                                    holds many handshaken, idle thidua connections
//   compare                                      runs all three side by side and prints the ratios
//
// See docs/PERFORMANCE.md and Scripts/compare.sh.
import PackageDescription

let package = Package(
    name: "thidua-benchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "thidua", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/grpc/grpc-swift-2", exact: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport", exact: "2.9.2"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf", exact: "2.4.1"),
    ],
    targets: [
        // MARK: Shared by the echo clients and the harness
        .target(
            name: "EchoLoadKit",
            dependencies: [
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),

        // MARK: Bare SwiftNIO echo
        .executableTarget(
            name: "nio-echo-server",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "nio-echo-load",
            dependencies: [
                "EchoLoadKit",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),

        // MARK: grpc-swift-2 unary echo
        .target(
            name: "GRPCEcho",
            dependencies: [
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "ThiduaModuleKit", package: "thidua"),
            ]
        ),
        .executableTarget(
            name: "grpc-echo-server",
            dependencies: [
                "GRPCEcho",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "grpc-echo-load",
            dependencies: [
                "EchoLoadKit",
                "GRPCEcho",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
            ]
        ),

        // MARK: Idle connections
        .executableTarget(
            name: "idle-hold",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ThiduaModuleKit", package: "thidua"),
            ]
        ),

        // MARK: The side-by-side harness
        .executableTarget(
            name: "compare",
            dependencies: [
                "EchoLoadKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: package-benchmark suites
        .executableTarget(
            name: "FrameCodec",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ThiduaModuleKit", package: "thidua"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            path: "Benchmarks/FrameCodec",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "CallDispatch",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ThiduaModuleKit", package: "thidua"),
                .product(name: "ThiduaTesting", package: "thidua"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            path: "Benchmarks/CallDispatch",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
