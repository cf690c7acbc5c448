package org.cinely;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module structure of the design page holds: no cycles, no reaching into internals. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(CinelyApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() throws Exception {
        // target/spring-modulith-docs: a C4 component diagram and one per module.
        Path docs = Path.of("target", "spring-modulith-docs");
        new Documenter(MODULES, docs.toString()).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        String all = Files.readString(docs.resolve("components.puml"));
        for (ApplicationModule module : MODULES) {
            assertThat(all).as("the overview diagram names every module").contains(module.getDisplayName());
            assertThat(docs.resolve("module-" + module.getIdentifier() + ".puml"))
                    .exists();
        }
    }
}
