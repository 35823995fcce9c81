package org.equitymark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.community.process_test_coverage.core.export.CoverageStateJsonExporter;
import org.camunda.community.process_test_coverage.core.model.EventSource;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.report.CoverageReportUtil;
import org.equitymark.support.coverage.ProcessCoverage;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The floor of process-test coverage, checked after every other test of the run (support/coverage,
 * docs/decisions/0026): every flow node of every executable process in processes/ passed by some
 * test, and at least 90% of each process's sequence flows taken. Writes the suite's coverage report,
 * target/process-test-coverage/all/report.html (every test class and method, drawn on the models).
 */
class ProcessCoverageTests {

  static final double SEQUENCE_FLOW_FLOOR = 0.9;
  static final File REPORT_DIRECTORY = new File("target/process-test-coverage/all");

  @Test
  void shouldCoverEveryFlowNodeAndMostSequenceFlowsOfEveryModel() throws IOException {
    assumeTrue(ProcessCoverage.enabled(), "process-test coverage is off (on in Surefire's H2 run)");
    List<Suite> suites = ProcessCoverage.suites();
    assertThat(suites).as("nothing recorded: run ProcessCoverageTests with the process tests").isNotEmpty();

    List<ProcessModel> processes = processModels();
    CoverageReportUtil.writeReport(
        CoverageStateJsonExporter.createCoverageStateResult(suites, processes.stream().map(ProcessModel::model).toList()),
        true, REPORT_DIRECTORY, "report.html", CoverageReportUtil::generateHtml);

    List<String> shortfalls = new ArrayList<>();
    for (ProcessModel process : processes) {
      Set<String> nodes = covered(suites, process.key(), EventSource.FLOW_NODE);
      Set<String> flows = covered(suites, process.key(), EventSource.SEQUENCE_FLOW);
      Set<String> missedNodes = new TreeSet<>(process.flowNodes());
      missedNodes.removeAll(nodes);
      Set<String> missedFlows = new TreeSet<>(process.sequenceFlows());
      missedFlows.removeAll(flows);
      double flowRatio = 1 - (double) missedFlows.size() / process.sequenceFlows().size();
      System.out.printf("process-test coverage of %s: flow nodes %d/%d, sequence flows %d/%d (%.0f%%)%s%n",
          process.key(), process.flowNodes().size() - missedNodes.size(), process.flowNodes().size(),
          process.sequenceFlows().size() - missedFlows.size(), process.sequenceFlows().size(), 100 * flowRatio,
          missedFlows.isEmpty() ? "" : ", not taken: " + missedFlows);
      if (!missedNodes.isEmpty()) {
        shortfalls.add(process.key() + ": flow nodes no test passed: " + missedNodes);
      }
      if (flowRatio < SEQUENCE_FLOW_FLOOR) {
        shortfalls.add(process.key() + ": sequence flows " + Math.round(100 * flowRatio) + "% (floor "
            + Math.round(100 * SEQUENCE_FLOW_FLOOR) + "%), not taken: " + missedFlows);
      }
    }
    assertThat(shortfalls).as("below the process-test coverage floor; the report: " + REPORT_DIRECTORY
        + "/report.html").isEmpty();
  }

  private static Set<String> covered(Collection<Suite> suites, String processKey, EventSource source) {
    return suites.stream().flatMap(suite -> suite.getEvents(processKey).stream())
        .filter(event -> event.getSource() == source)
        .map(event -> event.getDefinitionKey())
        .collect(Collectors.toSet());
  }

  /** An executable process of processes/*.bpmn, its elements counted as the coverage library counts them. */
  record ProcessModel(String key, Set<String> flowNodes, Set<String> sequenceFlows, String xml) {

    Model model() {
      return new Model(key, flowNodes.size() + sequenceFlows.size(), null, xml);
    }
  }

  private static List<ProcessModel> processModels() throws IOException {
    List<ProcessModel> processes = new ArrayList<>();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
      String xml;
      try (InputStream in = resource.getInputStream()) {
        xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      BpmnModelInstance model = Bpmn.readModelFromStream(resource.getInputStream());
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (process.isExecutable()) {
          Set<String> nodes = model.getModelElementsByType(FlowNode.class).stream()
              .filter(node -> processOf(node) == process).map(FlowNode::getId)
              .collect(Collectors.toCollection(TreeSet::new));
          Set<String> flows = model.getModelElementsByType(SequenceFlow.class).stream()
              .filter(flow -> nodes.contains(flow.getSource().getId())).map(SequenceFlow::getId)
              .collect(Collectors.toCollection(TreeSet::new));
          processes.add(new ProcessModel(process.getId(), nodes, flows, xml));
        }
      }
    }
    assertThat(processes).as("the models in processes/").isNotEmpty();
    return processes;
  }

  private static Process processOf(ModelElementInstance element) {
    ModelElementInstance parent = element.getParentElement();
    while (parent != null && !(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return (Process) parent;
  }
}
