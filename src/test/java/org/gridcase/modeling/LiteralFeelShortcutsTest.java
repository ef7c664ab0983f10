package org.gridcase.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/**
 * {@link LiteralFeelShortcuts} must answer exactly as Camunda's FEEL interpreter does: every decision of the
 * release is evaluated both ways over the values its inputs take (and missing and non-string ones), and so is a
 * list of texts close to the shortcuts' forms; and the shortcuts must really spare the interpreter.
 */
class LiteralFeelShortcutsTest {

  private static final Map<String, List<Object>> VALUES = Map.of(
      "summary", List.of("小区燃气泄漏了", "路灯不亮", ""),
      "categoryCode", List.of("C04", "E01", "B03"),
      "channel", List.of("hotline", "mailbox", "email"),
      "defaultColour", List.of("red", "yellow", "green", 3),
      "colour", List.of("red", "yellow", "green", 3),
      "slaMode", List.of("normal", "emergency"),
      "slaStage", List.of("triage", "handle", "report", "review", "feedback", "emergency-dispatch"),
      "escalationLevel", List.of("none", "grid-leader", "supervisor"),
      "gridCode", List.of("DC-01-01-001"));
  /** Stands for a variable the case does not have. */
  private static final Object MISSING = new Object();

  private final FeelEngine interpreter = new ScalaFeelEngineFactory().createInstance();
  private final AtomicInteger interpreted = new AtomicInteger();
  private final FeelEngine shortcuts = new LiteralFeelShortcuts(counting(interpreter, interpreted));

  @Test
  void everyDecisionOfTheReleaseDecidesAsWithTheInterpreterAlone() throws Exception {
    DmnEngine plain = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DmnEngine withShortcuts = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
        .createDefaultDmnEngineConfiguration()).feelEngineFactory(() -> shortcuts).buildEngine();
    int evaluations = 0;
    List<Path> files;
    try (Stream<Path> listed = Files.list(Path.of("processes"))) {
      files = listed.filter(path -> path.toString().endsWith(".dmn")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(3);
    for (Path file : files) {
      List<DmnDecision> decisions;
      try (InputStream in = Files.newInputStream(file)) {
        decisions = withShortcuts.parseDecisions(in);
      }
      for (DmnDecision decision : decisions) {
        DmnDecision plainDecision;
        try (InputStream in = Files.newInputStream(file)) {
          plainDecision = plain.parseDecision(decision.getKey(), in);
        }
        for (VariableMap variables : combinations(inputNames(decision))) {
          assertThat(outcome(() -> withShortcuts.evaluateDecision(decision, variables).getResultList()))
              .as("%s with %s", decision.getKey(), variables)
              .isEqualTo(outcome(() -> plain.evaluateDecision(plainDecision, variables).getResultList()));
          evaluations++;
        }
      }
    }
    assertThat(evaluations).isGreaterThan(500);
  }

  @Test
  void textsNearTheShortcutsFormsGiveTheInterpretersAnswer() {
    List<Object> inputs = List.of("red", "yellow", "a,b", "", "A", "a\"b", "小区燃气泄漏了", "Red", 3, MISSING);
    for (String text : List.of("\"red\"", " \"red\" , \"yellow\" ", "\"red\",\"yellow\"", "\"a,b\"", "\"red\",",
        ",\"red\"", "\"\"", "-", "not(\"red\")", "\"red\" \"yellow\"", "\"\\u0041\"", "\"A\"", "\"a\\\"b\"",
        "null", "red", "?", "\"red\" or \"yellow\"", "matches(?, \"燃气|火灾\")", " matches( ? , \"^r\" ) ",
        "matches(?, \"^red$\")", "matches(?, \"\")", "matches(?, \"[\")", "matches(?, \"a\\\\d\")",
        "matches(?, \"r\", \"i\")", "matches(colour, \"r\")", "not(matches(?, \"r\"))")) {
      for (Object input : inputs) {
        VariableContext variables = variables("colour", input).asVariableContext();
        assertThat(outcome(() -> shortcuts.evaluateSimpleUnaryTests(text, "colour", variables)))
            .as("unary tests %s on %s", text, input)
            .isEqualTo(outcome(() -> interpreter.evaluateSimpleUnaryTests(text, "colour", variables)));
      }
    }
    for (String text : List.of("colour", " colour ", "\"red\"", "\"\"", "\"a,b\"", "\"a\\\"b\"", "\"red\",\"green\"",
        "null", "true", "not", "colour2", "colour.x", "\"red\" + \"x\"", "string length(colour)", "_colour")) {
      for (Object input : inputs) {
        VariableContext variables = variables("colour", input).putValue("colour2", "x").asVariableContext();
        assertThat(outcome(() -> shortcuts.evaluateSimpleExpression(text, variables)))
            .as("expression %s with colour %s", text, input)
            .isEqualTo(outcome(() -> interpreter.evaluateSimpleExpression(text, variables)));
      }
    }
  }

  @Test
  void theTriageDecisionNeedsNoInterpreter() throws Exception {
    DmnEngine engine = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
        .feelEngineFactory(() -> shortcuts).buildEngine();
    DmnDecision triage;
    try (InputStream in = Files.newInputStream(Path.of("processes/triage.dmn"))) {
      triage = engine.parseDecision("triage", in);
    }
    VariableMap variables = Variables.createVariables().putValue("summary", "路灯不亮")
        .putValue("categoryCode", "C04").putValue("channel", "hotline").putValue("defaultColour", "green");
    interpreted.set(0);
    assertThat(engine.evaluateDecision(triage, variables).getSingleResult().getEntryMap())
        .containsEntry("colour", "green").containsEntry("handlerLevel", "grid-worker");
    // Four input expressions, five input entries (matches(?, "…") among them) and two output entries.
    assertThat(interpreted).hasValue(0);
  }

  @Test
  void theEngineIsBuiltWithTheShortcuts() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    ModelingPlugin.useLiteralFeelShortcuts(configuration);
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    dmn.buildEngine();
    assertThat(dmn.getFeelEngine()).isInstanceOf(LiteralFeelShortcuts.class);
  }

