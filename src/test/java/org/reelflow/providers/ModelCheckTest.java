package org.reelflow.providers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.EnvironmentVariables;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.reelflow.providers.http.ProviderHttp;
import org.reelflow.providers.llm.LlmConfig;
import org.reelflow.providers.vendor.VendorSettings;
import org.reelflow.providers.video.VideoSettings;
import org.reelflow.support.ServedModels;
import org.reelflow.support.VendorDouble;
import org.reelflow.support.VendorDouble.Seen;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The model check against one double per vendor, each serving its list in the vendor's shape: which ids are
 * listed, paging, the cache, what an unlisted id does (fail naming the setting, or fall back and say so), and that
 * a list that cannot be had never stops a job.
 */
class ModelCheckTest {

    static final Map<String, String> KEYS = Map.of("GOOGLE_API_KEY", "AIzaSy-check-CCCC", "OPENAI_API_KEY", "sk-proj-check-DDDD",
                                                   "ANTHROPIC_API_KEY", "sk-ant-check-AAAA", "OPENROUTER_API_KEY", "sk-or-check-EEEE",
                                                   "ELEVENLABS_API_KEY", "sk_el_check_BBBB");
    static final Set<Model> NO_LIST = EnumSet.of(Model.TTS_ELEVENLABS, Model.TTS_INWORLD, Model.VOICE_INWORLD,
                                                 Model.VOICE_OPENAI, Model.VOICE_GEMINI, Model.VIDEO_FAL);

    VendorDouble google;
    VendorDouble openai;
    VendorDouble anthropic;
    VendorDouble openrouter;
    VendorDouble elevenlabs;
    final MutableClock clock = new MutableClock();

    @BeforeEach
    void doubles() throws Exception {
        google = new VendorDouble().serving(ServedModels.google("gemini-3.8-flash", "gemini-3.8-flash-tts",
                "gemini-3.1-flash-image", "lyria-3.5", "veo-3.1-lite-generate-001", "gemini-3.5-flash").pageSize(2));
        openai = new VendorDouble().serving(ServedModels.openai("gpt-5.4", "gpt-4o-mini-tts", "gpt-image-1.5"));
        anthropic = new VendorDouble().serving(ServedModels.anthropic("claude-sonnet-4-6", "claude-sonnet-5-5",
                                                                      "claude-haiku-4-5").pageSize(1));
        openrouter = new VendorDouble().serving(ServedModels.openrouter("anthropic/claude-sonnet-5.5", "openai/gpt-5.4"));
        elevenlabs = new VendorDouble().serving(ServedModels.elevenlabs("JBFqnCBsd6RMkjVDRZzb", "21m00Tcm4TlvDq8ikWAM"));
    }

    @AfterEach
    void stop() {
        List.of(google, openai, anthropic, openrouter, elevenlabs).forEach(VendorDouble::close);
    }

    private ModelCheck check(boolean enabled, boolean fallback) {
        ProviderHttp http = ProviderHttp.create();
        LlmConfig llm = LlmConfig.defaults(http).withBaseUrl("anthropic", anthropic.url("/v1/"))
                .withBaseUrl("openai", openai.url("/v1")).withBaseUrl("gemini", google.url("/v1beta"))
                .withBaseUrl("openrouter", openrouter.url("/api/v1"));
        VendorSettings vendors = VendorSettings.defaults(http).withBaseUrl("gemini-tts", google.uri())
                .withBaseUrl("gemini-image", google.uri()).withBaseUrl("lyria", google.uri())
                .withBaseUrl("openai-tts", openai.uri()).withBaseUrl("openai-image", openai.uri())
                .withBaseUrl("elevenlabs", elevenlabs.uri());
        VideoSettings video = VideoSettings.defaults().withGoogleBaseUrl(google.uri());
        VendorModels lists = new VendorModels(http, ModelCheck.policy(Duration.ofSeconds(2)), Duration.ofHours(1), clock);
        return new ModelCheck(lists, enabled, fallback, llm, vendors, video);
    }

    private static Optional<String> key(String name) {
        return Optional.ofNullable(KEYS.get(name));
    }

    private static Models configured(Map<String, String> settings) {
        return Models.from(k -> Optional.ofNullable(settings.get(k)));
    }

