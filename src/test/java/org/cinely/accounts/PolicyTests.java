package org.cinely.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyTests {

    static final PasswordPolicy PASSWORDS = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"abc", "gaffer-001", "a1-b2-c3", "thirty-characters-exactly-ok-1"})
    void acceptsWellFormedHandles(String handle) {
        assertThat(HandlePolicy.problemWith(handle)).isEmpty();
    }

    @Test
    void thirtyOneCharactersIsTooLong() {
        assertThat(HandlePolicy.problemWith("a".repeat(31))).hasValue("handle.too-long");
    }

    @Test
    void everyReservedWordIsItselfAWellShapedHandle() {
        // Otherwise the reserved list would have dead entries.
        for (String word : HandlePolicy.RESERVED) {
            assertThat(HandlePolicy.problemWith(word)).as(word).hasValue("handle.reserved");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "velvet-dolly-grip-1984", "Ünïcödé-pässwörd-ok"})
    void acceptsStrongPasswords(String password) {
        assertThat(PASSWORDS.problemWith(password, "maya@example.com", "maya-okafor"))
                .isEmpty();
    }

    @Test
    void commonPasswordsAreCaughtWhateverTheCase() {
        assertThat(PASSWORDS.problemWith("Password1234", "x@example.com", "xyz"))
                .hasValue("password.too-common");
        assertThat(PASSWORDS.problemWith("QWERTYUIOPASDFGH", "x@example.com", "xyz"))
                .hasValue("password.too-common");
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        assertThat(PASSWORDS.problemWith("ééééééééééé", "x@example.com", "xyz")).hasValue("password.too-short");
    }

    @Test
    void passwordsBuiltFromTheEmailAreRefused() {
        assertThat(PASSWORDS.problemWith("maya.okafor.2024!", "maya.okafor@example.com", "mo"))
                .hasValue("password.contains-identity");
    }
}
