import ThiduaModuleKit
import TwoGoodsAPI

/// Checks of a school's collective result for a round. Pure.
enum SchoolResultRules {
    static let classifications: [SchoolClassification] = [.outstanding, .good, .completed, .notCompleted]

    /// The result with its note trimmed: a known classification (rule `field.enum`), and counts
    /// that nest (INVALID_ARGUMENT, rule `two_goods.result_counts`): the excellent pupils are
    /// among those who passed, who are among the pupils.
    static func check(_ result: SchoolRoundResult, field: String) throws(RPCError) -> SchoolRoundResult {
        let classification = try Fields.known(result.classification, among: Self.classifications, field: "\(field).classification")
        guard result.studentsPassed <= result.students else {
            throw RPCError(
                .invalidArgument,
                "\(field).students_passed (\(result.studentsPassed)) exceeds \(field).students (\(result.students))",
                field: "\(field).students_passed",
                rule: "two_goods.result_counts"
            )
        }
        guard result.studentsExcellent <= result.studentsPassed else {
            throw RPCError(
                .invalidArgument,
                "\(field).students_excellent (\(result.studentsExcellent)) exceeds \(field).students_passed (\(result.studentsPassed)): excellent pupils are among those who passed",
                field: "\(field).students_excellent",
                rule: "two_goods.result_counts"
            )
        }
        let note = try Fields.optionalText(result.note, field: "\(field).note", maxLength: 500) ?? ""
        var checked = result
        checked.classification = classification
        checked.note = note
        return checked
    }
}
