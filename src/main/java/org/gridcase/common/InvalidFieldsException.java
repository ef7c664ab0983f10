package org.gridcase.common;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input refused field by field, every refused field with its message; nothing was stored. A
 * {@link BadUserRequestException}, so the engine treats it as the caller's mistake; the engine REST API
 * (/engine-rest and Tasklist's /camunda/api/engine) answers it with 400 and every field's message, also
 * when the engine wrapped it (see {@link EngineRestErrors}).
 */
public class InvalidFieldsException extends BadUserRequestException {

  /** One refused field: the variable or parameter name, and what is wrong, in Chinese for the handler. */
  public record Field(String name, String message) {
  }

  private final transient List<Field> fields;

  public InvalidFieldsException(List<Field> fields) {
    super(messageOf(fields));
    this.fields = List.copyOf(fields);
  }

  /** The same fields, leaving the engine in place of the engine's wrapper ({@code cause}). */
  InvalidFieldsException(List<Field> fields, Throwable cause) {
    super(messageOf(fields), cause);
    this.fields = List.copyOf(fields);
  }

  private static String messageOf(List<Field> fields) {
    return fields.stream().map(field -> field.name() + ": " + field.message()).collect(Collectors.joining("; "));
  }

  public List<Field> fields() {
    return fields;
  }
}
