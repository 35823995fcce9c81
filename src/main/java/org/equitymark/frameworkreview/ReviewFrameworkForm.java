package org.equitymark.frameworkreview;

import static org.equitymark.frameworkreview.FrameworkReviewProcess.CHANGES_SUMMARY;
import static org.equitymark.frameworkreview.FrameworkReviewProcess.COMMUNITY_INPUT;
import static org.equitymark.frameworkreview.FrameworkReviewProcess.NEW_FRAMEWORK_VERSION;
import static org.equitymark.frameworkreview.FrameworkReviewProcess.PUBLISH_NEW_VERSION;
import static org.equitymark.frameworkreview.FrameworkReviewProcess.REVIEWED_BY;
import static org.equitymark.submission.Field.optional;
import static org.equitymark.submission.Field.required;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.equitymark.submission.Checks;
import org.equitymark.submission.Field;
import org.equitymark.submission.Problems;
import org.equitymark.submission.SubmissionForm;
import org.equitymark.submission.SubmissionValidator.Submission;
import org.springframework.stereotype.Component;

/**
 * {@code reviewFramework} (scheme managers, form {@code framework-review}): what communities said,
 * and either a new version to publish (chosen from the valid drafts uploaded at {@code /framework/drafts}
 * or with {@code PUT /api/framework/versions/{version}}, and what changed) or none this year.
 */
@Component
class ReviewFrameworkForm implements SubmissionForm {

  private final FrameworkVersions versions;
  private final FrameworkDrafts drafts;

  ReviewFrameworkForm(FrameworkVersions versions, FrameworkDrafts drafts) {
    this.versions = versions;
    this.drafts = drafts;
  }

  @Override
  public String activityId() {
    return FrameworkReviewProcess.Elements.REVIEW_FRAMEWORK;
  }

  @Override
  public List<Field> fields() {
    return List.of(
        required(COMMUNITY_INPUT.name(), Checks.paragraphs(20, Checks.MAX_TEXT_VARIABLE)),
        required(PUBLISH_NEW_VERSION.name(), Checks.yesNo()),
        optional(NEW_FRAMEWORK_VERSION.name(), Checks.text(1, 40)),
        optional(CHANGES_SUMMARY.name(), Checks.paragraphs(Checks.MAX_TEXT_VARIABLE)));
  }

  @Override
  public void crossCheck(Submission submission, Problems problems) {
    if (!submission.isTrue(PUBLISH_NEW_VERSION.name())) {
      return;
    }
    for (String name : List.of(NEW_FRAMEWORK_VERSION.name(), CHANGES_SUMMARY.name())) {
      if (!submission.submittedText(name)) {
        problems.add(name, "is required to publish a new version");
      }
    }
    if (problems.isEmpty()) {
      String version = ((String) submission.value(NEW_FRAMEWORK_VERSION.name())).strip();
      if (versions.isPublished(version)) {
        problems.add(NEW_FRAMEWORK_VERSION.name(), "is published already, and a published version never changes");
      } else if (!drafts.isValidDraft(version)) {
        problems.add(NEW_FRAMEWORK_VERSION.name(), "is not a valid draft: upload it first at "
            + FrameworkReviewProcess.DRAFTS_PAGE + ", then choose it from the list");
      }
    }
  }

  @Override
  public void accepted(DelegateExecution execution, String userId) {
    REVIEWED_BY.set(execution, userId);
  }
}
