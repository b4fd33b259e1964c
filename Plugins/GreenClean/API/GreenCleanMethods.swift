/// The full paths of the module's methods, for clients: `client.unary(GreenCleanMethods.registerUnit, request)`.
public enum GreenCleanMethods {
    public static let listSheets = "thidua.green_clean.v1.Sheets/ListSheets"
    public static let getSheet = "thidua.green_clean.v1.Sheets/GetSheet"
    public static let defineSheet = "thidua.green_clean.v1.Sheets/DefineSheet"

    public static let registerUnit = "thidua.green_clean.v1.Registrations/RegisterUnit"
    public static let getRegistration = "thidua.green_clean.v1.Registrations/GetRegistration"
    public static let listRegistrations = "thidua.green_clean.v1.Registrations/ListRegistrations"
    public static let selfAssess = "thidua.green_clean.v1.Registrations/SelfAssess"
    public static let submit = "thidua.green_clean.v1.Registrations/Submit"
    public static let returnForFixes = "thidua.green_clean.v1.Registrations/ReturnForFixes"
    public static let appraise = "thidua.green_clean.v1.Registrations/Appraise"
    public static let proposeRecognition = "thidua.green_clean.v1.Registrations/ProposeRecognition"
    public static let recognise = "thidua.green_clean.v1.Registrations/Recognise"
    public static let declineRecognition = "thidua.green_clean.v1.Registrations/DeclineRecognition"
    public static let proposeUpward = "thidua.green_clean.v1.Registrations/ProposeUpward"

    public static let recordSafetyFact = "thidua.green_clean.v1.SafetyFacts/RecordSafetyFact"
    public static let retractSafetyFact = "thidua.green_clean.v1.SafetyFacts/RetractSafetyFact"
    public static let listSafetyFacts = "thidua.green_clean.v1.SafetyFacts/ListSafetyFacts"

    public static let recognitionReport = "thidua.green_clean.v1.Reports/RecognitionReport"
}
