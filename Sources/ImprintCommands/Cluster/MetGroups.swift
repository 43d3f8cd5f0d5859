/// Which groups of images met which, within bounds: per group, the `capacity` met groups of
/// smallest key, and whether it met more. A photo reposted as thousands of distinct near-copies
/// meets every other copy; keeping every meeting took memory in the square of the copies
/// (4,000 copies: 5 GB).
struct MetGroups {
    /// How many met groups each group keeps.
    let capacity: Int
    /// Per group, the keys of the groups it met (after `finish`: sorted, distinct).
    private(set) var kept: [[Int32]]
    /// Per group, whether it met groups beyond those kept.
    private(set) var truncated: [Bool]
    /// Per truncated group, the largest key kept: a larger key cannot make it in.
    private var ceiling: [Int32]

    init(count: Int, capacity: Int) {
        precondition(capacity >= 1, "a group keeps at least one met group")
        self.capacity = capacity
        kept = Array(repeating: [], count: count)
        truncated = Array(repeating: false, count: count)
        ceiling = Array(repeating: .max, count: count)
    }

    /// Notes that `group` met the group whose key is `key` (again, perhaps).
    mutating func add(_ key: Int32, to group: Int) {
        guard key < ceiling[group] else { return }
        kept[group].append(key)
        if kept[group].count >= 2 * capacity { compact(group) }
    }

    /// Sorts and bounds every list; call once all meetings are added.
    mutating func finish() {
        for group in kept.indices where !kept[group].isEmpty { compact(group) }
    }

    /// Whether `group`'s kept list holds `key` (after `finish`).
    func keeps(_ key: Int32, in group: Int) -> Bool {
        let list = kept[group]
        var (low, high) = (0, list.count)
        while low < high {
            let middle = (low + high) / 2
            if list[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < list.count && list[low] == key
    }

    private mutating func compact(_ group: Int) {
        var list = kept[group]
        kept[group] = []  // one reference, so the sort works in place
        list.sort()
        var distinct = 0
        for index in list.indices where distinct == 0 || list[distinct - 1] != list[index] {
            list[distinct] = list[index]
            distinct += 1
        }
        list.removeLast(list.count - distinct)
        if list.count > capacity {
            list.removeLast(list.count - capacity)
            truncated[group] = true
            ceiling[group] = list[capacity - 1]
        }
        kept[group] = list
    }
}
