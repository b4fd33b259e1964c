// swift-tools-version: 6.2
//
// thidua: a server for the trade unions' emulation campaigns.
//
// Targets follow the layers in docs/DESIGN.md; dependencies point down only:
//
//   executables    thidua-server, thidua (CLI)
//   host           ThiduaHost (SwiftNIO transport, built-in services)
//   module kit     ThiduaModuleKit (the contract campaign modules compile against)
//   calls          ThiduaCalls (router, interceptors, statuses)
//   wire           ThiduaWire (generated protobuf code, frame codec)
//
// Campaign modules live in Plugins/<Campaign>/: ordinary library targets with an explicit `path:`,
// depending on ThiduaModuleKit only. (They are not SwiftPM package plugins.)
import PackageDescription

/// The campaign modules in Plugins/, one name per line; `Scripts/new-module.sh` adds to it. Each
/// has API/ (its generated protobuf code), Sources/ (the module, written by hand), Generated/ (its
/// generated handler protocols, compiled with Sources/) and Tests/.
let campaignModules: [String] = [
    "Dialogue",
    "GreenClean",
    "Innovation",
    "TwoGoods",
    "WorkAndHome",
]

/// Every target is compiled with these: Swift 6 language mode, and nonisolated async functions that
/// run on their caller's executor, so a call that starts on a connection's event loop stays there.
let commonSettings: [SwiftSetting] = [
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "thidua",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "thidua-server", targets: ["thidua-server"]),
        .executable(name: "thidua", targets: ["thidua"]),
        .executable(name: "thidua-load", targets: ["thidua-load"]),
        .library(name: "ThiduaModuleKit", targets: ["ThiduaModuleKit"]),
        .library(name: "ThiduaServer", targets: ["ThiduaServer"]),
        .library(name: "ThiduaBuiltinModules", targets: ["ThiduaBuiltinModules"]),
        .library(name: "ThiduaClient", targets: ["ThiduaClient"]),
        .library(name: "ThiduaTesting", targets: ["ThiduaTesting"]),
        .library(name: "ThiduaCoreAPI", targets: ["ThiduaCoreAPI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // MARK: Wire
        .target(
            name: "ThiduaWire",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            swiftSettings: commonSettings
        ),

        // MARK: Calls
        .target(
            name: "ThiduaCalls",
            dependencies: [
                "ThiduaWire",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            swiftSettings: commonSettings
        ),

        // MARK: Storage
        .target(
            name: "ThiduaStorage",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: commonSettings
        ),

        // MARK: Module kit
        .target(
            name: "ThiduaModuleKit",
            dependencies: [
                "ThiduaCalls",
                "ThiduaStorage",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            swiftSettings: commonSettings
        ),

        // MARK: Core domain
        .target(
            name: "ThiduaCoreAPI",
            dependencies: [
                "ThiduaWire",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            swiftSettings: commonSettings
        ),
        .target(
            name: "ThiduaCore",
            dependencies: [
                "ThiduaCoreAPI",
                "ThiduaModuleKit",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            swiftSettings: commonSettings
        ),

        // MARK: Host
        .target(
            name: "ThiduaHost",
            dependencies: [
                "ThiduaWire",
                "ThiduaCalls",
                "ThiduaModuleKit",
                "ThiduaStorage",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: commonSettings
        ),

        // MARK: Application: the core, the campaign modules and the host, composed
        .target(
            name: "ThiduaApp",
            dependencies: [
                "ThiduaHost",
                "ThiduaCore",
                "ThiduaModuleKit",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: commonSettings
        ),
        // The command line of a server, for this repository's thidua-server and for packages that
        // build their own with their own campaign modules.
        .target(
            name: "ThiduaServer",
            dependencies: [
                "ThiduaApp",
                "ThiduaHost",
                "ThiduaModuleKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: commonSettings
        ),
        // The campaign modules of this repository.
        .target(
            name: "ThiduaBuiltinModules",
            dependencies: ["ThiduaModuleKit"] + campaignModules.map { .target(name: $0) },
            swiftSettings: commonSettings
        ),

        // MARK: Clients and tools
        .target(
            name: "ThiduaClient",
            dependencies: [
                "ThiduaWire",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            swiftSettings: commonSettings
        ),
        .target(
            name: "ThiduaDynamicMessages",
            dependencies: [
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            swiftSettings: commonSettings
        ),
        .executableTarget(
            name: "thidua-server",
            dependencies: ["ThiduaServer", "ThiduaBuiltinModules"],
            swiftSettings: commonSettings
        ),
        .executableTarget(
            name: "thidua",
            dependencies: [
                "ThiduaClient",
                "ThiduaCoreAPI",
                "ThiduaDynamicMessages",
                "ThiduaWire",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ] + campaignModules.map { .target(name: "\($0)API") },
            swiftSettings: commonSettings
        ),

        .executableTarget(
            name: "thidua-load",
            dependencies: [
                "ThiduaWire",
                "ThiduaClient",
                "ThiduaDynamicMessages",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            swiftSettings: commonSettings
        ),
        .testTarget(
            name: "ThiduaLoadTests",
            dependencies: [
                "thidua-load",
                "ThiduaTesting",
                "ThiduaCoreAPI",
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: commonSettings
        ),

        // MARK: Test support (used by this package's tests and by module authors)
        .target(
            name: "ThiduaTesting",
            dependencies: [
                "ThiduaApp",
                "ThiduaHost",
                "ThiduaClient",
                "ThiduaCoreAPI",
                // Only to read a test server's SQLite file from outside, as an operator's tool would.
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: commonSettings
        ),

        // MARK: Tests
        .testTarget(
            name: "ThiduaWireTests",
            dependencies: [
                "ThiduaWire",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
            ],
            swiftSettings: commonSettings
        ),
        .testTarget(
            name: "ThiduaCoreTests",
            dependencies: [
                "ThiduaCore",
                "ThiduaCoreAPI",
                "ThiduaTesting",
                "ThiduaClient",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            swiftSettings: commonSettings
        ),
        .testTarget(
            name: "ThiduaStorageTests",
            dependencies: [
                "ThiduaStorage",
                "ThiduaModuleKit",
                "ThiduaCoreAPI",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: commonSettings
        ),
        .testTarget(
            name: "ThiduaDynamicMessagesTests",
            dependencies: ["ThiduaDynamicMessages", "ThiduaWire"],
            exclude: ["Protos"],
            swiftSettings: commonSettings
        ),
        .testTarget(
            name: "ThiduaHostTests",
            dependencies: [
                "ThiduaApp",
                "ThiduaBuiltinModules",
                "ThiduaHost",
                "ThiduaCalls",
                "ThiduaTesting",
                "ThiduaClient",
                "ThiduaCoreAPI",
                "ThiduaDynamicMessages",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: commonSettings
        ),
    ] + campaignModules.flatMap(moduleTargets)
)

/// A campaign module's three targets: its protobuf API (which the CLI links too), the module,
/// and its tests.
func moduleTargets(_ name: String) -> [Target] {
    [
        .target(
            name: "\(name)API",
            dependencies: ["ThiduaWire", .product(name: "SwiftProtobuf", package: "swift-protobuf")],
            path: "Plugins/\(name)/API",
            swiftSettings: commonSettings
        ),
        .target(
            name: name,
            dependencies: [
                "ThiduaModuleKit",
                .target(name: "\(name)API"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            path: "Plugins/\(name)",
            exclude: ["API", "Tests", "README.md"],
            sources: ["Sources", "Generated"],
            swiftSettings: commonSettings
        ),
        .testTarget(
            name: "\(name)Tests",
            dependencies: [
                .target(name: name),
                "ThiduaTesting",
                "ThiduaClient",
                "ThiduaCoreAPI",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            path: "Plugins/\(name)/Tests",
            swiftSettings: commonSettings
        ),
    ]
}
