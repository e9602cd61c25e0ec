package org.reelflow.providers.stock;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.reelflow.files.AtomicFiles;
import org.reelflow.providers.ProviderException;
import org.reelflow.providers.stock.StockResolution.Attempt;
import org.reelflow.providers.stock.StockResolution.Method;
import org.reelflow.providers.stock.StockResolution.Result;

/**
 * OpenReels' adaptive stock resolver ({@code adaptive-resolver.ts}) for one {@code stock_image}/{@code stock_video}
 * scene:
 * <ol>
 *   <li>Queries start as {@code [visualPrompt]}. For each query, each source in order (primary first) is searched
 *       while fewer than {@code maxApiCalls} searches (default 4) were made for this scene.</li>
 *   <li>Of each search, the top 3 photos / top 1 clip not seen before in this scene are downloaded lazily into the
 *       cache and judged; a candidate is accepted iff the judge says relevant with confidence ≥ threshold (0.6).
 *       The best accepted candidate of that search wins.</li>
 *   <li>After the first query fails on every source, the query is rewritten once ({@link QueryReformer}; a failure
 *       keeps just the original) and the new queries are tried.</li>
 *   <li>Exhausted: {@code stock_fallback}, then the {@link ImageFallback} with a rejection context built from up to
 *       three rejected candidates.</li>
 * </ol>
 * Departures from OpenReels, on purpose: a judge error makes the candidate <em>unverified</em> (reported
 * {@code stock_unverified}, not {@code stock_verified}), and a verified candidate of the same search is preferred
 * to it; a failing search or download is recorded and the next source is tried instead of failing the scene;
 * cache writes are atomic and cache names carry the provider (Pexels and Pixabay ids can collide); reformulated
 * queries that repeat an earlier one are dropped; with no source at all, no reformulation is attempted.
 * <p>
 * Safe for concurrent scenes; an interrupt ends a resolution at once with {@link InterruptedException}.
 */
public final class AdaptiveStockResolver {

    private static final Logger LOG = Logger.getLogger(AdaptiveStockResolver.class.getName());

    /**
     * @param verify      judge candidates ({@code --no-stock-verify} turns it off)
     * @param threshold   minimum confidence of an accepted candidate
     * @param maxApiCalls stock searches per scene
     */
    public record Options(boolean verify, double threshold, int maxApiCalls) {
        public static final Options DEFAULTS = new Options(true, 0.6, 4);

        public Options {
            if (maxApiCalls < 1) {
                throw new IllegalArgumentException("maxApiCalls must be at least 1");
            }
        }
    }

    /** One scene to resolve; the chosen file is copied to {@code assetsDir/scene-<scene>-stock.<ext>}. */
    public record StockRequest(int scene, String visualPrompt, String narration, boolean video, Path assetsDir) {
    }

    static final int IMAGE_CANDIDATES = 3;
    static final int VIDEO_CANDIDATES = 1;
    static final int MAX_REJECTIONS_IN_CONTEXT = 3;

    private final List<StockSource> sources;
    private final VisionJudge judge;
    private final QueryReformer reformer;
    private final FrameGrabber frames;
    private final Path cacheDir;
    private final Options options;

    /**
     * @param sources primary first; may be empty (every scene then goes to the fallback)
     * @param judge   may be null only when {@code options.verify()} is false
     */
    public AdaptiveStockResolver(List<StockSource> sources, VisionJudge judge, QueryReformer reformer, FrameGrabber frames,
                                 Path cacheDir, Options options) {
        if (options.verify() && judge == null) {
            throw new IllegalArgumentException("verification needs a VisionJudge");
        }
        this.sources = List.copyOf(sources);
        this.judge = judge;
        this.reformer = reformer;
        this.frames = frames;
        this.cacheDir = cacheDir;
        this.options = options;
    }

    private record Judged(StockSource source, StockCandidate candidate, Path file, String query, double confidence, String reason) {
    }

