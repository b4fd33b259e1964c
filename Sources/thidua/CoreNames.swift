import ThiduaCoreAPI

/// Foundation declares a `Unit` too; in the CLI the name means the organisation's unit.
typealias Unit = ThiduaCoreAPI.Unit
