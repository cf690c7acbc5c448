package org.cinely.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AvatarImagesTests {

    static byte[] encode(BufferedImage image, String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    /**
     * A 16-bit RGB PNG of one colour written row by row, never held as pixels: the first row
     * holds the colour, every other row says "same as above" (filter Up, all zeros), so even
     * 10,000 × 10,000 pixels compress to well under 1 MB.
     */
    static byte[] png16(int width, int height, Color colour) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 64 * 1024)) {
            byte[] row = new byte[1 + width * 6];
            for (int x = 0; x < width; x++) {
                row[1 + x * 6] = (byte) colour.getRed();
                row[2 + x * 6] = (byte) colour.getRed();
                row[3 + x * 6] = (byte) colour.getGreen();
                row[4 + x * 6] = (byte) colour.getGreen();
                row[5 + x * 6] = (byte) colour.getBlue();
                row[6 + x * 6] = (byte) colour.getBlue();
            }
            z.write(row);
            byte[] same = new byte[row.length];
            same[0] = 2; // filter Up
            for (int y = 1; y < height; y++) {
                z.write(same);
            }
        } finally {
            deflater.end();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(png);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(ihdr);
        header.writeInt(width);
        header.writeInt(height);
        header.write(new byte[] {16, 2, 0, 0, 0}); // 16 bits a sample, RGB, no interlace
        chunk(out, "IHDR", ihdr.toByteArray());
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    /**
     * A 1200 × 800 JPEG, red above and blue below as stored, laid out as a phone writes it: an
     * EXIF segment with the given orientation right after the start, no JFIF segment.
     */
    static byte[] phoneJpeg(int orientation) throws Exception {
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 1200, 400);
        g.setColor(Color.BLUE);
        g.fillRect(0, 400, 1200, 400);
        g.dispose();
        byte[] jpeg = encode(image, "jpeg");
        int rest = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) { // JFIF APP0: left out
            rest = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        }
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        DataOutputStream t = new DataOutputStream(tiff);
        t.writeBytes("MM");
        t.writeShort(42);
        t.writeInt(8); // the first directory right after this header
        t.writeShort(1); // one entry
        t.writeShort(0x0112); // Orientation
        t.writeShort(3); // SHORT
        t.writeInt(1);
        t.writeShort(orientation);
        t.writeShort(0);
        t.writeInt(0); // no next directory
        byte[] payload = tiff.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(out);
        o.write(jpeg, 0, 2); // SOI
        o.writeShort(0xFFE1); // APP1
        o.writeShort(2 + 6 + payload.length);
        o.write("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        o.write(payload);
        o.write(jpeg, rest, jpeg.length - rest);
        return out.toByteArray();
    }

    static BufferedImage read(byte[] avatar) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(avatar));
    }

    static boolean reddish(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 200 && c.getBlue() < 60;
    }

    static boolean bluish(int rgb) {
        Color c = new Color(rgb);
        return c.getBlue() > 200 && c.getRed() < 60;
    }

    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void cropsToACentredSquareOfAtMost400Pixels() throws Exception {
        byte[] avatar = AvatarImages.toAvatar(encode(new BufferedImage(1600, 900, BufferedImage.TYPE_INT_RGB), "png"));
        BufferedImage read = read(avatar);
        assertThat(read.getWidth()).isEqualTo(400);
        assertThat(read.getHeight()).isEqualTo(400);
        assertThat(avatar[0] & 0xFF).isEqualTo(0xFF); // a JPEG (SOI marker)
        assertThat(avatar[1] & 0xFF).isEqualTo(0xD8);
    }

    @Test
    void webpReaderIsInstalled() {
        assertThat(ImageIO.getImageReadersByFormatName("webp").hasNext()).isTrue();
    }

    @Test
    void refusesWhatIsNotAnAllowedPicture() throws Exception {
        assertThatThrownBy(() -> AvatarImages.toAvatar("<?php system($_GET[1]); ?>".getBytes()))
                .isInstanceOf(AvatarImages.Refused.class)
                .hasMessage("avatar.not-an-image");
        byte[] bmp = encode(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB), "bmp");
        assertThatThrownBy(() -> AvatarImages.toAvatar(bmp)).hasMessage("avatar.wrong-format");
        assertThatThrownBy(() -> AvatarImages.toAvatar(new byte[0])).hasMessage("avatar.empty");
    }

    @Test
    void refusesAPngThatClaimsHugeDimensions() throws Exception {
        byte[] png = encode(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png");
        // Rewrite the IHDR width to 60,000 pixels (the CRC is then wrong, which readers may not check).
        png[16] = 0;
        png[17] = 0;
        png[18] = (byte) 0xEA;
        png[19] = (byte) 0x60;
        assertThatThrownBy(() -> AvatarImages.toAvatar(png))
                .isInstanceOf(AvatarImages.Refused.class)
                .satisfies(e -> assertThat(((AvatarImages.Refused) e).messageKey())
                        .isIn("avatar.dimensions", "avatar.not-an-image"));
    }

    /** The attack as reported: 778 KB, 18 s and 800 MB of heap before; now refused from its header. */
    @Test
    void refusesTheSixteenBitTenThousandSquarePngBeforeDecodingIt() throws Exception {
        byte[] bomb = png16(10_000, 10_000, Color.ORANGE);
        assertThat(bomb.length).isLessThan((int) AvatarImages.MAX_BYTES);

        long before = allocatedBytes();
        assertThatThrownBy(() -> AvatarImages.toAvatar(bomb))
                .isInstanceOf(AvatarImages.Refused.class)
                .hasMessage("avatar.too-many-pixels");
        // The decoded picture would be 600 MB; only the header was read.
        assertThat(allocatedBytes() - before).isLessThan(20L * 1024 * 1024);
    }

    @Test
    void refusesASixteenBitPictureWhoseSamplesAreOverTheBoundThoughItsPixelsAreNot() throws Exception {
        // 30 MP is under the pixel cap, but at 6 bytes a pixel it is 180 MB to inflate.
        byte[] deep = png16(6_000, 5_000, Color.ORANGE);
        assertThatThrownBy(() -> AvatarImages.toAvatar(deep)).hasMessage("avatar.bit-depth");
    }

    @Test
    void decodesALargeSixteenBitPictureWithinTheCapsInBoundedMemory() throws Exception {
        // 20 MP at 16 bits: 120 MB as pixels, read as a subsampled centred square instead.
        byte[] large = png16(5_000, 4_000, new Color(0x20, 0x80, 0xE0));
        long before = allocatedBytes();
        byte[] avatar = AvatarImages.toAvatar(large);
        long allocated = allocatedBytes() - before;

        assertThat(allocated).isLessThan(40L * 1024 * 1024);
        BufferedImage image = read(avatar);
        assertThat(image.getWidth()).isEqualTo(AvatarImages.SIZE);
        Color centre = new Color(image.getRGB(200, 200));
        assertThat(centre.getBlue()).isBetween(0xD0, 0xF0);
        assertThat(centre.getRed()).isBetween(0x10, 0x30);
    }

    @Test
    void subsamplesToAtLeastTwiceAndUnderFourTimesTheAvatar() {
        assertThat(AvatarImages.subsampling(300)).isEqualTo(1);
        assertThat(AvatarImages.subsampling(1599)).isEqualTo(1);
        for (int side : new int[] {1600, 2400, 4000, 6324, 10_000}) {
            int kept = side / AvatarImages.subsampling(side);
            assertThat(kept).isBetween(2 * AvatarImages.SIZE, 4 * AvatarImages.SIZE);
        }
    }

    @Test
    void sevenLargeUploadsAtOnceAreAllAnsweredWithoutRunningOutOfMemory() throws Exception {
        byte[] large = png16(5_000, 4_000, Color.ORANGE);
        ExecutorService pool = Executors.newFixedThreadPool(7);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                answers.add(pool.submit(() -> {
                    try {
                        AvatarImages.toAvatar(large);
                        return "saved";
                    } catch (AvatarImages.Refused refused) {
                        return refused.messageKey();
                    }
                }));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isIn("saved", "avatar.busy");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(AvatarImages.DECODES.availablePermits()).isEqualTo(AvatarImages.CONCURRENT_DECODES);
    }

    @Test
    void asksToTryAgainWhenEveryDecodeIsTaken() throws Exception {
        byte[] small = encode(new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB), "png");
        AvatarImages.DECODES.acquire(AvatarImages.CONCURRENT_DECODES);
        try {
            assertThatThrownBy(() -> AvatarImages.toAvatar(small)).hasMessage("avatar.busy");
        } finally {
            AvatarImages.DECODES.release(AvatarImages.CONCURRENT_DECODES);
        }
        assertThat(read(AvatarImages.toAvatar(small)).getWidth()).isEqualTo(50);
    }

    @Test
    void aPhotoTakenWithThePhoneTurnedComesOutUpright() throws Exception {
        // Orientation 6: the stored picture must turn a quarter clockwise, its top going right.
        BufferedImage turned = read(AvatarImages.toAvatar(phoneJpeg(6)));
        assertThat(bluish(turned.getRGB(40, 200))).isTrue();
        assertThat(reddish(turned.getRGB(360, 200))).isTrue();
    }

    @Test
    void aPhotoTakenUpsideDownComesOutUpright() throws Exception {
        BufferedImage flipped = read(AvatarImages.toAvatar(phoneJpeg(3)));
        assertThat(bluish(flipped.getRGB(200, 40))).isTrue();
        assertThat(reddish(flipped.getRGB(200, 360))).isTrue();
    }

    @Test
    void aPhotoTakenUprightStaysAsItIs() throws Exception {
        assertThat(AvatarImages.exifOrientation(phoneJpeg(1))).isEqualTo(1);
        BufferedImage upright = read(AvatarImages.toAvatar(phoneJpeg(1)));
        assertThat(reddish(upright.getRGB(200, 40))).isTrue();
        assertThat(bluish(upright.getRGB(200, 360))).isTrue();
    }

    @Test
    void everyOrientationTurnsTheCornersWhereTheCameraMeant() {
        // A 2 × 2 square: which stored corner ends up top left, for orientations 1 to 8.
        BufferedImage square = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        square.setRGB(0, 0, 1); // top left
        square.setRGB(1, 0, 2); // top right
        square.setRGB(0, 1, 3); // bottom left
        square.setRGB(1, 1, 4); // bottom right
        int[] topLeft = {0, 1, 2, 4, 3, 1, 3, 4, 2};
        for (int orientation = 1; orientation <= 8; orientation++) {
            assertThat(AvatarImages.upright(square, orientation).getRGB(0, 0) & 0xFFFFFF)
                    .as("orientation %d", orientation)
                    .isEqualTo(topLeft[orientation]);
        }
    }
}
