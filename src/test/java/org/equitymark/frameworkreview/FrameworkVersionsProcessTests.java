package org.equitymark.frameworkreview;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.equitymark.process.CertificationProcess.Elements.APPROVE_CERTIFICATION;
import static org.equitymark.process.CertificationProcess.Elements.ASSESS_EVIDENCE;
import static org.equitymark.process.CertificationProcess.Elements.COMPLETE_SELF_ASSESSMENT;
import static org.equitymark.process.CertificationProcess.Elements.CONFIRM_PAYMENT;
import static org.equitymark.process.CertificationProcess.Elements.REVIEW_SELF_ASSESSMENT;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.equitymark.certificate.Certificates;
import org.equitymark.framework.EvidenceFramework;
import org.equitymark.framework.TestFrameworks;
import org.equitymark.submission.InvalidSubmissionException;
import org.equitymark.support.ProcessTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A case is self-assessed, assessed, scored and certified against the framework version it
 * recorded at its start; a version published later changes new cases only. Version 1 (2026.1) has
 * two indicators per area and level; later versions have more, so the same claims score differently.
 */
class FrameworkVersionsProcessTests extends ProcessTestSupport {

  private static final EvidenceFramework VERSION_1 = TestFrameworks.shipped();

  @Autowired FrameworkVersions versions;
  @Autowired Certificates certificates;
  @Autowired ObjectMapper objectMapper;

  /** A paid case waiting for its self-assessment; when a version is given, the case recorded it at its start. */
  private ProcessInstance paidCase(String applicant, String recordedVersion) {
    return paidCase(applicant, recordedVersion, "en");
  }

  private ProcessInstance paidCase(String applicant, String recordedVersion, String language) {
    Map<String, Object> registration = registration(uniqueEmail());
    registration.put("targetLevel", "foundation");
    registration.put("preferredLanguage", language);
    ProcessInstance instance = register(applicant, registration);
    if (recordedVersion != null) {
      // as a case that started before a later version was published recorded it
      runtimeService.setVariable(instance.getId(), "frameworkVersion", recordedVersion);
    }
    runAsyncJobs();
    complete("finance1", instance, CONFIRM_PAYMENT, Map.of("paymentReceived", true, "paymentReference", "BACS 7"));
    runAsyncJobs();
    return instance;
  }

  private void selfAssessAndAssess(String applicant, ProcessInstance instance, String[] claims) {
    complete(applicant, instance, COMPLETE_SELF_ASSESSMENT, selfAssessment(claims));
    complete("support1", instance, REVIEW_SELF_ASSESSMENT, Map.of("readyForAssessment", true));
    runAsyncJobs();
    complete(leadAssessor(instance), instance, ASSESS_EVIDENCE, assessment(false, claims));
    complete("panel1", instance, APPROVE_CERTIFICATION, Map.of("panelDecision", "approve"));
    runAsyncJobs();
  }

  private String recorded(ProcessInstance instance) {
    return (String) runtimeService.getVariable(instance.getId(), "frameworkVersion");
  }

  /** A task-local JSON variable of the task waiting at the element, parsed. */
  private com.fasterxml.jackson.databind.JsonNode local(ProcessInstance instance, String taskKey, String name)
      throws Exception {
    Object value = taskService.getVariableLocalTyped(task(instance, taskKey).getId(), name, false);
    Assertions.assertThat(value).as("%s on %s", name, taskKey).isNotNull();
    return objectMapper.readTree(
        ((org.camunda.bpm.engine.variable.value.SerializableValue) value).getValueSerialized());
  }

