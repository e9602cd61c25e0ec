package org.reelflow.stages;

/** The dry-run rule shared by the stages after the director: plan only, skip with OpenReels' reason. */
final class DryRun {

    static final String REASON = "dry run";

    /** The skip reason of a media stage: "dry run" on a dry run, else none. */
    static java.util.Optional<String> skipReason(org.reelflow.pipeline.StageContext ctx) {
        return ctx.request().dryRun() ? java.util.Optional.of(REASON) : java.util.Optional.empty();
    }

    private DryRun() {
    }
}
