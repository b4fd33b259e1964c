import Foundation
import SwiftProtobuf
import ThiduaClient
import ThiduaDynamicMessages
import ThiduaWire

/// What a generic client learns about one service through the reflection service.
struct ServiceSchema {
    let description: ServiceDescription
    let files: [Google_Protobuf_FileDescriptorProto]
    let codec: DynamicMessageCodec

    static func fetch(_ service: String, using client: ThiduaClient, timeout: Duration?) async throws -> ServiceSchema {
        let response = try await client.unary(
            Methods.Host.Reflection.describeService,
            DescribeServiceRequest.with { $0.service = service },
            timeout: timeout
        )
        let files = try response.fileDescriptors.map { try Google_Protobuf_FileDescriptorProto(serializedBytes: $0) }
        let pool = try DescriptorPool(files: files)
        return ServiceSchema(description: response.service, files: files, codec: DynamicMessageCodec(pool: pool))
    }

    func method(named name: String) throws -> MethodDescription {
        guard let method = self.description.methods.first(where: { $0.name == name }) else {
            let known = self.description.methods.map(\.name).joined(separator: ", ")
            throw CLIFailure.usage("service \(self.description.name) has no method \"\(name)\"; it has: \(known)")
        }
        return method
    }
}

/// Splits "package.Service/Method" (a "." before the method is accepted too, as grpcurl does).
func splitMethodPath(_ path: String) throws -> (service: String, method: String) {
    let separator = path.lastIndex(of: "/") ?? path.lastIndex(of: ".")
    guard let separator, separator != path.startIndex, path.index(after: separator) != path.endIndex else {
        throw CLIFailure.usage("a method is named package.Service/Method, such as \(Methods.Host.Health.check.path); got \"\(path)\"")
    }
    return (String(path[..<separator]), String(path[path.index(after: separator)...]))
}
