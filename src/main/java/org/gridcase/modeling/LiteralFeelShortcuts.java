package org.gridcase.modeling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Answers the FEEL a decision table mostly consists of without the FEEL interpreter, and hands everything else to
 * it. Camunda's Scala FEEL engine parses the text and builds its built-in function library anew for every
 * expression it evaluates: the triage decision (eleven expressions) takes 0.57 ms a case that way and 0.004 ms
 * with these shortcuts (issue 12; one thread, the test suite's C1 compiler). Four forms are answered here, and
 * only for strings:
 * <ul>
 *   <li>an input expression naming a variable ({@code categoryCode}): its value;</li>
 *   <li>a string literal as output entry ({@code "red"}): the string;</li>
 *   <li>an input entry listing string literals ({@code "mailbox","email"}): whether the input equals one;</li>
 *   <li>{@code matches(?, "燃气泄漏|火灾")}: whether the pattern is found in the input, as FEEL's {@code matches}
 *       does it ({@link Pattern#compile}, {@code find}), the pattern compiled once.</li>
 * </ul>
 * Anything else (escapes, other types, other functions, ranges, {@code not(…)}, a pattern Java cannot compile, a
 * variable that is missing or not a string) goes to the interpreter, so the results are the interpreter's:
 * {@code LiteralFeelShortcutsTest} evaluates every expression of the release's decisions, and edge cases, both
 * ways and compares.
 */
final class LiteralFeelShortcuts implements FeelEngine {

  /** A FEEL name of letters, digits and underscores; FEEL's keywords are not variables. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> KEYWORDS = Set.of("null", "true", "false", "not", "and", "or", "if", "then",
      "else", "for", "in", "return", "some", "every", "satisfies", "instance", "of", "function", "between",
      "external");
  /** A string literal without escapes, then a comma or the end. */
  private static final Pattern LISTED_STRING = Pattern.compile("\\s*\"([^\"\\\\]*)\"\\s*(,|$)");
  /** FEEL's {@code matches} of the input and a string literal without escapes. */
  private static final Pattern MATCHES = Pattern.compile("matches\\(\\s*\\?\\s*,\\s*\"([^\"\\\\]*)\"\\s*\\)");
  /** Decision tables are few and their texts fixed, but a deployment may come from anyone who may deploy. */
  private static final int MAX_REMEMBERED = 10_000;

  private final FeelEngine interpreter;
  private final Map<String, Expression> expressions = new ConcurrentHashMap<>();
  private final Map<String, UnaryTests> unaryTests = new ConcurrentHashMap<>();

  LiteralFeelShortcuts(FeelEngine interpreter) {
    this.interpreter = interpreter;
  }

  /** What an input expression or output entry is: a variable's name, a string, or something for the interpreter. */
  private record Expression(String variable, String string) {
    static final Expression OTHER = new Expression(null, null);
  }

  /** The strings an input entry lists, or the pattern it looks for; both null for something for the interpreter. */
  private record UnaryTests(List<String> strings, Pattern matches) {
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String text, VariableContext variables) {
    Expression expression = remember(expressions, text, LiteralFeelShortcuts::expression);
    if (expression.string() != null) {
      return (T) expression.string();
    }
    if (expression.variable() != null) {
      String value = stringOrNull(variables, expression.variable());
      if (value != null) {
        return (T) value;
      }
    }
    return interpreter.evaluateSimpleExpression(text, variables);
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String text, String inputVariable, VariableContext variables) {
    UnaryTests tests = remember(unaryTests, text, LiteralFeelShortcuts::unaryTests);
    if (tests.strings() != null || tests.matches() != null) {
      String input = stringOrNull(variables, inputVariable);
      if (input != null) {
        return tests.strings() != null ? tests.strings().contains(input) : tests.matches().matcher(input).find();
      }
    }
    return interpreter.evaluateSimpleUnaryTests(text, inputVariable, variables);
  }

  private static Expression expression(String text) {
    String trimmed = text.strip();
    if (NAME.matcher(trimmed).matches() && !KEYWORDS.contains(trimmed)) {
      return new Expression(trimmed, null);
    }
    List<String> strings = strings(trimmed);
    return strings != null && strings.size() == 1 ? new Expression(null, strings.get(0)) : Expression.OTHER;
  }

  private static UnaryTests unaryTests(String text) {
    String trimmed = text.strip();
    Matcher matches = MATCHES.matcher(trimmed);
    if (matches.matches()) {
      try {
        return new UnaryTests(null, Pattern.compile(matches.group(1)));
      } catch (java.util.regex.PatternSyntaxException e) {
        return new UnaryTests(null, null);
      }
    }
    return new UnaryTests(strings(trimmed), null);
  }

  /**
   * The strings of a comma-separated list of plain string literals; null when the text is anything else, a
   * trailing comma included.
   */
  private static List<String> strings(String text) {
    List<String> strings = new ArrayList<>();
    Matcher matcher = LISTED_STRING.matcher(text);
    boolean another = true;
    int at = 0;
    while (another) {
      if (!matcher.region(at, text.length()).lookingAt()) {
        return null;
      }
      strings.add(matcher.group(1));
      another = ",".equals(matcher.group(2));
      at = matcher.end();
    }
    // "$" also matches before a final line break: only a list that ends the text counts.
    return at == text.length() ? List.copyOf(strings) : null;
  }

  /**
   * The variable's value when it is a string (typed, as process variables are, or untyped, as a caller's map
   * gives it); null when it is missing, null or of another type.
   */
  private static String stringOrNull(VariableContext variables, String name) {
    if (name == null || !variables.containsVariable(name)) {
      return null;
    }
    TypedValue value = variables.resolve(name);
    return value != null && (value.getType() == null || value.getType() == ValueType.STRING)
        && value.getValue() instanceof String string ? string : null;
  }

  private static <V> V remember(Map<String, V> cache, String text, java.util.function.Function<String, V> parse) {
    V known = cache.get(text);
    if (known != null) {
      return known;
    }
    V parsed = parse.apply(text);
    if (cache.size() < MAX_REMEMBERED) {
      cache.put(text, parsed);
    }
    return parsed;
  }
}
