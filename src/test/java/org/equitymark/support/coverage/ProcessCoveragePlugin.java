package org.equitymark.support.coverage;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.community.process_test_coverage.core.model.EventSource;
import org.equitymark.engine.PostParseListeners;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * When a model is deployed, adds a listener to each of its flow nodes (start) and sequence flows
 * (take) that tells {@link ProcessCoverage}. A test component, in the contexts of Surefire's H2 run
 * only; it asks the engine nothing, so it needs no authorization of the acting user.
 */
@Component
@ConditionalOnProperty(ProcessCoverage.ENABLED)
class ProcessCoveragePlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    PostParseListeners.add(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        listenTo(processDefinition, processDefinition.getKey());
      }
    });
  }

  private static void listenTo(ScopeImpl scope, String processKey) {
    for (ActivityImpl activity : scope.getActivities()) {
      // a multi-instance body (id#multiInstanceBody) is no element of the model; its inner activity is
      if (!activity.getId().contains("#")) {
        String type = (String) activity.getProperty("type");
        activity.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution ->
            ProcessCoverage.record(processKey, EventSource.FLOW_NODE, activity.getId(), type));
      }
      for (PvmTransition transition : activity.getOutgoingTransitions()) {
        TransitionImpl flow = (TransitionImpl) transition;
        flow.addListener(ExecutionListener.EVENTNAME_TAKE, (ExecutionListener) execution ->
            ProcessCoverage.record(processKey, EventSource.SEQUENCE_FLOW, flow.getId(), "sequenceFlow"));
      }
      listenTo(activity, processKey);
    }
  }
}
