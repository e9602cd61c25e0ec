package org.reelflow.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.reelflow.app.StandardStages;

/**
 * The jar's command line: {@code serve} (the default: no arguments), {@code generate}, {@code watch}, and the
 * usual {@code --help} / {@code --version}. Exit codes: 0 done, 1 the job or the connection failed, 2 the command
 * line is wrong (one line on standard error says why), 130 interrupted.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private Cli() {
    }

    /** What {@code Main} should do with these arguments. */
    public enum Command { SERVE, OTHER }

    /** {@code serve} when there are no arguments or the first is {@code serve} (with nothing after it). */
    public static Command command(String[] args) {
        return args.length == 0 || (args[0].equals("serve") && args.length == 1) ? Command.SERVE : Command.OTHER;
    }

    /** Runs a command other than {@code serve}; returns the exit code. */
    public static int run(String[] args, Terminal term) {
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        String first = args.length == 0 ? "" : args[0];
        try {
            return switch (first) {
                case "generate" -> new GenerateCommand(term, StandardStages::create, System::getenv, true)
                        .run(GenerateArgs.parse(rest));
                case "watch" -> new WatchCommand(term, System.getenv("API_TOKEN")).run(rest);
                case "serve" -> {
                    if (rest.contains("--help") || rest.contains("-h")) {
                        term.out().print(serveHelp());
                        yield OK;
                    }
                    throw new UsageException("serve takes no arguments (configure it with config/application.yaml, "
                                             + "environment variables or -D); got '" + rest.getFirst() + "'");
                }
                case "--help", "-h", "help" -> {
                    term.out().print(help());
                    yield OK;
                }
                case "--version", "-V", "version" -> {
                    term.out().println("reelflow " + version());
                    yield OK;
                }
                default -> throw new UsageException(first.startsWith("-")
                        ? "unknown option '" + first + "'; commands are serve, generate and watch (see reelflow --help)"
                        : "unknown command '" + first + "'; commands are serve, generate and watch (see reelflow --help)");
            };
        } catch (UsageException e) {
            term.err().println("reelflow: " + e.getMessage());
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /** The jar's version (from the Maven metadata inside it), or {@code dev} when run from classes. */
    public static String version() {
        try (InputStream in = Cli.class.getResourceAsStream("/META-INF/maven/org.reelflow/reelflow/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "dev");
            }
        } catch (IOException e) {
            // fall through
        }
        return "dev";
    }

    public static String help() {
        return """
                Usage: reelflow [command] [options]

                Topic in, short video out.

                Commands:
                  serve                      start the server (the default when no command is given; make run)
                  generate "<topic>" [opts]  make one video in this process, with live progress
                  watch <url> <jobId>        follow a server's job live (reconnects and resumes by event id)

                Options:
                  -h, --help                 show this help (reelflow generate --help for the generate options)
                  -V, --version              print the version

                Exit codes: 0 done, 1 the job or connection failed, 2 bad command line, 130 interrupted.
                """;
    }

    public static String generateHelp() {
        return """
                Usage: reelflow generate "<topic>" [options]

                Runs the six stages (research, director, tts, visuals, assembly, critic) in this process and shows
                their progress. With no keys and no options everything runs offline and the video costs $0.

                Providers (unset = offline / local; cloud providers need their API key in the environment):
                  -p, --provider <p>          LLM: %s;
                                              google = gemini for LLM, image, voice, video and music; local = all offline
                      --llm-model <m>         model override
                      --llm-base-url <url>    endpoint of an openai-compatible LLM (required with it, with --llm-model)
                      --search-provider <p>   %s
                  -i, --image-provider <p>    %s
                      --tts-provider <p>      %s

                The video:
                  -a, --archetype <name>      visual archetype (default: the director chooses; GET /api/v1/archetypes)
                      --pacing <tier>         fast, moderate, cinematic (default: the archetype's)
                      --platform <p>          youtube (default), tiktok, instagram
                      --direction <file>      creative brief, text up to 10 KB (a blank file is ignored)
                      --score <file>          replay a saved DirectorScore (score.json): research and critic are skipped
                      --no-music              no background music
                      --no-video              no AI video clips

                The run:
                      --dry-run               plan only: research and director, then stop (no voice, no render)
                  -o, --output <dir>          where jobs go (default ./output): <dir>/<id>/<run>/final.mp4
                  -y, --yes                   do not ask to confirm the cost estimate (also when stdin is not a terminal)
                      --max-cost <usd>        stop the job if the estimate exceeds this many dollars
                  -h, --help                  show this help

                Examples:
                  reelflow generate "Why the sky is blue"
                  reelflow generate "Black holes" --archetype infographic --pacing fast --dry-run
                  reelflow generate "Octopus minds" -o ~/shorts --direction brief.md --yes
                """.formatted(GenerateRequest.choices("llm"), GenerateRequest.choices("search"),
                              GenerateRequest.choices("image"), GenerateRequest.choices("tts"));
    }

    public static String watchHelp() {
        return """
                Usage: reelflow watch <url> <jobId>

                Follows a job on a running server (e.g. reelflow watch http://localhost:8080 3) with the same
                display as generate. A dropped connection is resumed with Last-Event-ID, so no event is lost or
                shown twice. Exits 0 when the job completes, 1 when it fails or the server cannot be reached.
                A server with an API token (api.token) is watched with the same token in API_TOKEN.
                """;
    }

    public static String serveHelp() {
        return """
                Usage: reelflow serve

                Starts the server (what make run does; also what the jar does with no arguments). Settings come
                from config/application.yaml, environment variables (SERVER_PORT, JOBS_DIR, …) and -Dkey=value.
                """;
    }
}
