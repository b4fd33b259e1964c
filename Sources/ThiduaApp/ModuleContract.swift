import Foundation
import ThiduaCore
import ThiduaHost
import ThiduaModuleKit

/// What every campaign module promises, checked before anything starts: its id namespaces its
/// permissions (`<id>.<action>`), its rules (`<id>.<rule>`, see ModuleContract+Rules.swift) and
/// the tables, indexes, views and triggers its migrations create (`<id>_…`); no two modules claim
/// one id, one permission or one rule. The registrar checks the rest when the services register:
/// services in `thidua.<id>.v1`, and each method's permission one the module declared.
enum ModuleContract {
    /// Ids the host and the core use.
    static let reservedIDs: Set<String> = ["core", "host", "wire"]

    static func check(_ modules: [any CampaignModule]) throws {
        var problems: [String] = []
        var ids: Set<String> = []
        var permissionOwners: [String: String] = Dictionary(uniqueKeysWithValues: Core.permissions.map { ($0.name, "core") })
        var ruleOwners = Self.serverRuleOwners
        for module in modules {
            let id = module.id
            if !Self.isValidID(id) {
                problems.append("module id \"\(id)\" must be 2 to 32 characters of a-z, 0-9 and _, starting with a letter")
            }
            if Self.reservedIDs.contains(id) {
                problems.append("module id \"\(id)\" is reserved for the server itself")
            }
            if !ids.insert(id).inserted {
                problems.append("two modules claim the id \"\(id)\"")
            }
            for permission in module.permissions.map(\.name) {
                let action = permission.dropFirst(id.count + 1)
                if !permission.hasPrefix("\(id).") || action.isEmpty || !action.allSatisfy(Self.isNameCharacter) {
                    problems.append("\(id) declares the permission \"\(permission)\"; its permissions are named \"\(id).<action>\"")
                }
                if let owner = permissionOwners[permission] {
                    problems.append("\(id) and \(owner) both declare the permission \"\(permission)\"")
                }
                permissionOwners[permission] = id
            }
            problems += Self.ruleProblems(of: module, owners: &ruleOwners)
            for migration in module.migrations {
                for object in Self.createdObjects(in: migration.sql) where !object.name.hasPrefix("\(id)_") {
                    problems.append(
                        "\(id)'s migration \(migration.id) creates the \(object.kind) \(object.name); a module's names start with \"\(id)_\""
                    )
                }
            }
        }
        guard problems.isEmpty else {
            throw ConfigurationError("a campaign module breaks the module contract:\n  " + problems.joined(separator: "\n  "))
        }
    }

    static func isValidID(_ id: String) -> Bool {
        (2...32).contains(id.count) && id.first.map { $0.isASCII && $0.isLowercase } == true && id.allSatisfy(Self.isNameCharacter)
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLowercase || character.isNumber || character == "_")
    }

    /// The schema objects a migration's SQL creates: "CREATE [UNIQUE] TABLE|INDEX|VIEW|TRIGGER
    /// [IF NOT EXISTS] name".
    static func createdObjects(in sql: String) -> [(kind: String, name: String)] {
        let words = sql.split(whereSeparator: { $0.isWhitespace || $0 == "(" || $0 == ";" }).map { $0.lowercased() }
        var objects: [(String, String)] = []
        var index = 0
        while index < words.count {
            defer { index += 1 }
            guard words[index] == "create" else { continue }
            var next = index + 1
            while next < words.count, ["unique", "temp", "temporary", "virtual"].contains(words[next]) { next += 1 }
            guard next < words.count, ["table", "index", "view", "trigger"].contains(words[next]) else { continue }
            let kind = words[next]
            next += 1
            if next + 2 < words.count, words[next] == "if", words[next + 1] == "not", words[next + 2] == "exists" { next += 3 }
            guard next < words.count else { continue }
            objects.append((kind, words[next].trimmingCharacters(in: CharacterSet(charactersIn: "\"`[]"))))
        }
        return objects
    }
}
