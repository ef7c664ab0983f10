package org.gridcase.caseform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The forms in forms/ against the form-js that Tasklist embeds: a schema it reads, and no user text through
 * a markdown template.
 */
class FormFilesTest {

  /** The bundle of the web apps' libraries in the webjar; form-js exports its schema version there. */
  static final String FORM_JS_BUNDLE = "META-INF/resources/webjars/camunda/lib/deps.js";
  private static final Pattern SCHEMA_VERSION = Pattern.compile("\\.schemaVersion=(\\d+)[,;]");
  /** Template variables a text component may show: markup built from trusted data only. */
  private static final Set<String> TRUSTED_MARKDOWN = Set.of(CaseFormValues.ATTACHMENTS);
  private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{\\{\\s*#?/?([A-Za-z0-9_.]+)");

  static int supportedSchemaVersion;
  static List<Path> forms;

  @BeforeAll
  static void readBundleAndForms() throws IOException {
    try (InputStream bundle = FormFilesTest.class.getClassLoader().getResourceAsStream(FORM_JS_BUNDLE)) {
      assertThat(bundle).as("form-js bundle %s of the Camunda webjar", FORM_JS_BUNDLE).isNotNull();
      Matcher exported = SCHEMA_VERSION.matcher(new String(bundle.readAllBytes(), StandardCharsets.UTF_8));
      assertThat(exported.find()).as("form-js's exported schemaVersion in %s", FORM_JS_BUNDLE).isTrue();
      supportedSchemaVersion = Integer.parseInt(exported.group(1));
    }
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      forms = files.filter(path -> path.toString().endsWith(".form")).sorted().toList();
    }
    assertThat(forms).hasSizeGreaterThanOrEqualTo(11);
  }

  @Test
  void tasklistsFormJsReadsSchemaSixteen() {
    // Camunda 7.24's Tasklist embeds form-js 1.8.x; an upgrade of the webjar changes this on purpose.
    assertThat(supportedSchemaVersion).isEqualTo(16);
  }

  @Test
  void everyFormIsInTheSchemaOfTheEmbeddedFormJs() throws IOException {
    for (Path form : forms) {
      JsonNode schema = new ObjectMapper().readTree(form.toFile());
      assertThat(schema.path("schemaVersion").asInt(-1)).as("schemaVersion of %s (Tasklist's form-js reads up to %d)",
          form, supportedSchemaVersion).isEqualTo(supportedSchemaVersion);
      assertThat(schema.path("exporter").path("version").asText()).as("exporter of %s", form).startsWith("1.8.");
      assertThat(schema.path("executionPlatformVersion").asText()).as("platform of %s", form).isEqualTo("7.24.0");
    }
  }

  @Test
  void textComponentsTemplateNoUserText() throws IOException {
    List<String> offending = new ArrayList<>();
    for (Path form : forms) {
      for (JsonNode component : new ObjectMapper().readTree(form.toFile()).path("components")) {
        if ("text".equals(component.path("type").asText())) {
          Matcher variable = TEMPLATE_VARIABLE.matcher(component.path("text").asText());
          while (variable.find()) {
            if (!TRUSTED_MARKDOWN.contains(variable.group(1))) {
              offending.add(form.getFileName() + "#" + component.path("id").asText() + ": " + variable.group(1));
            }
          }
        }
      }
    }
    assertThat(offending).as("text components render markdown: user text belongs in disabled fields").isEmpty();
  }

  @Test
  void caseValuesAreShownInDisabledFieldsOnly() throws IOException {
    for (Path form : forms) {
      for (JsonNode component : new ObjectMapper().readTree(form.toFile()).path("components")) {
        if (component.path("key").asText().startsWith(CaseFormValues.PREFIX)) {
          assertThat(component.path("disabled").asBoolean()).as("%s#%s is display-only", form.getFileName(),
              component.path("id").asText()).isTrue();
        }
      }
    }
  }
}
