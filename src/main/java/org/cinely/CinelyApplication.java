package org.cinely;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Cinely: where the film production community connects and gets work done. */
@SpringBootApplication
@EnableScheduling
public class CinelyApplication {

    public static void main(String[] args) {
        SpringApplication.run(CinelyApplication.class, args);
    }
}
