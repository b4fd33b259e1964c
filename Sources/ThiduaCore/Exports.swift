// The core's messages (thidua.core.v1) live in ThiduaCoreAPI, so clients can use them without
// linking the server; the core re-exports them for its own code and its tests.
@_exported import ThiduaCoreAPI

/// Foundation declares a `Unit` too; in the core the name means the organisation's unit.
typealias Unit = ThiduaCoreAPI.Unit
