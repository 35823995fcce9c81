package org.equitymark.frameworkreview;

import static org.equitymark.frameworkreview.FrameworkReviewProcess.CHANGES_SUMMARY;
import static org.equitymark.frameworkreview.FrameworkReviewProcess.COMMUNITY_INPUT;
import static org.equitymark.frameworkreview.FrameworkReviewProcess.NEW_FRAMEWORK_VERSION;
import static org.equitymark.frameworkreview.FrameworkReviewProcess.REVIEWED_BY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.equitymark.engine.CurrentUser;
import org.springframework.stereotype.Component;

/** {@code publishFramework}: publishes the reviewed version, for cases that start from now on. */
@Component("publishFramework")
class PublishFrameworkDelegate implements JavaDelegate {

  private final FrameworkVersions versions;

  PublishFrameworkDelegate(FrameworkVersions versions) {
    this.versions = versions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    versions.publish(NEW_FRAMEWORK_VERSION.get(execution).strip(), REVIEWED_BY.get(execution, CurrentUser.SYSTEM),
        CHANGES_SUMMARY.get(execution), COMMUNITY_INPUT.get(execution));
  }
}
