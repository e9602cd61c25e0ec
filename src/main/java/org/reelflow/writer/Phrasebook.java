package org.reelflow.writer;

import java.util.List;
import java.util.Map;

/**
 * The offline writer's sentences. Cores carry the idea ({x} is the subject or a focus phrase); fillers are short
 * neutral sentences, keyed by word count, that pad a line to an exact budget. None of them states a fact about the
 * topic: with no knowledge source the narration frames questions and angles instead.
 */
final class Phrasebook {

    static final List<String> HOOK_CORES = List.of(
            "Everything you think you know about {x} deserves a second look.",
            "You have heard of {x}, but have you really looked closely?",
            "What if {x} is not what you think?",
            "Here is {x} like you have never seen it.",
            "Give me one minute on {x}.",
            "Let's talk about {x}.");
    static final String HOOK_FALLBACK = "Here is something worth a closer look.";

    static final Map<Integer, List<String>> HOOK_FILLERS = Map.of(
            1, List.of("Ready?"),
            2, List.of("Watch closely."),
            3, List.of("Stay with me.", "Let's find out."),
            4, List.of("This might surprise you."),
            5, List.of("Here is the short version."),
            6, List.of("It is worth a closer look."),
            7, List.of("Let me show you what I mean."),
            8, List.of("Stay with me, and it will make sense."));

    /** One body beat per angle; {@code headline} is the text-card title for it. */
    record Angle(String researchAngle, String headline, List<String> cores) {
    }

    static final List<Angle> ANGLES = List.of(
            new Angle("What {x} is", "The Basics",
                      List.of("Start with the basics of {x}.", "First, what is {x}, really?")),
            new Angle("Where {x} comes from", "Where It Began",
                      List.of("Now look at where {x} comes from.", "Trace {x} back to the start.")),
            new Angle("Why {x} matters today", "Why It Matters",
                      List.of("Ask why {x} matters to people today.", "So why does {x} matter?")),
            new Angle("What people often get wrong about {x}", "Common Myths",
                      List.of("Notice what people often get wrong about {x}.", "Question the myths about {x}.")),
            new Angle("Who {x} touches in everyday life", "Who It Touches",
                      List.of("Ask who {x} touches in everyday life.", "Who does {x} touch?")),
            new Angle("What makes {x} stand out", "What Stands Out",
                      List.of("Notice what makes {x} stand out.", "What sets {x} apart?")),
            new Angle("The small details of {x}", "The Small Details",
                      List.of("Zoom in on the small details of {x}.", "Look at {x} up close.")),
            new Angle("How {x} looks from another angle", "A New Angle",
                      List.of("Picture {x} from a completely different angle.", "See {x} from another side.")),
            new Angle("The bigger picture around {x}", "The Bigger Picture",
                      List.of("Now step back and see the bigger picture around {x}.", "Step back from {x}.")),
            new Angle("Where {x} could go next", "What Comes Next",
                      List.of("Think about where {x} could go next.", "Where does {x} go next?")));

    /** For a focus phrase taken from the producer's direction. */
    static final List<String> FOCUS_CORES = List.of(
            "Now turn to {x}, because it deserves attention.",
            "Now turn to {x}.",
            "Consider {x}.");
    /** For a statement quoted from the producer's direction; {x} is the whole sentence. */
    static final List<String> STATEMENT_CORES = List.of("Keep this in mind: {x}", "{x}");
    static final List<String> BODY_FALLBACKS = List.of("Consider {x} up close.", "Consider this.");

    static final Map<Integer, List<String>> BODY_FILLERS = Map.of(
            1, List.of("Really.", "Interesting.", "Notice?"),
            2, List.of("Look closer.", "Think again.", "Pause here."),
            3, List.of("Think about that.", "Here is why.", "Keep watching closely."),
            4, List.of("Keep that in mind.", "Small details add up.", "It adds up quickly."),
            5, List.of("The details tell the story.", "That is the real question.", "There is more to it."),
            6, List.of("It is worth a second look.", "That changes how it all feels.", "Most of us never stop there."),
            7, List.of("Hold on to that for a moment.", "And that shapes how we see it.",
                       "It is easy to miss at first."),
            8, List.of("That is where the story gets more interesting.", "Once you see it, it stays with you.",
                       "And that is only part of the picture."));

    static final List<String> CTA_CORES = List.of(
            "Follow for more stories like this one.",
            "Share this with someone who would enjoy it.",
            "If this made you curious, follow for more.",
            "Which part surprised you most? Tell me in the comments.",
            "Save this for later, and follow for more short explainers.",
            "Follow for more, and tell me what you think in the comments.");
    static final String CTA_HEADLINE = "Follow For More";

    static final Map<Integer, List<String>> CTA_FILLERS = Map.of(
            1, List.of("Cheers."),
            2, List.of("Stay curious."),
            3, List.of("Thanks for watching."),
            4, List.of("See you next time."),
            5, List.of("Share it with a friend."),
            6, List.of("And share it with a friend."),
            7, List.of("Thanks for watching, see you next time."),
            8, List.of("Your support helps me make more of these."));

    /** Words that mark a closing call to action (the critic looks for one in the last line). */
    static final List<String> CTA_MARKERS = List.of(
            "follow", "subscribe", "share", "comment", "save this", "tell me", "let me know", "link in bio");

    static final List<String> EMOTIONAL_ARCS = List.of(
            "curiosity to clarity", "intrigue to understanding", "question to insight", "surprise to perspective");

    /** Appended to a stock query with one or two content words so it has the 3-5 words stock search wants. */
    static final Map<Integer, String> STOCK_PADDING = Map.of(1, "close up", 2, "photo");

    /** Ordered: the first adjective of an archetype's mood that appears here picks the music. */
    static final Map<String, String> MUSIC_BY_MOOD_WORD = Map.ofEntries(
            Map.entry("bold", "epic_cinematic"), Map.entry("intense", "epic_cinematic"),
            Map.entry("epic", "epic_cinematic"), Map.entry("dramatic", "epic_cinematic"),
            Map.entry("energetic", "uplifting_pop"), Map.entry("aspirational", "uplifting_pop"),
            Map.entry("fast-paced", "tense_electronic"), Map.entry("tense", "dark_cinematic"),
            Map.entry("foreboding", "dark_cinematic"), Map.entry("mysterious", "mysterious_ambient"),
            Map.entry("contemplative", "mysterious_ambient"), Map.entry("awe-inspiring", "dreamy_ethereal"),
            Map.entry("dreamlike", "dreamy_ethereal"), Map.entry("serene", "dreamy_ethereal"),
            Map.entry("warm", "warm_acoustic"), Map.entry("nostalgic", "warm_acoustic"),
            Map.entry("intimate", "warm_acoustic"));
    static final String DEFAULT_MUSIC = "chill_lofi";

    private Phrasebook() {
    }
}
