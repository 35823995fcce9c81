package org.equitymark.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Adds a parse listener after the engine's own, keeping those other plugins added (from a plugin's preInit). */
public final class PostParseListeners {

  private PostParseListeners() {
  }

  public static void add(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    List<BpmnParseListener> parseListeners = new ArrayList<>();
    if (configuration.getCustomPostBPMNParseListeners() != null) {
      parseListeners.addAll(configuration.getCustomPostBPMNParseListeners());
    }
    parseListeners.add(listener);
    configuration.setCustomPostBPMNParseListeners(parseListeners);
  }
}
