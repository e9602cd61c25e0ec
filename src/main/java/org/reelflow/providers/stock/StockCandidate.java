package org.reelflow.providers.stock;

import java.net.URI;

/**
 * One search hit, not yet downloaded.
 *
 * @param provider        {@code pexels} or {@code pixabay}
 * @param id              the vendor's id (unique within the provider)
 * @param url             the file to download (the chosen size/rendition)
 * @param width           pixels of that file when known, else the original's; 0 when unknown
 * @param durationSeconds a video's length; 0 for images
 * @param pageUrl         the vendor's page for attribution
 * @param credit          the photographer / uploader
 */
public record StockCandidate(String provider, String id, boolean video, URI url, int width, int height, double durationSeconds,
                             String pageUrl, String credit) {

    /** Unique across providers (Pexels and Pixabay ids can collide). */
    public String key() {
        return provider + "-" + id;
    }

    /** The file extension for this candidate: from the URL when it has a known one, else jpg / mp4. */
    public String extension() {
        String path = url.getPath() == null ? "" : url.getPath().toLowerCase(java.util.Locale.ROOT);
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1);
        if (video) {
            return ext.equals("webm") || ext.equals("mov") ? ext : "mp4";
        }
        return switch (ext) {
            case "png", "webp" -> ext;
            default -> "jpg";
        };
    }

    /** The cache file name: provider, id (made path-safe) and extension. */
    public String fileName() {
        return provider + "-" + id.replaceAll("[^A-Za-z0-9_-]", "_") + (video ? "-video." : "-image.") + extension();
    }
}
