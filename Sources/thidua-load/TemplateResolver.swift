import Foundation
import SwiftProtobuf
import ThiduaClient
import ThiduaDynamicMessages
import ThiduaWire

/// Turns each method's JSON template into an encoded request message, learning the message types
/// from the server's reflection service (`thidua.host.v1.Reflection/DescribeService`).
enum TemplateResolver {
    /// Stands for the call's number in a template: `{"title":"Sáng kiến {{seq}}"}`.
    static let sequencePlaceholder = "{{seq}}"

    /// The encoded requests of each entry, in order: one, or `variants` when its template holds
    /// `{{seq}}` (replaced by 0, 1, 2…).
    static func payloads(for entries: [MethodMixEntry], variants: Int, using client: ThiduaClient) async throws -> [[Data]] {
        var codecs: [String: (DescribeServiceResponse, DynamicMessageCodec)] = [:]
        var payloads: [[Data]] = []
        for entry in entries {
            if codecs[entry.service] == nil {
                let response: DescribeServiceResponse
                do {
                    response = try await client.unary(
                        Methods.Host.Reflection.describeService,
                        DescribeServiceRequest.with { $0.service = entry.service },
                        timeout: .seconds(10)
                    )
                } catch {
                    throw LoadError.template("cannot describe service \(entry.service): \(error)")
                }
                let pool = try DescriptorPool(serializedFiles: response.fileDescriptors)
                codecs[entry.service] = (response, DynamicMessageCodec(pool: pool))
            }
            let (description, codec) = codecs[entry.service]!
            guard let method = description.service.methods.first(where: { $0.name == entry.methodName }) else {
                let known = description.service.methods.map(\.name).joined(separator: ", ")
                throw LoadError.template("service \(entry.service) has no method \(entry.methodName); it has: \(known)")
            }
            do {
                let templates = entry.json.contains(Self.sequencePlaceholder)
                    ? (0..<variants).map { entry.json.replacingOccurrences(of: Self.sequencePlaceholder, with: "\($0)") }
                    : [entry.json]
                payloads.append(try templates.map { try codec.binary(fromJSON: Data($0.utf8), messageType: method.inputType) })
            } catch {
                throw LoadError.template("the template of \(entry.method) is not a valid \(method.inputType): \(error)")
            }
        }
        return payloads
    }
}
