import NIOCore

/// The serial executor of a connection's calls: its event loop, plus the answer SwiftNIO's own
/// executor does not give (2.101 implements `checkIsolated` but not `isIsolatingCurrentContext`),
/// namely whether code runs on that loop right now.
///
/// With that answer Swift's runtime can start a call's task at once, inside the read that brought
/// the request (`Task.immediate`), instead of queueing it for a later turn of the loop.
final class CallExecutor: SerialExecutor {
    let eventLoop: any EventLoop

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        self.eventLoop.execute {
            job.runSynchronously(on: self.asUnownedSerialExecutor())
        }
    }

    func isIsolatingCurrentContext() -> Bool? {
        self.eventLoop.inEventLoop
    }

    func checkIsolated() {
        self.eventLoop.preconditionInEventLoop()
    }
}
