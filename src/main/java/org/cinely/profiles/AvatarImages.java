package org.cinely.profiles;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.SampleModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns an uploaded picture into an avatar: the bytes are decoded (whatever the file is called),
 * only JPEG, PNG and WebP are accepted, the picture is cropped to a centred square, turned upright
 * (a phone photo's EXIF orientation), scaled to {@value #SIZE} px and written anew as JPEG, so
 * nothing of the original file (EXIF, GPS, comments, trailing data) survives.
 *
 * <p>A small file can claim a huge picture (a 16-bit 10,000 × 10,000 PNG of one colour is under
 * 1 MB and 800 MB once decoded), so the header is read first and decoding is bounded three ways:
 * the picture's size ({@link #MAX_PIXELS} and {@link #MAX_RAW_BYTES}, which also caps bit depth),
 * the memory of one decode (only the centred square is read, subsampled to at most twice the
 * avatar's side, see {@link #subsampling}) and the number of decodes at once ({@link #DECODES}).
 */
final class AvatarImages {

    static final int SIZE = 400;
    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final int MAX_PIXELS_SIDE = 10_000;

    /**
     * 40 megapixels: more than any phone or camera writes into a photo that fits in 5 MB (12-24 MP
     * is usual; 48-50 MP modes give files of 10 MB and more), yet a bound on the work of one
     * decode, which reads every row whatever is kept (about 1 s per 40 MP on one core).
     */
    static final long MAX_PIXELS = 40_000_000L;

    /**
     * The picture's samples as stored, 160 MB: 40 MP at 8 bits for each of four channels. A 16-bit
     * picture (a PNG exported for print) has twice the bytes to inflate per pixel, so it may have
     * half the pixels; 16 bits a sample is the most the accepted formats have. Photos at 16 bits
     * compress so little that one within this bound is far over 5 MB: only a bomb meets it.
     */
    static final long MAX_RAW_BYTES = MAX_PIXELS * 4;

    /** At most this many pictures are decoded at once; the rest wait for {@link #BUSY_WAIT_SECONDS}. */
    static final int CONCURRENT_DECODES = 2;

    static final long BUSY_WAIT_SECONDS = 3;

    /**
     * Process-wide on purpose, like the heap it protects. Two decodes (each at most a few tens of
     * MB, see the class comment) keep a 2-core machine responsive; a third upload waits a few
     * seconds, then is asked to try again instead of piling up.
     */
    static final Semaphore DECODES = new Semaphore(CONCURRENT_DECODES, true);

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
        boolean acquired;
        try {
            acquired = DECODES.tryAcquire(BUSY_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("avatar.busy");
        }
        if (!acquired) {
            throw new Refused("avatar.busy");
        }
        try {
            Decoded decoded = decode(upload);
            return encode(upright(squareAndScale(decoded.image()), decoded.orientation()));
        } finally {
            DECODES.release();
        }
    }

    /** The picture as read (the centred square, perhaps subsampled) and its EXIF orientation (1-8). */
    private record Decoded(BufferedImage image, int orientation) {}

    private static Decoded decode(byte[] bytes) throws Refused {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            if (in == null) {
                throw new Refused("avatar.not-an-image");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new Refused("avatar.not-an-image");
            }
            ImageReader reader = readers.next();
            try {
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!FORMATS.contains(format)) {
                    throw new Refused("avatar.wrong-format");
                }
                reader.setInput(in, true, true);
                // Only the header so far: the pixels are allocated after these checks.
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || width > MAX_PIXELS_SIDE || height > MAX_PIXELS_SIDE) {
                    throw new Refused("avatar.dimensions");
                }
                long pixels = (long) width * height;
                if (pixels > MAX_PIXELS) {
                    throw new Refused("avatar.too-many-pixels");
                }
                if (pixels * bitsPerPixel(reader) / 8 > MAX_RAW_BYTES) {
                    throw new Refused("avatar.bit-depth");
                }
                int side = Math.min(width, height);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceRegion(new Rectangle((width - side) / 2, (height - side) / 2, side, side));
                int step = subsampling(side);
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw new Refused("avatar.not-an-image");
                }
                int orientation = format.startsWith("jp") ? exifOrientation(bytes) : 1;
                return new Decoded(image, orientation);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException broken) {
            throw new Refused("avatar.not-an-image");
        }
    }

    /**
     * Every n-th pixel of every n-th row, so the square read is at least twice the avatar's side
     * (enough for a smooth scale-down) and under four times: at most 1,600 × 1,600 pixels, some
     * 20 MB even at 16 bits and four channels.
     */
    static int subsampling(int side) {
        return Math.max(1, side / (2 * SIZE));
    }

    /** Bits of one pixel as the file stores it (16-bit RGBA: 64), from the header. */
    private static int bitsPerPixel(ImageReader reader) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            type = types.hasNext() ? types.next() : null;
        }
        if (type == null) {
            return 32;
        }
        SampleModel samples = type.getSampleModel(1, 1);
        int bits = 0;
        for (int size : samples.getSampleSize()) {
            bits += size;
        }
        return Math.max(bits, 1);
    }

    /**
     * The EXIF Orientation tag of a JPEG (1, upright, when there is none or it cannot be read: a
     * photo is then shown as stored rather than refused).
     */
    static int exifOrientation(byte[] jpeg) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            List<JPEGSegment> exif = JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif");
            if (exif.isEmpty()) {
                return 1;
            }
            InputStream data = exif.get(0).data();
            data.read(); // the pad byte after "Exif\0"
            try (ImageInputStream tiff = ImageIO.createImageInputStream(data)) {
                Directory directory = new TIFFReader().read(tiff);
                Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
                if (entry != null && entry.getValue() instanceof Number value) {
                    int orientation = value.intValue();
                    return orientation >= 1 && orientation <= 8 ? orientation : 1;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // shown as stored
        }
        return 1;
    }

    private static BufferedImage squareAndScale(BufferedImage source) {
        // The reader gave the centred square; a reader that ignores the region gives it all.
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

    /**
     * The square turned as EXIF orientation says the camera was held. The centred square of the
     * turned picture is the turned centred square, so turning the small avatar is enough.
     */
    static BufferedImage upright(BufferedImage square, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return square;
        }
        int n = square.getWidth();
        int last = n - 1;
        BufferedImage out = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int rgb = switch (orientation) {
                    case 2 -> square.getRGB(last - x, y); // mirrored
                    case 3 -> square.getRGB(last - x, last - y); // upside down
                    case 4 -> square.getRGB(x, last - y); // mirrored upside down
                    case 5 -> square.getRGB(y, x); // mirrored, turned
                    case 6 -> square.getRGB(y, last - x); // needs a quarter turn clockwise
                    case 7 -> square.getRGB(last - y, last - x); // mirrored, turned
                    default -> square.getRGB(last - y, x); // 8: a quarter turn anticlockwise
                };
                out.setRGB(x, y, rgb);
            }
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
