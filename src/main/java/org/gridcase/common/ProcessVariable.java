package org.gridcase.common;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A typed process variable: its name lives in one place, the process API class of its process.
 *
 * @param <T> the Java type stored under {@link #name()}
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Class<T> type;
  private final java.util.function.BiConsumer<VariableScope, T> check;

  private ProcessVariable(String name, Class<T> type) {
    this(name, type, (scope, value) -> { });
  }

  private ProcessVariable(String name, Class<T> type, java.util.function.BiConsumer<VariableScope, T> check) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
    this.check = Objects.requireNonNull(check);
  }

  /**
   * The same variable, with a check every read value must pass (e.g. that a case id belongs to the
   * process instance that reads it); the check throws to refuse.
   */
  public ProcessVariable<T> checkedBy(java.util.function.BiConsumer<VariableScope, T> check) {
    return new ProcessVariable<>(name, type, check);
  }

  public static ProcessVariable<String> stringVariable(String name) {
    return new ProcessVariable<>(name, String.class);
  }

  public static ProcessVariable<Long> longVariable(String name) {
    return new ProcessVariable<>(name, Long.class);
  }

  public static ProcessVariable<java.util.Date> dateVariable(String name) {
    return new ProcessVariable<>(name, java.util.Date.class);
  }

  public static ProcessVariable<Boolean> booleanVariable(String name) {
    return new ProcessVariable<>(name, Boolean.class);
  }

  /** Numbers entered in forms arrive as Long, Integer or Double depending on the client. */
  public static ProcessVariable<Number> numberVariable(String name) {
    return new ProcessVariable<>(name, Number.class);
  }

  /** A value whose type varies by client, such as a checklist (JSON array or Java list). */
  public static ProcessVariable<Object> anyVariable(String name) {
    return new ProcessVariable<>(name, Object.class);
  }

  public String name() {
    return name;
  }

  /** The value, or an error naming the variable when the process did not set it. */
  public T get(VariableScope scope) {
    T value = getOrNull(scope);
    if (value == null) {
      throw new IllegalStateException("process variable '" + name + "' is not set");
    }
    return value;
  }

  public T getOrNull(VariableScope scope) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    T typed = type.cast(value);
    check.accept(scope, typed);
    return typed;
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  /** Sets the variable on this task or execution only, not on the process instance. */
  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }

  /** Drops a form input once its content is stored in the application's tables. */
  public void remove(VariableScope scope) {
    scope.removeVariable(name);
  }

  /** A text variable, trimmed; null when missing or blank. */
  public String text(VariableScope scope) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    String text = value.toString().strip();
    return text.isEmpty() ? null : text;
  }

  /** Adds this variable to a map for starting a process or completing a task. */
  public VariableMap putIn(VariableMap variables, T value) {
    return variables.putValue(name, value);
  }

  public VariableMap asMap(T value) {
    return putIn(Variables.createVariables(), value);
  }
}
