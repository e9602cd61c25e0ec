package org.reelflow.stages;

import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import org.reelflow.events.StageName;
import org.reelflow.cost.SpendGuard;
import org.reelflow.media.voice.FestivalVoice;
import org.reelflow.media.voice.VoiceEngine;
import org.reelflow.media.voice.Voiceover;
import org.reelflow.pipeline.Stage;
import org.reelflow.pipeline.StageContext;
import org.reelflow.pipeline.StageResult;
import org.reelflow.score.Scene;

/** Speaks the whole script in one take (the scenes' lines joined by a space) and keeps every word's timing. */
public final class TtsStage implements Stage {

    @Override
    public StageName name() {
        return StageName.TTS;
    }

    @Override
    public Optional<String> skipReason(StageContext ctx) {
        return DryRun.skipReason(ctx);
    }

    @Override
    public StageResult run(StageContext ctx) throws Exception {
        String script = ctx.production().score().scenes().stream().map(Scene::scriptLine).collect(Collectors.joining(" "));
        VoiceEngine voice = ctx.production().voice();
        double price = SpendGuard.speechPrice(voice.provider(), script.length());
        if (!ctx.production().spendGuard().allow(price)) {
            // The free fallback: the offline voice speaks the same script, with exact word timings.
            ctx.recoverableError(name(), ctx.production().spendGuard().refusal(voice.provider() + " speech", price)
                                         + ": using the offline voice");
            voice = new FestivalVoice();
            ctx.production().voice(voice);
        }
        Voiceover v = voice.synthesize(script, ctx.runDir().resolve("assets"));
        ctx.production().voiceover(v);
        JsonArrayBuilder words = Json.createArrayBuilder();
        v.words().forEach(w -> words.add(w.toJson()));
        ctx.job().output("words", words.build());
        ctx.job().output("voiceover", Json.createObjectBuilder()
                .add("path", ctx.runDir().getFileName() + "/assets/" + v.audio().getFileName())
                .add("provider", voice.provider()).add("durationSec", v.durationSec()).build());
        return StageResult.complete(v.words().size() + " words");
    }
}
