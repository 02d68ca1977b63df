import MindscopeText
let t = Tokenizer(emoticons: [":)", ":-(", "<3", ":D", ":(", ";)"])
for line in CommandLine.arguments.dropFirst() {
    let r = t.tokenize(line)
    print(r.tokens.map { "\($0.kind.rawValue):\(r.text(of: $0))→\($0.normalized)\($0.emphasis.isEmpty ? "" : "*")" }.joined(separator: " | "))
    print(r.sentences)
}
