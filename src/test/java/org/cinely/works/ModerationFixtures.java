package org.cinely.works;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cinely.media.MediaTestData;
import org.cinely.platform.MemberId;
import org.cinely.platform.security.CurrentMember;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/** Works, videos, comments and moderators for the moderation tests, made as the app makes them. */
record ModerationFixtures(
        MockMvc mvc, TestData data, TransactionTemplate tx, ApplicationEventPublisher events, TestMembers members) {

    /** Where the local media store of the test profile keeps its files. */
    static final Path MEDIA = Path.of("target", "test-data", "media");

    JdbcTemplate jdbc() {
        return data.jdbc();
    }

    CurrentMember moderator() {
        TestMembers.Member m = members.create("Mo Derator");
        return new CurrentMember(m.id(), m.email(), m.handle(), m.displayName(), null, "MODERATOR", true, true, false);
    }

    /** A work made through the form. */
    long work(TestMembers.Member by, String title, String visibility) throws Exception {
        String location = mvc.perform(post("/works")
                        .with(user(by.principal()))
                        .with(csrf())
                        .param("title", title)
                        .param("type", "SHORT")
                        .param("credits", "")
                        .param("visibility", visibility))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return Long.parseLong(location.replaceAll("\\D", ""));
    }

    /**
     * A work with a playable video (a stored HLS ladder of one rendition and a poster, as the
     * transcoder leaves it), announced as published so the network's feeds get their entry.
     */
    long publishedWork(TestMembers.Member by, String title, String visibility) throws Exception {
        long id = work(by, title, visibility);
        long asset = new MediaTestData(jdbc()).readyAsset(by.id(), "work:" + id);
        Path hls = MEDIA.resolve("assets/" + asset + "/hls");
        Files.createDirectories(hls.resolve("360"));
        Files.writeString(hls.resolve("master.m3u8"), "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000\n360/index.m3u8\n");
        Files.write(hls.resolve("360/seg_00000.m4s"), "segment".getBytes(StandardCharsets.UTF_8));
        Files.write(hls.resolve("poster.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        jdbc().update(
                        "update works set media_asset_id = ?, playable = true, published_at = now(6) where id = ?",
                        asset,
                        id);
        tx.executeWithoutResult(status -> events.publishEvent(
                new WorkPublished(id, MemberId.of(by.id()), title, Visibility.valueOf(visibility))));
        data.awaitEventListeners();
        return id;
    }

    int mediaVersion(long work) {
        return jdbc().queryForObject("select media_version from works where id = ?", Integer.class, work);
    }

    String state(long work) {
        return jdbc().queryForObject("select moderation_state from works where id = ?", String.class, work);
    }

    long comment(long work, TestMembers.Member by, String body) throws Exception {
        mvc.perform(post("/works/" + work + "/comments")
                        .with(user(by.principal()))
                        .with(csrf())
                        .param("body", body))
                .andExpect(status().is3xxRedirection());
        data.awaitEventListeners();
        return jdbc().queryForObject(
                        "select max(id) from work_comments where work_id = ? and author_id = ?",
                        Long.class,
                        work,
                        by.id());
    }

    int statusOf(MockHttpServletRequestBuilder request, CurrentMember viewer) throws Exception {
        if (viewer != null) {
            request = request.with(user(viewer));
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    int statusOf(String path, CurrentMember viewer) throws Exception {
        return statusOf(get(path), viewer);
    }

    Document page(String path, CurrentMember viewer) throws Exception {
        var request = get(path);
        if (viewer != null) {
            request = request.with(user(viewer));
        }
        return Jsoup.parse(mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    /** The texts of a member's home feed entries. */
    java.util.List<String> feed(TestMembers.Member viewer) throws Exception {
        return page("/", viewer.principal())
                .select("[data-feed-entries] .feed-entry__text")
                .eachText();
    }

    java.util.List<String> notifications(TestMembers.Member viewer) throws Exception {
        return page("/notifications", viewer.principal())
                .select(".notification__text")
                .eachText();
    }
}
