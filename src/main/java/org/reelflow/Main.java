package org.reelflow;

import io.helidon.logging.common.LogConfig;

import org.reelflow.app.Engine;
import org.reelflow.app.ReelflowConfig;
import org.reelflow.app.Server;
import org.reelflow.app.StandardStages;
import org.reelflow.cli.Cli;
import org.reelflow.cli.Terminal;

/**
 * {@code java -jar reelflow.jar [serve]}: the engine behind the web server, configured by
 * {@link ReelflowConfig#load()}. {@code generate} and {@code watch} are the command line ({@link Cli}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (Cli.command(args) == Cli.Command.SERVE) {
            serve();
            return;
        }
        System.exit(Cli.run(args, Terminal.system()));
    }

    private static void serve() {
        LogConfig.configureRuntime();
        ReelflowConfig config = ReelflowConfig.load();
        Engine engine = Engine.start(config, StandardStages::create, System::getenv);
        Server server;
        try {
            server = Server.start(config, engine);
        } catch (RuntimeException e) {
            engine.close();       // a port in use must not leave the workers holding the process open
            throw e;
        }
        // Streams end first, then the server, then the workers: clients see a clean end, not a cut.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            engine.close();
        }, "reelflow-shutdown"));
    }
}
