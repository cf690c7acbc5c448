package org.cinely.platform.embeddeddb;

import static org.assertj.core.api.Assertions.assertThat;

import org.cinely.test.CinelyIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * On shutdown the embedded server stops after everything that uses it: the DataSource depends on
 * the server's handle, so Spring destroys the pool (and, before it, every bean using the pool)
 * first. A JVM hook of the server's own no longer races Spring's.
 */
@CinelyIntegrationTest
class EmbeddedShutdownOrderIntegrationTests {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void theServerIsReleasedOnlyAfterTheDataSourceAndItsUsers() {
        var beans = context.getBeanFactory();
        assertThat(beans.getBeanDefinition("dataSource").getDependsOn()).contains(EmbeddedMariaDbHandle.HANDLE);
        assertThat(beans.getDependentBeans(EmbeddedMariaDbHandle.HANDLE)).contains("dataSource");
    }
}
