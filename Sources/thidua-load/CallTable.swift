/// The calls in flight on one connection: for each call id, when it was (meant to be) sent and
/// which method it used.
///
/// Ids grow by one per call, so a ring indexed by the id's low bits finds almost every call in one
/// step; a call that stays in flight while the ring wraps around moves to a dictionary.
struct CallTable {
    /// One call in flight.
    struct Entry: Equatable {
        var callID: UInt64
        /// Monotonic nanoseconds: the send time (closed loop) or intended send time (open loop).
        var startNanos: UInt64
        var method: Int
    }

    private var ring: [Entry]
    private let mask: Int
    private var overflow: [UInt64: Entry] = [:]
    private(set) var count = 0

    /// A table sized for `inFlight` calls at once.
    init(inFlight: Int) {
        var capacity = 64
        while capacity < inFlight * 8 { capacity <<= 1 }
        self.ring = Array(repeating: Entry(callID: 0, startNanos: 0, method: 0), count: capacity)
        self.mask = capacity - 1
    }

    /// Adds a call; ids must be non-zero.
    @inline(__always)
    mutating func insert(_ entry: Entry) {
        let slot = Int(truncatingIfNeeded: entry.callID) & self.mask
        if self.ring[slot].callID != 0 {
            let displaced = self.ring[slot]
            self.overflow[displaced.callID] = displaced
        }
        self.ring[slot] = entry
        self.count += 1
    }

    /// Removes and returns the call `callID`, or nil when it is not in flight.
    @inline(__always)
    mutating func remove(_ callID: UInt64) -> Entry? {
        let slot = Int(truncatingIfNeeded: callID) & self.mask
        if self.ring[slot].callID == callID && callID != 0 {
            let entry = self.ring[slot]
            self.ring[slot].callID = 0
            self.count -= 1
            return entry
        }
        guard let entry = self.overflow.removeValue(forKey: callID) else { return nil }
        self.count -= 1
        return entry
    }

    /// Removes and returns every call still in flight.
    mutating func removeAll() -> [Entry] {
        var all = Array(self.overflow.values)
        for index in self.ring.indices where self.ring[index].callID != 0 {
            all.append(self.ring[index])
            self.ring[index].callID = 0
        }
        self.overflow.removeAll()
        self.count = 0
        return all
    }
}
