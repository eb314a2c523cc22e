import Foundation

/// The order of ids in lists (§6): by their bytes, as the server sorts them. Swift's own `<`
/// on strings compares Unicode scalars, which agrees only for ASCII.
public enum IdOrder {
    /// One memcmp for strings stored as UTF-8 (a bootstrap compares a thousand a page), the
    /// generic comparison otherwise.
    public static func precedes(_ left: String, _ right: String) -> Bool {
        let compared = left.utf8.withContiguousStorageIfAvailable { a in
            right.utf8.withContiguousStorageIfAvailable { b -> Bool in
                guard let first = a.baseAddress, let second = b.baseAddress else { return a.count < b.count }
                let order = memcmp(first, second, min(a.count, b.count))
                return order < 0 || (order == 0 && a.count < b.count)
            }
        }
        return (compared ?? nil) ?? left.utf8.lexicographicallyPrecedes(right.utf8)
    }
}
