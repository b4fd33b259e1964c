import ThiduaModuleKit

extension CoreRuleCatalogue {
    /// Keys, the handshake's credentials, scopes and idempotency.
    static let access: [RuleDescription] = [
        RuleDescription(
            "handshake.api_key", .unauthenticated,
            en: "The API key is not valid",
            vi: "Khóa API không hợp lệ"
        ),
        RuleDescription(
            "handshake.api_key_revoked", .unauthenticated,
            en: "The API key was revoked",
            vi: "Khóa API đã bị thu hồi"
        ),
        RuleDescription(
            "key.exists", .notFound,
            en: "The key does not exist",
            vi: "Khóa API không tồn tại"
        ),
        RuleDescription(
            "key.permission_known", .invalidArgument,
            en: "{permission} is not a permission of this server",
            vi: "{permission} không phải là một quyền của máy chủ này"
        ),
        RuleDescription(
            "key.no_escalation", .permissionDenied,
            en: "A key cannot grant the permission {permission}, which it does not hold",
            vi: "Khóa API không thể cấp quyền {permission} mà chính nó không có"
        ),
        RuleDescription(
            "key.revoked_once", .failedPrecondition,
            en: "The key is already revoked",
            vi: "Khóa API này đã bị thu hồi trước đó"
        ),
        RuleDescription(
            "scope.subtree", .permissionDenied,
            en: "The key may act only on its own unit and the units below it",
            vi: "Khóa API chỉ được thao tác trên đơn vị của mình và các đơn vị cấp dưới"
        ),
        RuleDescription(
            "scope.root", .permissionDenied,
            en: "This is managed with a key on the root unit of the organisation",
            vi: "Việc này chỉ được thực hiện bằng khóa API của đơn vị cấp cao nhất"
        ),
        RuleDescription(
            "idempotency.key_reused", .failedPrecondition,
            en: "The idempotency key was already used for a different request",
            vi: "Khóa chống gửi trùng (idempotency-key) này đã được dùng cho một yêu cầu khác"
        ),
        RuleDescription(
            "idempotency.key_length", .invalidArgument,
            en: "An idempotency key is 1 to {limit} bytes long",
            vi: "Khóa chống gửi trùng (idempotency-key) phải dài từ 1 đến {limit} byte"
        ),
    ]
}
