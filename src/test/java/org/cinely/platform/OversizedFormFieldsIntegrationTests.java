package org.cinely.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.cinely.test.CinelyIntegrationTest;
import org.cinely.test.TestData;
import org.cinely.test.TestMembers;
import org.cinely.test.TestMembers.Member;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Every form checks the length of each typed field first: one that is too long is shown again as
 * typed, with its error, and nothing else happens (no parsing, no member looked up, nothing saved).
 * Found by an attack: a 200 KB credits field was parsed line by line, 25,000 look-ups in 7 s.
 */
@CinelyIntegrationTest
class OversizedFormFieldsIntegrationTests {

    static final String HUGE = "x".repeat(200_000);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    TestMembers members;
    Statistics statistics;
    Member sam;

    @BeforeEach
    void setUp() {
        data.mark();
        members = new TestMembers(data.jdbc(), encoder);
        sam = members.create("Sam Whitfield");
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
    }

    @AfterEach
    void cleanUp() {
        statistics.setStatisticsEnabled(false);
        data.cleanUp();
    }

    /** Statements run through JPA (accounts are read with Spring Data JPA, not jOOQ). */
    long jpaStatements() {
        return statistics.getPrepareStatementCount();
    }

    MockHttpServletRequestBuilder form(String path, Map<String, String> fields) {
        MockHttpServletRequestBuilder request = post(path).with(csrf()).with(user(sam.principal()));
        fields.forEach(request::param);
        return request;
    }

    long count(String sql) {
        return data.jdbc().queryForObject(sql, Long.class, sam.id());
    }

    @Test
    void aHugeCreditsFieldIsRefusedBeforeAnyMemberIsLookedUp() throws Exception {
        Member maya = members.create("Maya Okafor");
        String line = "@" + maya.handle() + " gaffer\n";
        String credits = line.repeat(200_000 / line.length() + 1);
        // The counter sees a credit's look-up: with one line (and no title) Maya is looked up.
        Map<String, String> fields = work();
        fields.put("title", "");
        fields.put("credits", line);
        long before = jpaStatements();
        mvc.perform(form("/works", fields)).andExpect(status().isOk());
        long oneLine = jpaStatements() - before;
        assertThat(oneLine).isPositive();

        fields = work();
        fields.put("credits", credits);
        before = jpaStatements();
        MvcResult result =
                mvc.perform(form("/works", fields)).andExpect(status().isOk()).andReturn();

        assertThat(jpaStatements() - before).isZero();
        FieldError error = errors(result, "form").getFieldError("credits");
        assertThat(error.getCode()).isEqualTo("Size");
        assertThat(errors(result, "form").getFieldErrorCount("credits")).isOne();
        assertThat(errors(result, "form").getFieldValue("credits")).isEqualTo(credits);
        assertThat(count("select count(*) from works where owner_id = ?")).isZero();
    }

    @Test
    void moreCreditLinesThanAWorkKeepsAreRefusedBeforeAnyLookUp() throws Exception {
        Map<String, String> fields = work();
        fields.put("credits", "@zz gaffer\n".repeat(101)); // within 2,000 characters
        // A member's first request of a while notes them as active: not part of what is measured.
        mvc.perform(get("/works/new").with(user(sam.principal()))).andExpect(status().isOk());
        long before = jpaStatements();
        MvcResult result =
                mvc.perform(form("/works", fields)).andExpect(status().isOk()).andReturn();

        assertThat(jpaStatements() - before).isZero();
        assertThat(errors(result, "form").getFieldError("credits").getCode()).isEqualTo("work.credits.too-many");
        assertThat(count("select count(*) from works where owner_id = ?")).isZero();
    }

    static BindingResult errors(MvcResult result, String form) {
        return (BindingResult) result.getModelAndView().getModel().get(BindingResult.MODEL_KEY_PREFIX + form);
    }

