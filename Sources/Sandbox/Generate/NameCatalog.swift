/// Member names in many scripts, plus a few hostile ones.
///
/// The console must neutralise terminal escapes, bidi overrides and control characters in
/// data it shows, so the sandbox deliberately serves them.
package enum NameCatalog {
    static let latin: [(given: String, family: String)] = [
        ("José", "García"), ("Zoë", "Müller"), ("Łukasz", "Wiśniewski"), ("Søren", "Kierkegård"),
        ("Anaïs", "Lefèvre"), ("Björk", "Guðmundsdóttir"), ("François", "Côté"), ("Ñuño", "Peña"),
        ("Ștefan", "Țăranu"), ("İlkay", "Güneş"), ("Mária", "Horváthová"), ("João", "Gonçalves"),
        ("Olivia", "Smith"), ("Liam", "O'Connor"), ("Emma", "Johnson"), ("Noah", "Williams"),
        ("Ava", "Brown"), ("Lucas", "Jones"), ("Mia", "van der Berg"), ("Chloé", "Dubois"),
        ("Dvořák", "Antonín"), ("Eléonore", "d'Aubigné"), ("Håkon", "Åsheim"), ("Grzegorz", "Brzęczyszczykiewicz"),
    ]
    static let cjk: [String] = [
        "王伟", "李娜", "张敏", "佐藤 花子", "鈴木 一郎", "高橋 美咲", "김민준", "이서연", "박지훈", "陳大文", "林美玲",
    ]
    static let cyrillic: [String] = [
        "Иван Петров", "Ольга Смирнова", "Дмитрий Иванов", "Наталья Кузнецова", "Олександр Шевченко", "Богдана Коваль",
    ]
    static let arabic: [String] = [
        "محمد العلي", "فاطمة الزهراء", "أحمد حسن", "ليلى عبد الله", "يوسف الخطيب",
    ]
    static let other: [String] = [
        "Γιώργος Παπαδόπουλος", "דוד כהן", "राहुल शर्मा", "สมชาย ใจดี", "Nguyễn Thị Minh Khai", "Ἀριστοτέλης",
    ]
    static let emoji: [String] = [
        "Ana 🌟 Silva", "👩‍🚀 Mia Chen", "Tom 🍕", "Lena 🇩🇪 Schulz", "Sam 👨‍👩‍👧‍👦 Family", "Kai 🏳️‍🌈",
    ]
    /// Terminal escapes (colour, screen clear, title set, cursor moves), bidi overrides and
    /// control characters, and one very long name.
    static let hostile: [String] = [
        "\u{1b}[31mRed Alert\u{1b}[0m",
        "Mallory\u{1b}[2J\u{1b}[H",
        "\u{1b}]0;pwned\u{07}Eve",
        "invoice\u{202E}gnp.exe",
        "Trudy \u{202E}dlroW olleH\u{202C}",
        "Bell\u{07}Ringer",
        "Tab\tSeparated\rName",
        "Line\nBreak",
        "Zalgo Z̷̢̛a̶̡͝l̵̨̛g̴̢̛o̷̡͝",
        "Null\u{0}Byte",
        "\u{1b}[1A\u{1b}[2KOverwriter",
        String(repeating: "Wolfeschlegelsteinhausenbergerdorff ", count: 6),
    ]

    /// A name for the member with the given index; about 1 in 40 is hostile, and every
    /// sandbox of 40 or more members has some.
    package static func name(index: UInt64, using rng: inout SeededGenerator) -> String {
        if index % 40 == 7 { return hostile[Int((index / 40) % UInt64(hostile.count))] }
        switch rng.weighted([(0, 55), (1, 12), (2, 10), (3, 8), (4, 8), (5, 7)]) {
        case 0:
            let first = rng.pick(latin), second = rng.pick(latin)
            return "\(first.given) \(second.family)"
        case 1: return rng.pick(cjk)
        case 2: return rng.pick(cyrillic)
        case 3: return rng.pick(arabic)
        case 4: return rng.pick(other)
        default: return rng.pick(emoji)
        }
    }

    package static func email(index: UInt64, memberSuffix: String, using rng: inout SeededGenerator) -> String {
        let locals = ["member", "user", "Card.Holder", "rewards+\(index % 97)", "first.last", "x"]
        let domains = ["example.com", "example.org", "mail.example.net", "EXAMPLE.de", "beispiel.example"]
        return "\(rng.pick(locals)).\(memberSuffix)@\(rng.pick(domains))"
    }

    static func externalRef(index: UInt64, using rng: inout SeededGenerator) -> String {
        switch rng.weighted([(0, 5), (1, 3), (2, 2)]) {
        case 0: return "CRM-" + String(100_000 + index)
        case 1: return "pos/\(index % 13)/\(index)"
        default: return "ext_" + rng.alphanumerics(10)
        }
    }
}
