import SwiftProtobuf
import ThiduaWire

/// Renders a service and the messages it uses in .proto syntax, for `thidua describe`.
struct DescriptorPrinter {
    private var messages: [String: Google_Protobuf_DescriptorProto] = [:]
    private var enums: [String: Google_Protobuf_EnumDescriptorProto] = [:]

    init(files: [Google_Protobuf_FileDescriptorProto]) {
        for file in files {
            let prefix = file.package.isEmpty ? "" : file.package + "."
            file.messageType.forEach { self.index($0, prefix: prefix) }
            for item in file.enumType { self.enums[prefix + item.name] = item }
        }
    }

    private mutating func index(_ message: Google_Protobuf_DescriptorProto, prefix: String) {
        let name = prefix + message.name
        self.messages[name] = message
        message.nestedType.forEach { self.index($0, prefix: name + ".") }
        for item in message.enumType { self.enums[name + "." + item.name] = item }
    }

    func render(service: ServiceDescription) -> String {
        var text = "service \(service.name) {  // module \(service.moduleID)\n"
        for method in service.methods {
            let output = method.serverStreaming ? "stream \(method.outputType)" : method.outputType
            text += "  rpc \(method.name)(\(method.inputType)) returns (\(output));\n"
        }
        text += "}\n"
        var printed = Set<String>()
        var queue = service.methods.flatMap { [$0.inputType, $0.outputType] }
        while !queue.isEmpty {
            let name = queue.removeFirst()
            guard printed.insert(name).inserted else { continue }
            if let message = self.messages[name], !message.options.mapEntry {
                text += "\n" + self.render(message: message, named: name)
                queue += message.field.filter { !$0.typeName.isEmpty }.map { String($0.typeName.dropFirst()) }
            } else if self.messages[name] == nil, let item = self.enums[name] {
                text += "\n" + Self.render(enum: item, named: name, indent: "")
            }
        }
        return text
    }

    private func render(message: Google_Protobuf_DescriptorProto, named name: String) -> String {
        var text = "message \(name) {\n"
        for field in message.field {
            let label = field.label == .repeated && !self.isMapEntry(field.typeName) ? "repeated " :
                (field.proto3Optional ? "optional " : "")
            text += "  \(label)\(self.typeName(of: field)) \(field.name) = \(field.number);\n"
        }
        text += "}\n"
        return text
    }

    private static func render(enum item: Google_Protobuf_EnumDescriptorProto, named name: String, indent: String) -> String {
        var text = "\(indent)enum \(name) {\n"
        for value in item.value { text += "\(indent)  \(value.name) = \(value.number);\n" }
        return text + "\(indent)}\n"
    }

    private func isMapEntry(_ typeName: String) -> Bool {
        self.messages[String(typeName.dropFirst())]?.options.mapEntry ?? false
    }

    private func typeName(of field: Google_Protobuf_FieldDescriptorProto) -> String {
        if !field.typeName.isEmpty {
            let name = String(field.typeName.dropFirst())
            if let entry = self.messages[name], entry.options.mapEntry, entry.field.count == 2 {
                return "map<\(self.typeName(of: entry.field[0])), \(self.typeName(of: entry.field[1]))>"
            }
            return name
        }
        switch field.type {
        case .double: return "double"
        case .float: return "float"
        case .int64: return "int64"
        case .uint64: return "uint64"
        case .int32: return "int32"
        case .fixed64: return "fixed64"
        case .fixed32: return "fixed32"
        case .bool: return "bool"
        case .string: return "string"
        case .bytes: return "bytes"
        case .uint32: return "uint32"
        case .sfixed32: return "sfixed32"
        case .sfixed64: return "sfixed64"
        case .sint32: return "sint32"
        case .sint64: return "sint64"
        default: return "unknown"
        }
    }
}
