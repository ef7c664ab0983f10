package org.gridcase.common;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.gridcase.common.DataFileException.Problem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the YAML data files of the repository (organisation, matters catalogue) record by record,
 * collecting every problem with its line and field instead of stopping at the first.
 *
 * <p>It works on SnakeYAML's node tree rather than constructed objects, which keeps line numbers and
 * never instantiates types named in the file.
 */
public final class DataFile {

  private static final int MAX_PROBLEMS = 50;

  private final String source;
  private final List<Problem> problems = new ArrayList<>();

  private DataFile(String source) {
    this.source = source;
  }

  /** Parses the file; a malformed file or one that is not a mapping fails at once. */
  public static Fields read(String source, Reader content, Set<String> rootFields) {
    DataFile file = new DataFile(source);
    Node root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(content);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new DataFileException(source, List.of(new Problem(line, null, "malformed YAML: " + e.getProblem())));
    } catch (YAMLException e) {
      throw new DataFileException(source, List.of(new Problem(0, null, "malformed YAML: " + e.getMessage())));
    }
    if (!(root instanceof MappingNode mapping)) {
      throw new DataFileException(source, List.of(new Problem(root == null ? 0 : lineOf(root), null,
          "expected a mapping with the fields " + rootFields.stream().sorted().toList())));
    }
    return file.new Fields(mapping, rootFields);
  }

  /** The fields of one mapping, with unknown and duplicate keys reported. */
  public final class Fields {
    private final int line;
    private final Map<String, Node> values = new LinkedHashMap<>();

    private Fields(MappingNode node, Set<String> allowed) {
      this.line = lineOf(node);
      for (NodeTuple tuple : node.getValue()) {
        if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
          addProblem(lineOf(tuple.getKeyNode()), null, "field names must be plain words");
          continue;
        }
        if (!allowed.contains(key.getValue())) {
          addProblem(lineOf(key), key.getValue(), "unknown field; expected one of " + allowed.stream().sorted().toList());
        } else if (values.put(key.getValue(), tuple.getValueNode()) != null) {
          addProblem(lineOf(key), key.getValue(), "field given twice");
        }
      }
    }

    public int line() {
      return line;
    }

    /** Whether the field is given at all, even empty. */
    public boolean has(String field) {
      return values.containsKey(field);
    }

    /** Reports a problem of this record, at the line of the field when it is present. */
    public void problem(String field, String message) {
      Node node = values.get(field);
      addProblem(node == null ? line : lineOf(node), field, message);
    }

    /** Reports a problem that spans records (a duplicate code, an unknown parent). */
    public void problem(int line, String field, String message) {
      addProblem(line, field, message);
    }

    /** Fails with every problem reported so far, if there is any. */
    public void throwIfInvalid() {
      if (!problems.isEmpty()) {
        throw new DataFileException(source, problems);
      }
    }

    public String text(String field, boolean required) {
      Node node = values.get(field);
      if (node == null) {
        if (required) {
          addProblem(line, field, "required");
        }
        return null;
      }
      if (!(node instanceof ScalarNode scalar)) {
        addProblem(lineOf(node), field, "expected a single value");
        return null;
      }
      String value = scalar.getValue().strip();
      if (value.isEmpty()) {
        if (required) {
          addProblem(lineOf(node), field, "required");
        }
        return null;
      }
      return value;
    }

    /** A required value matching the pattern; {@code rule} explains the pattern in the message. */
    public String code(String field, Pattern pattern, String rule) {
      String value = text(field, true);
      if (value != null && !pattern.matcher(value).matches()) {
        problem(field, "'" + value + "' is not a valid " + field + " (" + rule + ")");
        return null;
      }
      return value;
    }

    public String name(String field, int maxLength) {
      String value = text(field, true);
      if (value != null && value.length() > maxLength) {
        problem(field, "longer than " + maxLength + " characters");
      }
      return value;
    }

    public Boolean bool(String field, boolean required) {
      String value = text(field, required);
      if (value == null) {
        return null;
      }
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "true", "yes" -> true;
        case "false", "no" -> false;
        default -> {
          problem(field, "expected true or false, not '" + value + "'");
          yield null;
        }
      };
    }

    /** Enum constants are written in lower case with dashes: {@code part-time}, {@code urban}. */
    public <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) {
      String value = text(field, required);
      if (value == null) {
        return null;
      }
      try {
        return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        problem(field, "unknown " + field + " '" + value + "'; expected one of "
            + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
        return null;
      }
    }

    public List<String> texts(String field) {
      List<String> texts = new ArrayList<>();
      for (Node item : items(field, "expected a list")) {
        if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
          texts.add(scalar.getValue().strip());
        } else {
          addProblem(lineOf(item), field, "expected a list of codes");
        }
      }
      return texts;
    }

    /**
     * A list of number pairs such as {@code [[107.5, 31.2], [107.6, 31.2]]} (coordinates); a malformed or
     * non-finite pair is reported and left out.
     */
    public List<double[]> numberPairs(String field) {
      List<double[]> pairs = new ArrayList<>();
      for (Node item : items(field, "expected a list of [a, b] number pairs")) {
        if (!(item instanceof SequenceNode pair) || pair.getValue().size() != 2) {
          addProblem(lineOf(item), field, "expected a pair of numbers such as [107.5, 31.2]");
          continue;
        }
        double[] numbers = new double[2];
        boolean valid = true;
        for (int i = 0; i < 2; i++) {
          Node number = pair.getValue().get(i);
          Double parsed = number instanceof ScalarNode scalar ? parseNumber(scalar.getValue()) : null;
          if (parsed == null) {
            addProblem(lineOf(number), field, "'" + (number instanceof ScalarNode scalar ? scalar.getValue() : "[...]")
                + "' is not a number");
            valid = false;
          } else {
            numbers[i] = parsed;
          }
        }
        if (valid) {
          pairs.add(numbers);
        }
      }
      return pairs;
    }

    /** The items of an optional list field; none, with {@code notAList} reported, when it is something else. */
    private List<Node> items(String field, String notAList) {
      Node node = values.get(field);
      if (node == null) {
        return List.of();
      }
      if (!(node instanceof SequenceNode sequence)) {
        addProblem(lineOf(node), field, notAList);
        return List.of();
      }
      return sequence.getValue();
    }

    /** The records of a list field, each a mapping with the allowed fields. */
    public List<Fields> records(String field, Set<String> allowed, boolean required) {
      Node node = values.get(field);
      if (node == null) {
        if (required) {
          addProblem(line, field, "required");
        }
        return List.of();
      }
      if (!(node instanceof SequenceNode sequence)) {
        addProblem(lineOf(node), field, "expected a list of records");
        return List.of();
      }
      List<Fields> records = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        if (item instanceof MappingNode mapping) {
          records.add(new Fields(mapping, allowed));
        } else {
          addProblem(lineOf(item), field, "expected a record such as {code: ..., name: ...}");
        }
      }
      return records;
    }
  }

  /** A finite decimal number, or null; YAML's .nan and .inf are not coordinates. */
  private static Double parseNumber(String text) {
    try {
      double value = Double.parseDouble(text.strip());
      return Double.isFinite(value) && !text.strip().matches(".*[a-zA-Z].*") ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private void addProblem(int line, String field, String message) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(new Problem(line, field, message));
    }
  }

  private static int lineOf(Node node) {
    return node.getStartMark().getLine() + 1;
  }
}
