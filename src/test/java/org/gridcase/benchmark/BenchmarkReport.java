package org.gridcase.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * target/benchmarks/summary.md: one table, a row per measure, assembled from the rows each benchmark wrote to
 * target/benchmarks/rows/ (so running one benchmark alone still gives a summary of what ran).
 */
public final class BenchmarkReport {

  private static final Path DIR = Path.of("target", "benchmarks");
  private static final Path ROWS = DIR.resolve("rows");

  private BenchmarkReport() {
  }

  /** A row: the goal's number and name, what was measured, both figures, their ratio and whether the goal holds. */
  public record Row(String goal, String measure, String gridcase, String baseline, String ratio, String target,
      boolean met) {
    String markdown() {
      return "| " + String.join(" | ", goal, measure, gridcase, baseline, ratio, target, met ? "yes" : "**no**")
          + " |";
    }
  }

  /** Replaces the rows of one benchmark (its name orders it in the summary) and rewrites the summary. */
  public static synchronized void write(String name, List<Row> rows, String notes) {
    try {
      Files.createDirectories(ROWS);
      StringBuilder text = new StringBuilder();
      rows.forEach(row -> text.append(row.markdown()).append('\n'));
      Files.writeString(ROWS.resolve(name + ".md"), text, StandardCharsets.UTF_8);
      Files.writeString(ROWS.resolve(name + ".notes"), notes == null ? "" : notes.strip() + "\n",
          StandardCharsets.UTF_8);
      writeSummary();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A ratio as "1.23×", baseline over Gridcase for times ("how many times faster") or the reverse for rates. */
  public static String ratio(double value) {
    return String.format("%.2f×", value);
  }

  private static void writeSummary() throws IOException {
    StringBuilder md = new StringBuilder("# Benchmarks: Gridcase beside plain Camunda 7.24\n\n")
        .append("Run on ").append(LocalDate.now()).append(", ")
        .append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(memory())
        .append(", PostgreSQL on 127.0.0.1. Both applications ran in the same run on the same server; the machine")
        .append(" is shared, so read the ratios.\n\n")
        .append("| goal | measure | Gridcase | plain Camunda | ratio | goal | met |\n")
        .append("|---|---|---|---|---|---|---|\n");
    StringBuilder notes = new StringBuilder();
    try (Stream<Path> files = Files.list(ROWS)) {
      for (Path file : files.sorted().toList()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (file.toString().endsWith(".md")) {
          md.append(text);
        } else if (!text.isBlank()) {
          notes.append(text).append('\n');
        }
      }
    }
    if (!notes.isEmpty()) {
      md.append("\n## Data sizes and settings\n\n").append(notes);
    }
    Files.writeString(DIR.resolve("summary.md"), md, StandardCharsets.UTF_8);
  }

  private static String memory() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          long kb = Long.parseLong(line.replaceAll("\\D", ""));
          return Math.round(kb / 1024.0 / 1024.0) + " GiB memory";
        }
      }
    } catch (IOException | NumberFormatException unknown) {
      // not Linux: leave the memory out
    }
    return "memory unknown";
  }
}
