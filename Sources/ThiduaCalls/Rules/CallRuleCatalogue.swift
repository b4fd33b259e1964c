import ThiduaWire

/// The rules of the call layer: what every request is screened for before a handler sees it,
/// and the permission checks of every key.
public enum CallRuleCatalogue {
    public static let all: [RuleDescription] = [
        RuleDescription(
            "request.max_bytes", .resourceExhausted,
            en: "The request of {bytes} bytes is larger than this method's limit of {limit} bytes",
            vi: "Yêu cầu dài {bytes} byte, vượt giới hạn {limit} byte của phương thức này"
        ),
        RuleDescription(
            "request.max_items", .resourceExhausted,
            en: "The request holds more than {limit} repeated items, the most this method allows",
            vi: "Yêu cầu có hơn {limit} phần tử lặp, vượt mức tối đa phương thức này cho phép"
        ),
        RuleDescription(
            "payload.decode", .invalidArgument,
            en: "The payload does not decode as the method's request message",
            vi: "Nội dung yêu cầu không giải mã được theo thông điệp yêu cầu của phương thức"
        ),
        RuleDescription(
            "field.max_items", .invalidArgument,
            en: "The field holds more than {limit} items, the most allowed",
            vi: "Trường này có hơn {limit} phần tử, vượt mức tối đa cho phép"
        ),
        RuleDescription(
            "field.max_bytes", .invalidArgument,
            en: "The text field holds {bytes} bytes; no text field takes more than {limit}",
            vi: "Trường văn bản dài {bytes} byte; không trường văn bản nào nhận quá {limit} byte"
        ),
        RuleDescription(
            "field.control_character", .invalidArgument,
            en: "Text may hold tabs and line breaks but no other control character",
            vi: "Văn bản chỉ được chứa ký tự tab và xuống dòng, không được chứa ký tự điều khiển nào khác"
        ),
        RuleDescription(
            "auth.key_required", .unauthenticated,
            en: "The method needs an API key",
            vi: "Phương thức này cần có khóa API"
        ),
        RuleDescription(
            "auth.key_revoked", .unauthenticated,
            en: "The API key was revoked; connect again with another key",
            vi: "Khóa API đã bị thu hồi; hãy kết nối lại bằng một khóa khác"
        ),
        RuleDescription(
            "auth.permission", .permissionDenied,
            en: "The key lacks the permission {permission}",
            vi: "Khóa API không có quyền {permission}"
        ),
    ]
}