    @Test
    void eachVendorsListIsReadInItsOwnShapeAndPagesWithItsKey() throws Exception {
        Map<Model, Boolean> listed = check(true, false).listed(Models.DEFAULTS, ModelCheckTest::key);

        for (Model m : Model.values()) {
            assertThat(m + " (no list to ask is unknown)", listed.get(m), is(NO_LIST.contains(m) ? null : true));
        }
        List<Seen> pages = google.requests();
        assertThat("six Google models two a page, asked once for the LLM, voice, image, music and Veo",
                   pages.stream().map(s -> s.query().get("pageToken")).toList(), contains(null, "2", "4"));
        assertThat(pages.stream().map(s -> s.header("x-goog-api-key")).toList(), everyItem(is(KEYS.get("GOOGLE_API_KEY"))));
        List<Seen> anthropicPages = anthropic.requests();
        assertThat(anthropicPages.stream().map(s -> s.query().get("after_id")).toList(),
                   contains(null, "claude-sonnet-4-6", "claude-sonnet-5-5"));
        for (Seen s : anthropicPages) {
            assertThat(s.header("x-api-key"), is(KEYS.get("ANTHROPIC_API_KEY")));
            assertThat(s.header("anthropic-version"), is("2023-06-01"));
        }
        assertThat("the LLM, speech and image models share OpenAI's one list", openai.only().path(), is("/v1/models"));
        assertThat(openai.only().header("Authorization"), is("Bearer " + KEYS.get("OPENAI_API_KEY")));
        assertThat(openrouter.only().path(), is("/api/v1/models"));
        assertThat(openrouter.only().header("Authorization"), is("Bearer " + KEYS.get("OPENROUTER_API_KEY")));
        assertThat(elevenlabs.only().path(), is("/v1/voices"));
        assertThat(elevenlabs.only().header("xi-api-key"), is(KEYS.get("ELEVENLABS_API_KEY")));
    }

    @Test
    void anUnlistedIdFailsNamingItAndItsSettingBeforeAnythingElseIsAsked() {
        Models models = configured(Map.of("providers.models.llm.gemini", "gemini-0.9-gone"));
        ProviderException e = assertThrows(ProviderException.class, () -> check(true, false).verify(
                List.of(Model.LLM_GEMINI, Model.IMAGE_GEMINI), models, ModelCheckTest::key, (m, s) -> { }));
        assertThat(e.kind(), is(ProviderException.Kind.NOT_SERVED));
        assertThat(e.getMessage(), is("gemini does not serve the model gemini-0.9-gone (GET /v1beta/models does not list "
                                      + "it; it lists the current gemini-3.8-flash). Change providers.models.llm.gemini "
                                      + "(PROVIDERS_MODELS_LLM_GEMINI)."));
        assertThat("only the list was asked for", google.requests().stream().map(Seen::method).distinct().toList(),
                   contains("GET"));
    }

    @Test
    void aJobsOwnModelIsNamedByItsRequestField() {
        Models models = Models.DEFAULTS.with(Model.LLM_ANTHROPIC, ModelChoice.byJob("claude-opus-0", "llmModel"));
        ProviderException e = assertThrows(ProviderException.class, () -> check(true, false).verify(
                List.of(Model.LLM_ANTHROPIC), models, ModelCheckTest::key, (m, s) -> { }));
        assertThat(e.getMessage(), is("anthropic does not serve the model claude-opus-0 (GET /v1/models does not list it; "
                                      + "it lists the current claude-sonnet-4-6). Change the job's providers.llmModel."));
    }

    @Test
    void anElevenLabsVoiceNotInTheAccountIsNamedAsAVoice() {
        Models models = configured(Map.of("providers.models.voice.elevenlabs", "yLibraryVoice000000"));
        ProviderException e = assertThrows(ProviderException.class, () -> check(true, false).verify(
                List.of(Model.TTS_ELEVENLABS, Model.VOICE_ELEVENLABS), models, ModelCheckTest::key, (m, s) -> { }));
        assertThat(e.getMessage(), is("elevenlabs does not serve the voice yLibraryVoice000000 (GET /v1/voices does not "
                                      + "list it; it lists the current JBFqnCBsd6RMkjVDRZzb). Change "
                                      + "providers.models.voice.elevenlabs (PROVIDERS_MODELS_VOICE_ELEVENLABS)."));
    }

    @Test
    void aGoogleModelListedWithoutTheMethodItIsCalledWithIsNotServed() throws Exception {
        google.serving(ServedModels.google("gemini-3.8-flash").withMethods("veo-3.1-lite-generate-001", "generateContent"));
        ModelCheck check = check(true, false);
        assertThat(check.listed(Models.DEFAULTS, ModelCheckTest::key).get(Model.VIDEO_VEO), is(false));
        ProviderException e = assertThrows(ProviderException.class, () -> check.verify(
                List.of(Model.VIDEO_VEO), Models.DEFAULTS, ModelCheckTest::key, (m, s) -> { }));
        assertThat(e.getMessage(), is("gemini does not serve the model veo-3.1-lite-generate-001 (GET /v1beta/models "
                                      + "lists it, but not for predictLongRunning). Change providers.models.video.veo "
                                      + "(PROVIDERS_MODELS_VIDEO_VEO)."));
    }

