#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU time of this process (getrusage) and of another one (/proc/PID/stat on Linux).
public enum CPUClock {
    /// User plus system CPU seconds this process has used so far.
    public static func ownSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// User plus system CPU seconds process `pid` has used so far, from /proc/PID/stat; nil where
    /// that file cannot be read.
    public static func processSeconds(pid: Int32) -> Double? {
        guard let text = readFile("/proc/\(pid)/stat") else { return nil }
        return parseProcStat(text)
    }

    /// utime + stime (fields 14 and 15) of a /proc/PID/stat line, in seconds. The command name in
    /// field 2 may hold spaces and parentheses, so fields are counted from its closing ')'.
    public static func parseProcStat(_ text: String) -> Double? {
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // fields[0] is field 3 (state); utime is field 14, stime field 15.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    private static func readFile(_ path: String) -> String? {
        guard let file = fopen(path, "r") else { return nil }
        defer { fclose(file) }
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = fread(&bytes, 1, bytes.count, file)
        return String(decoding: bytes[..<count], as: UTF8.self)
    }
}
