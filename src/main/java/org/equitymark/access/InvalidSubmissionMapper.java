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
 * completions already do. Everything else is answered as Camunda would.
 */
@Provider
@Priority(1)
public class InvalidSubmissionMapper implements ExceptionMapper<RestException> {

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
    }
    return ExceptionHandlerHelper.getInstance().getResponse(exception);
  }
}