    /**
     * Resolves one scene, reporting each step to {@code events} as it happens.
     *
     * @param fallback makes the AI picture when stock fails; null leaves that to the caller ({@code file} null)
     */
    public StockResolution resolve(StockRequest req, ImageFallback fallback, Consumer<StockEvent> events) throws InterruptedException {
        List<Attempt> attempts = new ArrayList<>();
        List<String> queries = new ArrayList<>(List.of(req.visualPrompt()));
        Set<String> seen = new HashSet<>();
        int calls = 0;
        boolean reformulated = false;
        int perSearch = req.video() ? VIDEO_CANDIDATES : IMAGE_CANDIDATES;

        for (int qi = 0; qi < queries.size() && calls < options.maxApiCalls(); qi++) {
            String query = queries.get(qi);
            for (StockSource source : sources) {
                if (calls >= options.maxApiCalls()) {
                    break;
                }
                calls++;
                List<StockCandidate> found;
                try {
                    found = source.search(query, req.video());
                } catch (ProviderException e) {
                    attempts.add(new Attempt(query, source.provider(), null, Result.ERROR, null, e.getMessage()));
                    LOG.log(Level.INFO, "scene {0}: {1} search failed: {2}", new Object[] {req.scene(), source.provider(), e.getMessage()});
                    continue;
                }
                List<StockCandidate> fresh = found.stream().filter(c -> !seen.contains(c.key())).limit(perSearch).toList();
                if (fresh.isEmpty()) {
                    attempts.add(new Attempt(query, source.provider(), null, Result.NOT_FOUND, null, null));
                    continue;
                }
                Judged best = null;
                Judged unverified = null;
                for (StockCandidate c : fresh) {
                    seen.add(c.key());
                    Path file;
                    try {
                        file = source.download(c, cacheDir);
                    } catch (ProviderException e) {
                        attempts.add(new Attempt(query, c.provider(), c.key(), Result.ERROR, null, "download failed: " + e.getMessage()));
                        continue;
                    }
                    if (!options.verify()) {
                        attempts.add(new Attempt(query, c.provider(), c.key(), Result.UNVERIFIED, null, null));
                        events.accept(new StockEvent.Unverified(req.scene(), query, "verification disabled"));
                        return use(req, Method.STOCK_UNVERIFIED, new Judged(source, c, file, query, -1, null), attempts);
                    }
                    VisionJudge.Verdict v;
                    try {
                        v = judge.judge(req.video() ? frame(file) : file, req.visualPrompt(), req.narration());
                        if (v == null) {
                            throw new IllegalStateException("the judge gave no verdict");
                        }
                    } catch (InterruptedException e) {
                        throw e;
                    } catch (Exception e) {
                        String reason = "verification failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                        attempts.add(new Attempt(query, c.provider(), c.key(), Result.UNVERIFIED, -1.0, reason));
                        if (unverified == null) {
                            unverified = new Judged(source, c, file, query, -1, reason);
                        }
                        continue;
                    }
                    if (v.relevant() && v.confidence() >= options.threshold()) {
                        attempts.add(new Attempt(query, c.provider(), c.key(), Result.VERIFIED, v.confidence(), v.reason()));
                        events.accept(new StockEvent.Verified(req.scene(), query, v.confidence(), v.reason()));
                        if (best == null || v.confidence() > best.confidence()) {
                            best = new Judged(source, c, file, query, v.confidence(), v.reason());
                        }
                    } else {
                        attempts.add(new Attempt(query, c.provider(), c.key(), Result.REJECTED, v.confidence(), v.reason()));
                        events.accept(new StockEvent.Rejected(req.scene(), query, v.confidence(), v.reason()));
                    }
                }
                if (best != null) {
                    return use(req, Method.STOCK_VERIFIED, best, attempts);
                }
                if (unverified != null) {
                    events.accept(new StockEvent.Unverified(req.scene(), unverified.query(), unverified.reason()));
                    return use(req, Method.STOCK_UNVERIFIED, unverified, attempts);
                }
            }
            if (qi == 0 && !reformulated && !sources.isEmpty() && calls < options.maxApiCalls()) {
                reformulated = true;
                events.accept(new StockEvent.Reformulated(req.scene(), List.of()));
                List<String> more = reformulate(req);
                events.accept(new StockEvent.Reformulated(req.scene(), more));
                Set<String> known = new HashSet<>();
                queries.forEach(q -> known.add(norm(q)));
                for (String q : more) {
                    if (known.add(norm(q))) {
                        queries.add(q);
                    }
                }
            }
        }

        events.accept(new StockEvent.Fallback(req.scene(), attempts.size()));
        String context = rejectionContext(attempts);
        if (fallback == null) {
            return new StockResolution(req.scene(), Method.AI_FALLBACK, null, null, null, -1, attempts, req.visualPrompt(), context, null);
        }
        try {
            Path picture = fallback.generate(req.visualPrompt(), req.narration(), context);
            return new StockResolution(req.scene(), Method.AI_FALLBACK, picture, null, null, -1, attempts, req.visualPrompt(), context, null);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            LOG.log(Level.WARNING, "scene " + req.scene() + ": AI fallback failed after " + attempts.size() + " stock attempts", e);
            return new StockResolution(req.scene(), Method.AI_FALLBACK, null, null, null, -1, attempts, req.visualPrompt(), context,
                                       String.valueOf(e.getMessage()));
        }
    }

