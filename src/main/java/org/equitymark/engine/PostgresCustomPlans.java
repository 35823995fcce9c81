package org.equitymark.engine;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, every connection plans each statement for the values it is run with
 * ({@code plan_cache_mode = force_custom_plan}).
 *
 * <p>The JDBC driver turns a statement run five times into a prepared one, and PostgreSQL may then
 * switch to a generic plan made without the values. For Camunda's authorization join that plan cannot
 * use the statistics on the permission bits ({@code PERMS_ & ?} is not {@code PERMS_ & 2}), expects one
 * grant, and compares every grant of a staff group with every task: the sixth "Payments to confirm" of
 * a connection took minutes at 100,000 open tasks where the first five took a fifth of a second
 * (benchmark part 2). The price is planning every statement each time it runs.
 */
@Component
class PostgresCustomPlans implements BeanPostProcessor {

  static final String INIT_SQL = "set plan_cache_mode = force_custom_plan";

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource dataSource && dataSource.getJdbcUrl() != null
        && dataSource.getJdbcUrl().startsWith("jdbc:postgresql:") && dataSource.getConnectionInitSql() == null) {
      dataSource.setConnectionInitSql(INIT_SQL);
    }
    return bean;
  }
}
