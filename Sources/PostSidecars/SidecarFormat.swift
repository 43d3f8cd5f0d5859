/// The sidecar files Imprint reads, recognised by their names as the tools write them.
public enum SidecarFormat: String, Sendable, CaseIterable {
    /// gallery-dl `--write-metadata`: `<file>.<ext>.json` beside each downloaded file, or a
    /// name of the user's own (`{tweet_id}.json`, `extension-format: json`), read only when
    /// its content is gallery-dl's.
    case galleryDL = "gallery-dl"
    /// yt-dlp `--write-info-json`: `<name>.info.json` beside `<name>.<ext>`.
    case ytDLP = "yt-dlp"
    /// snscrape `--jsonl`: one tweet object per line, `*.jsonl` with `rawContent`.
    case snscrape
    /// A Twitter/X account archive's `data/tweets.js` (`window.YTD.tweets.part0 = [...]`;
    /// `tweet.js` in archives before 2022; `tweets-part1.js`… when split).
    case twitterArchive = "twitter-archive"
    /// A plain table an analyst wrote: `*.csv` (or tab-separated `*.tsv`) with
    /// `file,text,posted_at,url,author`.
    case plainCSV = "csv"
    /// The same columns as JSON Lines: `*.jsonl` without snscrape's fields.
    case plainJSONL = "jsonl"
    /// Telegram Desktop's "Export chat history" in machine-readable JSON: `result.json`, with
    /// the media in `photos/`, `files/`, … beside it.
    case telegramExport = "telegram-export"

    /// Whether `name` is gallery-dl's default sidecar name, `<file>.<media extension>.json`.
    public static func isMediaSidecarName(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard lower.hasSuffix(".json") else { return false }
        let stem = lower.dropLast(5)
        guard let dot = stem.lastIndex(of: ".") else { return false }
        return imageExtensions.contains(String(stem[stem.index(after: dot)...]))
    }

    static let imageExtensions: Set<String> = ["jpg", "jpeg", "jpe", "jfif", "png", "webp", "tif", "tiff", "gif", "mp4", "webm", "mkv", "mov"]

    /// The format a file's name says it is, or nil for files that are not sidecars.
    ///
    /// `*.jsonl` is reported as ``snscrape`` or ``plainJSONL`` only once its content is seen;
    /// by name alone it is ``plainJSONL``. Any other `*.json` is a candidate ``galleryDL``
    /// sidecar, which ``SidecarReader`` takes only when its content is gallery-dl's (a post's
    /// category and id); gallery-dl's own `info.json` (a folder's, not a post's) is not one.
    public init?(fileName name: String) {
        let lower = name.lowercased()
        if lower.hasSuffix(".info.json") {
            self = .ytDLP
        } else if ["tweets.js", "tweet.js"].contains(lower)
                    || ((lower.hasPrefix("tweets-part") || lower.hasPrefix("tweet-part")) && lower.hasSuffix(".js")) {
            self = .twitterArchive
        } else if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
            self = .plainJSONL
        } else if lower.hasSuffix(".csv") && lower != "manifest.csv" || lower.hasSuffix(".tsv") {
            self = .plainCSV
        } else if lower == "result.json" {
            self = .telegramExport
        } else if lower.hasSuffix(".json"), lower != "info.json" {
            self = .galleryDL
        } else {
            return nil
        }
    }
}
