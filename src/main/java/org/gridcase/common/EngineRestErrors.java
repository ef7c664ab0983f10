package org.gridcase.common;

import jakarta.annotation.Priority;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Our validation errors over the engine REST API: 400 in Camunda's error JSON, with every field.
 *
 * <p>Camunda answers 400 only for exceptions it sees directly; but the engine wraps whatever a task listener
 * throws ("Exception while invoking TaskListener"), and the task and start resources turn any engine
 * exception into a {@code RestException} with status 500. So these mappers look for an
 * {@link InvalidFieldsException} in the cause chain and answer
 * {@code {"type":"InvalidFieldsException","message":"field: message; …","code":…,"errors":[{"field","message"}]}};
 * anything else goes to Camunda's own handling unchanged.
 *
 * <p>Registered in every Jersey application of the process (/engine-rest and the web apps' engine API
 * behind Tasklist, which has no other extension point) through Jersey's auto-discovery
 * ({@code META-INF/services/org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable}). The priority puts
 * these mappers before Camunda's mappers of the same exception types.
 */
public final class EngineRestErrors implements ForcedAutoDiscoverable {

  static final String TYPE = InvalidFieldsException.class.getSimpleName();

  @Override
  public void configure(FeatureContext context) {
    // Server applications only: auto-discovery also configures Jersey clients.
    if (context.getConfiguration().getRuntimeType() == RuntimeType.SERVER
        && !context.getConfiguration().isRegistered(EngineExceptions.class)) {
      context.register(EngineExceptions.class);
      context.register(RestExceptions.class);
    }
  }

  /** The 400 answer for a validation error anywhere in the cause chain, else Camunda's answer. */
  static Response toResponse(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidFieldsException invalid) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE);
        body.put("message", invalid.getMessage());
        body.put("code", invalid.getCode());
        body.put("errors", invalid.fields().stream()
            .map(field -> Map.of("field", field.name(), "message", field.message())).toList());
        return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE)
            .build();
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return ExceptionHandlerHelper.getInstance().getResponse(exception);
  }

  /** Engine exceptions, such as a task listener's error wrapped by the engine. */
  @Priority(1000)
  public static final class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return EngineRestErrors.toResponse(exception);
    }
  }

  /** What the task and start resources make of an engine exception: a RestException with status 500. */
  @Priority(1000)
  public static final class RestExceptions implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      return EngineRestErrors.toResponse(exception);
    }
  }
}
