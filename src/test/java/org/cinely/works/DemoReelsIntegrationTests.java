package org.cinely.works;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.cinely.accounts.AccountsApi;
import org.cinely.accounts.AccountsTestData;
import org.cinely.media.MediaApi;
import org.cinely.platform.ProductionType;
import org.cinely.platform.demo.DemoData;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo reels: generated with ffmpeg, made works of a demo member through the work form's and
 * the upload's own steps, transcoded by the normal pipeline; never twice; skipped without ffmpeg.
 * (Tests run without demo data, so nothing is made at start-up; the test calls the maker itself,
 * with a short, small reel.)
 */
@CinelyIntegrationTest
class DemoReelsIntegrationTests {

    @Autowired
    TestData data;

    @Autowired
    MockMvc mvc;

    @Autowired
    DemoData demo;

    @Autowired
    AccountsApi accounts;

    @Autowired
    WorkService works;

    @Autowired
    WorkRepository repository;

    @Autowired
    MediaApi media;

    @Autowired
    Environment environment;

    @BeforeEach
    void mark() {
        data.mark();
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    DemoReels maker(String ffmpeg) {
        return new DemoReels(
                demo, accounts, works, repository, media, environment, ffmpeg, Path.of("target", "test-data"));
    }

    @Test
    void aDemoReelIsGeneratedUploadedAndTranscodedOnceOnly() throws Exception {
        assertThat(demo.enabled()).as("tests run without demo data").isFalse();
        String email = TestData.uniqueEmail();
        long id = new AccountsTestData(data.jdbc()).create(email, "jonas-berg", "Jonas Berg", "{noop}x", true);
        CurrentMember owner =
                new CurrentMember(id, email, "jonas-berg", "Jonas Berg", "{noop}x", "MEMBER", true, true, false);
        var reel = new DemoReels.Reel(
                "jonas-berg",
                "Harbour Light Tests",
                "Colour tests.",
                ProductionType.REEL,
                "mandelbrot=size=640x360:rate=30:maxiter=200",
                220);

        assertThat(maker("ffmpeg").makeAll(List.of(reel), 2)).isEqualTo(1);

        List<Work> made = repository.findByTitle("Harbour Light Tests").stream()
                .filter(w -> w.ownedBy(owner.id()))
                .toList();
        assertThat(made).hasSize(1);
        long workId = made.get(0).getId();
        assertThat(made.get(0).getMediaAssetId()).isNotNull();
        Awaitility.await("demo reel ready")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> mvc.perform(get("/works/" + workId + "/status").with(user(owner)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString()
                        .contains("\"state\":\"READY\""));
        // Anyone may watch it: it is on the public works list.
        assertThat(mvc.perform(get("/works")).andReturn().getResponse().getContentAsString())
                .contains("Harbour Light Tests");

        // A restart makes nothing twice.
        assertThat(maker("ffmpeg").makeAll(List.of(reel), 2)).isZero();
        assertThat(repository.findByTitle("Harbour Light Tests").stream().filter(w -> w.ownedBy(owner.id())))
                .hasSize(1);
    }

    @Test
    void withoutFfmpegNothingIsMade() {
        String email = TestData.uniqueEmail();
        long id = new AccountsTestData(data.jdbc()).create(email, "maya-okafor", "Maya Okafor", "{noop}x", true);
        var reel = new DemoReels.Reel(
                "maya-okafor", "Night Market Teaser", "", ProductionType.REEL, "testsrc2=size=320x180", 262);

        assertThat(maker("/nonexistent/ffmpeg").makeAll(List.of(reel), 2)).isZero();
        assertThat(repository.findByTitle("Night Market Teaser")).isEmpty();
        assertThat(id).isPositive();
    }
}
