// libFuzzer target over the sidecar parsers (PostSidecars.SidecarReader): the first input
// byte picks the file name, and so the format (gallery-dl under its default name and under
// a name of its own, yt-dlp, Twitter archive, CSV, JSON Lines/snscrape, Telegram Desktop's
// result.json); the rest is the file. The folder does not exist, so a Twitter
// archive's account.js is never read from disk.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func sidecarFuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let names = ["x.jpg.json", "x.info.json", "tweets.js", "posts.csv", "posts.jsonl", "result.json", "1665934575399862275.json"]
    let name = names[Int(data[0]) % names.count]
    let body = Data(UnsafeBufferPointer(start: data + 1, count: size - 1))
    if let (_, posts, _) = try? SidecarReader.read(path: "/nonexistent-imprint-fuzz/" + name, data: body) {
        _ = posts.map { "\($0.platform) \($0.postID) \($0.text ?? "") \($0.extra)" }
    }
    return 0
}
