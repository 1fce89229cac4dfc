/// Version of the tool and of the output contract (`spec/OUTPUT.md`). Bump `schema` when a field's
/// meaning changes.
public enum QawlVersion {
    public static let string = "0.1.0"
    public static let schema = 1
}
