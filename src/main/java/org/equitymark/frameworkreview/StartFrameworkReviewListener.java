package org.equitymark.frameworkreview;

import static org.equitymark.frameworkreview.FrameworkReviewProcess.CURRENT_FRAMEWORK_VERSION;

import java.time.ZoneOffset;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
    execution.setProcessBusinessKey("FR-" + ClockUtil.now().toInstant().atZone(ZoneOffset.UTC).getYear());
    CURRENT_FRAMEWORK_VERSION.set(execution, versions.currentVersion());
  }
}
