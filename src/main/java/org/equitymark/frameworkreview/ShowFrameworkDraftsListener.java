package org.equitymark.frameworkreview;

import static org.equitymark.frameworkreview.FrameworkReviewProcess.FRAMEWORK_DRAFTS;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.equitymark.frameworkreview.FrameworkDrafts.Draft;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code reviewFramework}, on create: the drafts a scheme manager may publish, as the options of the
 * form's select ({@code frameworkDrafts}, task-local Spin JSON of label and value): valid unpublished
 * drafts only, newest first. An upload while the task is open refreshes them ({@link FrameworkDrafts}).
 */
@Component("showFrameworkDrafts")
class ShowFrameworkDraftsListener implements TaskListener {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy").withZone(ZoneOffset.UTC);

  private final FrameworkDrafts drafts;

  ShowFrameworkDraftsListener(@Lazy FrameworkDrafts drafts) {
    this.drafts = drafts;
  }

  @Override
  public void notify(DelegateTask task) {
    task.setVariableLocal(FRAMEWORK_DRAFTS.name(), options(drafts.valid()));
  }

  /** The drafts as options of a Camunda Forms select: {@code [{"label": ..., "value": version}]}. */
  static Object options(List<Draft> valid) {
    List<Map<String, String>> options = valid.stream().map(draft -> {
      Map<String, String> option = new LinkedHashMap<>();
      option.put("label", draft.version() + " (uploaded by " + draft.draftedBy() + ", " + DAY.format(draft.draftedAt())
          + ")");
      option.put("value", draft.version());
      return option;
    }).toList();
    return SpinValues.jsonValue(Spin.JSON(options).toString()).create();
  }
}
