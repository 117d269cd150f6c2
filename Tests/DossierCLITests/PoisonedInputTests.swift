import Foundation
import Testing

/// Issue 14, finding 2: values from files and the command line that used to
/// trap or mean something else.
@Suite struct PoisonedInputTests {
    @Test(arguments: [["--memory-limit", "1e30G"], ["--memory-limit", "infG"], ["--memory-limit", "1e-9K"],
                      ["--memory-limit", "nanM"], ["--memory-limit", "0.0001K"], ["--timeout", "1e10"],
                      ["--timeout", "inf"], ["--timeout", "nan"], ["--timeout", "0"]])
    func outOfRangeLimitsAreUsageErrors(_ option: [String]) throws {
        let result = try DossierExecutable.run(option + ["-e", "print('ran')"])
        #expect(result.status == 2, "\(option)")
        #expect(result.stdout == "")
        #expect(result.stderr.contains("invalid \(option[0])"))
    }

    @Test func sensibleLimitsStillWork() throws {
        let result = try DossierExecutable.run(["--memory-limit", "1.5G", "--timeout", "2.5", "-e", "print('ran')"])
        #expect(result.status == 0)
        #expect(result.stdout == "ran\n")
    }

    @Test func anAbsurdPublicationDateDoesNotPoisonTimelines() throws {
        let directory = try DossierExecutable.temporaryDirectory()
        let feed = directory.appendingPathComponent("feed.json")
        try """
            [{"title": "Far future", "body": "In March 2024 the ministers met in Dhaka to sign the accord.", "published": 1e300},
             {"title": "Far past", "body": "On 3 May 2023 the talks resumed in Islamabad after a long pause.", "published": -1e19}]
            """.write(to: feed, atomically: true, encoding: .utf8)
        let store = directory.appendingPathComponent("store.sqlite").path
        let ingest = try DossierExecutable.run(["ingest", "--store", store, feed.path])
        #expect(ingest.status == 0)
        let result = try DossierExecutable.run(["--store", store, "-e", """
            local tl = timeline{}
            print(#tl > 0, store:get(1).published, store:check())
            """])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "true\tnil\tok\n")
    }
}
