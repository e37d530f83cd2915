import CredentialsCore
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func libFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzJSON.libFuzzerEntry(data, size)
}

#if !CLOUDCRED_FUZZING
@main extension FuzzJSON {}
#endif

/// `JSONValue.parse` and `serialized(style:sortKeys:)` (CredentialsCore), under every config file and response.
///
/// Invariants: an error's position lies inside the input and its text is one line; a parsed value, written in
/// every style, reads back as the same value (numbers compared as Python writes them) and rewrites to the same
/// text; the nesting limit is exact; object lookups agree with the member list.
enum FuzzJSON: FuzzTarget {
    static let styles: [JSONStyle] = [.compact, .python, .pythonIndented(2), .dockerCLI]

    static func test(_ input: [UInt8]) {
        let value: JSONValue
        do {
            value = try JSONValue.parse(input)
        } catch {
            checkError(error, input: input)
            return
        }
        Invariant.check(String(validating: input, as: UTF8.self) != nil, "accepted a document that is not UTF-8")
        for style in styles {
            for sortKeys in [false, true] {
                let text = value.serialized(style: style, sortKeys: sortKeys)
                let reread: JSONValue
                do {
                    reread = try JSONValue.parse(text)
                } catch {
                    Invariant.check(false, "cannot read back its own output (\(error)): \(Quoted(text))")
                    return
                }
                let same = sortKeys ? sorted(canonical(reread)) == sorted(canonical(value)) : canonical(reread) == canonical(value)
                Invariant.check(same, "the value read back differs: \(Quoted(text))")
                Invariant.check(reread.serialized(style: style, sortKeys: sortKeys) == text, "rewriting is not stable: \(Quoted(text))")
            }
        }
        checkDepth(value, input: input)
        checkLookups(value)
    }

    private static func checkError(_ error: JSONParseError, input: [UInt8]) {
        Invariant.check(error.byteOffset >= 0 && error.byteOffset <= input.count, "error offset \(error.byteOffset) outside the input")
        Invariant.check(error.offset <= error.byteOffset && error.line >= 1 && error.column >= 1, "bad error position \(error)")
        Invariant.oneLine(error.description, "a JSON error")
    }

    /// `parse(maximumDepth: d)` accepts the document exactly when its depth is at most `d`.
    private static func checkDepth(_ value: JSONValue, input: [UInt8]) {
        let levels = depth(value)
        Invariant.check(levels <= JSONValue.maximumNestingDepth, "a document \(levels) levels deep was accepted")
        Invariant.check((try? JSONValue.parse(input, maximumDepth: levels)) != nil, "depth \(levels) refused at its own depth")
        if levels > 0 {
            Invariant.check((try? JSONValue.parse(input, maximumDepth: levels - 1)) == nil, "depth \(levels) accepted below its depth")
        }
    }

    /// Every key of an object finds its own value, keys are unique, and numbers agree with themselves.
    private static func checkLookups(_ value: JSONValue) {
        switch value {
        case .object(let object):
            Invariant.check(Set(object.keys.map { Array($0.unicodeScalars.map(\.value)) }).count == object.count, "repeated keys")
            for (key, member) in object {
                Invariant.check(object[key] == member && object.contains(key: key), "lookup of \(Quoted(key)) disagrees")
                checkLookups(member)
            }
        case .array(let elements):
            elements.forEach(checkLookups)
        case .number(let number):
            if let exact = number.int64, exact.magnitude < 1 << 53 {
                Invariant.check(Double(exact) == number.double, "int64 \(exact) and double \(number.double) disagree for \(number.literal)")
            }
        default:
            break
        }
    }

    private static func depth(_ value: JSONValue) -> Int {
        switch value {
        case .array(let elements): 1 + (elements.map(depth).max() ?? 0)
        case .object(let object): 1 + (object.values.map(depth).max() ?? 0)
        default: 0
        }
    }

    /// Numbers replaced by the literal Python would write for them, the form a rewrite keeps.
    private static func canonical(_ value: JSONValue) -> JSONValue {
        switch value {
        case .number(let number): .number(JSONNumber(literal: number.pythonText) ?? number)
        case .array(let elements): .array(elements.map(canonical))
        case .object(let object): .object(JSONObject(object.map { ($0.key, canonical($0.value)) }))
        default: value
        }
    }

    /// Object members in key order, as `sortKeys` writes them.
    private static func sorted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let elements): .array(elements.map(sorted))
        case .object(let object):
            .object(JSONObject(object.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, sorted($0.value)) }))
        default: value
        }
    }
}
