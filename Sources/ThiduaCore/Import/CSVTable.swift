import Foundation

/// A CSV file (RFC 4180: quoted fields may hold commas, quotes written twice, and newlines), read
/// into records that remember the line they started on.
struct CSVTable {
    struct Record {
        /// 1-based line of the file where the record starts.
        let line: Int
        let fields: [String]
    }

    /// Column names from the header, lower-cased and trimmed.
    let header: [String]
    let records: [Record]

    struct SyntaxError: Error {
        let line: Int
        let message: String
    }

    init(utf8 data: Data) throws(SyntaxError) {
        guard var text = String(data: data, encoding: .utf8) else {
            throw SyntaxError(line: 1, message: "the file is not UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var afterQuote = false
        var characters = text.makeIterator()
        var pending: Character?
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
        }
        while let character = pending ?? characters.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        inQuotes = false
                        afterQuote = true
                        pending = next
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case ",":
                fields.append(field)
                field = ""
                afterQuote = false
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
                afterQuote = false
            case "\"" where field.isEmpty && !afterQuote:
                inQuotes = true
            default:
                if afterQuote {
                    throw SyntaxError(line: line, message: "text follows a closing quote; a quote inside a quoted field is written twice")
                }
                if character == "\"" {
                    throw SyntaxError(line: line, message: "a quote inside an unquoted field; quote the whole field")
                }
                field.append(character)
            }
        }
        if inQuotes {
            throw SyntaxError(line: recordLine, message: "a quoted field is not closed")
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        guard let first = records.first else {
            throw SyntaxError(line: 1, message: "the file is empty; it needs a header line")
        }
        self.header = first.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        self.records = Array(records.dropFirst())
    }

    /// The index of each required column, or an error naming the missing ones.
    func columns(_ required: [String]) throws(SyntaxError) -> [String: Int] {
        var indexes: [String: Int] = [:]
        for name in required {
            guard let index = self.header.firstIndex(of: name) else {
                throw SyntaxError(
                    line: 1,
                    message: "the header lacks the column \"\(name)\"; it must name \(required.joined(separator: ","))"
                )
            }
            indexes[name] = index
        }
        return indexes
    }
}
