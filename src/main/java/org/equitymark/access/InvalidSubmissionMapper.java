package org.equitymark.access;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.equitymark.submission.InvalidSubmissionException;

/**
 * Camunda's REST API answers 500 for any engine exception when a process is started; a
 * registration that breaks our rules is the client's fault and gets 400 with the reasons, as task
 * completions already do. So does a variable sent Java-serialized (the engine refuses it, but
 * Camunda answers 500). Everything else is answered as Camunda would.
 */
@Provider
@Priority(1)
public class InvalidSubmissionMapper implements ExceptionMapper<RestException> {

  /** ENGINE-17007: a client sent a variable in Java serialization, which the engine refuses. */
  private static final String JAVA_SERIALIZATION_PROHIBITED = "Java serialization format is prohibited";

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidSubmissionException invalid) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", InvalidSubmissionException.class.getSimpleName());
        body.put("message", invalid.getMessage());
        body.put("problems", invalid.problems());
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
      }
      if (cause.getMessage() != null && cause.getMessage().contains(JAVA_SERIALIZATION_PROHIBITED)) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", InvalidSubmissionException.class.getSimpleName());
        body.put("message", "Java-serialized variables are not accepted: send JSON or plain values");
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
      }
    }
    return ExceptionHandlerHelper.getInstance().getResponse(exception);
  }
}
