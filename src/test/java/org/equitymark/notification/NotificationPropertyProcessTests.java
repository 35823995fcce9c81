package org.equitymark.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.equitymark.support.ProcessTestSupport;
import org.equitymark.support.TestMailServer;
import org.junit.jupiter.api.Test;

/**
 * The mail steps name their notification in an extension property, so that sending a mail writes no
 * variable; instances of models deployed earlier still name it in an input parameter, and are served.
 */
class NotificationPropertyProcessTests extends ProcessTestSupport {

  @Test
  void shouldSendTheNotificationNamedByThePropertyWithoutWritingAVariable() {
    // given
    String email = uniqueEmail();

    // when the invoice is sent
    ProcessInstance instance = register(newApplicant(), registration(email));
    runAsyncJobs();

    // then
    assertThat(TestMailServer.subjectsTo(email)).singleElement().asString().contains("your invoice");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName("notification").count()).isZero();
  }

  @Test
  void shouldStillServeAnInstanceWhoseModelNamesTheNotificationInAnInputParameter() {
    // given a model as deployed before the property: the notification as an input parameter
    BpmnModelInstance earlier = Bpmn.createExecutableProcess("earlierMailStep").camundaHistoryTimeToLive(30)
        .startEvent()
        .serviceTask("sendInvoice").camundaAsyncBefore().camundaDelegateExpression("${sendNotification}")
        .camundaInputParameter("notification", "invoice")
        .endEvent()
        .done();
    repositoryService().createDeployment().addModelInstance("earlier-mail-step.bpmn", earlier).deploy();
    String email = uniqueEmail();

    // when
    runtimeService.startProcessInstanceByKey("earlierMailStep", Map.of("contactEmail", email,
        "contactName", "Dana Fox", "organisationName", "Brookside", "preferredLanguage", "en"));
    runAsyncJobs();

    // then
    assertThat(TestMailServer.subjectsTo(email)).singleElement().asString().contains("your invoice");
  }

  private org.camunda.bpm.engine.RepositoryService repositoryService() {
    return engine.getRepositoryService();
  }
}
