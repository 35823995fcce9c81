package org.equitymark.submission;

import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's record of a refused submission: one line at INFO naming what was refused (the
 * activity) and the fields at fault, never their values or the reasons (a reason may quote what was
 * sent). A refusal is the client's mistake, answered 400; it is not an error of the application.
 */
public final class RefusedSubmissions {

  private static final Logger LOG = LoggerFactory.getLogger(RefusedSubmissions.class);

  private RefusedSubmissions() {
  }

  public static void log(InvalidSubmissionException refusal) {
    LOG.info("Refused {}: fields {}", refusal.what(), new TreeSet<>(refusal.problems().keySet()));
  }
}
