package org.reelflow.providers.stock;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.reelflow.providers.KeyRing;
import org.reelflow.providers.http.ProviderHttp;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Building stock sources from a job's keys. */
class StockSourcesTest {

    static java.util.List<String> available(String preferred, Map<String, String> keys) {
        return StockSources.available(preferred, new KeyRing(keys, n -> null), ProviderHttp.create(), StockSettings.defaults()).stream()
                .map(StockSource::provider).toList();
    }

    @Test
    void aMissingKeyIsNamedBeforeAnyCall() {
        KeyRing none = new KeyRing(Map.of(), n -> null);
        IllegalStateException p = assertThrows(IllegalStateException.class,
                () -> StockSources.create("pexels", none, ProviderHttp.create(), StockSettings.defaults()));
        assertThat(p.getMessage(), is("PEXELS_API_KEY is required"));
        IllegalStateException x = assertThrows(IllegalStateException.class,
                () -> StockSources.create("pixabay", none, ProviderHttp.create(), StockSettings.defaults()));
        assertThat(x.getMessage(), is("PIXABAY_API_KEY is required"));
        assertThrows(IllegalArgumentException.class, () -> StockSources.create("unsplash", none, ProviderHttp.create(), StockSettings.defaults()));
    }

    @Test
    void availableSourcesArePrimaryFirstAndOnlyWithKeys() {
        assertThat(available(null, Map.of()), empty());
        assertThat(available(null, Map.of("PIXABAY_API_KEY", "x")), contains("pixabay"));
        assertThat(available(null, Map.of("PEXELS_API_KEY", "p", "PIXABAY_API_KEY", "x")), contains("pexels", "pixabay"));
        assertThat(available("pixabay", Map.of("PEXELS_API_KEY", "p", "PIXABAY_API_KEY", "x")), contains("pixabay", "pexels"));
    }
}
