package org.cinely;

import org.junit.jupiter.api.Test;
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
    void writesModuleDocumentation() {
        // target/spring-modulith-docs: a C4 component diagram and a canvas per module.
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
