import ArgumentParser
import Dispatch
import Foundation
import Logging
import NatoWatch

/// `natowatch run`: the daemon (systemd `Type=notify`).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run as a service: poll feeds on their intervals, alert, reload on SIGHUP, stop on SIGTERM.")

    @OptionGroup var config: ConfigOption

    func run() throws {
        let c = try config.load()
        LoggingSetup.bootstrap(level: c.logLevel)
        let logger = Logger(label: "natowatch")
        let daemon: Daemon
        do {
            daemon = try Daemon(configPath: config.resolvedPath, config: c, logger: logger)
        } catch let e as InstanceLockError {
            CLIOutput.error("\(e)")
            throw ExitCode(4)
        } catch let e as ConfigError {
            CLIOutput.error("\(e)")
            throw ExitCode(2)
        } catch {
            CLIOutput.error("\(error)")
            throw ExitCode(3)
        }
        daemon.start()
        withExtendedLifetime(daemon) { dispatchMain() }
    }
}
