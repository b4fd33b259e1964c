import ThiduaModuleKit

/// The module's kinds of entity on the wire: "tp17" is participation 17, "tr17" a teacher's
/// record, "tc17" a commendation.
enum TwoGoodsID {
    static let participation = EntityKind(prefix: "tp", noun: "participation", rule: "two_goods.participation_exists")
    static let teacherRecord = EntityKind(prefix: "tr", noun: "teacher record", rule: "two_goods.teacher_record_exists")
    static let commendation = EntityKind(prefix: "tc")
}
