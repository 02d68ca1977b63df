/// The release of Mindscope: `mindscope --version`, and the version stamped on outputs that
/// later runs read back.
public enum MindscopeVersion {
    public static let current = "0.10.0"
}
