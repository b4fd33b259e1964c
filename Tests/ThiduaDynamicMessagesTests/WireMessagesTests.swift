import Foundation
import SwiftProtobuf
import Testing
import ThiduaDynamicMessages
import ThiduaWire

/// A message of the project's protos, serialized by SwiftProtobuf.
struct WireSample: Sendable, CustomTestStringConvertible {
    var name: String
    var messageType: String
    /// SwiftProtobuf's encoding, map entries sorted.
    var binary: Data
    /// SwiftProtobuf's JSON, map entries sorted.
    var swiftProtobufJSON: String

    var testDescription: String { name }

    init(_ name: String, _ messageType: String, _ message: some SwiftProtobuf.Message) {
        self.name = name
        self.messageType = messageType
        self.binary = try! deterministicBytes(message)
        var options = JSONEncodingOptions()
        options.useDeterministicOrdering = true
        self.swiftProtobufJSON = try! message.jsonString(options: options)
    }

    /// Project messages with every kind of field the protos use set, and some left at defaults.
    static let all: [WireSample] = {
        let descriptorFiles = try! Google_Protobuf_FileDescriptorSet(
            serializedBytes: Data(base64Encoded: WireProtoFiles.descriptorSetBase64)!
        ).file.map { try! $0.serializedBytes() as Data }
        return [
            WireSample("empty frame", "thidua.wire.v1.Frame", Frame()),
            WireSample(
                "request", "thidua.wire.v1.Frame",
                Frame.with {
                    $0.request = Request.with {
                        $0.callID = 42
                        $0.method = "thidua.host.v1.Echo/Unary"
                        $0.metadata = ["idempotency-key": "k-1", "a": "b", "": "empty key"]
                        $0.timeoutMs = 1500
                        $0.payload = Data("hi".utf8)
                    }
                }),
            WireSample(
                "status with details", "thidua.wire.v1.Frame",
                Frame.with {
                    $0.status = CallStatus.with {
                        $0.callID = .max
                        $0.code = .invalidArgument
                        $0.message = "Sáng kiến \"bị\" từ chối\n"
                        $0.details = [
                            ErrorDetail.with {
                                $0.field = "initiative.benefit_vnd"
                                $0.rule = "innovation.benefit.positive"
                                $0.description_p = "Lợi ích phải dương"
                            },
                            ErrorDetail(),
                        ]
                    }
                }),
            WireSample(
                "server hello", "thidua.wire.v1.Frame",
                Frame.with {
                    $0.serverHello = ServerHello.with {
                        $0.protocolVersion = 1
                        $0.serverVersion = "0.1.0"
                        $0.limits = Limits.with {
                            $0.maxFrameBytes = 4 << 20
                            $0.maxConcurrentCalls = 100
                            $0.idleTimeoutMs = 300_000
                        }
                        $0.services = ["thidua.host.v1.Health", "thidua.host.v1.Echo"]
                    }
                }),
            WireSample("ping of zero", "thidua.wire.v1.Frame", Frame.with { $0.ping = Ping() }),
            WireSample(
                "go away", "thidua.wire.v1.Frame",
                Frame.with { $0.goAway = GoAway.with { $0.lastCallID = 7; $0.code = .unavailable } }),
            WireSample(
                "health", "thidua.host.v1.HealthCheckResponse",
                HealthCheckResponse.with { $0.status = .serving }),
            WireSample(
                "server info", "thidua.host.v1.GetInfoResponse",
                GetInfoResponse.with {
                    $0.serverVersion = "0.1.0"
                    $0.protocolVersion = 1
                    $0.modules = [ModuleInfo.with { $0.id = "host"; $0.version = "1"; $0.services = ["thidua.host.v1.Echo"] }]
                    $0.startedAtUnixMs = 9_007_199_254_740_993
                    $0.openConnections = 3
                }),
            WireSample(
                "metrics", "thidua.host.v1.GetMetricsResponse",
                GetMetricsResponse.with {
                    $0.methods = [
                        MethodMetrics.with {
                            $0.path = "thidua.host.v1.Echo/Unary"
                            $0.calls = 12
                            $0.byStatus = ["OK": 10, "NOT_FOUND": 2, "INTERNAL": 0]
                            $0.totalLatencyMicros = 18_446_744_073_709_551_615
                        },
                        MethodMetrics(),
                    ]
                    $0.acceptedConnections = 5
                }),
            WireSample(
                "describe service", "thidua.host.v1.DescribeServiceResponse",
                DescribeServiceResponse.with {
                    $0.service = ServiceDescription.with {
                        $0.name = "thidua.host.v1.Echo"
                        $0.moduleID = "host"
                        $0.methods = [
                            MethodDescription.with {
                                $0.name = "Stream"
                                $0.path = "thidua.host.v1.Echo/Stream"
                                $0.inputType = "thidua.host.v1.EchoStreamRequest"
                                $0.outputType = "thidua.host.v1.EchoReply"
                                $0.serverStreaming = true
                            }
                        ]
                    }
                    $0.fileDescriptors = descriptorFiles + [Data()]
                }),
        ]
    }()
}

