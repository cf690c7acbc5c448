package org.cinely.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AvatarImagesTests {

    static byte[] encode(BufferedImage image, String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    @Test
    void cropsToACentredSquareOfAtMost400Pixels() throws Exception {
        byte[] avatar = AvatarImages.toAvatar(encode(new BufferedImage(1600, 900, BufferedImage.TYPE_INT_RGB), "png"));
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(avatar));
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
}
