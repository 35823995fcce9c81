package org.equitymark.engine;

import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/** Adds each {@link ForEveryUserTask} bean to every user task as a create listener, when a model is parsed. */
@Component
class EveryUserTaskPlugin extends AbstractProcessEnginePlugin {

  private final List<ForEveryUserTask> listeners;

  EveryUserTaskPlugin(List<ForEveryUserTask> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    PostParseListeners.add(configuration, new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          listeners.forEach(listener -> userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, listener));
        }
      }
    });
  }
}
