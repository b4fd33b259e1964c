import ThiduaBuiltinModules
import ThiduaServer

await ThiduaServer.main(modules: BuiltinModules.all)
