import Foundation
import Testing
import ThiduaHost
import ThiduaModuleKit

/// Settings read from the JSON configuration file.
@Suite struct ServerConfigurationTests {
    func configuration(from json: String) throws -> ServerConfiguration {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-config-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var configuration = ServerConfiguration()
        try configuration.apply(jsonFile: file.path)
        return configuration
    }

    /// The root unit's start date: 28 July 1929 unless the file says otherwise, and only a real
    /// date written YYYY-MM-DD.
    @Test func theRootsFoundingDateIsASettingWithTheTradeUnionsFoundingDayAsDefault() throws {
        #expect(ServerConfiguration().rootFoundedOn == CalendarDate(year: 1929, month: 7, day: 28))
        #expect(try self.configuration(from: #"{"port": 7000}"#).rootFoundedOn.description == "1929-07-28")
        #expect(try self.configuration(from: #"{"rootFoundedOn": "1946-01-01"}"#).rootFoundedOn.description == "1946-01-01")
        for bad in [#""28/07/1929""#, #""1929-02-30""#, "1929"] {
            #expect {
                _ = try self.configuration(from: "{\"rootFoundedOn\": \(bad)}")
            } throws: { error in
                "\(error)".contains("rootFoundedOn")
            }
        }
    }
}
