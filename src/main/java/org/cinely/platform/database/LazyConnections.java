package org.cinely.platform.database;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * A transaction takes a pooled connection only when it runs its first statement (Spring's
 * {@link LazyConnectionDataSourceProxy} around the pool): its auto-commit and read-only settings
 * are applied then. A read-only transaction answered from a node-local cache (the header counts,
 * "New on Cinely") otherwise borrowed a connection and sent {@code SET autocommit=0},
 * {@code COMMIT} and {@code SET autocommit=1} for nothing, twice on a member's home page (issue 15).
 */
@Component
class LazyConnections implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if ("dataSource".equals(beanName)
                && bean instanceof DataSource pool
                && !(bean instanceof LazyConnectionDataSourceProxy)) {
            return new LazyConnectionDataSourceProxy(pool);
        }
        return bean;
    }
}
