// A thidua-server of one's own: this repository's campaigns and the union housing module, with
// the whole command line of thidua-server (`housing-server --help`, `housing-server rules`).
import ThiduaBuiltinModules
import ThiduaServer
import UnionHousing

await ThiduaServer.main(modules: BuiltinModules.all + [UnionHousingModule()])
