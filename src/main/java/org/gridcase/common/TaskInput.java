package org.gridcase.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Reading a completed form on the server, where its checks are repeated: clear errors naming the field. */
public final class TaskInput {

  private TaskInput() {
  }

  /** Form inputs that fail the server's checks, each with its message; the task stays open. */
  public static class InvalidInputException extends InvalidFieldsException {

    public InvalidInputException(String field, String message) {
      this(List.of(new Field(field, message)));
    }

    public InvalidInputException(List<Field> fields) {
      super(fields);
    }

    /** The first refused field. */
    public String field() {
      return fields().get(0).name();
    }
  }

  /**
   * Checks a whole form before refusing it, so the handler learns every problem at once: each check
   * notes its error and returns null, and {@link #throwIfAny()} refuses them together.
   */
  public static final class Checks {
    private final VariableScope scope;
    private final List<InvalidFieldsException.Field> errors = new ArrayList<>();

    public Checks(VariableScope scope) {
      this.scope = scope;
    }

    /** {@link TaskInput#text}, or null with the error noted. */
    public String text(ProcessVariable<?> variable, boolean required, int maxLength) {
      try {
        return TaskInput.text(scope, variable, required, maxLength);
      } catch (InvalidInputException e) {
        errors.addAll(e.fields());
        return null;
      }
    }

    /** {@link TaskInput#choice}, or null with the error noted. */
    public String choice(ProcessVariable<String> variable, Set<String> allowed) {
      try {
        return TaskInput.choice(scope, variable, allowed);
      } catch (InvalidInputException e) {
        errors.addAll(e.fields());
        return null;
      }
    }

    /** Notes an error found by the caller's own check. */
    public void reject(String field, String message) {
      errors.add(new InvalidFieldsException.Field(field, message));
    }

    public boolean hasErrors() {
      return !errors.isEmpty();
    }

    /** Refuses the form with every error noted, if any. */
    public void throwIfAny() {
      if (!errors.isEmpty()) {
        throw new InvalidInputException(errors);
      }
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
