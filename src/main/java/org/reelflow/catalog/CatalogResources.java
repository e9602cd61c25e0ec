package org.reelflow.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonStructure;

/** Reads the catalogue's JSON files from the classpath; a missing or broken file is a packaging bug, so it throws. */
final class CatalogResources {

    private CatalogResources() {
    }

    static JsonStructure read(String path) {
        try (InputStream in = CatalogResources.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + path);
            }
            try (var reader = Json.createReader(in)) {
                return reader.read();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        } catch (JsonException e) {
            throw new IllegalStateException("Invalid catalogue file " + path + ": " + e.getMessage(), e);
        }
    }
}