  @Test
  void shouldShowEachCaseTheIndicatorsOfItsOwnVersionInItsLanguage() throws Exception {
    // given a case on version 1 in English and a new case in Welsh
    String first = newApplicant();
    String second = newApplicant();
    ProcessInstance onVersion1 = paidCase(first, VERSION_1.version(), "en");
    ProcessInstance inWelsh = paidCase(second, null, "cy");
    EvidenceFramework current = versions.ofCase(recorded(inWelsh));
    EvidenceFramework.Indicator welshOne = current.area("access").indicators().get(0);

    // then each self-assessment offers its own version's indicators, in the case's language
    Assertions.assertThat(local(onVersion1, COMPLETE_SELF_ASSESSMENT, "accessIndicatorOptions").findValuesAsText("value"))
        .containsExactlyElementsOf(VERSION_1.area("access").indicators().stream().map(i -> i.id()).toList());
    Assertions.assertThat(local(onVersion1, COMPLETE_SELF_ASSESSMENT, "accessIndicatorOptions").get(0).get("label")
        .asText()).endsWith(VERSION_1.area("access").indicators().get(0).text());
    com.fasterxml.jackson.databind.JsonNode welshOptions = local(inWelsh, COMPLETE_SELF_ASSESSMENT, "accessIndicatorOptions");
    Assertions.assertThat(welshOptions.findValuesAsText("value"))
        .containsExactlyElementsOf(current.area("access").indicators().stream().map(i -> i.id()).toList());
    Assertions.assertThat(welshOptions.get(0).get("label").asText()).endsWith(welshOne.textCy());
    Assertions.assertThat(local(inWelsh, COMPLETE_SELF_ASSESSMENT, "indicatorGuide").get("access").asText())
        .contains(welshOne.id(), welshOne.guidanceCy(), welshOne.evidenceExamplesCy().get(0));

    // when the Welsh case claims its first access indicator
    String[] claims = allIndicatorsUpTo(current, "foundation");
    complete(second, inWelsh, COMPLETE_SELF_ASSESSMENT, selfAssessment(claims));

    // then the support officer and the assessor see the same version's indicators, the claims marked
    Assertions.assertThat(local(inWelsh, REVIEW_SELF_ASSESSMENT, "claimSummary").get("access").asText())
        .contains(welshOne.id() + ", ").contains(welshOne.textCy());
    complete("support1", inWelsh, REVIEW_SELF_ASSESSMENT, Map.of("readyForAssessment", true));
    runAsyncJobs();
    Assertions.assertThat(local(inWelsh, ASSESS_EVIDENCE, "accessIndicatorOptions").findValuesAsText("value"))
        .contains(welshOne.id());
    // and the options stay on the task: the case's variables hold none of them
    Assertions.assertThat(runtimeService.getVariables(inWelsh.getId())).doesNotContainKeys(
        "accessIndicatorOptions", "indicatorGuide", "claimSummary");
  }

