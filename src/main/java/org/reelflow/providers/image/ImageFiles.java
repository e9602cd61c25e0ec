package org.reelflow.providers.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

import org.reelflow.files.AtomicFiles;
import org.reelflow.providers.vendor.VendorCall;
import org.reelflow.providers.ProviderException;

/** Checks a vendor's picture decodes, and writes it as PNG atomically. */
final class ImageFiles {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private ImageFiles() {
    }

    static Path writePng(VendorCall call, byte[] bytes, Path out) throws ProviderException {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            image = null;
        }
        if (image == null || image.getWidth() < 16 || image.getHeight() < 16) {
            throw call.malformed("sent image data that does not decode as a picture (" + bytes.length + " bytes)");
        }
        try {
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            BufferedImage decoded = image;
            AtomicFiles.write(out, AtomicFiles.partNextTo(out), part -> {
                if (startsWith(bytes, PNG)) {
                    Files.write(part, bytes);
                } else if (!ImageIO.write(decoded, "png", part.toFile())) {
                    throw new IOException("no PNG writer");
                }
            });
            return out;
        } catch (IOException e) {
            throw new ProviderException(call.provider(), ProviderException.Kind.NETWORK, 0,
                                        "could not write " + out.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
