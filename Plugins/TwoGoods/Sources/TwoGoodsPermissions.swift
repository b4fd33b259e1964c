import ThiduaModuleKit

/// The permissions of the module's methods.
public enum TwoGoodsPermissions {
    public static let read = "two_goods.read"
    public static let write = "two_goods.write"
    public static let review = "two_goods.review"
    public static let commend = "two_goods.commend"
    public static let manage = "two_goods.manage"
    /// The core's permission to grant awards, which a commendation also needs.
    public static let awardsGrant = "awards.grant"

    static let all: [PermissionDescription] = [
        PermissionDescription(read, "see the schools taking part in two-goods teaching, teacher records, commendations and the school-year report"),
        PermissionDescription(write, "enrol schools, record their collective results and their teachers' records"),
        PermissionDescription(review, "hold the interim and final reviews of the rounds of the schools below the key's unit"),
        PermissionDescription(commend, "grant the yearly two-goods commendations of schools and teachers"),
        PermissionDescription(manage, "set the rule sets of two-goods teaching, from the root of the tree"),
    ]
}
