/// cr 2018-12-01 `ListInstance`: the Enterprise instances of the endpoint's region, filtered and paged.
///
/// Like the real service, `InstanceName` matches any instance whose name *contains* it, so clients must compare
/// names exactly themselves.
struct ACRInstanceListing {
    let configuration: EmulatorConfiguration
    let requestId: String
    /// The endpoint's region: only its instances are listed.
    let region: String

    static let defaultPageSize = 30
    static let maxPageSize = 100
    static let maxPageNo = 100_000

    /// `{"Instances": [...], "TotalCount", "PageNo", "PageSize", "IsSuccess": true, "Code": "success", "RequestId"}`.
    func list(_ parameters: [String: String]) throws(CloudErrorBody) -> JSONValue {
        let pageNo = try positiveInteger("PageNo", parameters, default: 1, maximum: Self.maxPageNo)
        let pageSize = try positiveInteger("PageSize", parameters, default: Self.defaultPageSize, maximum: Self.maxPageSize)
        let name = parameters["InstanceName"] ?? ""
        let status = parameters["InstanceStatus"] ?? ""
        let matching = configuration.acr.instances.filter { instance in
            instance.edition == .enterprise && instance.region.lowercased() == region.lowercased()
                && (name.isEmpty || instance.name.contains(name))
                && (status.isEmpty || status == "RUNNING")
        }
        let start = min((pageNo - 1) * pageSize, matching.count)
        let page = matching[start..<min(start + pageSize, matching.count)]
        return .object([
            "Instances": .array(page.map(instanceJSON)),
            "TotalCount": .int(matching.count),
            "PageNo": .int(pageNo),
            "PageSize": .int(pageSize),
            "IsSuccess": .bool(true),
            "Code": .string("success"),
            "RequestId": .string(requestId),
        ])
    }

    private func instanceJSON(_ instance: EmulatorACRInstance) -> JSONValue {
        .object([
            "InstanceId": .string(instance.id),
            "InstanceName": .string(instance.name),
            "InstanceSpecification": .string("Enterprise_Basic"),
            "InstanceStatus": .string("RUNNING"),
            "RegionId": .string(instance.region),
            "ResourceGroupId": .string("rg-emulator0000000"),
        ])
    }

    private func positiveInteger(
        _ name: String, _ parameters: [String: String], default value: Int, maximum: Int
    ) throws(CloudErrorBody) -> Int {
        guard let text = parameters[name], !text.isEmpty else { return value }
        guard let number = Int(text), number >= 1, number <= maximum else {
            throw .invalidParameter(name, "The parameter \(name) must be an integer from 1 to \(maximum).")
        }
        return number
    }
}