    @Test
    void withFallbackTheVendorsCurrentIdIsUsedAndSaid() throws Exception {
        Models models = configured(Map.of("providers.models.llm.openrouter", "anthropic/claude-gone",
                                          "providers.models.image.gemini", "gemini-2.0-image-gone"));
        List<String> said = new ArrayList<>();
        Models checked = check(true, true).verify(List.of(Model.LLM_OPENROUTER, Model.IMAGE_GEMINI), models,
                                                  ModelCheckTest::key, (m, s) -> said.add(m + ": " + s));
        assertThat(checked.id(Model.LLM_OPENROUTER), is("anthropic/claude-sonnet-5.5"));
        assertThat(checked.id(Model.IMAGE_GEMINI), is("gemini-3.1-flash-image"));
        assertThat(said, contains("LLM_OPENROUTER: openrouter does not serve the model anthropic/claude-gone (GET "
                                  + "/api/v1/models does not list it); using its current model anthropic/claude-sonnet-5.5 "
                                  + "instead. Change providers.models.llm.openrouter (PROVIDERS_MODELS_LLM_OPENROUTER).",
                                  "IMAGE_GEMINI: gemini does not serve the model gemini-2.0-image-gone (GET "
                                  + "/v1beta/models does not list it); using its current model gemini-3.1-flash-image "
                                  + "instead. Change providers.models.image.gemini (PROVIDERS_MODELS_IMAGE_GEMINI)."));
    }

    @Test
    void withFallbackAnUnlistedCurrentIdStillFails() {
        google.serving(ServedModels.google("gemini-3.5-flash"));
        assertThrows(ProviderException.class, () -> check(true, true).verify(
                List.of(Model.LLM_GEMINI), Models.DEFAULTS, ModelCheckTest::key, (m, s) -> { }));
    }

    @Test
    void aListThatCannotBeHadIsUnknownAndLetsTheJobGoAskedAgainAfterAMinute() throws Exception {
        google.close();
        google = new VendorDouble().on("GET", "/v1beta/models",
                VendorDouble.json(503, "{\"error\":{\"code\":503,\"message\":\"overloaded\",\"status\":\"UNAVAILABLE\"}}"));
        ModelCheck check = check(true, false);
        Models models = configured(Map.of("providers.models.llm.gemini", "gemini-anything"));
        assertThat(check.verify(List.of(Model.LLM_GEMINI), models, ModelCheckTest::key, (m, s) -> { }), is(models));
        assertThat(check.listed(models, ModelCheckTest::key).get(Model.LLM_GEMINI), is(nullValue()));
        assertThat("one attempt and one retry, then remembered", google.requests().size(), is(2));
        clock.advance(Duration.ofSeconds(61));
        check.listed(models, ModelCheckTest::key);
        assertThat(google.requests().size(), is(4));
    }

    @Test
    void anAnswerIsKeptForTheCacheTimeThenAskedAgain() throws Exception {
        ModelCheck check = check(true, false);
        check.verify(List.of(Model.LLM_OPENAI, Model.TTS_OPENAI), Models.DEFAULTS, ModelCheckTest::key, (m, s) -> { });
        check.listed(Models.DEFAULTS, ModelCheckTest::key);
        clock.advance(Duration.ofMinutes(59));
        check.listed(Models.DEFAULTS, ModelCheckTest::key);
        assertThat(openai.requests().size(), is(1));
        clock.advance(Duration.ofMinutes(2));
        check.listed(Models.DEFAULTS, ModelCheckTest::key);
        assertThat(openai.requests().size(), is(2));
    }

    @Test
    void withoutAKeyOrWhenDisabledNothingIsAskedAndNothingIsKnown() throws Exception {
        Models gone = configured(Map.of("providers.models.llm.anthropic", "claude-gone"));
        assertThat(check(true, false).verify(List.of(Model.LLM_ANTHROPIC), gone, k -> Optional.empty(), (m, s) -> { }),
                   is(gone));
        assertThat(check(false, false).verify(List.of(Model.LLM_ANTHROPIC), gone, ModelCheckTest::key, (m, s) -> { }),
                   is(gone));
        assertThat(check(false, false).listed(gone, ModelCheckTest::key).values().stream().distinct().toList(),
                   contains((Boolean) null));
        assertThat(anthropic.requests().size(), is(0));
    }

    @Test
    void everyIdIsSetByItsKeyOrItsEnvironmentVariable() {
        Map<String, String> env = new HashMap<>();
        for (Model m : Model.values()) {
            env.put(m.env(), "env-" + m.name());
        }
        Config config = Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .sources(ConfigSources.create(EnvironmentVariables.expand(env))).build();
        Models models = Models.from(k -> config.get(k).asString().asOptional());
        for (Model m : Model.values()) {
            assertThat(models.id(m), is("env-" + m.name()));
            assertThat(models.choice(m).setting(), is(m.key() + " (" + m.env() + ")"));
        }
        assertThat(Model.LLM_GEMINI.env(), is("PROVIDERS_MODELS_LLM_GEMINI"));
        assertThat("blank keeps the default", configured(Map.of("providers.models.music.lyria", " ")).id(Model.MUSIC_LYRIA),
                   is("lyria-3.5"));
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-08T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
