import Foundation

/// Telegram channels and post addresses as sidecars write them. Telegram numbers messages
/// per channel, so a post is known by its channel and number, as its address says:
/// `t.me/deirezzor_now/48213`, or `t.me/c/1234567890/900` for a private channel.
enum TelegramAddress {
    /// The channel part of a post id and address: a public channel's username, lower-cased
    /// (Telegram ignores case in them), or `c/<id>` for a private channel (`-100<id>` in the
    /// API); nil for a display name or anything else that is neither.
    static func channel(_ name: String) -> String? {
        let name = name.hasPrefix("@") ? String(name.dropFirst()) : name
        if name.hasPrefix("-100"), name.count > 4, name.dropFirst(4).allSatisfy(isDigit) { return "c/" + name.dropFirst(4) }
        if name.hasPrefix("c/"), name.count > 2, name.dropFirst(2).allSatisfy(isDigit) { return name }
        guard name.count >= 4, let first = name.first, first.isASCII, first.isLetter,
              name.allSatisfy({ $0.isASCII && ($0.isLetter || isDigit($0) || $0 == "_") }) else { return nil }
        return name.lowercased()
    }

    /// The channel of a sidecar's `channel`/`chat` field: text, or an object's `username`,
    /// `name` or `id`, whichever is a channel.
    static func channel(of value: Any?) -> String? {
        if let object = value as? [String: Any] {
            return ["username", "name", "id"].lazy.compactMap { object[$0].flatMap(JSONFields.text).flatMap(channel) }.first
        }
        return value.flatMap(JSONFields.text).flatMap(channel)
    }

    /// The channel and message number of a `t.me/<channel>/<n>` address (also `t.me/s/…`,
    /// `t.me/c/<id>/<n>`, `telegram.me`).
    static func post(_ url: String) -> (channel: String, message: String)? {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        guard let components = URLComponents(string: trimmed), let host = components.host?.lowercased(),
              ["t.me", "telegram.me", "www.t.me"].contains(host) else { return nil }
        var parts = components.path.split(separator: "/").map(String.init)
        if parts.first == "s" { parts.removeFirst() }
        if parts.count == 3, parts[0] == "c" { parts = ["c/" + parts[1], parts[2]] }
        guard parts.count == 2, !parts[1].isEmpty, parts[1].allSatisfy(isDigit), let channel = channel(parts[0]) else { return nil }
        return (channel, parts[1])
    }

    /// The address of message `message` of `channel` (as ``channel(_:)`` gives it).
    static func address(channel: String, message: String) -> String { "https://t.me/\(channel)/\(message)" }

    /// A public channel's username, which doubles as the posting account; nil for a private
    /// channel (`c/<id>`), which has none.
    static func handle(_ channel: String) -> String? { channel.hasPrefix("c/") ? nil : channel }

    /// An ASCII digit, as a whole Character ("1" with a combining accent is not one).
    static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }
}
