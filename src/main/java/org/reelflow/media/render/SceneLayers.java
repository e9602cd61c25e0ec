package org.reelflow.media.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.reelflow.media.visuals.Headline;
import org.reelflow.media.visuals.Illustration;

/** Chooses and prepares the layer that draws a scene, from its visual type and asset. */
final class SceneLayers {

    private static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "mov", "webm", "mkv", "m4v");
    private static final Set<String> PICTURE_TYPES = Set.of("ai_image", "stock_image", "stock_video", "ai_video");

    private SceneLayers() {
    }

    static SceneLayer open(RenderScene scene, int index, int frames, Look look, VideoFormat format, ProcessSet processes)
            throws IOException {
        String type = scene.visualType() == null ? "" : scene.visualType();
        if (!PICTURE_TYPES.contains(type)) {
            // text_card, and any unknown type as in the reference
            return new TextCardLayer(Headline.from(scene.visualPrompt(), scene.scriptLine(), 9), look.cardLook(), format);
        }
        Path asset = scene.asset();
        if (asset != null && Files.isReadable(asset) && VIDEO_EXTENSIONS.contains(extension(asset))) {
            return new VideoClipLayer(asset, !"ai_video".equals(type), format, processes);
        }
        Motion motion = Motion.parse(scene.motion());
        boolean videoFellBack = type.endsWith("_video");
        BufferedImage picture = asset != null && Files.isReadable(asset) ? ImageIO.read(asset.toFile()) : null;
        if (picture == null) {
            // never a black scene: a failed or missing asset becomes a designed card in the archetype's palette
            picture = Illustration.paint(look.cardLook(), index, scene.visualPrompt(), scene.scriptLine(),
                                         format.width(), format.height());
            videoFellBack = true;
        }
        if (videoFellBack && motion == Motion.STATIC) {
            motion = Motion.ZOOM_IN;   // the reference's rule for a still standing in for footage
        }
        return new StillLayer(picture, motion, look.motionIntensity(), frames, format);
    }

    private static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
