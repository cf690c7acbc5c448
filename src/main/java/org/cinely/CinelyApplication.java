package org.cinely;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Cinely: where the film production community connects and gets work done. */
@SpringBootApplication
// platform is part of every module test's context (@ApplicationModuleTest), as it is of every module.
@Modulithic(sharedModules = "platform")
@EnableScheduling
public class CinelyApplication {

    public static void main(String[] args) {
        SpringApplication.run(CinelyApplication.class, args);
    }
}