  private static List<String> inputNames(DmnDecision decision) {
    return ((DmnDecisionTableImpl) decision.getDecisionLogic()).getInputs().stream()
        .map(DmnDecisionTableInputImpl::getExpression).map(expression -> expression.getExpression().strip())
        .toList();
  }

  /** Every combination of the inputs' values, each input also missing once. */
  private static List<VariableMap> combinations(List<String> names) {
    List<VariableMap> result = new ArrayList<>(List.of(Variables.createVariables()));
    for (String name : names) {
      List<Object> values = new ArrayList<>(VALUES.getOrDefault(name, List.of("x")));
      values.add(MISSING);
      List<VariableMap> next = new ArrayList<>();
      for (VariableMap partial : result) {
        for (Object value : values) {
          VariableMap combined = variables(name, value);
          combined.putAll(partial);
          next.add(combined);
        }
      }
      result = next;
    }
    return result;
  }

  private static VariableMap variables(String name, Object value) {
    VariableMap variables = Variables.createVariables();
    if (value != MISSING) {
      variables.putValue(name, value);
    }
    return variables;
  }

  /** The value, or the kind of failure: both engines must agree on either. */
  private static Object outcome(java.util.concurrent.Callable<?> evaluation) {
    try {
      return evaluation.call();
    } catch (Exception e) {
      return "failed: " + e.getClass().getSimpleName();
    }
  }

  private static FeelEngine counting(FeelEngine engine, AtomicInteger calls) {
    return new FeelEngine() {
      @Override
      public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
        calls.incrementAndGet();
        return engine.evaluateSimpleExpression(expression, variables);
      }

      @Override
      public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
        calls.incrementAndGet();
        return engine.evaluateSimpleUnaryTests(expression, inputVariable, variables);
      }
    };
  }
}
