@testable import ImprintCommands
import Testing

/// The periods `case files --where taken…` dates name.
@Suite struct CaseWhereTests {
    @Test(arguments: [
        ("2017", "2017", "2018"),
        ("2017-12", "2017-12", "2018-01"),
        ("2016-02-28", "2016-02-28", "2016-02-29"),
        ("2017-02-28", "2017-02-28", "2017-03-01"),
        ("2017-12-31T23:59", "2017-12-31T23:59", "2018-01-01T00:00"),
        ("2017-07-02 09:41:17", "2017-07-02T09:41:17", "2017-07-02T09:41:18"),
    ])
    func aDateNamesAPeriod(text: String, start: String, end: String) throws {
        let period = try #require(TakenPeriod(text))
        #expect(period.start == start && period.end == end)
    }

    @Test func boundsFollowTheComparison() throws {
        #expect(try CaseWhere.filter(["taken<=2018"]).takenBefore == "2019")
        #expect(try CaseWhere.filter(["taken>2018"]).takenFrom == "2019")
        #expect(try CaseWhere.filter(["taken<2018-06"]).takenBefore == "2018-06")
        #expect(try CaseWhere.filter(["taken>=2018-06"]).takenFrom == "2018-06")
    }
}
