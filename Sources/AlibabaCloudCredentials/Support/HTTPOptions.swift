/// Per-provider HTTP settings, as the Python library's `HttpOptions` (timeouts in milliseconds).
public struct HTTPOptions: Sendable, Hashable {
    /// A proxy URL such as `http://user:pass@proxy:3128`; wins over `HTTP(S)_PROXY`.
    public var proxy: String?
    /// Connect timeout in ms; nil or 0 takes the provider's default.
    public var connectTimeoutMs: Int?
    /// Read timeout in ms; nil or 0 takes the provider's default.
    public var readTimeoutMs: Int?

    public init(proxy: String? = nil, connectTimeoutMs: Int? = nil, readTimeoutMs: Int? = nil) {
        self.proxy = proxy
        self.connectTimeoutMs = connectTimeoutMs
        self.readTimeoutMs = readTimeoutMs
    }

    /// The connect timeout, or `fallback` when unset or 0.
    func connectTimeout(default fallback: Int) -> Int {
        guard let value = connectTimeoutMs, value > 0 else { return fallback }
        return value
    }

    /// The read timeout, or `fallback` when unset or 0.
    func readTimeout(default fallback: Int) -> Int {
        guard let value = readTimeoutMs, value > 0 else { return fallback }
        return value
    }
}
