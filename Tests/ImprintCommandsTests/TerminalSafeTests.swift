import Foundation
@testable import ImprintCommands
import Testing

/// What reaches a terminal from hostile names and tags.
@Suite struct TerminalSafeTests {
    @Test func controlCharactersAreShownAsDotsOnATerminal() {
        #expect("a\u{1B}]0;title\u{07}b\u{1B}[31mc".terminalSafe == "a.]0;title.b.[31mc")
        #expect("Arabic الموصل stays".terminalSafe == "Arabic الموصل stays")
        #expect("line\nbreak\u{9B}".terminalSafe == "line.break.")
        // Every C0 character, a tab among them, and DEL, as exiftool shows them.
        let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init) + ["\u{7F}"]))
        #expect(controls.terminalSafe == String(repeating: ".", count: 33))
        #expect("usage:\n\ttab\u{1B}".terminalSafeLines == "usage:\n.tab.")
    }

    /// A tab in a file name would shift a text table's columns and split a line of stderr at
    /// the wrong place for `cut -f`: it shows as ".", in every command's text output.
    @Test func aTabInAFileNameIsShownAsADot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-tab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let samples = CommandLineRunner.repository.appendingPathComponent("samples")
        try FileManager.default.copyItem(at: samples.appendingPathComponent("mosul-runway.jpg"), to: folder.appendingPathComponent("tab\there.jpg"))
        try FileManager.default.copyItem(at: samples.appendingPathComponent("mosul-runway_q40.jpg"), to: folder.appendingPathComponent("q40\tcopy.jpg"))
        FileManager.default.createFile(atPath: folder.appendingPathComponent("bad\tfile.jpg").path, contents: Data("garbage".utf8))
        for command in [["hash", "--no-trim"], ["exif"], ["cluster"]] {
            let result = try CommandLineRunner.run(command + ["--format", "text", folder.path])
            #expect(!result.stdout.contains("\t") && !result.stderr.contains("\t"), "\(command): \(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains("tab.here.jpg") && result.stdout.contains("q40.copy.jpg"), "\(command): \(result.stdout)")
            #expect(result.stderr.contains("bad.file.jpg"), "\(command): \(result.stderr)")
        }
        // A usage error names the file as stderr does.
        let usage = try CommandLineRunner.run(["hash", "--files-from", folder.appendingPathComponent("no\tlist.txt").path])
        #expect(usage.status == 2 && usage.stderr.contains("no.list.txt") && !usage.stderr.contains("\t"), "\(usage.stderr)")
        // JSON keeps the name exact (escaped).
        let json = try CommandLineRunner.run(["hash", "--format", "jsonl", "--no-trim", folder.appendingPathComponent("tab\there.jpg").path])
        #expect(json.stdout.contains("tab\\there.jpg"))
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
