import Testing
@testable import ThiduaHost
import ThiduaWire

@Suite struct ConnectionStateMachineTests {
    private func hello(version: UInt32 = WireProtocol.version) -> ClientHello {
        ClientHello.with { $0.protocolVersion = version }
    }

    private func openMachine(maxCalls: Int = 2) -> ConnectionStateMachine {
        var machine = ConnectionStateMachine(maxConcurrentCalls: maxCalls)
        #expect(machine.receivedHello(self.hello()) == .acceptHello)
        return machine
    }

    @Test func requiresTheHelloFirst() {
        var machine = ConnectionStateMachine(maxConcurrentCalls: 1)
        guard case .goAwayAndClose(_, .invalidArgument, _, "handshake.first") = machine.receivedRequest(callID: 1) else {
            Issue.record("a request before the hello must close the connection")
            return
        }
        #expect(machine.phase == .closed)
        #expect(machine.receivedRequest(callID: 2) == .none, "nothing is processed after closing")
    }

    @Test func refusesAnotherProtocolVersion() {
        var machine = ConnectionStateMachine(maxConcurrentCalls: 1)
        guard case .goAwayAndClose(_, .failedPrecondition, let message, "handshake.protocol_version") =
            machine.receivedHello(self.hello(version: 2))
        else {
            Issue.record("version 2 must be refused")
            return
        }
        #expect(message.contains("version 2"))
    }

    @Test func refusesASecondHello() {
        var machine = self.openMachine()
        guard case .goAwayAndClose(_, .invalidArgument, _, "handshake.once") = machine.receivedHello(self.hello()) else {
            Issue.record("a second hello is a violation")
            return
        }
    }

    @Test func requiresIncreasingCallIDs() {
        var machine = self.openMachine()
        #expect(machine.receivedRequest(callID: 5) == .startCall(callID: 5))
        guard case .goAwayAndClose(5, .invalidArgument, _, "call.id_increasing") = machine.receivedRequest(callID: 5) else {
            Issue.record("a reused call id is a violation")
            return
        }
    }

    @Test func refusesCallsOverTheConcurrencyLimitAndAcceptsThemAgainLater() {
        var machine = self.openMachine(maxCalls: 2)
        #expect(machine.receivedRequest(callID: 1) == .startCall(callID: 1))
        #expect(machine.receivedRequest(callID: 2) == .startCall(callID: 2))
        guard case .refuseCall(3, .resourceExhausted, _) = machine.receivedRequest(callID: 3) else {
            Issue.record("the third call must be refused")
            return
        }
        #expect(machine.callEnded() == .none)
        #expect(machine.receivedRequest(callID: 4) == .startCall(callID: 4))
        #expect(machine.callsInFlight == 2)
    }

    @Test func drainFinishesAcceptedCallsAndRefusesNewOnes() {
        var machine = self.openMachine(maxCalls: 10)
        #expect(machine.receivedRequest(callID: 1) == .startCall(callID: 1))
        #expect(machine.receivedRequest(callID: 2) == .startCall(callID: 2))
        #expect(machine.beginDrain() == .sendGoAway(lastCallID: 2, code: .ok, message: "the server is shutting down"))
        guard case .refuseCall(3, .unavailable, _) = machine.receivedRequest(callID: 3) else {
            Issue.record("a call after the GoAway must get UNAVAILABLE")
            return
        }
        #expect(machine.callEnded() == .none)
        #expect(machine.callEnded() == .close, "the connection closes when the last accepted call ends")
    }

    @Test func drainOfAnIdleConnectionClosesAtOnce() {
        var machine = self.openMachine()
        guard case .goAwayAndClose(0, .ok, _, _) = machine.beginDrain() else {
            Issue.record("an idle connection closes on drain")
            return
        }
    }

    @Test func handshakeTimeoutOnlyBeforeTheHello() {
        var waiting = ConnectionStateMachine(maxConcurrentCalls: 1)
        guard case .goAwayAndClose(_, .deadlineExceeded, _, "handshake.timeout") = waiting.handshakeTimedOut(milliseconds: 5) else {
            Issue.record("no hello in time closes the connection")
            return
        }
        var open = self.openMachine()
        #expect(open.handshakeTimedOut(milliseconds: 5) == .none)
    }

    @Test func idleTimeoutOnlyWithoutCallsInFlight() {
        var machine = self.openMachine()
        #expect(machine.receivedRequest(callID: 1) == .startCall(callID: 1))
        #expect(machine.idleTimedOut() == .none)
        _ = machine.callEnded()
        guard case .goAwayAndClose(_, .ok, _, _) = machine.idleTimedOut() else {
            Issue.record("an idle connection is closed")
            return
        }
    }

    @Test func clientsMayNotSendServerFrames() {
        var machine = self.openMachine()
        guard case .goAwayAndClose(_, .invalidArgument, _, "frame.direction") = machine.receivedServerFrame(kind: "GoAway") else {
            Issue.record("server-only frames from a client are a violation")
            return
        }
    }

    @Test func pingsAreAnsweredOnceOpen() {
        var machine = self.openMachine()
        #expect(machine.receivedPing(opaque: 99) == .sendPong(opaque: 99))
    }
}
