import Foundation
import Logging
import SwiftProtobuf
import Synchronization
import Testing
import ThiduaCalls
@testable import ThiduaHost
import ThiduaWire

/// The router and the interceptor chain on their own: routes are built from a registrar and
/// called directly, with a context and a responder made here, so no socket, connection or
/// server is involved.
@Suite struct RouterAndInterceptorTests {
    // MARK: Routing

    @Test func everyRegisteredMethodIsRoutedByItsWirePathInRegistrationOrder() throws {
        let router = try Router(Self.registrar { registrar in
            registrar.addService("thidua.host.v1.Echo") { service in
                service.unary(Methods.Host.Echo.unary, limits: .bulk) { request, _ in EchoReply.with { $0.payload = request.payload } }
                service.serverStreaming(Methods.Host.Echo.stream) { _, _, _ in }
            }
            registrar.addService("thidua.host.v1.Health") { service in
                service.unary(Methods.Host.Health.check) { _, _ in HealthCheckResponse() }
            }
        })
        #expect(router.routes.map(\.descriptor.path) == [
            Methods.Host.Echo.unary.path, Methods.Host.Echo.stream.path, Methods.Host.Health.check.path,
        ])
        #expect(router.routes.map(\.index) == [0, 1, 2])
        #expect(router.serviceNames == ["thidua.host.v1.Echo", "thidua.host.v1.Health"])

        let unary = try #require(router.route(forPath: Methods.Host.Echo.unary.path))
        #expect(unary.index == 0)
        #expect(unary.moduleID == "host")
        #expect(unary.descriptor.service == "thidua.host.v1.Echo")
        #expect(unary.descriptor.name == "Unary")
        #expect(unary.descriptor.inputType == EchoRequest.protoMessageName)
        #expect(unary.descriptor.outputType == EchoReply.protoMessageName)
        #expect(unary.descriptor.kind == .unary)
        #expect(unary.descriptor.permission == nil)
        #expect(unary.descriptor.requestLimits == .bulk)
        let stream = try #require(router.route(forPath: Methods.Host.Echo.stream.path))
        #expect(stream.descriptor.kind == .serverStreaming)
        #expect(stream.descriptor.requestLimits == .standard)
    }

    /// The paths are what a client could put on the wire: each is a near miss of a real method.
    @Test(arguments: [
        "thidua.host.v1.Echo/Nope",
        "thidua.host.v1.Nope/Unary",
        "thidua.host.v1.echo/unary",
        "thidua.host.v1.Echo/Unary ",
        "/thidua.host.v1.Echo/Unary",
        "thidua.host.v1.Echo.Unary",
        "thidua.host.v1.Echo",
        "Echo/Unary",
        "",
    ])
    func aPathThatNamesNoRegisteredMethodHasNoRoute(path: String) throws {
        let router = try Router(Self.echoRegistrar())
        #expect(router.route(forPath: path) == nil)
        #expect(router.route(forPath: Methods.Host.Echo.unary.path) != nil)
    }

    @Test func aRouteRunsItsHandlerAndSendsTheEncodedAnswerOnce() async throws {
        let router = try Router(Self.echoRegistrar())
        let responses = Responses()
        try await Self.call(router, Methods.Host.Echo.unary.path, echo("xin chào"), responses: responses)
        #expect(try responses.decoded(as: EchoReply.self).map(\.payload) == [Data("xin chào".utf8)])
    }

    @Test func aStreamingRouteSendsEveryMessageTheHandlerStreams() async throws {
        var registrar = ServiceRegistrar()
        registrar.addDescriptorSet(base64: WireProtoFiles.descriptorSetBase64)
        registrar.addService("thidua.host.v1.Echo") { service in
            service.serverStreaming(Methods.Host.Echo.stream) { request, stream, _ in
                for index in 0..<request.count {
                    try await stream.send(.with { $0.payload = Data("\(index)".utf8) })
                }
            }
        }
        let responses = Responses()
        try await Self.call(try Router(registrar), Methods.Host.Echo.stream.path, EchoStreamRequest.with { $0.count = 3 }, responses: responses)
        #expect(try responses.decoded(as: EchoReply.self).map(\.payload) == ["0", "1", "2"].map { Data($0.utf8) })
    }

    // MARK: Start-up refusals

    @Test func aMethodRegisteredTwiceStopsTheRouter() {
        let registrar = Self.registrar { registrar in
            registrar.addService("thidua.host.v1.Echo") { service in
                service.unary(Methods.Host.Echo.unary) { _, _ in EchoReply() }
                service.unary(Methods.Host.Echo.unary) { _, _ in EchoReply() }
            }
        }
        #expect(Self.routerError(registrar)?.contains("method thidua.host.v1.Echo/Unary is registered twice") == true)
    }

    @Test func aMethodMissingFromTheDescriptorsStopsTheRouter() {
        var withoutDescriptors = ServiceRegistrar()
        withoutDescriptors.addService("thidua.host.v1.Echo") { service in
            service.unary(Methods.Host.Echo.unary) { _, _ in EchoReply() }
        }
        #expect(Self.routerError(withoutDescriptors)?.contains("service thidua.host.v1.Echo is not in any registered descriptor set") == true)

        // A name the .proto does not declare: only a string can say it.
        let undeclared = Self.registrar { registrar in
            registrar.addService("thidua.host.v1.Echo") { service in
                service.unary("Shout") { (request: EchoRequest, _) -> EchoReply in .with { $0.payload = request.payload } }
            }
        }
        #expect(Self.routerError(undeclared)?.contains("method thidua.host.v1.Echo/Shout is not declared in the service's .proto") == true)
    }

    @Test func aMethodWhoseTypesOrStreamingDisagreeWithItsProtoStopsTheRouter() {
        let wrongTypes = Self.registrar { registrar in
            registrar.addService("thidua.host.v1.Echo") { service in
                service.unary("Unary") { (_: HealthCheckRequest, _) -> EchoReply in EchoReply() }
            }
        }
        #expect(Self.routerError(wrongTypes)?.contains("method thidua.host.v1.Echo/Unary is registered as unary thidua.host.v1.HealthCheckRequest") == true)

        let wrongKind = Self.registrar { registrar in
            registrar.addService("thidua.host.v1.Echo") { service in
                service.serverStreaming("Unary") { (_: EchoRequest, _: ResponseStream<EchoReply>, _) in }
            }
        }
        #expect(Self.routerError(wrongKind)?.contains("is registered as serverStreaming") == true)
    }

    @Test func aDescriptorSetThatIsNotBase64StopsTheRouter() {
        var registrar = ServiceRegistrar()
        registrar.addDescriptorSet(base64: "not base64!")
        #expect(Self.routerError(registrar) == "a descriptor set is not valid base64")
    }

    @Test func everyBreachOfTheOwnersContractIsListedAndStopsTheRouter() throws {
        var registrar = ServiceRegistrar()
        registrar.addDescriptorSet(base64: WireProtoFiles.descriptorSetBase64)
        registrar.register(as: ServiceOwner(id: "host", permissions: ["echo.use"])) { registrar in
            // Outside the owner's package.
            registrar.addService("thidua.core.v1.Echo") { _ in }
            // A method of another service, named by its constant.
            registrar.addService("thidua.host.v1.Health") { service in
                service.unary(Methods.Host.Echo.unary) { _, _ in EchoReply() }
            }
            // A permission the owner did not declare.
            registrar.addService("thidua.host.v1.Echo") { service in
                service.unary(Methods.Host.Echo.unary, permission: "echo.usr") { _, _ in EchoReply() }
            }
        }
        registrar.register(as: ServiceOwner(id: "probe", permissions: [])) { registrar in
            registrar.addService("thidua.host.v1.Echo") { _ in }
        }
        #expect(registrar.contractViolations == [
            "host registers the service thidua.core.v1.Echo, outside its package thidua.host.v1.*",
            "host registers thidua.host.v1.Echo/Unary inside the service thidua.host.v1.Health",
            "thidua.host.v1.Echo/Unary needs the permission \"echo.usr\", which host does not declare",
            "probe registers the service thidua.host.v1.Echo, outside its package thidua.probe.v1.*",
            "probe and host both register the service thidua.host.v1.Echo",
        ])
        let message = try #require(Self.routerError(registrar))
        #expect(message.hasPrefix("the services break their owners' contract:"))
        for violation in registrar.contractViolations {
            #expect(message.contains(violation))
        }
    }

    @Test func eachRouteBelongsToTheOwnerThatRegisteredIt() throws {
        var registrar = ServiceRegistrar()
        registrar.addDescriptorSet(base64: WireProtoFiles.descriptorSetBase64)
        registrar.register(as: ServiceOwner(id: "host", permissions: ["health.read"])) { registrar in
            registrar.addService("thidua.host.v1.Health") { service in
                service.unary(Methods.Host.Health.check, permission: "health.read") { _, _ in HealthCheckResponse() }
            }
        }
        let route = try #require(try Router(registrar).route(forPath: Methods.Host.Health.check.path))
        #expect(route.moduleID == "host")
        #expect(route.descriptor.permission == "health.read")
    }

    // MARK: The interceptor chain

    @Test func interceptorsRunOutermostFirstAndSeeTheAnswerInTheReverseOrder() async throws {
        let log = Log()
        let router = try Router(
            Self.echoRegistrar(log: log),
            interceptors: [Recording("a", log), Recording("b", log), Recording("c", log)]
        )
        let responses = Responses()
        try await Self.call(router, Methods.Host.Echo.unary.path, echo("x"), responses: responses)
        #expect(log.entries == ["a>", "b>", "c>", "handler", "<c", "<b", "<a"])
        #expect(responses.count == 1)
    }

    @Test func anInterceptorThatRefusesStopsTheInnerOnesAndTheHandler() async throws {
        let log = Log()
        let refusal = RPCError(.permissionDenied, "no", field: "", rule: "test.refused")
        let router = try Router(
            Self.echoRegistrar(log: log),
            interceptors: [Recording("a", log), Refusing(refusal, log), Recording("c", log)]
        )
        let responses = Responses()
        let error = await Self.failure(router, Methods.Host.Echo.unary.path, echo("x"), responses: responses)
        #expect(error == refusal)
        #expect(log.entries == ["a>", "refused", "<a PERMISSION_DENIED"])
        #expect(responses.count == 0)
    }

    @Test func theOuterInterceptorsSeeTheHandlersErrorAndMayMapIt() async throws {
        let log = Log()
        var registrar = ServiceRegistrar()
        registrar.addDescriptorSet(base64: WireProtoFiles.descriptorSetBase64)
        registrar.addService("thidua.host.v1.Echo") { service in
            service.unary(Methods.Host.Echo.unary) { (request: EchoRequest, _) -> EchoReply in
                switch String(decoding: request.payload, as: UTF8.self) {
                case "domain": throw Overbooked()
                case "cancel": throw CancellationError()
                case "bug": throw Bug()
                default: throw RPCError(.notFound, "no such thing", field: "payload", rule: "test.not_found")
                }
            }
        }
        let router = try Router(registrar, interceptors: [Mapping(log), Recording("inner", log)])

        let notFound = await Self.failure(router, Methods.Host.Echo.unary.path, echo("missing"))
        #expect(notFound?.code == .notFound)
        #expect(notFound?.details.first?.rule == "test.not_found")
        let domain = await Self.failure(router, Methods.Host.Echo.unary.path, echo("domain"))
        #expect(domain == Overbooked().rpcError)
        let cancelled = await Self.failure(router, Methods.Host.Echo.unary.path, echo("cancel"))
        #expect(cancelled?.code == .cancelled)
        let bug = await Self.failure(router, Methods.Host.Echo.unary.path, echo("bug"))
        #expect(bug == RPCError(.internal, "internal error"))
        #expect(bug?.message.contains("secret") == false)
        // The inner interceptor saw each error as thrown; the outer one logged what was unexpected.
        #expect(log.entries.filter { $0.hasPrefix("<inner") } == [
            "<inner NOT_FOUND", "<inner Overbooked", "<inner CancellationError", "<inner Bug",
        ])
        #expect(log.entries.filter { $0.hasPrefix("unexpected") } == ["unexpected Bug"])
    }

    @Test func statusMappingKeepsRPCErrorsAndHidesEverythingElse() {
        let refusal = RPCError(.failedPrecondition, "closed", field: "state", rule: "test.closed")
        #expect(RPCError(mapping: refusal) == refusal)
        #expect(RPCError(mapping: Overbooked()) == Overbooked().rpcError)
        #expect(RPCError(mapping: CancellationError()).code == .cancelled)
        #expect(RPCError(mapping: Bug()) == RPCError(.internal, "internal error"))
        #expect(!RPCError.isUnexpected(refusal))
        #expect(!RPCError.isUnexpected(Overbooked()))
        #expect(!RPCError.isUnexpected(CancellationError()))
        #expect(RPCError.isUnexpected(Bug()))
    }

    @Test func anInterceptorMayRewriteTheRequestAndTheLoggerTheHandlerGets() async throws {
        let seen = Mutex<(payload: Data, callTag: String?)?>(nil)
        var registrar = ServiceRegistrar()
        registrar.addDescriptorSet(base64: WireProtoFiles.descriptorSetBase64)
        registrar.addService("thidua.host.v1.Echo") { service in
            service.unary(Methods.Host.Echo.unary) { request, context in
                seen.withLock { $0 = (request.payload, context.logger[metadataKey: "call"].map { "\($0)" }) }
                return EchoReply()
            }
        }
        let router = try Router(registrar, interceptors: [Rewriting()])
        try await Self.call(router, Methods.Host.Echo.unary.path, echo("original"), callID: 42)
        let observed = try #require(seen.withLock { $0 })
        #expect(observed.payload == Data("rewritten".utf8))
        #expect(observed.callTag == "42")
    }

    @Test func theCallsMetadataPeerAndMethodReachTheHandlerUnchanged() async throws {
        let seen = Mutex<CallContext?>(nil)
        var registrar = ServiceRegistrar()
        registrar.addDescriptorSet(base64: WireProtoFiles.descriptorSetBase64)
        registrar.register(as: ServiceOwner(id: "host", permissions: ["echo.use"])) { registrar in
            registrar.addService("thidua.host.v1.Echo") { service in
                service.unary(Methods.Host.Echo.unary, permission: "echo.use") { _, context in
                    seen.withLock { $0 = context }
                    return EchoReply()
                }
            }
        }
        let router = try Router(registrar, interceptors: [Recording("a", Log())])
        let principal = Principal(keyID: "k1", scopeUnitID: "u1", permissions: ["echo.use"])
        try await Self.call(
            router, Methods.Host.Echo.unary.path, echo("x"), callID: 7,
            metadata: ["accept-language": "vi", "x-request-id": "abc"], principal: principal
        )
        let context = try #require(seen.withLock { $0 })
        #expect(context.callID == 7)
        #expect(context.metadata == ["accept-language": "vi", "x-request-id": "abc"])
        #expect(context.peer.principal == principal)
        #expect(context.method.path == Methods.Host.Echo.unary.path)
        #expect(context.method.permission == "echo.use")
    }

    // MARK: The request screen, innermost

    @Test func anOversizedRequestIsRefusedInsideTheInterceptorsBeforeTheHandler() async throws {
        let log = Log()
        let router = try Router(Self.echoRegistrar(limits: .standard, log: log), interceptors: [Recording("a", log)])
        let big = echo(String(repeating: "x", count: RequestLimits.standard.maxBytes + 1))
        let error = await Self.failure(router, Methods.Host.Echo.unary.path, big)
        #expect(error?.code == .resourceExhausted)
        #expect(error?.details.first?.rule == "request.max_bytes")
        #expect(log.entries == ["a>", "<a RESOURCE_EXHAUSTED"])
    }

    @Test func aRefusingInterceptorWinsOverTheScreenSoTheCallerLearnsNoRuleOfTheMethod() async throws {
        let log = Log()
        let refusal = RPCError(.permissionDenied, "no", field: "", rule: "test.refused")
        let router = try Router(Self.echoRegistrar(limits: .standard, log: log), interceptors: [Refusing(refusal, log)])
        let big = echo(String(repeating: "x", count: RequestLimits.standard.maxBytes + 1))
        #expect(await Self.failure(router, Methods.Host.Echo.unary.path, big) == refusal)
        #expect(!log.entries.contains("handler"))
    }

    @Test func aPayloadThatIsNotTheMethodsMessageIsInvalidArgument() async throws {
        let log = Log()
        let router = try Router(Self.echoRegistrar(log: log))
        let error = await Self.failure(router, Methods.Host.Echo.unary.path, payload: Data([0xFF, 0xFF, 0xFF]))
        #expect(error?.code == .invalidArgument)
        #expect(error?.details.first?.rule == "payload.decode")
        #expect(error?.details.first?.field == "payload")
        #expect(log.entries.isEmpty)
    }

    // MARK: The host's authorization interceptor

    @Test func aMethodWithoutAPermissionIsOpenToAnonymousCallers() async throws {
        let router = try Self.authorizedRouter(revoked: [])
        try await Self.call(router, Methods.Host.Health.check.path, HealthCheckRequest())
    }

    @Test func aMethodWithAPermissionNeedsAKey() async throws {
        let router = try Self.authorizedRouter(revoked: [])
        let error = await Self.failure(router, Methods.Host.Echo.unary.path, echo("x"))
        #expect(error?.code == .unauthenticated)
        #expect(error?.details.first?.rule == "auth.key_required")
        #expect(error?.message.contains("echo.use") == true)
    }

    @Test func aKeyWithoutThePermissionIsDeniedAndOneWithItOrWithStarIsLetThrough() async throws {
        let router = try Self.authorizedRouter(revoked: [])
        let without = Principal(keyID: "k1", scopeUnitID: "u1", permissions: ["health.read"])
        let error = await Self.failure(router, Methods.Host.Echo.unary.path, echo("x"), principal: without)
        #expect(error?.code == .permissionDenied)
        #expect(error?.details.first?.rule == "auth.permission")
        #expect(error?.details.first?.values == ["permission": "echo.use"])

        for permissions: Set<String> in [["echo.use"], ["*"]] {
            let responses = Responses()
            try await Self.call(
                router, Methods.Host.Echo.unary.path, echo("x"),
                principal: Principal(keyID: "k2", scopeUnitID: "u1", permissions: permissions), responses: responses
            )
            #expect(responses.count == 1)
        }
    }

    @Test func aRevokedKeyIsRefusedEvenWhereNoPermissionIsNeeded() async throws {
        let router = try Self.authorizedRouter(revoked: ["k1"])
        let revoked = Principal(keyID: "k1", scopeUnitID: "u1", permissions: ["*"])
        for (path, request) in [(Methods.Host.Health.check.path, try HealthCheckRequest().serializedData()), (Methods.Host.Echo.unary.path, try echo("x").serializedData())] {
            let error = await Self.failure(router, path, payload: request, principal: revoked)
            #expect(error?.code == .unauthenticated)
            #expect(error?.details.first?.rule == "auth.key_revoked")
        }
    }

    // MARK: Helpers

    /// A registrar with the host's descriptors, built by `body` as the host with no permissions.
    private static func registrar(_ body: (inout ServiceRegistrar) -> Void) -> ServiceRegistrar {
        var registrar = ServiceRegistrar()
        registrar.addDescriptorSet(base64: WireProtoFiles.descriptorSetBase64)
        body(&registrar)
        return registrar
    }

    /// Echo/Unary answering with the request's payload, logging "handler" to `log`.
    private static func echoRegistrar(limits: RequestLimits = .bulk, log: Log = Log()) -> ServiceRegistrar {
        Self.registrar { registrar in
            registrar.addService("thidua.host.v1.Echo") { service in
                service.unary(Methods.Host.Echo.unary, limits: limits) { request, _ in
                    log.append("handler")
                    return .with { $0.payload = request.payload }
                }
            }
        }
    }

    /// Health/Check without a permission and Echo/Unary needing echo.use, behind the host's
    /// authorization interceptor; keys in `revoked` count as revoked.
    private static func authorizedRouter(revoked: Set<String>) throws -> Router {
        var registrar = ServiceRegistrar()
        registrar.addDescriptorSet(base64: WireProtoFiles.descriptorSetBase64)
        registrar.register(as: ServiceOwner(id: "host", permissions: ["echo.use"])) { registrar in
            registrar.addService("thidua.host.v1.Health") { service in
                service.unary(Methods.Host.Health.check) { _, _ in .with { $0.status = .serving } }
            }
            registrar.addService("thidua.host.v1.Echo") { service in
                service.unary(Methods.Host.Echo.unary, permission: "echo.use") { request, _ in .with { $0.payload = request.payload } }
            }
        }
        return try Router(registrar, interceptors: [AuthorizationInterceptor(authenticator: Keys(revoked: revoked))])
    }

    private static func routerError(_ registrar: ServiceRegistrar) -> String? {
        do {
            _ = try Router(registrar)
            return nil
        } catch {
            return "\(error)"
        }
    }

    private static func call(
        _ router: Router, _ path: String, _ request: some SwiftProtobuf.Message, callID: UInt64 = 1,
        metadata: [String: String] = [:], principal: Principal? = nil, responses: Responses = Responses()
    ) async throws {
        try await Self.call(router, path, payload: try request.serializedData(), callID: callID, metadata: metadata, principal: principal, responses: responses)
    }

    private static func call(
        _ router: Router, _ path: String, payload: Data, callID: UInt64 = 1,
        metadata: [String: String] = [:], principal: Principal? = nil, responses: Responses = Responses()
    ) async throws {
        let route = try #require(router.route(forPath: path))
        let context = CallContext(
            callID: callID,
            method: route.descriptor,
            metadata: metadata,
            deadline: nil,
            peer: Peer(clientName: "router-tests", remoteAddress: "in process", principal: principal),
            logger: Logger(label: "router-tests"),
            responder: responses
        )
        try await route.body(CallRequest(payload: payload), context)
    }

    /// The error the call failed with; nil (and a recorded issue) when it succeeded or threw
    /// something other than an ``RPCError``.
    private static func failure(
        _ router: Router, _ path: String, _ request: some SwiftProtobuf.Message, principal: Principal? = nil,
        responses: Responses = Responses(), sourceLocation: SourceLocation = #_sourceLocation
    ) async -> RPCError? {
        do {
            return await Self.failure(router, path, payload: try request.serializedData(), principal: principal, responses: responses, sourceLocation: sourceLocation)
        } catch {
            Issue.record("cannot encode the request: \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    private static func failure(
        _ router: Router, _ path: String, payload: Data, principal: Principal? = nil,
        responses: Responses = Responses(), sourceLocation: SourceLocation = #_sourceLocation
    ) async -> RPCError? {
        do {
            try await Self.call(router, path, payload: payload, principal: principal, responses: responses)
            Issue.record("expected the call to fail, but it succeeded", sourceLocation: sourceLocation)
            return nil
        } catch {
            // What the transport would send: the status the error maps to.
            return RPCError(mapping: error)
        }
    }
}

/// What a route sent, in order.
private final class Responses: CallResponder, Sendable {
    private let sent = Mutex<[Data]>([])

    func send(_ payload: Data) async throws {
        self.sent.withLock { $0.append(payload) }
    }

    var count: Int { self.sent.withLock { $0.count } }

    func decoded<Message: SwiftProtobuf.Message>(as _: Message.Type) throws -> [Message] {
        try self.sent.withLock { $0 }.map { try Message(serializedBytes: $0) }
    }
}

/// What the interceptors and handlers saw, in order.
private final class Log: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) {
        self.lines.withLock { $0.append(line) }
    }

    var entries: [String] { self.lines.withLock { $0 } }

    /// How an error reads in the log: a status name, or the type of anything else.
    static func describe(_ error: any Error) -> String {
        (error as? RPCError)?.code.name ?? "\(type(of: error))"
    }
}

