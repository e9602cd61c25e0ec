package org.reelflow.providers.stock;

import java.nio.file.Path;
import java.util.List;

import org.reelflow.providers.ProviderException;

/** A stock photo/footage library. */
public interface StockSource {

    /** {@code pexels} or {@code pixabay}. */
    String provider();

    /**
     * The vendor's hits for {@code query}, best first (the vendor's order). An empty list means nothing usable,
     * including the cases OpenReels treats as "no results" (Pexels 429, any Pixabay HTTP error).
     */
    List<StockCandidate> search(String query, boolean video) throws ProviderException, InterruptedException;

    /**
     * The candidate's file in {@code dir} (a cache: an existing complete file is reused). Written atomically, so a
     * concurrent or interrupted download never leaves a partial file under the final name.
     */
    Path download(StockCandidate candidate, Path dir) throws ProviderException, InterruptedException;
}
