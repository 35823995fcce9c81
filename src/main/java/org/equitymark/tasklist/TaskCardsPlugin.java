package org.equitymark.tasklist;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every deployed model the {@code showTaskCard} create listener, after the
 * listeners the model declares. A card is a concern of Tasklist, not of one model: a task a designer
 * adds in Camunda Modeler gets its card without anyone remembering a listener.
 */
@Component
class TaskCardsPlugin extends AbstractProcessEnginePlugin {

  private final ShowTaskCardListener showTaskCard;

  TaskCardsPlugin(ShowTaskCardListener showTaskCard) {
    this.showTaskCard = showTaskCard;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      listeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
          userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, showTaskCard);
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
