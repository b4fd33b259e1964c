import SwiftProtobuf

extension SQLRow {
    /// The message whose fields hold this row's columns of the same names, the `.proto`'s field
    /// names (`campaign_id`): for a table that mirrors the message it is served as, one line
    /// instead of a copy per field.
    ///
    /// Text, integers and reals go into the fields so named (an integer sets an enum by its
    /// number); NULL leaves a field unset; a column the message has no field for is passed over.
    /// Not copied, so set them yourself: `id`, which holds the row number where the message holds
    /// the wire id, and the columns in `skipping` (another entity's row number, a 0/1 flag).
    public func message<Message: SwiftProtobuf.Message>(_ type: Message.Type = Message.self, skipping: Set<String> = []) throws -> Message {
        var names: [String] = []
        var values: [SQLValue] = []
        for (name, value) in zip(self.columns.names, self.values) where name != "id" && !skipping.contains(name) {
            names.append(name)
            values.append(value)
        }
        var options = JSONDecodingOptions()
        options.ignoreUnknownFields = true
        do {
            return try Message(jsonString: JSONText.object(names: names, values: values), options: options)
        } catch {
            throw StorageError("the row (\(names.joined(separator: ", "))) does not fit \(Message.protoMessageName): \(error)")
        }
    }
}
