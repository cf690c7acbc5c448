package org.cinely.platform.embeddeddb;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stops the embedded server last. The DataSource depends on this handle, so on shutdown (SIGTERM,
 * Ctrl-C, a test JVM exiting) Spring destroys everything that uses the database first (the event
 * registry, JPA, the pool) and this handle after them; the server stops once the last context
 * using it is closed. Before, the server had a JVM shutdown hook of its own that raced Spring's:
 * the database went first, the event registry failed to close and a stop could stall 30 s.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cinely.embedded-db.active", havingValue = "true")
class EmbeddedMariaDbHandle {

    static final String HANDLE = "embeddedMariaDbHold";

    /** Holds the server for this context; releases it when the context is destroyed. */
    static final class Held implements DisposableBean {
        Held() {
            EmbeddedMariaDb.hold();
        }

        @Override
        public void destroy() {
            EmbeddedMariaDb.release();
        }
    }

    @Bean(HANDLE)
    static Held embeddedMariaDbHold() {
        return new Held();
    }

    /** Makes the DataSource depend on the handle: created after it, destroyed before it. */
    @Bean
    static BeanFactoryPostProcessor dataSourceAfterEmbeddedServer() {
        return (ConfigurableListableBeanFactory beans) -> {
            for (String name : beans.getBeanNamesForType(javax.sql.DataSource.class, true, false)) {
                var definition = beans.getBeanDefinition(name);
                String[] before = definition.getDependsOn();
                java.util.List<String> dependsOn =
                        new java.util.ArrayList<>(before == null ? java.util.List.of() : java.util.List.of(before));
                dependsOn.add(HANDLE);
                definition.setDependsOn(dependsOn.toArray(String[]::new));
            }
        };
    }
}
