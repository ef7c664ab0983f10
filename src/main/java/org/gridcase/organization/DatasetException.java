package org.gridcase.organization;

import java.util.List;
import java.util.stream.Collectors;

/** A dataset that cannot be imported; each problem names the line and the field. Nothing was written. */
public class DatasetException extends RuntimeException {

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

  DatasetException(String source, List<Problem> problems) {
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
    return "organisation dataset " + source + " is invalid (" + problems.size() + " problem"
        + (problems.size() == 1 ? "" : "s") + "):\n  "
        + problems.stream().map(Problem::toString).collect(Collectors.joining("\n  "));
  }
}
