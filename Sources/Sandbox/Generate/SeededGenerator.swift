/// SplitMix64: small, fast and fully determined by its seed, so the same seed gives the same
/// sandbox on every platform (the standard library's generator is not reproducible).
package struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    /// A generator for one item of a stream, independent of the order items are generated in.
    package init(seed: UInt64, stream: UInt64, index: UInt64) {
        state = Mix64.mix(seed ^ Mix64.mix(stream &+ 0x9E37_79B9_7F4A_7C15) ^ Mix64.mix(index &+ 0x632B_E59B_D9B4_E019))
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Mix64.mix(state)
    }

    /// True with the given probability.
    package mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < probability
    }

    package mutating func pick<T>(_ items: [T]) -> T {
        items[Int.random(in: 0..<items.count, using: &self)]
    }

    /// Picks by weight; weights need not sum to anything in particular.
    package mutating func weighted<T>(_ items: [(T, Int)]) -> T {
        let total = items.reduce(0) { $0 + $1.1 }
        var roll = Int.random(in: 0..<total, using: &self)
        for (item, weight) in items {
            if roll < weight { return item }
            roll -= weight
        }
        return items[items.count - 1].0
    }

    package mutating func alphanumerics(_ count: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var bytes = [UInt8]()
        bytes.reserveCapacity(count)
        for _ in 0..<count { bytes.append(alphabet[Int(next() % UInt64(alphabet.count))]) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

package enum Mix64 {
    /// The SplitMix64 finaliser. It is a bijection on UInt64, which is what makes generated ids
    /// unique without a lookup: distinct inputs always give distinct outputs.
    package static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Stable across runs and platforms, unlike `Hasher`.
    package static func hash(_ text: String) -> UInt64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
        return mix(value)
    }

    package static func base36(_ value: UInt64, width: Int) -> String {
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
        var remaining = value
        var out = [UInt8](repeating: UInt8(ascii: "0"), count: width)
        var position = width - 1
        while remaining > 0, position >= 0 {
            out[position] = digits[Int(remaining % 36)]
            remaining /= 36
            position -= 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
