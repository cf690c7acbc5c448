package org.cinely.test;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Only in tests: a page that throws, to prove users see the 500 page and no details. */
@RestController
public class FailingTestController {

    public static final String SECRET_DETAIL = "jdbc:mysql://secret-host/cinely SELECT password_hash FROM accounts";

    @GetMapping("/members/test-failure/explode")
    String explode() {
        throw new IllegalStateException(SECRET_DETAIL);
    }
}
