package org.equitymark.assessment;

import static org.equitymark.process.CertificationProcess.CLARIFICATION_THREAD;
import static org.equitymark.process.CertificationProcess.CLARIFICATION_THREAD_TEXT;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.equitymark.process.Variable;

/** Reads and writes a case's clarification thread (JSON and text together). */
final class ClarificationRecord {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'");

  private ClarificationRecord() {
  }

  static void update(VariableScope scope, UnaryOperator<ClarificationThread> change) {
    Variable.JsonText json = CLARIFICATION_THREAD.get(scope);
    ClarificationThread thread = change.apply(ClarificationThread.fromJson(json == null ? null : json.json()));
    CLARIFICATION_THREAD.set(scope, new Variable.JsonText(thread.toJson()));
    CLARIFICATION_THREAD_TEXT.set(scope, thread.toText());
  }

  static String now() {
    return ClockUtil.now().toInstant().atZone(ZoneOffset.UTC).format(WHEN);
  }
}
