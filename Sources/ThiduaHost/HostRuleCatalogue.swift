import ThiduaCalls
import ThiduaWire

/// The rules of the host: the framing, the handshake and the life of a connection, and the
/// built-in services.
public enum HostRuleCatalogue {
    public static let all: [RuleDescription] = framing + handshake + connection + builtInServices

    static let framing: [RuleDescription] = [
        RuleDescription(
            "frame.max_bytes", .resourceExhausted,
            en: "A frame is larger than the limit in force",
            vi: "Khung dữ liệu vượt quá kích thước tối đa đang áp dụng"
        ),
        RuleDescription(
            "frame.timeout", .deadlineExceeded,
            en: "A frame's bytes did not all arrive within the frame deadline",
            vi: "Khung dữ liệu không đến đủ trong thời hạn dành cho một khung"
        ),
        RuleDescription(
            "frame.decode", .invalidArgument,
            en: "A frame does not decode as thidua.wire.v1.Frame",
            vi: "Khung dữ liệu không giải mã được thành thidua.wire.v1.Frame"
        ),
        RuleDescription(
            "frame.kind", .invalidArgument,
            en: "A frame sets no kind this protocol version knows",
            vi: "Khung dữ liệu không thuộc loại nào mà phiên bản giao thức này biết"
        ),
        RuleDescription(
            "frame.truncated", .invalidArgument,
            en: "The connection closed in the middle of a frame",
            vi: "Kết nối bị đóng khi một khung dữ liệu còn đang truyền dở"
        ),
        RuleDescription(
            "frame.direction", .invalidArgument,
            en: "The client sent a frame that only a server may send",
            vi: "Máy khách đã gửi loại khung mà chỉ máy chủ mới được gửi"
        ),
    ]

    static let handshake: [RuleDescription] = [
        RuleDescription(
            "handshake.first", .invalidArgument,
            en: "The first frame of a connection must be a ClientHello",
            vi: "Khung đầu tiên của một kết nối phải là ClientHello"
        ),
        RuleDescription(
            "handshake.once", .invalidArgument,
            en: "A connection sends one ClientHello only",
            vi: "Mỗi kết nối chỉ được gửi một ClientHello"
        ),
        RuleDescription(
            "handshake.protocol_version", .failedPrecondition,
            en: "The protocol version of the ClientHello is not supported",
            vi: "Phiên bản giao thức trong ClientHello không được hỗ trợ"
        ),
        RuleDescription(
            "handshake.timeout", .deadlineExceeded,
            en: "No ClientHello arrived in time",
            vi: "Không nhận được ClientHello trong thời hạn"
        ),
        RuleDescription(
            "handshake.credentials", .unauthenticated,
            en: "The credentials of the ClientHello were refused",
            vi: "Thông tin xác thực trong ClientHello bị từ chối"
        ),
    ]

    static let connection: [RuleDescription] = [
        RuleDescription(
            "call.id_increasing", .invalidArgument,
            en: "A call id must be greater than every call id sent before on the connection",
            vi: "Mã lời gọi phải lớn hơn mọi mã lời gọi đã gửi trước đó trên kết nối"
        ),
        RuleDescription(
            "call.method_known", .unimplemented,
            en: "The method {method} is not offered by this server",
            vi: "Máy chủ không cung cấp phương thức {method}"
        ),
        RuleDescription(
            "server.max_connections", .resourceExhausted,
            en: "The server holds the most connections it allows; try again later",
            vi: "Máy chủ đã đạt số kết nối tối đa; vui lòng thử lại sau"
        ),
        RuleDescription(
            "connection.request_bytes", .resourceExhausted,
            en: "The calls in flight on this connection hold the most request bytes allowed; wait for answers before sending more",
            vi: "Các lời gọi đang xử lý trên kết nối này đã giữ lượng dữ liệu yêu cầu tối đa; hãy chờ phản hồi rồi mới gửi thêm"
        ),
        RuleDescription(
            "server.request_bytes", .resourceExhausted,
            en: "The server holds the most request bytes it takes at once; try again shortly",
            vi: "Máy chủ đang giữ lượng dữ liệu yêu cầu tối đa cùng lúc; vui lòng thử lại sau giây lát"
        ),
    ]

    static let builtInServices: [RuleDescription] = [
        RuleDescription(
            "health.service_known", .notFound,
            en: "The service {service} is not offered by this server",
            vi: "Máy chủ không cung cấp dịch vụ {service}"
        ),
        RuleDescription(
            "reflection.service_known", .notFound,
            en: "The service {service} is not offered by this server",
            vi: "Máy chủ không cung cấp dịch vụ {service}"
        ),
        RuleDescription(
            "echo.delay_ms.max", .invalidArgument,
            en: "The delay of {value} ms is more than the most allowed, {limit} ms",
            vi: "Độ trễ {value} ms vượt mức tối đa {limit} ms"
        ),
        RuleDescription(
            "echo.count.max", .invalidArgument,
            en: "The count of {value} is more than the most allowed, {limit}",
            vi: "Số lần lặp {value} vượt mức tối đa {limit}"
        ),
        RuleDescription(
            "echo.interval_ms.max", .invalidArgument,
            en: "The interval of {value} ms is more than the most allowed, {limit} ms",
            vi: "Khoảng cách {value} ms giữa hai lần vượt mức tối đa {limit} ms"
        ),
    ]
}
