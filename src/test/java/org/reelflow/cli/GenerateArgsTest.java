package org.reelflow.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.reelflow.catalog.Archetypes;
import org.reelflow.catalog.Platforms;
import org.reelflow.jobs.JobRequest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The generate command line: syntax, then the meaning checked with the API's own parser. */
class GenerateArgsTest {

    @TempDir
    Path dir;

    private static GenerateArgs args(String... a) throws UsageException {
        return GenerateArgs.parse(List.of(a));
    }

    private static JobRequest request(String... a) throws UsageException {
        return GenerateRequest.build(args(a), Archetypes.load(), Platforms.load()).request();
    }

    private static String error(String... a) {
        return assertThrows(UsageException.class, () -> request(a)).getMessage();
    }

    @Test
    void defaultsAreTheZeroKeyRunInOutput() throws Exception {
        GenerateArgs g = args("Why the sky is blue");
        assertThat(g.topic(), is("Why the sky is blue"));
        assertThat(g.output(), is("./output"));
        assertThat(g.dryRun(), is(false));
        assertThat(g.yes(), is(false));
        JobRequest r = request("Why the sky is blue");
        assertThat(r.providers().llm(), nullValue());
        assertThat(r.platform(), is("youtube"));
        assertThat(r.maxCostUsd(), nullValue());
    }

    @Test
    void everyFlagInLongShortAndEqualsSpelling() throws Exception {
        GenerateArgs g = args("-p", "openai", "--llm-model", "gpt-4.1", "--search-provider=tavily", "-i", "openai",
                              "--tts-provider", "elevenlabs", "-a", "infographic", "--pacing", "fast", "--platform",
                              "tiktok", "--dry-run", "-o", "/tmp/x", "--no-music", "-y", "--max-cost", "0.5", "topic");
        assertThat(g.provider(), is("openai"));
        assertThat(g.llmModel(), is("gpt-4.1"));
        assertThat(g.searchProvider(), is("tavily"));
        assertThat(g.imageProvider(), is("openai"));
        assertThat(g.ttsProvider(), is("elevenlabs"));
        assertThat(g.archetype(), is("infographic"));
        assertThat(g.pacing(), is("fast"));
        assertThat(g.platform(), is("tiktok"));
        assertThat(g.dryRun(), is(true));
        assertThat(g.output(), is("/tmp/x"));
        assertThat(g.noMusic(), is(true));
        assertThat(g.yes(), is(true));
        assertThat(g.topic(), is("topic"));
        JobRequest r = request("-p", "openai", "-i", "openai", "-a", "infographic", "--pacing", "fast", "--platform",
                               "tiktok", "--max-cost", "0.5", "topic");
        assertThat(r.providers().llm(), is("openai"));
        assertThat(r.providers().image(), is("openai"));
        assertThat(r.archetype(), is("infographic"));
        assertThat(r.maxCostUsd(), is(0.5));
    }

    @Test
    void syntaxErrorsAreOneLineEach() {
        assertThat(assertThrows(UsageException.class, () -> args()).getMessage(), containsString("Topic is required"));
        assertThat(assertThrows(UsageException.class, () -> args("black", "holes")).getMessage(),
                   containsString("reelflow generate \"black holes\""));
        assertThat(assertThrows(UsageException.class, () -> args("x", "--frobnicate")).getMessage(),
                   containsString("unknown option '--frobnicate'"));
        assertThat(assertThrows(UsageException.class, () -> args("x", "--arch", "y")).getMessage(),
                   containsString("did you mean --archetype?"));
        assertThat(assertThrows(UsageException.class, () -> args("x", "-o")).getMessage(),
                   containsString("'-o, --output' needs a value"));
        assertThat(assertThrows(UsageException.class, () -> args("x", "-a", "--dry-run")).getMessage(),
                   containsString("needs a value"));
        assertThat(assertThrows(UsageException.class, () -> args("x", "--pacing", "fast", "--pacing", "slow")).getMessage(),
                   containsString("given twice"));
        assertThat(assertThrows(UsageException.class, () -> args("x", "--yes=true")).getMessage(),
                   containsString("takes no value"));
    }

