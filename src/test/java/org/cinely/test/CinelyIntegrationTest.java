package org.cinely.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.cinely.accounts.AccountsTestData;
import org.cinely.connections.ConnectionsTestData;
import org.cinely.feed.FeedTestData;
import org.cinely.jobs.JobsTestData;
import org.cinely.media.MediaTestData;
import org.cinely.moderation.ModerationTestData;
import org.cinely.profiles.ProfilesTestData;
import org.cinely.works.WorksTestData;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port against the shared embedded MariaDB. Every test class
 * uses this same set-up, so Spring caches one context for the whole run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({
    TestData.class,
    FeedTestData.class,
    ModerationTestData.class,
    JobsTestData.class,
    WorksTestData.class,
    MediaTestData.class,
    ConnectionsTestData.class,
    ProfilesTestData.class,
    AccountsTestData.class,
    FailingTestController.class,
    FlakyListener.class
})
public @interface CinelyIntegrationTest {}
