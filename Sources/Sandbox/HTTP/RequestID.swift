/// `req_` + 20 letters and digits; random, since request ids need not be reproducible.
enum RequestID {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var bytes: [UInt8] = Array("req_".utf8)
        for _ in 0..<20 { bytes.append(alphabet[Int(generator.next() % UInt64(alphabet.count))]) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
