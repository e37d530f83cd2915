/// The long-term `docker login` password of Huawei Cloud SWR, computable offline from a permanent AK/SK.
///
/// The user name that goes with it is `<project name>@<AK>` (the project name is usually the region id).
public enum SWRLoginKey {
    /// SWR long-term login password: lowercase hex HMAC-SHA256(key: secretKey, message: accessKey).
    public static func password(accessKey: String, secretKey: String) -> String {
        SigningPrimitives.hmacSHA256Hex(key: secretKey, message: accessKey)
    }
}
