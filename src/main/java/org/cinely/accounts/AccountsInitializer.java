package org.cinely.accounts;

import java.security.SecureRandom;
import org.cinely.platform.demo.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * On the first start of an empty database: creates the admin account (its password is printed
 * once, here, and never stored in clear) and, on the embedded default, the demo members.
 */
@Component
@Order(10)
class AccountsInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountsInitializer.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final AccountRepository accounts;
    private final AccountService service;
    private final PasswordEncoder passwordEncoder;
    private final DemoData demo;
    private final String adminEmail;

    AccountsInitializer(
            AccountRepository accounts,
            AccountService service,
            PasswordEncoder passwordEncoder,
            DemoData demo,
            @Value("${cinely.admin.email}") String adminEmail) {
        this.accounts = accounts;
        this.service = service;
        this.passwordEncoder = passwordEncoder;
        this.demo = demo;
        this.adminEmail = adminEmail;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        String password = generatePassword();
        service.createVerified(
                adminEmail, "cinely-admin", "Cinely Admin", passwordEncoder.encode(password), Role.ADMIN);
        log.warn(
                "\n\n==== First start: an admin account was created ====\n"
                        + "  e-mail:   {}\n  password: {}\n"
                        + "Log in and keep it somewhere safe; it is not shown again.\n",
                adminEmail,
                password);
        if (demo.enabled()) {
            // One hash for every demo member: hashing is slow on purpose, and start-up should not be.
            String demoHash = passwordEncoder.encode(DemoData.PASSWORD);
            for (DemoData.DemoMember member : demo.members()) {
                service.createVerified(member.email(), member.handle(), member.displayName(), demoHash, Role.MEMBER);
            }
            log.info(
                    "Seeded {} demo members; each logs in as <handle>@demo.cinely.local with password {}",
                    demo.members().size(),
                    DemoData.PASSWORD);
        }
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
