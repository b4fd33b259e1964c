import ThiduaModuleKit

/// A subtree split into the units directly below its root, each with everything under it.
struct SubtreeBuckets {
    let root: UnitReference
    /// In the order the core listed them: the organisation tree's.
    let children: [UnitReference]
    private let bucketByUnit: [String: String]

    /// - Parameter units: the subtree, as `CoreAccess.units(under:in:)` lists it.
    init(units: [UnitReference], rootID: String) throws {
        guard let root = units.first(where: { $0.id == rootID }) else {
            throw RPCError(.notFound, "unit \(rootID) does not exist", field: "unit_id", rule: "unit.exists")
        }
        self.root = root
        self.children = units.filter { $0.parentID == rootID }
        let parentByUnit = Dictionary(units.map { ($0.id, $0.parentID) }, uniquingKeysWith: { first, _ in first })
        var buckets: [String: String] = [rootID: rootID]
        for child in self.children { buckets[child.id] = child.id }
        for unit in units where buckets[unit.id] == nil {
            var path: [String] = []
            var current: String? = unit.id
            while let id = current, buckets[id] == nil, path.count <= units.count {
                path.append(id)
                current = parentByUnit[id] ?? nil
            }
            guard let id = current, let bucket = buckets[id] else { continue }
            for step in path { buckets[step] = bucket }
        }
        self.bucketByUnit = buckets
    }

    /// The ids tallies are kept for: the root and each child.
    var bucketIDs: [String] { [self.root.id] + self.children.map(\.id) }

    /// The child of the root `unitID` lies under, the root itself for the root, nil outside.
    func bucket(of unitID: String) -> String? { self.bucketByUnit[unitID] }
}
