package org.cinely.moderation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar cinely.jar --verify-audit} (or {@code ./mvnw spring-boot:run
 * -Dspring-boot.run.arguments=--verify-audit}): walks the audit log's hash chain, prints the
 * result and exits with 0 when intact, 1 with the first broken entry otherwise.
 */
@Component
class AuditVerifyCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AuditVerifyCommand.class);

    private final AuditLog audit;
    private final ApplicationContext context;

    AuditVerifyCommand(AuditLog audit, ApplicationContext context) {
        this.audit = audit;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("verify-audit")) {
            return;
        }
        int code = verify(System.out);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** Walks the chain and prints one line saying what it found; returns the process's exit code. */
    int verify(java.io.PrintStream out) {
        AuditLog.Verification result = audit.verify();
        String line = result.intact()
                ? "Audit log intact: " + result.entries() + " entries verified."
                : "Audit log BROKEN at entry " + result.brokenAt() + " (" + result.problem() + ").";
        out.println(line);
        log.info(line);
        return result.intact() ? 0 : 1;
    }
}
