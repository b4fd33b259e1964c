import ThiduaWire

extension StatusCode {
    /// What the status means, for a refusal that names no rule (a deadline, a cancellation, a
    /// server shutting down) when the client reads `language`. OK ends no call with a refusal: it
    /// is the code of a GoAway that closes a connection in good order.
    public func summary(in language: Language) -> String {
        switch language {
        case .english: self.englishSummary
        case .vietnamese: self.vietnameseSummary
        }
    }

    private var englishSummary: String {
        switch self {
        case .ok: "The connection is closing; open another for new calls"
        case .cancelled: "The call was cancelled"
        case .invalidArgument: "The request is malformed"
        case .deadlineExceeded: "The call's deadline passed before it finished"
        case .notFound: "What the request names does not exist"
        case .alreadyExists: "It exists already"
        case .permissionDenied: "The key may not do this here"
        case .resourceExhausted: "A limit of the server was reached; try again later"
        case .failedPrecondition: "The request is not allowed in the current state"
        case .aborted: "A concurrent change conflicted with the call; try again"
        case .outOfRange: "A value is out of range"
        case .unimplemented: "This server does not offer the method"
        case .internal: "The server failed to handle the call"
        case .unavailable: "The server is unavailable; try again on another connection"
        case .unauthenticated: "The call needs a valid API key"
        default: "The call failed"
        }
    }

    private var vietnameseSummary: String {
        switch self {
        case .ok: "Kết nối đang được đóng; hãy mở kết nối khác cho các lời gọi mới"
        case .cancelled: "Lời gọi đã bị hủy"
        case .invalidArgument: "Yêu cầu không hợp lệ"
        case .deadlineExceeded: "Đã hết thời hạn trước khi lời gọi hoàn thành"
        case .notFound: "Đối tượng được nêu trong yêu cầu không tồn tại"
        case .alreadyExists: "Đối tượng đã tồn tại"
        case .permissionDenied: "Khóa API không có quyền thực hiện việc này tại đây"
        case .resourceExhausted: "Máy chủ đã đạt giới hạn; vui lòng thử lại sau"
        case .failedPrecondition: "Yêu cầu không được phép ở trạng thái hiện tại"
        case .aborted: "Lời gọi xung đột với một thay đổi đồng thời; vui lòng thử lại"
        case .outOfRange: "Giá trị nằm ngoài phạm vi cho phép"
        case .unimplemented: "Máy chủ không cung cấp phương thức này"
        case .internal: "Máy chủ gặp lỗi khi xử lý lời gọi"
        case .unavailable: "Máy chủ tạm thời không phục vụ; vui lòng thử lại trên kết nối khác"
        case .unauthenticated: "Lời gọi cần một khóa API hợp lệ"
        default: "Lời gọi không thành công"
        }
    }
}
