import Foundation
@testable import ImprintCommands
import Testing

/// What reaches a terminal from hostile names and tags.
@Suite struct TerminalSafeTests {
    @Test func controlCharactersAreShownAsDotsOnATerminal() {
        #expect("a\u{1B}]0;title\u{07}b\u{1B}[31mc".terminalSafe == "a.]0;title.b.[31mc")
        #expect("tab\tstays, Arabic الموصل stays".terminalSafe == "tab\tstays, Arabic الموصل stays")
        #expect("line\nbreak\u{9B}".terminalSafe == "line.break.")
    }

    /// A file named with an escape sequence reaches the terminal with dots, in the table and
    /// on stderr alike; JSON keeps the name exact (escaped).
    @Test func aHostileFileNameSendsNoEscapes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-escape-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = folder.appendingPathComponent("evil\u{1B}[31m.jpg")
        try FileManager.default.copyItem(at: CommandLineRunner.repository.appendingPathComponent("samples/river-palms.jpg"), to: name)
        FileManager.default.createFile(atPath: folder.appendingPathComponent("bad\u{1B}[2J.jpg").path, contents: Data("not an image".utf8))
        let text = try CommandLineRunner.run(["hash", "--format", "text", folder.path])
        #expect(!text.stdout.contains("\u{1B}") && !text.stderr.contains("\u{1B}"))
        #expect(text.stdout.contains("evil.[31m.jpg") && text.stderr.contains("bad.[2J.jpg"))
        let json = try CommandLineRunner.run(["hash", "--format", "jsonl", folder.path])
        #expect(json.stdout.contains("evil\\u001b[31m.jpg"))
    }
}
