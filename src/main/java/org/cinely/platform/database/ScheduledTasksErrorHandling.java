package org.cinely.platform.database;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * While the database is away every scheduled task (live polls four times a second, the outbox,
 * transcodes) fails on each run; each one tries again by itself when it is back. So those
 * failures are one warning line every {@link #QUIET_FOR}, not a stack trace per run that buries
 * what an operator needs to see. Any other failure is still logged in full.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledTasksErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ScheduledTasksErrorHandling.class);
    static final Duration QUIET_FOR = Duration.ofSeconds(10);

    private final AtomicLong lastWarned = new AtomicLong();

    @Bean
    ThreadPoolTaskSchedulerCustomizer quietWhileTheDatabaseIsAway() {
        return scheduler -> scheduler.setErrorHandler(this::handle);
    }

    void handle(Throwable failure) {
        if (!DatabaseFaults.databaseAway(failure)) {
            log.error("Unexpected error occurred in scheduled task", failure);
            return;
        }
        long now = System.nanoTime();
        long last = lastWarned.get();
        if ((last == 0 || now - last >= QUIET_FOR.toNanos()) && lastWarned.compareAndSet(last, now)) {
            log.warn(
                    "Scheduled tasks wait for the database ({}); they resume by themselves once it is back",
                    DatabaseFaults.rootMessage(failure));
        }
    }
}
