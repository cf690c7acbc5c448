package org.cinely.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.cinely.media.MediaTestFiles;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.cinely.test.TestMembers.Member;
import org.cinely.works.WorksTestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** "Download my data": what the ZIP holds, whose data it is, and how often. */
@CinelyIntegrationTest
class MemberDataDownloadIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    WorksTestData works;

    @Autowired
    ApplicationContext context;

    Member maya;
    Member jonas;
    TestMembers members;

    @BeforeEach
    void createMembers() {
        data.mark();
        members = new TestMembers(data.jdbc(), encoder);
        maya = members.create("Maya Okafor");
        jonas = members.create("Jonas Berg");
    }

    @AfterEach
    void cleanUp() {
        data.cleanUp();
    }

    Map<String, byte[]> download(Member member) throws Exception {
        MvcResult done = mvc.perform(
                        post("/settings/data/download").with(csrf()).with(user(member.principal())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andReturn();
        assertThat(done.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment")
                .contains("cinely-" + member.handle());
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip =
                new ZipInputStream(new ByteArrayInputStream(done.getResponse().getContentAsByteArray()))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    static JsonNode json(Map<String, byte[]> zip, String name) {
        assertThat(zip).containsKey(name);
        return JSON.readTree(new String(zip.get(name), StandardCharsets.UTF_8));
    }

    @Test
    void theZipHoldsEachPartAsJsonAndTheOriginalVideos() throws Exception {
        members.describe(maya, "Gaffer and spark", "Berlin", "Germany", "gaffer");
        members.credit(maya, "Kreuzberg Nights", 2024);
        members.connect(maya, jonas);
        long work = works.playableWorks(maya.id(), "Maya reel", 1).get(0);
        byte[] video = "pretend this is a long video".repeat(1000).getBytes(StandardCharsets.UTF_8);
        long asset = new MediaTestFiles(context).assetWithSource(maya.id(), "reel/final?.mp4", video);
        data.jdbc().update("update works set media_asset_id = ? where id = ?", asset, work);
        long jonasWork = works.playableWorks(jonas.id(), "Jonas short", 1).get(0);
        data.jdbc()
                .update(
                        "insert into work_comments (work_id, author_id, body, created_at) values (?, ?, 'Lovely light', now(6))",
                        jonasWork,
                        maya.id());

        Map<String, byte[]> zip = download(maya);

        JsonNode account = json(zip, "account.json");
        assertThat(account.get("email").asString()).isEqualTo(maya.email());
        assertThat(account.get("handle").asString()).isEqualTo(maya.handle());
        assertThat(new String(zip.get("account.json"), StandardCharsets.UTF_8))
                .doesNotContainIgnoringCase("password")
                .doesNotContain("$2a$")
                .doesNotContain("{bcrypt}");
        assertThat(json(zip, "profile/profile.json").get("headline").asString()).isEqualTo("Gaffer and spark");
        assertThat(json(zip, "profile/profile.json").get("crafts").get(0).asString())
                .isEqualTo("gaffer");
        assertThat(json(zip, "profile/credits.json").get(0).get("title").asString())
                .isEqualTo("Kreuzberg Nights");
        JsonNode myWorks = json(zip, "works/works.json");
        assertThat(myWorks).hasSize(1);
        assertThat(myWorks.get(0).get("title").asString()).isEqualTo("Maya reel 000");
        String sourcePath = myWorks.get(0).get("sourceFile").asString();
        assertThat(sourcePath).isEqualTo("works/" + work + "/reel_final_.mp4");
        assertThat(zip.get(sourcePath)).isEqualTo(video);
        assertThat(json(zip, "works/comments.json").get(0).get("body").asString())
                .isEqualTo("Lovely light");
        JsonNode connections = json(zip, "connections/connections.json");
        assertThat(connections
                        .get("connections")
                        .get(0)
                        .get("member")
                        .get("handle")
                        .asString())
                .isEqualTo(jonas.handle());
        assertThat(zip).containsKeys("jobs/applications.json", "jobs/listings.json", "README.txt");
        // Nothing of Jonas's own in Maya's download.
        assertThat(json(zip, "works/works.json").toString()).doesNotContain("Jonas short");
    }

    @Test
    void theZipHoldsApplicationsMadeAndListingsPostedButNotThePostersNotes() throws Exception {
        long mayaListing = JobRows.listing(data.jdbc(), maya);
        long jonasListing = JobRows.listing(data.jdbc(), jonas);
        JobRows.apply(data.jdbc(), maya, jonasListing);
        JobRows.apply(data.jdbc(), jonas, mayaListing);
        data.jdbc().update("update job_applications set poster_note = 'Too expensive' where job_id = ?", jonasListing);

        Map<String, byte[]> zip = download(maya);

        JsonNode applications = json(zip, "jobs/applications.json");
        assertThat(applications).hasSize(1);
        assertThat(applications.get(0).get("job_id").asLong()).isEqualTo(jonasListing);
        assertThat(applications.get(0).get("cover_note").asString()).isEqualTo("I have my own truck");
        assertThat(new String(zip.get("jobs/applications.json"), StandardCharsets.UTF_8))
                .doesNotContain("Too expensive");
        JsonNode listings = json(zip, "jobs/listings.json");
        assertThat(listings).hasSize(1);
        assertThat(listings.get(0).get("id").asLong()).isEqualTo(mayaListing);
        assertThat(listings.get(0).get("application_count").asInt()).isEqualTo(1);
        assertThat(listings.toString()).doesNotContain(jonas.handle()); // who applied is Jonas's data
    }

    @Test
    void eachMemberGetsOnlyTheirOwnAndVisitorsNothing() throws Exception {
        Map<String, byte[]> jonasZip = download(jonas);
        assertThat(json(jonasZip, "account.json").get("email").asString()).isEqualTo(jonas.email());
        assertThat(new String(jonasZip.get("account.json"), StandardCharsets.UTF_8))
                .doesNotContain(maya.email());

        // No member in the address to swap, no GET to trigger from another site, no visitor.
        mvc.perform(get("/settings/data/download").with(user(maya.principal())))
                .andExpect(status().isMethodNotAllowed());
        mvc.perform(post("/settings/data/download").with(user(maya.principal())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/settings/data/download").with(csrf())).andExpect(status().is3xxRedirection());
    }

    @Test
    void threeDownloadsAnHourThenAClear429() throws Exception {
        for (int i = 0; i < 3; i++) {
            download(maya);
        }
        mvc.perform(post("/settings/data/download").with(csrf()).with(user(maya.principal())))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        download(jonas); // one member's limit is theirs alone
    }
}
