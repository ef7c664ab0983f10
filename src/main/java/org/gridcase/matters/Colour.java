package org.gridcase.matters;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The 3-colour list (3色事项清单): who owns a case follows its colour. */
public enum Colour {
  RED("红"),
  YELLOW("黄"),
  GREEN("绿");

  private final String label;

  Colour(String label) {
    this.label = label;
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
