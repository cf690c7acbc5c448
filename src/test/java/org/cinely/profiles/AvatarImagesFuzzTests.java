package org.cinely.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;

/**
 * Whatever bytes arrive as a profile photo: a refusal with its reason, or a square JPEG of the
 * avatar's size; never another exception, a hang or a blow-up of memory (Jazzer reports those).
 */
class AvatarImagesFuzzTests {

    @FuzzTest(maxDuration = "60s")
    void anyUploadBecomesAnAvatarOrIsRefused(FuzzedDataProvider input) throws Exception {
        byte[] upload = input.consumeRemainingAsBytes();
        byte[] avatar;
        try {
            avatar = AvatarImages.toAvatar(upload);
        } catch (AvatarImages.Refused refused) {
            assertThat(refused.getMessage()).startsWith("avatar.");
            return;
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(avatar));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(image.getHeight()).isLessThanOrEqualTo(AvatarImages.SIZE);
    }
}
