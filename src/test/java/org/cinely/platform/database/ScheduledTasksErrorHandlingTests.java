package org.cinely.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;

@ExtendWith(OutputCaptureExtension.class)
class ScheduledTasksErrorHandlingTests {

    @Test
    void theDatabaseAwayIsOneWarningLineNotAStackTracePerRun(CapturedOutput output) {
        ScheduledTasksErrorHandling handling = new ScheduledTasksErrorHandling();
        for (int run = 0; run < 20; run++) {
            handling.handle(new DataAccessResourceFailureException(
                    "pool", new SQLTransientConnectionException("Connection is not available")));
        }
        String log = output.getOut();
        assertThat(log.split("Scheduled tasks wait for the database", -1)).hasSize(2);
        assertThat(log).contains("SQLTransientConnectionException: Connection is not available");
        assertThat(log).doesNotContain("\tat ");
    }

    @Test
    void anyOtherFailureIsStillLoggedInFull(CapturedOutput output) {
        new ScheduledTasksErrorHandling().handle(new IllegalStateException("a bug"));
        assertThat(output.getOut()).contains("Unexpected error occurred in scheduled task", "a bug", "\tat ");
    }
}
