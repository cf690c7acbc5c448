package org.cinely.platform.embeddeddb;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops the embedded server last. Every application context that uses the server holds this
 * handle, and its DataSource depends on it, so on shutdown (SIGTERM, Ctrl-C, a test JVM exiting)
 * Spring destroys everything that uses the database first (the event registry, JPA, the pool)
 * and the handle after them; the server stops once the last context using it is closed. Before,
 * the server had a JVM shutdown hook of its own that raced Spring's: the database went first,
 * the event registry failed to close and a stop could stall 30 s.
 *
 * <p>Added to each context by {@link EmbeddedMariaDbEnvironmentPostProcessor} (not found by
 * component scanning, which a module test's context does not cover).
 */
final class EmbeddedMariaDbHandle implements DisposableBean {

    static final String HANDLE = "embeddedMariaDbHold";

    private EmbeddedMariaDbHandle() {
        EmbeddedMariaDb.hold();
    }

    @Override
    public void destroy() {
        EmbeddedMariaDb.release();
    }

    /** Registers the handle in a context and makes its DataSources depend on it. */
    static ApplicationContextInitializer<ConfigurableApplicationContext> initializer() {
        return context -> {
            DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
            EmbeddedMariaDbHandle handle = new EmbeddedMariaDbHandle();
            beans.registerSingleton(HANDLE, handle);
            beans.registerDisposableBean(HANDLE, handle);
            context.addBeanFactoryPostProcessor(dataSourcesAfterTheServer());
        };
    }

    private static BeanFactoryPostProcessor dataSourcesAfterTheServer() {
        return factory -> {
            for (String name : factory.getBeanNamesForType(DataSource.class, true, false)) {
                var definition = factory.getBeanDefinition(name);
                List<String> dependsOn = new ArrayList<>();
                if (definition.getDependsOn() != null) {
                    dependsOn.addAll(List.of(definition.getDependsOn()));
                }
                dependsOn.add(HANDLE);
                definition.setDependsOn(dependsOn.toArray(String[]::new));
            }
        };
    }
}
