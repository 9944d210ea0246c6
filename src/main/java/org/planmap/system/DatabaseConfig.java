package org.planmap.system;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts every DataSource behind the {@link DatabaseAvailability} circuit breaker (the pool stays a Hikari pool;
 * Flyway, the repositories and the health check all go through the breaker).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    @Bean(destroyMethod = "close")
    static DatabaseAvailability databaseAvailability() {
        return new DatabaseAvailability(1000);
    }

    @Bean
    static BeanPostProcessor failFastDataSource(org.springframework.beans.factory.ObjectProvider<DatabaseAvailability> availability) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource ds && !(bean instanceof FailFastDataSource)) {
                    return new FailFastDataSource(ds, availability.getObject());
                }
                return bean;
            }
        };
    }
}
