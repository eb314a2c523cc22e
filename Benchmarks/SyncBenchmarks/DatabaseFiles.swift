import Foundation

/// A SQLite file and its companions, removed together so that each run starts empty.
enum DatabaseFiles {
    static func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }
}
