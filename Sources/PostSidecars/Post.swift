public import Foundation

/// One post a picture came with, read from a scraper's sidecar file.
public struct Post: Sendable, Hashable {
    /// Where it was posted: `twitter`, `youtube`, `telegram`, … (lower case), or `unknown`.
    public var platform: String
    /// The platform's id for the post; with `platform` it identifies the post in a case. A
    /// post its sidecar gives no id has its sidecar's path and row (`/inv/posts.csv#2`).
    public var postID: String
    /// The post's web address, when the sidecar gives or implies one.
    public var url: String?
    /// The account that posted it (handle, or display name when no handle is given).
    public var author: String?
    /// When it was posted, in UTC.
    public var postedAt: Date?
    /// The post's text (caption, tweet text, video title and description).
    public var text: String?
    /// The language code the platform or scraper gives (`en`, `ar`, …), or when it gives
    /// none, the one the text plainly shows (``LanguageGuess``); nil when unclear.
    public var language: String?
    /// Every field the sidecar had that is not one of the above, as a JSON object with sorted
    /// keys, so nothing the scraper wrote is lost.
    public var extra: String
    /// The media files the post links to, as the sidecar names them: an absolute path, a path
    /// relative to the sidecar's folder, or a bare file name (looked for as ``mediaSearch`` says).
    public var media: [String]
    /// Where a bare media name is looked for when it is not beside the sidecar.
    public var mediaSearch: MediaSearch
    /// Beginnings of paths, relative to the sidecar's folder, of files that are the post's
    /// media too, whatever follows: `<stem>.` for yt-dlp's video and thumbnails (`.webp`,
    /// `.3.jpg`…), `tweets_media/<tweet id>-` in a Twitter archive.
    public var mediaPrefixes: [String]

    /// Creates a post.
    public init(platform: String, postID: String, url: String? = nil, author: String? = nil,
                postedAt: Date? = nil, text: String? = nil, language: String? = nil,
                extra: String = "{}", media: [String] = [], mediaSearch: MediaSearch = .underSidecarFolder, mediaPrefixes: [String] = []) {
        self.platform = platform
        self.postID = postID
        self.url = url
        self.author = author
        self.postedAt = postedAt
        self.text = text
        self.language = language
        self.extra = extra
        self.media = media
        self.mediaSearch = mediaSearch
        self.mediaPrefixes = mediaPrefixes
    }
}

/// Where a post's bare media names (no folder in them) are looked for, past the sidecar's
/// own folder. A name with a folder names that path only: a download that failed is not a
/// namesake somewhere else.
public enum MediaSearch: Sendable, Hashable {
    /// Beside the sidecar or nowhere: gallery-dl, yt-dlp and Telegram's export write their
    /// media there, and another channel's `613.jpg` is another picture.
    case besideSidecar
    /// Anywhere under the sidecar's folder: an analyst's table sits above its pictures, and
    /// a camera's `IMG_0001.jpg` in another case folder is another picture.
    case underSidecarFolder
    /// Anywhere in the case: the platform's own media names (`F7a9xQWXsAAb3cD.jpg`), one
    /// picture each, wherever the downloader put them.
    case wholeCase
}
