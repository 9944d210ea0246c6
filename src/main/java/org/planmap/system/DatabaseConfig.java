package org.planmap.system;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
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

    /** Boot's transaction manager, quiet about the rollback of a transaction on a lost connection. */
    @Bean
    DatabaseTransactionManager transactionManager(DataSource dataSource, ObjectProvider<TransactionManagerCustomizers> customizers) {
        DatabaseTransactionManager transactions = new DatabaseTransactionManager(dataSource);
        customizers.ifAvailable(c -> c.customize(transactions));
        return transactions;
    }

    @Bean
    static BeanPostProcessor failFastDataSource(ObjectProvider<DatabaseAvailability> availability) {
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
