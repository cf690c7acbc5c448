package org.cinely.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import org.cinely.accounts.AccountsApi;
import org.cinely.accounts.MemberRenamed;
import org.cinely.accounts.MemberSignedUp;
import org.cinely.platform.MemberId;
import org.cinely.works.WorksApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The profiles module alone (with platform), driven by the accounts events it listens to: each
 * scenario publishes an event and waits for the profile to change, with no polling of our own.
 * The modules profiles calls are stand-ins here; the full-stack tests use the real ones.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
class ProfilesModuleIntegrationTests {

    @MockitoBean
    AccountsApi accounts;

    @MockitoBean
    WorksApi works;

    @Autowired
    ProfileRepository profiles;

    @Autowired
    ProfileNames names;

    @Autowired
    JdbcTemplate jdbc;

    /**
     * True once every published event's listeners have completed: the registry writes an event's
     * publication in the publishing transaction, so "none open" cannot be seen too early.
     */
    private boolean everyListenerDone() {
        Integer open = jdbc.queryForObject(
                "select count(*) from EVENT_PUBLICATION where COMPLETION_DATE is null", Integer.class);
        return open != null && open == 0;
    }

    private static MemberId someMember() {
        return MemberId.of(ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L));
    }

    @Test
    void aNewAccountGetsItsProfileAndARedeliveredEventChangesNothing(Scenario scenario) {
        MemberId member = someMember();
        String handle = "module-" + member.value();
        scenario.publish(new MemberSignedUp(member, handle, "Module Member"))
                .andWaitForStateChange(() -> profiles.findById(member.value()))
                .andVerify(profile -> assertThat(profile)
                        .get()
                        .extracting(Profile::getHandle, Profile::getDisplayName)
                        .containsExactly(handle, "Module Member"));

        scenario.publish(new MemberSignedUp(member, "someone-else-" + member.value(), "Other Name"))
                .andWaitForStateChange(this::everyListenerDone)
                .andVerify(done -> assertThat(profiles.findById(member.value()))
                        .get()
                        .extracting(Profile::getHandle)
                        .isEqualTo(handle));
    }

    @Test
    void aRenameMovesTheHandleAndTheOldOneLeadsToTheNew(Scenario scenario) {
        MemberId member = someMember();
        String before = "before-" + member.value();
        String after = "after-" + member.value();
        scenario.publish(new MemberSignedUp(member, before, "Renamed Member"))
                .andWaitForStateChange(() -> profiles.findById(member.value()))
                .andVerify(profile -> assertThat(profile).isPresent());

        scenario.publish(new MemberRenamed(member, before, after, "Renamed Member"))
                .andWaitForStateChange(() -> profiles.findById(member.value())
                        .map(Profile::getHandle)
                        .filter(after::equals))
                .andVerify(handle -> assertThat(handle).contains(after));
        assertThat(names.renamedFrom(before)).contains(after);
    }

    @Test
    void aLateRenameThatNoLongerFollowsFromTheCopyIsIgnored(Scenario scenario) {
        MemberId member = someMember();
        String handle = "current-" + member.value();
        scenario.publish(new MemberSignedUp(member, handle, "Late Member"))
                .andWaitForStateChange(() -> profiles.findById(member.value()))
                .andVerify(profile -> assertThat(profile).isPresent());

        // A rename from a handle the profile no longer has (an old, redelivered event).
        scenario.publish(new MemberRenamed(member, "long-gone-" + member.value(), "stale-" + member.value(), "Stale"))
                .andWaitForStateChange(this::everyListenerDone)
                .andVerify(done -> assertThat(profiles.findById(member.value()))
                        .get()
                        .extracting(Profile::getHandle)
                        .isEqualTo(handle));
    }
}
