package org.gridcase.matters;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The 3-colour list (3色事项清单): who owns a case follows its colour, and so does the priority of its tasks:
 * Tasklist sorts by it, and the red lists select by it (a task column, indexed, where the colour variable would be
 * probed task by task).
 */
public enum Colour {
  RED("红", 90),
  YELLOW("黄", 70),
  /** Camunda's default task priority, which a case's tasks also have before triage gave it a colour. */
  GREEN("绿", 50);

  private final String label;
  private final int taskPriority;

  Colour(String label, int taskPriority) {
    this.label = label;
    this.taskPriority = taskPriority;
  }

  /** The priority of this colour's tasks. */
  public int taskPriority() {
    return taskPriority;
  }

  public String label() {
    return label;
  }

  /** The value used in process variables, DMN and forms: red, yellow, green. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Colour> ofKey(String key) {
    return Arrays.stream(values()).filter(colour -> colour.key().equals(key)).findFirst();
  }
}
