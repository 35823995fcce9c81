package org.equitymark.frameworkreview;

import static org.equitymark.frameworkreview.FrameworkReviewProcess.CURRENT_FRAMEWORK_VERSION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.equitymark.engine.EngineClock;
import org.springframework.stereotype.Component;

/** {@code startFrameworkReview}: the review of a year is keyed {@code FR-{year}} and knows the version in force. */
@Component("startFrameworkReview")
class StartFrameworkReviewListener implements ExecutionListener {

  private final FrameworkVersions versions;

  StartFrameworkReviewListener(FrameworkVersions versions) {
    this.versions = versions;
  }

  @Override
  public void notify(DelegateExecution execution) {
    execution.setProcessBusinessKey("FR-" + EngineClock.currentYear());
    CURRENT_FRAMEWORK_VERSION.set(execution, versions.currentVersion());
  }
}
