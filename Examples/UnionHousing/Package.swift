// swift-tools-version: 6.2
//
// A thidua server with a campaign module of its own, built outside thidua's repository: the
// module ("Mái ấm Công đoàn", union housing), its tests, and `housing-server`, which serves
// thidua's campaigns and this one. See README.md and thidua's docs/MODULES.md, "A module outside
// this repository".
import PackageDescription

/// As thidua compiles its own modules.
let settings: [SwiftSetting] = [
    .enableUpcomingFeature("NonisolatedNonsendingByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "UnionHousing",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "housing-server", targets: ["housing-server"]),
        .library(name: "UnionHousing", targets: ["UnionHousing"]),
    ],
    dependencies: [
        // thidua, by path inside its repository. Elsewhere, by URL and version:
        // .package(url: "https://…/thidua.git", from: "…"); the name stays "thidua".
        .package(name: "thidua", path: "../.."),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    ],
    targets: [
        // The module: Sources/UnionHousing, with its generated API in Generated/ (Scripts/generate.sh).
        .target(
            name: "UnionHousing",
            dependencies: [
                .product(name: "ThiduaModuleKit", package: "thidua"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            swiftSettings: settings
        ),
        // The server: thidua's command line with thidua's campaigns and this one.
        .executableTarget(
            name: "housing-server",
            dependencies: [
                "UnionHousing",
                .product(name: "ThiduaServer", package: "thidua"),
                .product(name: "ThiduaBuiltinModules", package: "thidua"),
            ],
            swiftSettings: settings
        ),
        .testTarget(
            name: "UnionHousingTests",
            dependencies: [
                "UnionHousing",
                .product(name: "ThiduaModuleKit", package: "thidua"),
                .product(name: "ThiduaCoreAPI", package: "thidua"),
                .product(name: "ThiduaTesting", package: "thidua"),
            ],
            swiftSettings: settings
        ),
    ]
)
