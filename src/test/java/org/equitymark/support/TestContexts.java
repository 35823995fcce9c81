package org.equitymark.support;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.stereotype.Component;

/**
 * Closes the test JVM's Spring contexts when the test plan is done, before the embedded
 * PostgreSQL stops, so that no engine is left writing to a stopped database at JVM exit.
 * Registered for JUnit in META-INF/services; found as a component by the test contexts.
 */
@Component
public class TestContexts implements ApplicationListener<ContextRefreshedEvent>, TestExecutionListener {

  private static final List<ConfigurableApplicationContext> CONTEXTS = new ArrayList<>();

  @Override
  public void onApplicationEvent(ContextRefreshedEvent event) {
    if (event.getApplicationContext() instanceof ConfigurableApplicationContext context && context.getParent() == null) {
      synchronized (CONTEXTS) {
        CONTEXTS.add(context);
      }
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    if (!TestDatabase.postgres()) {
      return;
    }
    synchronized (CONTEXTS) {
      CONTEXTS.forEach(ConfigurableApplicationContext::close);
      CONTEXTS.clear();
    }
    TestDatabase.stop();
  }
}