  @Test
  void shouldScoreACaseOnVersion1AndACaseOnALaterVersionAgainstTheirOwnVersions() {
    // given a case that recorded version 1 and a new case, which records the current version
    String first = newApplicant();
    String second = newApplicant();
    ProcessInstance onVersion1 = paidCase(first, VERSION_1.version());
    ProcessInstance onCurrent = paidCase(second, null);
    EvidenceFramework current = versions.ofCase(recorded(onCurrent));
    Assertions.assertThat(current.version()).isEqualTo(versions.currentVersion()).isNotEqualTo(VERSION_1.version());
    String[] version1Foundation = allIndicatorsUpTo(VERSION_1, "foundation");
    List<String> onlyInCurrent = Arrays.stream(allIndicatorsUpTo(current, "foundation"))
        .filter(id -> !List.of(version1Foundation).contains(id)).toList();
    Assertions.assertThat(onlyInCurrent).as("the current version asks more at foundation").isNotEmpty();

    // when both claim exactly version 1's foundation indicators
    complete(first, onVersion1, COMPLETE_SELF_ASSESSMENT, selfAssessment(version1Foundation));
    complete(second, onCurrent, COMPLETE_SELF_ASSESSMENT, selfAssessment(version1Foundation));

    // then each is scored against its own version: all of version 1's foundation, not all of the current one's
    assertThat(onVersion1).variables().containsEntry("selfAssessedLevel", "foundation")
        .containsEntry("frameworkVersion", VERSION_1.version());
    assertThat(onCurrent).variables().containsEntry("selfAssessedLevel", "none");
    Assertions.assertThat((String) runtimeService.getVariable(onCurrent.getId(), "gapAnalysisText"))
        .contains(onlyInCurrent.get(0));

    // when the case on version 1 claims an indicator only the current version has
    String foreign = onlyInCurrent.get(0);
    String area = foreign.substring(0, foreign.indexOf('.'));
    for (ProcessInstance instance : List.of(onVersion1, onCurrent)) {
      complete("support1", instance, REVIEW_SELF_ASSESSMENT, Map.of("readyForAssessment", false,
          "supportAdvice", "Please add what you have since done."));
    }
    runAsyncJobs();
    List<String> claims = new java.util.ArrayList<>(List.of(version1Foundation));
    claims.add(foreign);

    // then it is refused, naming the case's version, and nothing changes
    Assertions.assertThatThrownBy(() -> complete(first, onVersion1, COMPLETE_SELF_ASSESSMENT,
            selfAssessment(claims.toArray(String[]::new))))
        .isInstanceOf(InvalidSubmissionException.class)
        .hasMessageContaining(area + "Indicators")
        .hasMessageContaining(foreign + ", which is not an indicator of area " + area + " in framework version "
            + VERSION_1.version());
    assertThat(onVersion1).isWaitingAt(COMPLETE_SELF_ASSESSMENT);

    // when each is assessed on its own version's foundation indicators and approved
    complete(first, onVersion1, COMPLETE_SELF_ASSESSMENT, selfAssessment(version1Foundation));
    complete("support1", onVersion1, REVIEW_SELF_ASSESSMENT, Map.of("readyForAssessment", true));
    runAsyncJobs();
    complete(leadAssessor(onVersion1), onVersion1, ASSESS_EVIDENCE, assessment(false, version1Foundation));
    complete("panel1", onVersion1, APPROVE_CERTIFICATION, Map.of("panelDecision", "approve"));
    runAsyncJobs();
    selfAssessAndAssess(second, onCurrent, allIndicatorsUpTo(current, "foundation"));

    // then both are certified at foundation, each certificate naming the version it was assessed against
    assertThat(onVersion1).variables().containsEntry("achievedLevel", "foundation");
    assertThat(onCurrent).variables().containsEntry("achievedLevel", "foundation");
    Assertions.assertThat(certificate(onVersion1).frameworkVersion()).isEqualTo(VERSION_1.version());
    Assertions.assertThat(certificate(onCurrent).frameworkVersion()).isEqualTo(current.version());
  }

  @Test
  void shouldFinishACaseStartedBeforeAPublishOnItsVersionWhileACaseStartedAfterGetsTheNewOne() throws Exception {
    // given a running case on the version in force
    String before = versions.currentVersion();
    String early = newApplicant();
    ProcessInstance running = paidCase(early, null);
    Assertions.assertThat(recorded(running)).isEqualTo(before);

    // when a new version is published, with the same indicators reworded
    String version = "test-" + System.nanoTime();
    ObjectNode json = objectMapper.valueToTree(versions.current());
    json.put("version", version);
    ObjectNode firstIndicator = (ObjectNode) json.get("areas").get(0).get("indicators").get(0);
    firstIndicator.put("text", "Reworded in " + version);
    versions.saveDraft(version, objectMapper.writeValueAsString(json), "manager1");
    versions.publish(version, "manager1", "One indicator reworded.", "Community groups asked for plainer words.");

    // then a case started after it records the new version, the running case keeps its own
    String late = newApplicant();
    ProcessInstance later = paidCase(late, null);
    Assertions.assertThat(recorded(later)).isEqualTo(version);
    Assertions.assertThat(versions.ofCase(recorded(later)).areas().get(0).indicators().get(0).text())
        .isEqualTo("Reworded in " + version);
    Assertions.assertThat(recorded(running)).isEqualTo(before);

    // when both go through to the decision
    String[] foundation = allIndicatorsUpTo(versions.ofCase(before), "foundation");
    selfAssessAndAssess(early, running, foundation);
    selfAssessAndAssess(late, later, foundation);

    // then the running case finished on its version, the later one on the new version
    Assertions.assertThat(certificate(running).frameworkVersion()).isEqualTo(before);
    Assertions.assertThat(certificate(later).frameworkVersion()).isEqualTo(version);
    Assertions.assertThat(versions.publishedVersions()).contains(VERSION_1.version(), before, version);
  }

  private org.equitymark.certificate.Certificate certificate(ProcessInstance instance) {
    return certificates.find((String) runtimeService.getVariable(instance.getId(), "certificateNumber")).orElseThrow();
  }
}