    private List<String> reformulate(StockRequest req) throws InterruptedException {
        try {
            List<String> got = reformer == null ? null : reformer.reformulate(req.visualPrompt(), req.narration());
            List<String> clean = got == null ? List.of()
                    : got.stream().filter(q -> q != null && !q.isBlank()).map(String::strip).toList();
            return clean.isEmpty() ? List.of(req.visualPrompt()) : clean;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            LOG.log(Level.INFO, "scene {0}: query reformulation failed: {1}", new Object[] {req.scene(), e.getMessage()});
            return List.of(req.visualPrompt());
        }
    }

    /** Copies the chosen cached file to the scene's asset name, atomically. */
    private StockResolution use(StockRequest req, Method method, Judged j, List<Attempt> attempts) throws InterruptedException {
        Path dest = req.assetsDir().resolve("scene-" + req.scene() + "-stock." + j.candidate().extension());
        try {
            Files.createDirectories(req.assetsDir());
            try (InputStream in = Files.newInputStream(j.file())) {
                AtomicFiles.copy(in, dest);
            }
        } catch (InterruptedIOException e) {
            // A cancel during the copy is a cancel, not a failure to place the asset.
            Thread.interrupted();
            throw new InterruptedException(e.getMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not place the stock asset for scene " + req.scene(), e);
        }
        return new StockResolution(req.scene(), method, dest, j.candidate(), j.query(), j.confidence(), attempts, req.visualPrompt(), null, null);
    }

    private Path frame(Path video) throws IOException, InterruptedException {
        if (frames == null) {
            throw new IOException("no frame grabber to judge footage");
        }
        return frames.grab(video, video.resolveSibling(video.getFileName() + ".frame.png"));
    }

    /** Up to three rejected candidates, for the AI picture's prompt; null when nothing was rejected. */
    static String rejectionContext(List<Attempt> attempts) {
        List<String> lines = attempts.stream().filter(a -> a.result() == Result.REJECTED && a.reason() != null)
                .limit(MAX_REJECTIONS_IN_CONTEXT)
                .map(a -> String.format(Locale.ROOT, "\"%s\" returned: %s (confidence: %.2f)", a.query(), a.reason(),
                                        a.confidence() == null ? 0.0 : a.confidence()))
                .toList();
        if (lines.isEmpty()) {
            return null;
        }
        return "Stock search found nothing usable. Rejected results:\n" + String.join("\n", lines)
               + "\nMake an image that matches the original request and avoids what those results showed.";
    }

    private static String norm(String q) {
        return q.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** Distinct, for callers that want to display the sources used. */
    public List<String> providers() {
        return new ArrayList<>(new LinkedHashSet<>(sources.stream().map(StockSource::provider).toList()));
    }
}