@Suite("Project messages against SwiftProtobuf")
struct WireMessagesTests {
    let codec = Fixtures.wireCodec

    @Test(arguments: WireSample.all)
    func binaryRoundTripsThroughDynamicJSON(sample: WireSample) throws {
        for pretty in [false, true] {
            let json = try codec.json(fromBinary: sample.binary, messageType: sample.messageType, pretty: pretty)
            let binary = try codec.binary(fromJSON: Data(json.utf8), messageType: sample.messageType)
            #expect(binary == sample.binary)
        }
    }

    @Test(arguments: WireSample.all)
    func dynamicJSONAgreesWithSwiftProtobufJSON(sample: WireSample) throws {
        let json = try codec.json(fromBinary: sample.binary, messageType: sample.messageType)
        let mine = try JSONTree.parse(json)
        let theirs = try JSONTree.parse(sample.swiftProtobufJSON)
        #expect(
            agrees(dynamic: mine, swiftProtobuf: theirs, enumZeroNames: ["OK", "UNKNOWN"]),
            "dynamic: \(mine)\nSwiftProtobuf: \(theirs)")
    }

    @Test(arguments: WireSample.all)
    func swiftProtobufJSONEncodesToSwiftProtobufBytes(sample: WireSample) throws {
        let binary = try codec.binary(fromJSON: Data(sample.swiftProtobufJSON.utf8), messageType: sample.messageType)
        #expect(binary == sample.binary)
    }

    @Test func handWrittenJSONEncodesLikeSwiftProtobuf() throws {
        let json = #"""
            {"request": {"callId": "7", "method": "thidua.host.v1.Echo/Unary", "metadata": {"a": "1"},
                         "timeoutMs": 250, "payload": "aGk="}}
            """#
        let binary = try codec.binary(fromJSON: Data(json.utf8), messageType: "thidua.wire.v1.Frame")
        let expected = Frame.with {
            $0.request = Request.with {
                $0.callID = 7
                $0.method = "thidua.host.v1.Echo/Unary"
                $0.metadata = ["a": "1"]
                $0.timeoutMs = 250
                $0.payload = Data("hi".utf8)
            }
        }
        #expect(binary == (try expected.serializedBytes()))
        #expect(try Frame(serializedBytes: binary) == expected)
    }

    @Test func protoFieldNamesAreAcceptedAsKeys() throws {
        let json = #"{"request": {"call_id": 7, "timeout_ms": "250"}}"#
        let binary = try codec.binary(fromJSON: Data(json.utf8), messageType: "thidua.wire.v1.Frame")
        let expected = Frame.with { $0.request = Request.with { $0.callID = 7; $0.timeoutMs = 250 } }
        #expect(binary == (try expected.serializedBytes()))
    }

    @Test func echoRequestFromTheCommandLineExample() throws {
        let binary = try codec.binary(fromJSON: Data(#"{"payload":"aGk="}"#.utf8), messageType: "thidua.host.v1.EchoRequest")
        #expect(try EchoRequest(serializedBytes: binary) == EchoRequest.with { $0.payload = Data("hi".utf8) })
        let reply = try EchoReply.with { $0.payload = Data("hi".utf8) }.serializedBytes() as Data
        #expect(try codec.json(fromBinary: reply, messageType: "thidua.host.v1.EchoReply") == #"{"payload":"aGk="}"#)
    }

    @Test func int64BeyondDoublePrecisionIsExact() throws {
        let expected = try GetInfoResponse.with { $0.startedAtUnixMs = 9_007_199_254_740_993 }.serializedBytes() as Data
        for literal in ["9007199254740993", #""9007199254740993""#, "9007199254740993.0", "90071992547409930e-1"] {
            let json = #"{"startedAtUnixMs": \#(literal)}"#
            let binary = try codec.binary(fromJSON: Data(json.utf8), messageType: "thidua.host.v1.GetInfoResponse")
            #expect(binary == expected, "\(literal)")
        }
        let json = try codec.json(fromBinary: expected, messageType: "thidua.host.v1.GetInfoResponse")
        #expect(json.contains(#""startedAtUnixMs":"9007199254740993""#))

        let callID = try codec.binary(fromJSON: Data(#"{"callId": 18446744073709551615}"#.utf8), messageType: "thidua.wire.v1.Request")
        #expect(try Request(serializedBytes: callID).callID == .max)
    }

    @Test func enumsByNameAndByNumber() throws {
        let expected = try CallStatus.with { $0.code = .notFound }.serializedBytes() as Data
        for value in [#""NOT_FOUND""#, "5", "5.0"] {
            let binary = try codec.binary(fromJSON: Data(#"{"code": \#(value)}"#.utf8), messageType: "thidua.wire.v1.CallStatus")
            #expect(binary == expected, "\(value)")
        }
        #expect(try codec.json(fromBinary: expected, messageType: "thidua.wire.v1.CallStatus").contains(#""code":"NOT_FOUND""#))
    }

    @Test func unknownEnumNumbersSurviveOpenEnums() throws {
        let binary = try codec.binary(fromJSON: Data(#"{"code": 99}"#.utf8), messageType: "thidua.wire.v1.CallStatus")
        #expect(try CallStatus(serializedBytes: binary).code == .UNRECOGNIZED(99))
        #expect(try codec.json(fromBinary: binary, messageType: "thidua.wire.v1.CallStatus").contains(#""code":99"#))
    }

    @Test func enumZeroValueIsPrintedByName() throws {
        #expect(try codec.json(fromBinary: Data(), messageType: "thidua.host.v1.HealthCheckResponse") == #"{"status":"UNKNOWN"}"#)
    }

    @Test func unknownEnumNameIsRefused() {
        let error = dynamicError {
            _ = try codec.binary(fromJSON: Data(#"{"status": {"code": "NOT_FOUNDX"}}"#.utf8), messageType: "thidua.wire.v1.Frame")
        }
        #expect(error == DynamicMessageError(path: "status.code", message: #""NOT_FOUNDX" is not a value of enum thidua.wire.v1.StatusCode"#))
        #expect(error?.description == #"status.code: "NOT_FOUNDX" is not a value of enum thidua.wire.v1.StatusCode"#)
    }

    @Test func twoMembersOfOneOneofAreRefused() {
        let error = dynamicError {
            _ = try codec.binary(fromJSON: Data(#"{"ping": {}, "pong": {"opaque": "1"}}"#.utf8), messageType: "thidua.wire.v1.Frame")
        }
        #expect(
            error == DynamicMessageError(
                path: "pong",
                message: #""ping" and "pong" are both set, but they belong to oneof kind of thidua.wire.v1.Frame: set at most one"#))
    }

    @Test func aNullOneofMemberDoesNotCount() throws {
        let binary = try codec.binary(fromJSON: Data(#"{"ping": null, "pong": {}}"#.utf8), messageType: "thidua.wire.v1.Frame")
        #expect(try Frame(serializedBytes: binary) == Frame.with { $0.pong = Ping() })
    }

    @Test func unknownFieldsAreRefusedByName() {
        let topLevel = dynamicError {
            _ = try codec.binary(fromJSON: Data(#"{"payload": "aGk=", "dealy_ms": 5}"#.utf8), messageType: "thidua.host.v1.EchoRequest")
        }
        #expect(topLevel == DynamicMessageError(path: "dealy_ms", message: #"unknown field "dealy_ms" in thidua.host.v1.EchoRequest"#))

        let nested = dynamicError {
            _ = try codec.binary(
                fromJSON: Data(#"{"status": {"details": [{}, {"feild": "x"}]}}"#.utf8), messageType: "thidua.wire.v1.Frame")
        }
        #expect(nested == DynamicMessageError(path: "status.details[1].feild", message: #"unknown field "feild" in thidua.wire.v1.ErrorDetail"#))
    }

    @Test func mapOfUInt64Decodes() throws {
        let message = GetMetricsResponse.with {
            $0.methods = [MethodMetrics.with { $0.byStatus = ["OK": 18_446_744_073_709_551_615, "ABORTED": 1] }]
        }
        let json = try codec.json(fromBinary: try deterministicBytes(message), messageType: "thidua.host.v1.GetMetricsResponse")
        #expect(json.contains(#""byStatus":{"ABORTED":"1","OK":"18446744073709551615"}"#))
    }

    @Test func fieldsWithoutPresenceAreAlwaysPrinted() throws {
        let binary = try Frame.with { $0.serverHello = ServerHello() }.serializedBytes() as Data
        let json = try codec.json(fromBinary: binary, messageType: "thidua.wire.v1.Frame")
        // `limits` is a message field: absent, so not printed. `services` is repeated: printed empty.
        #expect(json == #"{"serverHello":{"protocolVersion":0,"serverVersion":"","services":[],"language":""}}"#)
    }
}
