package org.gridcase.common;

import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reading a completed form on the server, where its checks are repeated: clear errors naming the field. */
public final class TaskInput {

  private TaskInput() {
  }

  /** A form input that fails the server's checks; the task stays open. */
  public static class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String message) {
      super(field + ": " + message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /**
   * Trimmed text as {@link UserText#accept} keeps it, or an error naming the field: required and missing
   * (or only invisible characters), markup, control characters, too long.
   */
  public static String text(VariableScope scope, ProcessVariable<?> variable, boolean required, int maxLength) {
    Object raw = scope.getVariable(variable.name());
    String text;
    try {
      text = raw == null ? null : UserText.accept(variable.name(), raw.toString());
    } catch (UserText.InvalidTextException e) {
      throw new InvalidInputException(variable.name(), e.getMessage());
    }
    if (text == null) {
      if (required) {
        throw new InvalidInputException(variable.name(), "必填 (required)");
      }
      return null;
    }
    if (text.length() > maxLength) {
      throw new InvalidInputException(variable.name(), "不能超过 " + maxLength + " 字 (at most " + maxLength + " characters)");
    }
    return text;
  }

  /** One of the allowed values. */
  public static String choice(VariableScope scope, ProcessVariable<String> variable, Set<String> allowed) {
    String value = variable.text(scope);
    if (value == null || !allowed.contains(value)) {
      throw new InvalidInputException(variable.name(), "请选择 " + allowed.stream().sorted().toList()
          + (value == null ? "" : "，不能是 '" + value + "'"));
    }
    return value;
  }
}