/// Logs "name>" before the call and "<name" after it, with the status it failed with.
private struct Recording: CallInterceptor {
    let name: String
    let log: Log

    init(_ name: String, _ log: Log) {
        self.name = name
        self.log = log
    }

    func intercept(_ request: CallRequest, context: CallContext, next: CallBody) async throws {
        self.log.append("\(self.name)>")
        do {
            try await next(request, context)
            self.log.append("<\(self.name)")
        } catch {
            self.log.append("<\(self.name) \(Log.describe(error))")
            throw error
        }
    }
}

/// Refuses every call.
private struct Refusing: CallInterceptor {
    let error: RPCError
    let log: Log

    init(_ error: RPCError, _ log: Log) {
        self.error = error
        self.log = log
    }

    func intercept(_ request: CallRequest, context: CallContext, next: CallBody) async throws {
        self.log.append("refused")
        throw self.error
    }
}

/// Turns every error into the status the client gets, logging the ones that hide a bug.
private struct Mapping: CallInterceptor {
    let log: Log

    init(_ log: Log) {
        self.log = log
    }

    func intercept(_ request: CallRequest, context: CallContext, next: CallBody) async throws {
        do {
            try await next(request, context)
        } catch {
            if RPCError.isUnexpected(error) {
                self.log.append("unexpected \(type(of: error))")
            }
            throw RPCError(mapping: error)
        }
    }
}

/// Replaces the request with another Echo request and tags the logger with the call's id.
private struct Rewriting: CallInterceptor {
    func intercept(_ request: CallRequest, context: CallContext, next: CallBody) async throws {
        var request = request
        request.payload = try echo("rewritten").serializedData()
        var context = context
        context.logger[metadataKey: "call"] = "\(context.callID)"
        try await next(request, context)
    }
}

/// Keys as the host's authorization interceptor asks about them.
private struct Keys: HelloAuthenticator {
    let revoked: Set<String>

    func authenticate(_ hello: ClientHello, remoteAddress: String) throws(RPCError) -> Peer {
        Peer(clientName: hello.clientName, remoteAddress: remoteAddress, principal: nil)
    }

    func isRevoked(keyID: String) -> Bool {
        self.revoked.contains(keyID)
    }
}

/// A domain error that knows its status.
private struct Overbooked: RPCErrorConvertible {
    var rpcError: RPCError { RPCError(.resourceExhausted, "the hall is full", field: "seats", rule: "test.overbooked") }
}

/// An error no layer knows: a bug, whose text must not reach the client.
private struct Bug: Error, CustomStringConvertible {
    var description: String { "secret internal state" }
}