    static Map<String, String> job() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "Gaffer for a five-day night shoot");
        fields.put("crafts", "gaffer");
        fields.put("productionTitle", "The Long Dark");
        fields.put("productionType", "FEATURE");
        fields.put("company", "Northlight Pictures");
        fields.put("city", "Lisbon");
        fields.put("country", "Portugal");
        fields.put("startDate", today.plusDays(20).toString());
        fields.put("endDate", today.plusDays(25).toString());
        fields.put("compensation", "PAID");
        fields.put("payAmount", "450");
        fields.put("payUnit", "DAY");
        fields.put("payCurrency", "EUR");
        fields.put("unionStatus", "EITHER");
        fields.put("description", "Night exteriors on the river.");
        fields.put("wantsCoverNote", "true");
        fields.put("runsForDays", "30");
        return fields;
    }

    static Map<String, String> profile() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("displayName", "Sam Whitfield");
        fields.put("headline", "Gaffer");
        fields.put("crafts", "gaffer");
        fields.put("visibility", "PUBLIC");
        return fields;
    }

    static Map<String, String> credit() {
        return new LinkedHashMap<>(
                Map.of("title", "The Long Dark", "releaseYear", "2020", "productionType", "FEATURE", "role", "gaffer"));
    }

    static Map<String, String> work() {
        return new LinkedHashMap<>(Map.of("title", "Night Shift", "type", "SHORT", "visibility", "PUBLIC"));
    }

    /** Form, where it is posted, the record it binds to, a field, what is saved when it is saved. */
    static Stream<Arguments> textFields() {
        String profileSaved = "select count(*) from profiles where member_id = ? and headline = 'Gaffer'";
        String credits = "select count(*) from profile_credits where member_id = ?";
        String works = "select count(*) from works where owner_id = ?";
        String jobs = "select count(*) from job_listings where poster_id = ?";
        String applications = "select count(*) from job_applications where applicant_id = ?";
        String comments = "select count(*) from work_comments where author_id = ?";
        Stream.Builder<Arguments> cases = Stream.builder();
        for (String field : new String[] {
            "displayName",
            "handle",
            "headline",
            "city",
            "country",
            "bio",
            "availability",
            "busyUntil",
            "dayRate",
            "currency",
            "website",
            "imdb",
            "vimeo",
            "youtube",
            "instagram",
            "visibility"
        }) {
            cases.add(Arguments.of("/settings/profile", profile(), "form", field, profileSaved));
        }
        for (String field : new String[] {"title", "releaseYear", "productionType", "role", "workLink"}) {
            cases.add(Arguments.of("/settings/profile/credits", credit(), "creditForm", field, credits));
        }
        for (String field : new String[] {"title", "description", "tags", "credits"}) {
            cases.add(Arguments.of("/works", work(), "form", field, works));
        }
        for (String field :
                new String[] {"title", "productionTitle", "company", "city", "country", "description", "payCurrency"}) {
            cases.add(Arguments.of("/jobs/new", job(), "jobForm", field, jobs));
        }
        cases.add(Arguments.of("/jobs/{job}/apply", Map.of(), "form", "coverNote", applications));
        cases.add(Arguments.of("/works/{work}/comments", Map.of(), "commentForm", "body", comments));
        return cases.build();
    }

    @ParameterizedTest(name = "{0} {3}")
    @MethodSource("textFields")
    void anOverLongFieldIsShownAgainAsTypedWithItsErrorAndNothingElseHappens(
            String path, Map<String, String> valid, String form, String field, String saved) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>(valid);
        if (path.equals("/settings/profile")) {
            fields.put("handle", sam.handle());
        }
        fields.put(field, HUGE);
        String target = path;
        if (path.contains("{job}")) {
            target = path.replace("{job}", Long.toString(someonesJob()));
        } else if (path.contains("{work}")) {
            target = path.replace("{work}", Long.toString(samsWork()));
        }
        long savedBefore = count(saved);
        long before = jpaStatements();

        MvcResult result =
                mvc.perform(form(target, fields)).andExpect(status().isOk()).andReturn();

        assertThat(errors(result, form).getFieldError(field))
                .as("the field error")
                .isNotNull()
                .extracting(FieldError::getCode)
                .isEqualTo("Size");
        assertThat(errors(result, form).getFieldValue(field))
                .as("kept as typed")
                .isEqualTo(HUGE);
        assertThat(count(saved)).as("nothing saved").isEqualTo(savedBefore);
        // Only what it takes to show the page (the member's own profile, credits, a listing).
        assertThat(jpaStatements() - before).as("statements").isLessThan(10);
    }

    long someonesJob() throws Exception {
        Member poster = members.create("Pat Poster");
        MockHttpServletRequestBuilder request = post("/jobs/new").with(csrf()).with(user(poster.principal()));
        job().forEach(request::param);
        String location = mvc.perform(request).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/jobs/\\d+");
        return Long.parseLong(location.substring("/jobs/".length()));
    }

    long samsWork() throws Exception {
        String location =
                mvc.perform(form("/works", work())).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/works/\\d+/edit");
        return Long.parseLong(location.replaceAll("\\D+", " ").strip());
    }
}
