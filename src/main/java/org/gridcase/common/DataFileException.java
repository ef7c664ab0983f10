package org.gridcase.common;

import java.util.List;
import java.util.stream.Collectors;

/** A data file (organisation, matters catalogue) that cannot be loaded; each problem names the line and the field. */
public class DataFileException extends RuntimeException {

  /** One thing wrong with the file; line 0 means the file as a whole. */
  public record Problem(int line, String field, String message) {

    @Override
    public String toString() {
      String where = line > 0 ? "line " + line : "file";
      return field == null ? where + ": " + message : where + ", field '" + field + "': " + message;
    }
  }

  private final String source;
  private final transient List<Problem> problems;

  public DataFileException(String source, List<Problem> problems) {
    super(describe(source, problems));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  public String source() {
    return source;
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String describe(String source, List<Problem> problems) {
    return source + " is invalid (" + problems.size() + " problem"
        + (problems.size() == 1 ? "" : "s") + "):\n  "
        + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  "));
  }
}
