package org.reelflow.media.render;

import java.nio.file.Path;

/**
 * One scene as the renderer sees it. {@code transition} is resolved (none|crossfade|slide_left|slide_right|wipe|flip)
 * and leads into the next scene; {@code asset} is an image or a video, or null for a text card (and for a scene whose
 * asset failed, which then gets a procedural illustration rather than a black hole).
 */
public record RenderScene(String visualType, String motion, String transition, String scriptLine, String visualPrompt,
                          Path asset) {
}
