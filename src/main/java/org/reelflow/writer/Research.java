package org.reelflow.writer;

import java.util.List;

/** What the research stage learned about the topic. {@code sources} stays server-side, as in OpenReels. */
public record Research(String summary, List<String> keyFacts, String mood, List<String> sources) {

    public Research {
        keyFacts = List.copyOf(keyFacts);
        sources = List.copyOf(sources);
    }

    /** OpenReels' stand-in when research fails ("web search failed"): the pipeline carries on without facts. */
    public static Research fallback(String topic) {
        return new Research("Topic: " + topic, List.of(), "informative", List.of());
    }
}
