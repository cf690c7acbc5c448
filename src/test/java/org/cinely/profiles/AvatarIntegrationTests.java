package org.cinely.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.cinely.platform.web.Flash;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.HttpTestClient;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.cinely.test.TestMembers.Member;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@CinelyIntegrationTest
class AvatarIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    MessageSource messages;

    @LocalServerPort
    int port;

    TestMembers members;

    @BeforeEach
    void mark() {
        data.mark();
        members = new TestMembers(data.jdbc(), encoder);
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A real JPEG with a comment segment standing in for EXIF/GPS metadata, plus trailing bytes. */
    static byte[] jpegWithMetadata() throws Exception {
        BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        byte[] jpeg = out.toByteArray();
        byte[] comment = "GPS 52.5200 N 13.4050 E".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream withComment = new ByteArrayOutputStream();
        withComment.write(jpeg, 0, 2); // SOI
        withComment.write(0xFF);
        withComment.write(0xFE); // COM marker
        withComment.write((comment.length + 2) >> 8);
        withComment.write((comment.length + 2) & 0xFF);
        withComment.write(comment);
        withComment.write(jpeg, 2, jpeg.length - 2);
        return withComment.toByteArray();
    }

    MvcResult upload(Member member, String filename, String contentType, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/settings/profile/avatar")
                        .file(new MockMultipartFile("avatar", filename, contentType, bytes))
                        .with(csrf())
                        .with(user(member.principal())))
                .andExpect(status().is3xxRedirection())
                .andReturn();
    }

    static String flashKey(MvcResult result) {
        return ((Flash) result.getFlashMap().get("flash")).messageKey();
    }

    byte[] avatarBytes(Member member) throws Exception {
        return mvc.perform(get("/members/{handle}/avatar", member.handle()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("max-age")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    @Test
    void anAvatarUrlFromBeforeARenameLeadsToTheAvatarNowAndSuspendedMembersShowNone() throws Exception {
        Member sam = members.create("Sam Whitfield");
        upload(sam, "me.png", "image/png", png(300, 300));
        String version = data.jdbc()
                .queryForObject("select avatar_version from profiles where member_id = ?", String.class, sam.id());
        String renamed = "sam-" + Long.toString(System.nanoTime(), 36);
        mvc.perform(ProfileRenameIntegrationTests.rename(sam, "Sam Whitfield", renamed))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/members/{handle}/avatar", sam.handle()).param("v", version))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", "/members/" + renamed + "/avatar?v=" + version));
        mvc.perform(get("/members/{handle}/avatar", renamed)).andExpect(status().isOk());

        data.jdbc().update("update profiles set listed = false where member_id = ?", sam.id());
        mvc.perform(get("/members/{handle}/avatar", renamed)).andExpect(status().isNotFound());
        mvc.perform(get("/members/{handle}/avatar", renamed).with(user(sam.principal())))
                .andExpect(status().isOk());
    }

    @Test
    void aPhotoIsCroppedResizedAndStoredWithoutItsMetadata() throws Exception {
        Member sam = members.create("Sam");
        assertThat(flashKey(upload(sam, "me.jpg", "image/jpeg", jpegWithMetadata())))
                .isEqualTo("avatar.saved");

        byte[] stored = avatarBytes(sam);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("GPS 52.5200");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(400);
    }

    @Test
    void pngIsAcceptedWhateverItsNameAndShownOnCards() throws Exception {
        Member sam = members.create("Sam");
        assertThat(flashKey(upload(sam, "photo.txt", "text/plain", png(120, 90))))
                .isEqualTo("avatar.saved");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(avatarBytes(sam)));
        assertThat(image.getWidth()).isEqualTo(90); // never scaled up
        String directory = mvc.perform(get("/members?q=" + sam.handle().substring(2)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(directory).contains("/members/" + sam.handle() + "/avatar?v=");
    }

    @Test
    void anythingThatIsNotAPictureIsRefusedAndTheOldAvatarStays() throws Exception {
        Member sam = members.create("Sam");
        upload(sam, "me.png", "image/png", png(500, 500));
        byte[] before = avatarBytes(sam);

        assertThat(flashKey(upload(sam, "evil.jpg", "image/jpeg", "<?php echo 'hi'; ?>".getBytes())))
                .isEqualTo("avatar.not-an-image");
        BufferedImage gif = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream gifBytes = new ByteArrayOutputStream();
        ImageIO.write(gif, "gif", gifBytes);
        assertThat(flashKey(upload(sam, "anim.png", "image/png", gifBytes.toByteArray())))
                .isEqualTo("avatar.wrong-format");
        byte[] tooBig = new byte[5 * 1024 * 1024 + 1];
        assertThat(flashKey(upload(sam, "big.jpg", "image/jpeg", tooBig))).isEqualTo("avatar.too-large");

        assertThat(avatarBytes(sam)).isEqualTo(before);
    }

    /**
     * Over the server's multipart limit (10 MB), the request fails while it is read, before any
     * controller: the member still lands on their settings with the friendly message.
     */
    @Test
    void aFileOverTheServersLimitBringsTheMemberBackWithTheFriendlyMessage() {
        Member sam = members.create("Sam");
        HttpTestClient browser = new HttpTestClient(port);
        browser.logIn(sam.email(), TestMembers.PASSWORD);

        // The photo goes with the profile's details, in their form (issue 17).
        HttpResponse<String> sent = browser.upload(
                "/settings/profile", "/settings/profile", "avatar", "huge.jpg", new byte[11 * 1024 * 1024]);

        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/settings/profile#avatar");
        String page = browser.get("/settings/profile").body();
        assertThat(Jsoup.parse(page).select(".flash--error").text())
                .isEqualTo(messages.getMessage("avatar.too-large", null, Locale.ENGLISH));
        assertThat(data.jdbc()
                        .queryForObject(
                                "select count(*) from profile_avatars where member_id = ?", Integer.class, sam.id()))
                .isZero();
    }

    /** The reported bomb, sent as a member would: refused with a message that says why. */
    @Test
    void aPixelBombIsRefusedWithAClearMessage() throws Exception {
        Member sam = members.create("Sam");
        byte[] bomb = AvatarImagesTests.png16(10_000, 10_000, Color.ORANGE);
        assertThat(flashKey(upload(sam, "bomb.png", "image/png", bomb))).isEqualTo("avatar.too-many-pixels");
        mvc.perform(get("/members/{handle}/avatar", sam.handle())).andExpect(status().isNotFound());
    }

    @Test
    void membersOnlyAvatarsAreNotShownToVisitors() throws Exception {
        Member sam = members.create("Sam");
        upload(sam, "me.png", "image/png", png(50, 50));
        data.jdbc().update("update profiles set visibility = 'MEMBERS' where member_id = ?", sam.id());
        mvc.perform(get("/members/{handle}/avatar", sam.handle())).andExpect(status().isNotFound());
        mvc.perform(get("/members/{handle}/avatar", sam.handle())
                        .with(user(members.create("M").principal())))
                .andExpect(status().isOk());
    }
}
