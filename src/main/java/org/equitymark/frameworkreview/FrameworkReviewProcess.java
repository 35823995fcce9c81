package org.equitymark.frameworkreview;

import org.equitymark.process.Variable;

/** The API of process {@code framework-review}: key, element ids and variables. */
public final class FrameworkReviewProcess {

  public static final String KEY = "framework-review";

  private FrameworkReviewProcess() {
  }

  /** Element ids of the model. */
  public static final class Elements {
    public static final String FRAMEWORK_REVIEW_DUE = "frameworkReviewDue";
    public static final String REVIEW_FRAMEWORK = "reviewFramework";
    public static final String PUBLISH_FRAMEWORK = "publishFramework";
    public static final String FRAMEWORK_PUBLISHED = "frameworkPublished";
    public static final String FRAMEWORK_KEPT = "frameworkKept";

    private Elements() {
    }
  }

  public static final Variable<String> CURRENT_FRAMEWORK_VERSION = Variable.string("currentFrameworkVersion");
  public static final Variable<String> COMMUNITY_INPUT = Variable.string("communityInput");
  public static final Variable<Boolean> PUBLISH_NEW_VERSION = Variable.bool("publishNewVersion");
  public static final Variable<String> NEW_FRAMEWORK_VERSION = Variable.string("newFrameworkVersion");
  public static final Variable<String> CHANGES_SUMMARY = Variable.string("changesSummary");
  public static final Variable<String> REVIEWED_BY = Variable.string("reviewedBy");
  /** Task-local: the valid drafts as the options of {@code newFrameworkVersion} (label, value). */
  public static final Variable<Variable.JsonText> FRAMEWORK_DRAFTS = Variable.json("frameworkDrafts");
  /** Where a scheme manager uploads a draft. */
  public static final String DRAFTS_PAGE = "/framework/drafts";
}
