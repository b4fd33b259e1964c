/// One SQL statement with its values bound, written as a string with the values interpolated:
///
///     try db.fetchOne("SELECT * FROM innovation_initiative WHERE id = \(row)")
///     try db.fetchAll("SELECT * FROM innovation_author WHERE initiative_id IN \(list: rows)")
///
/// Interpolated values are never spliced into the text: each becomes a bound parameter, so no
/// value can change the statement. Write SQL that SQLite and PostgreSQL both run (see
/// docs/MODULES.md, "Storage"); each backend renders the placeholders its own way.
public struct SQLQuery: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// What one placeholder binds.
    public enum Binding: Sendable, Hashable {
        /// One value, written `?` in ``text``.
        case value(SQLValue)
        /// A list for `IN`, written ``SQLQuery/listPlaceholder`` in ``text``.
        case list([SQLValue])
    }

    /// Stands in ``text`` for a list's placeholder, which each backend writes its own way.
    public static let listPlaceholder = "\u{1}"

    /// The statement, with `?` for each bound value and ``listPlaceholder`` for each list.
    public private(set) var text: String
    /// The bound values, in the order of their placeholders.
    public private(set) var bindings: [Binding]
    /// Whether any binding is a list: backends that rewrite lists look only then.
    public private(set) var hasLists: Bool

    public init(stringLiteral value: String) {
        self.text = value
        self.bindings = []
        self.hasLists = false
    }

    public init(stringInterpolation: StringInterpolation) {
        self = stringInterpolation.query
    }

    /// Appends `other`, with its bindings.
    public mutating func append(_ other: SQLQuery) {
        self.text += other.text
        self.bindings += other.bindings
        self.hasLists = self.hasLists || other.hasLists
    }

    public static func + (lhs: SQLQuery, rhs: SQLQuery) -> SQLQuery {
        var joined = lhs
        joined.append(rhs)
        return joined
    }

    /// `parts` joined by `separator`, such as conditions joined by " AND ".
    public static func joined(_ parts: [SQLQuery], separator: String) -> SQLQuery {
        var joined: SQLQuery = ""
        for (index, part) in parts.enumerated() {
            if index > 0 { joined.text += separator }
            joined.append(part)
        }
        return joined
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var query: SQLQuery = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            self.query.text.reserveCapacity(literalCapacity + interpolationCount)
            self.query.bindings.reserveCapacity(interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            self.query.text += literal
        }

        /// A bound value.
        public mutating func appendInterpolation(_ value: some SQLValueConvertible) {
            self.query.text += "?"
            self.query.bindings.append(.value(value.sqlValue))
        }

        /// A bound value that may be NULL. (Its own overload: the compiler warns when an optional
        /// meets a generic interpolation.)
        public mutating func appendInterpolation<Value: SQLValueConvertible>(_ value: Value?) {
            self.query.text += "?"
            self.query.bindings.append(.value(value.sqlValue))
        }

        /// A list of values for `IN`, such as `unit_id IN \(list: unitIDs)`; any length, one
        /// statement text.
        public mutating func appendInterpolation<Values: Sequence>(list values: Values) where Values.Element: SQLValueConvertible {
            self.query.text += SQLQuery.listPlaceholder
            self.query.bindings.append(.list(values.map(\.sqlValue)))
            self.query.hasLists = true
        }

        /// A fragment built elsewhere, with its bindings.
        public mutating func appendInterpolation(_ fragment: SQLQuery) {
            self.query.append(fragment)
        }

        /// Trusted SQL text, such as a column name chosen from a fixed set: never a value that
        /// came from a request.
        public mutating func appendInterpolation(trusted text: String) {
            self.query.text += text
        }
    }
}
