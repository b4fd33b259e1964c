import Foundation
import SwiftProtobuf

/// The protobuf file descriptors behind the registered services: what the reflection service
/// hands a generic client, and what the router checks registrations against.
public struct DescriptorCatalog: Sendable {
    private var files: [String: Google_Protobuf_FileDescriptorProto] = [:]
    private var serviceFiles: [String: String] = [:]
    private var services: [String: Google_Protobuf_ServiceDescriptorProto] = [:]
    /// Every message type of every file, nested ones included, by fully qualified name.
    private(set) var messageTypes: [String: Google_Protobuf_DescriptorProto] = [:]

    /// Reads base64 serialized `FileDescriptorSet`s. A file present in several sets must be the
    /// same in each.
    public init(base64Sets: [String]) throws {
        for base64 in base64Sets {
            guard let data = Data(base64Encoded: base64) else {
                throw RouterError("a descriptor set is not valid base64")
            }
            let set = try Google_Protobuf_FileDescriptorSet(serializedBytes: data)
            for file in set.file {
                if let known = self.files[file.name] {
                    guard known == file else {
                        throw RouterError("two different descriptors are registered for \(file.name)")
                    }
                    continue
                }
                self.files[file.name] = file
                let prefix = file.package.isEmpty ? "" : "\(file.package)."
                for message in file.messageType {
                    self.addMessageType(message, prefix: prefix)
                }
                for service in file.service {
                    let fullName = file.package.isEmpty ? service.name : "\(file.package).\(service.name)"
                    self.serviceFiles[fullName] = file.name
                    self.services[fullName] = service
                }
            }
        }
    }

    private mutating func addMessageType(_ message: Google_Protobuf_DescriptorProto, prefix: String) {
        let fullName = prefix + message.name
        self.messageTypes[fullName] = message
        for nested in message.nestedType {
            self.addMessageType(nested, prefix: "\(fullName).")
        }
    }

    /// Throws unless `method` is declared with the same types and streaming in the descriptors.
    public func check(_ method: MethodDescriptor) throws {
        guard let service = self.services[method.service] else {
            throw RouterError("service \(method.service) is not in any registered descriptor set")
        }
        guard let declared = service.method.first(where: { $0.name == method.name }) else {
            throw RouterError("method \(method.path) is not declared in the service's .proto")
        }
        let declaredKind: MethodKind = declared.serverStreaming ? .serverStreaming : .unary
        guard !declared.clientStreaming,
            declared.inputType == ".\(method.inputType)",
            declared.outputType == ".\(method.outputType)",
            declaredKind == method.kind
        else {
            throw RouterError(
                "method \(method.path) is registered as \(method.kind) \(method.inputType) -> \(method.outputType) "
                    + "but declared as \(declared.inputType) -> \(declared.outputType)"
                    + (declared.serverStreaming ? " (server streaming)" : "")
            )
        }
    }

    /// Serialized `FileDescriptorProto`s of the file declaring `service` and of everything it
    /// imports, transitively; each file comes after the files it imports. Nil for an unknown service.
    public func fileDescriptors(forService service: String) -> [Data]? {
        guard let root = self.serviceFiles[service] else { return nil }
        var ordered: [String] = []
        var visited = Set<String>()
        func visit(_ name: String) {
            guard visited.insert(name).inserted, let file = self.files[name] else { return }
            file.dependency.forEach(visit)
            ordered.append(name)
        }
        visit(root)
        return ordered.compactMap { try? self.files[$0]?.serializedBytes() }
    }
}
