package org.cinely.platform.embeddeddb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.cinely.test.CinelyIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** The embedded server lets in nobody but the app: root has a password only the app's user can read. */
@CinelyIntegrationTest
class EmbeddedMariaDbIntegrationTests {

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.password}")
    String password;

    @Value("${cinely.data-dir}")
    Path dataDir;

    String serverUrl() {
        return url.substring(0, url.indexOf("/cinely")) + "/?useSSL=false&allowPublicKeyRetrieval=true";
    }

    @Test
    void rootWithoutThePasswordAndOtherUsersAreRefused() {
        assertThat(password).hasSizeGreaterThanOrEqualTo(32);
        assertThatThrownBy(() ->
                        DriverManager.getConnection(serverUrl(), "root", "").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Access denied");
        assertThatThrownBy(() -> DriverManager.getConnection(serverUrl(), "root", "guess")
                        .close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() ->
                        DriverManager.getConnection(serverUrl(), "someone", "").close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(
                        () -> DriverManager.getConnection(serverUrl(), "", "").close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void thePasswordIsKeptReadableByItsOwnerOnly() throws Exception {
        Path file = dataDir.resolve("mariadb").resolve(EmbeddedMariaDb.PASSWORD_FILE);
        assertThat(Files.readString(file).strip()).isEqualTo(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }
}
