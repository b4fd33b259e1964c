import ArgumentParser
import Foundation
import ThiduaClient
import ThiduaDynamicMessages
import ThiduaWire

struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Check whether the server (or one service) is serving; exits 0 only when it is."
    )

    @ParentCommand var root: ThiduaCommand
    private var connection: ConnectionOptions { self.root.connection }

    @Argument(help: "A fully qualified service name; omit for the server as a whole.")
    var service: String = ""

    func run() async throws {
        var serving = false
        try await self.reportingFailures(self.connection.errorFormat) {
            try await self.connection.withClient { client in
                let response = try await client.unary(
                    Methods.Host.Health.check,
                    HealthCheckRequest.with { $0.service = self.service },
                    timeout: self.connection.timeout
                )
                serving = response.status == .serving
                standardOutput(try response.jsonString() + "\n")
            }
        }
        if !serving { throw ExitCode.failure }
    }
}

struct ServicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "services",
        abstract: "List the services the server offers, one a line."
    )

    @ParentCommand var root: ThiduaCommand
    private var connection: ConnectionOptions { self.root.connection }

    @Flag(help: "List every method too, with the permission its caller's key must hold.")
    var methods = false

    func run() async throws {
        try await self.reportingFailures(self.connection.errorFormat) {
            try await self.connection.withClient { client in
                let list = try await client.unary(
                    Methods.Host.Reflection.listServices,
                    ListServicesRequest(),
                    timeout: self.connection.timeout
                )
                for service in list.services {
                    standardOutput(service.name + "\n")
                    if self.methods {
                        let width = service.methods.map(\.path.count).max() ?? 0
                        for method in service.methods {
                            let path = method.path.padding(toLength: width, withPad: " ", startingAt: 0)
                            let needs = method.permission.isEmpty ? "no permission" : "needs \(method.permission)"
                            standardOutput("  \(path)  \(needs)\n")
                        }
                    }
                }
            }
        }
    }
}

struct DescribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Show a service's methods and the messages they take and return, in .proto syntax."
    )

    @ParentCommand var root: ThiduaCommand
    private var connection: ConnectionOptions { self.root.connection }

    @Argument(help: "A service (thidua.host.v1.Echo) or a method (\(Methods.Host.Echo.unary.path)).")
    var name: String

    func run() async throws {
        try await self.reportingFailures(self.connection.errorFormat) {
            try await self.connection.withClient { client in
                let service = self.name.contains("/") ? try splitMethodPath(self.name).service : self.name
                let schema = try await ServiceSchema.fetch(service, using: client, timeout: self.connection.timeout)
                standardOutput(DescriptorPrinter(files: schema.files).render(service: schema.description))
            }
        }
    }
}

struct CallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Call any method with a JSON request; print the JSON answer.",
        discussion: """
            JSON follows protobuf's JSON mapping: lowerCamel or original field names, 64-bit integers as \
            strings or numbers, bytes as base64, enums by name. A streaming answer prints one JSON \
            object a line.
            """
    )

    @ParentCommand var root: ThiduaCommand
    private var connection: ConnectionOptions { self.root.connection }

    @Argument(help: "package.Service/Method, such as \(Methods.Host.Echo.unary.path).")
    var method: String

    @Option(name: .long, help: "The request as JSON; @FILE reads a file, - reads standard input.")
    var json: String = "{}"

    @Option(name: [.customShort("H"), .long], help: "Metadata KEY=VALUE; repeatable.")
    var header: [String] = []

    @Flag(help: "Print unary answers on one line.")
    var compact = false

    func run() async throws {
        try await self.reportingFailures(self.connection.errorFormat) {
            let requestJSON = try self.readRequestJSON()
            let metadata = try self.parseMetadata()
            let (serviceName, methodName) = try splitMethodPath(self.method)
            try await self.connection.withClient { client in
                let schema = try await ServiceSchema.fetch(serviceName, using: client, timeout: self.connection.timeout)
                let method = try schema.method(named: methodName)
                let payload = try schema.codec.binary(fromJSON: requestJSON, messageType: method.inputType)
                if method.serverStreaming {
                    let stream = client.serverStreaming(method.path, payload: payload, metadata: metadata, timeout: self.connection.timeout)
                    for try await message in stream {
                        standardOutput(try schema.codec.json(fromBinary: message, messageType: method.outputType) + "\n")
                    }
                } else {
                    let answer = try await client.unary(method.path, payload: payload, metadata: metadata, timeout: self.connection.timeout)
                    standardOutput(try schema.codec.json(fromBinary: answer, messageType: method.outputType, pretty: !self.compact) + "\n")
                }
            }
        }
    }

    private func readRequestJSON() throws -> Data {
        if self.json == "-" {
            return FileHandle.standardInput.readDataToEndOfFile()
        }
        if self.json.hasPrefix("@") {
            let path = String(self.json.dropFirst())
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIFailure.usage("cannot read the request file \(path)")
            }
            return data
        }
        return Data(self.json.utf8)
    }

    private func parseMetadata() throws -> [String: String] {
        var metadata: [String: String] = [:]
        for entry in self.header {
            guard let equals = entry.firstIndex(of: "="), equals != entry.startIndex else {
                throw CLIFailure.usage("metadata is KEY=VALUE; got \"\(entry)\"")
            }
            metadata[entry[..<equals].lowercased()] = String(entry[entry.index(after: equals)...])
        }
        return metadata
    }
}

struct InfoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show the server's version, modules and uptime."
    )

    @ParentCommand var root: ThiduaCommand
    private var connection: ConnectionOptions { self.root.connection }

    func run() async throws {
        try await self.reportingFailures(self.connection.errorFormat) {
            try await self.connection.withClient { client in
                let info = try await client.unary(
                    Methods.Host.ServerInfo.getInfo,
                    GetInfoRequest(),
                    timeout: self.connection.timeout
                )
                standardOutput(try info.jsonString() + "\n")
            }
        }
    }
}
