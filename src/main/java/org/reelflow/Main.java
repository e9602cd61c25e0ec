package org.reelflow;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.logging.common.LogConfig;

import org.reelflow.app.Reelflow;
import org.reelflow.app.StandardStages;
import org.reelflow.cli.Cli;
import org.reelflow.cli.Terminal;

/**
 * {@code java -jar reelflow.jar [serve]}: starts the server with config/application.yaml, environment overrides on
 * top. {@code generate} and {@code watch} are the command line ({@link Cli}).
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

    private static void serve() throws Exception {
        LogConfig.configureRuntime();
        Reelflow app = Reelflow.create(config(), StandardStages::create, System::getenv).start();
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "reelflow-shutdown"));
    }

    /** System properties, then environment variables, then ./config/application.yaml, then the embedded copy. */
    static Config config() {
        return Config.builder()
                .sources(ConfigSources.file("config/application.yaml").optional(),
                         ConfigSources.classpath("application.yaml").optional())
                .build();
    }
}
