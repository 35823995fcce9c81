package org.equitymark.support;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In a cluster test's node (a child JVM on the test classpath), names the job executor's lock
 * owner after the node ({@code equitymark.test.node}), so that the test can see which node holds
 * which job. Does nothing elsewhere.
 */
@Component
public class NodeLockOwner implements BeanPostProcessor, EnvironmentAware {

  private String node;

  @Override
  public void setEnvironment(Environment environment) {
    node = environment.getProperty("equitymark.test.node");
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (node != null && bean instanceof JobExecutor jobExecutor) {
      jobExecutor.setLockOwner(node);
    }
    return bean;
  }
}