    @Test
    void aTopicMayStartWithADashAfterTheEndOfOptions() throws Exception {
        assertThat(args("--dry-run", "--", "-5 facts about frogs").topic(), is("-5 facts about frogs"));
        assertThat(args("--help").help(), is(true));
    }

    @Test
    void meaningIsCheckedWithTheApisMessages() {
        assertThat(error("x", "--archetype", "nope"), is("Unknown archetype: nope"));
        assertThat(error("x", "--pacing", "slow"), is("Unknown pacing tier: slow. Available: fast, moderate, cinematic"));
        assertThat(error("x", "--platform", "myspace"), containsString("Unknown platform: myspace. Available: "));
        assertThat(error("x", "-p", "nope"), containsString("unknown provider 'nope' for --provider (choose from: offline"));
        assertThat(error("x", "-i", "dalle"), containsString("for --image-provider (choose from: local, gemini, openai)"));
        assertThat(error("x", "--tts-provider", "x"), containsString("--tts-provider"));
        assertThat(error("x", "--search-provider", "google"), containsString("native, tavily, none"));
        assertThat(error("x", "--max-cost", "-1"), containsString("--max-cost must be a number of dollars, 0 or more"));
        assertThat(error("x", "--max-cost", "lots"), containsString("--max-cost must be a number"));
        assertThat(error("x", "-p", "openai-compatible", "--llm-model", "m"),
                   is("--llm-base-url is required when using --provider openai-compatible"));
        assertThat(error("x", "-p", "openai-compatible", "--llm-base-url", "http://localhost:11434/v1"),
                   is("--llm-model is required when using --provider openai-compatible"));
        assertThat(error("   "), containsString("Topic is required"));
    }

    @Test
    void providerAliases() throws Exception {
        JobRequest google = request("-p", "google", "x");
        assertThat(google.providers().llm(), is("gemini"));
        assertThat(google.providers().image(), is("gemini"));
        assertThat(google.providers().tts(), is("gemini-tts"));
        assertThat(google.providers().music(), is("lyria"));
        assertThat(request("-p", "google", "-i", "openai", "x").providers().image(), is("openai"));
        JobRequest local = request("-p", "local", "x");
        assertThat(local.providers().llm(), nullValue());
        assertThat(local.providers().tts(), is("local"));
    }

    @Test
    void directionFileRules() throws Exception {
        Path brief = write("brief.md", "Open on the event horizon.\n");
        assertThat(request("x", "--direction", brief.toString()).direction(), is("Open on the event horizon."));

        Path blank = write("blank.md", "  \n\t\n");
        GenerateRequest.Result r = GenerateRequest.build(args("x", "--direction", blank.toString()),
                                                         Archetypes.load(), Platforms.load());
        assertThat(r.request().direction(), nullValue());
        assertThat(r.warnings().toString(), containsString("is blank; it is ignored"));

        Path big = write("big.md", "a".repeat(10_241));
        assertThat(error("x", "--direction", big.toString()), containsString("is 10241 bytes; the limit is 10240 bytes"));
        assertThat(request("x", "--direction", write("edge.md", "a".repeat(10_240)).toString()).direction().length(), is(10_240));

        Path binary = dir.resolve("bin.md");
        Files.write(binary, new byte[] {'h', 'i', 0, 'x'});
        assertThat(error("x", "--direction", binary.toString()), containsString("appears to be binary"));
        assertThat(error("x", "--direction", dir.resolve("missing.md").toString()), containsString("Direction file not found"));
        assertThat(error("x", "--direction", dir.toString()), containsString("is a directory"));
    }

    @Test
    void scoreFileIsValidatedLikeTheApi() throws Exception {
        assertThat(error("x", "--score", write("bad.json", "{not json").toString()), containsString("is not valid JSON"));
        assertThat(error("x", "--score", write("arr.json", "[1]").toString()), containsString("must hold a JSON object"));
        assertThat(error("x", "--score", write("empty.json", "{}").toString()), containsString("Invalid DirectorScore: "));
        assertThat(error("x", "--score", dir.resolve("none.json").toString()), containsString("Score file not found"));
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }
}
