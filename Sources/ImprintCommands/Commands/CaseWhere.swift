import ArgumentParser
import CaseStore

/// Parses `imprint case files --where` conditions into a ``CaseFileFilter``.
enum CaseWhere {
    static func filter(_ conditions: [String]) throws -> CaseFileFilter {
        var filter = CaseFileFilter()
        for condition in conditions {
            guard let (key, op, value) = split(condition) else {
                throw ValidationError("--where \(condition): expected KEY=VALUE, KEY>=VALUE or KEY<VALUE.")
            }
            switch (key.lowercased(), op) {
            case ("folder", "="): filter.folder = absolutePath(value)
            case ("taken", ">="), ("taken", ">"): filter.takenFrom = value
            case ("taken", "<"), ("taken", "<="): filter.takenBefore = value
            case ("gps", "="): filter.hasGPS = try yesNo(value, condition)
            case ("posts", "="): filter.hasPost = try yesNo(value, condition)
            case ("format", "="): filter.format = value
            case ("make", "="): filter.make = value
            case ("model", "="): filter.model = value
            case ("status", "="):
                if value.lowercased() == "error" {
                    filter.statuses = [.warning, .failed]
                } else if let status = FileRecord.DecodeStatus(rawValue: value.lowercased()) {
                    filter.statuses = [status]
                } else {
                    throw ValidationError("--where \(condition): status is ok, warning, failed or error.")
                }
            default:
                throw ValidationError("--where \(condition): unknown condition; see imprint case files --help.")
            }
        }
        return filter
    }

    private static func split(_ condition: String) -> (String, String, String)? {
        for op in [">=", "<=", "=", ">", "<"] {
            if let range = condition.range(of: op) {
                return (String(condition[..<range.lowerBound]), op, String(condition[range.upperBound...]))
            }
        }
        return nil
    }

    private static func yesNo(_ value: String, _ condition: String) throws -> Bool {
        switch value.lowercased() {
        case "yes", "true", "1": return true
        case "no", "false", "0": return false
        default: throw ValidationError("--where \(condition): expected yes or no.")
        }
    }
}
