import Foundation
import PostSidecars

/// The post sidecars in the folders named, in name order (hidden entries skipped; links to
/// folders not followed, as `PathWalker` does). A sidecar named directly is taken too.
enum SidecarWalker {
    static func sidecars(under roots: [String]) -> [String] {
        var found: [String] = []
        for root in roots {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder) else { continue }
            if !isFolder.boolValue {
                if SidecarFormat(fileName: (root as NSString).lastPathComponent) != nil { found.append(root) }
                continue
            }
            guard let enumerator = FileManager.default.enumerator(
                at: URL(fileURLWithPath: root), includingPropertiesForKeys: [.isRegularFileKey],
                options: [.skipsHiddenFiles]) else { continue }
            var here: [String] = []
            for case let url as URL in enumerator {
                guard SidecarFormat(fileName: url.lastPathComponent) != nil,
                      (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
                let relative = url.path.hasPrefix(root) ? String(url.path.dropFirst(root.count)) : "/" + url.lastPathComponent
                here.append(root + relative)
            }
            found += here.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        }
        return found
    }
}
