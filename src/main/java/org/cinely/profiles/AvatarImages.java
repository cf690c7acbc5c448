package org.cinely.profiles;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns an uploaded picture into an avatar: the bytes are decoded (whatever the file is called),
 * only JPEG, PNG and WebP are accepted, the picture is cropped to a centred square, scaled to
 * {@value #SIZE} px and written anew as JPEG, so nothing of the original file (EXIF, GPS, comments,
 * trailing data) survives.
 */
final class AvatarImages {

    static final int SIZE = 400;
    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final int MAX_PIXELS_SIDE = 10_000;
    static final String CONTENT_TYPE = "image/jpeg";
    private static final Set<String> FORMATS = Set.of("jpeg", "jpg", "png", "webp");

    /** Why an upload was refused: a message key for the field error. */
    static final class Refused extends Exception {
        private final String messageKey;

        Refused(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }
    }

    private AvatarImages() {}

    static byte[] toAvatar(byte[] upload) throws Refused {
        if (upload == null || upload.length == 0) {
            throw new Refused("avatar.empty");
        }
        if (upload.length > MAX_BYTES) {
            throw new Refused("avatar.too-large");
        }
        BufferedImage image = decode(upload).orElseThrow(() -> new Refused("avatar.not-an-image"));
        return encode(squareAndScale(image));
    }

    private static Optional<BufferedImage> decode(byte[] bytes) throws Refused {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            if (in == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!FORMATS.contains(format)) {
                    throw new Refused("avatar.wrong-format");
                }
                reader.setInput(in, true, true);
                // Look at the size before decoding, so a tiny file claiming huge dimensions
                // (a decompression bomb) never gets to allocate the pixels.
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || width > MAX_PIXELS_SIDE || height > MAX_PIXELS_SIDE) {
                    throw new Refused("avatar.dimensions");
                }
                return Optional.ofNullable(reader.read(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException broken) {
            return Optional.empty();
        }
    }

    private static BufferedImage squareAndScale(BufferedImage source) {
        int side = Math.min(source.getWidth(), source.getHeight());
        int x = (source.getWidth() - side) / 2;
        int y = (source.getHeight() - side) / 2;
        int target = Math.min(SIZE, side);
        BufferedImage out = new BufferedImage(target, target, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(new Color(0x1f, 0x22, 0x28)); // transparent parts become the card colour
            g.fillRect(0, 0, target, target);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.drawImage(source, 0, 0, target, target, x, y, x + side, y + side, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.86f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("Could not encode an avatar", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
