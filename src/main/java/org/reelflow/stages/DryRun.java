package org.reelflow.stages;

/** The dry-run rule shared by the stages after the director: plan only, skip with OpenReels' reason. */
final class DryRun {

    static final String REASON = "dry run";

    private DryRun() {
    }
}
