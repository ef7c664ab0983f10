package org.gridcase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Chinese locale of Camunda's web apps (META-INF/resources/webjars/camunda/app/{app}/locales/zh.json)
 * against the English one in Camunda's web app jar on the class path: every English key has a Chinese text with
 * the same {{placeholders}}, and no key of ours is unknown to Camunda. A Camunda upgrade that adds, renames or
 * drops keys fails here until the Chinese file follows.
 */
class CamundaLocaleTest {

  private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");
  /** English texts that stay as they are in Chinese: names, formats and symbols. */
  private static final Set<String> SAME_IN_CHINESE = Set.of("", "Camunda", "Optimize", "ID", "ID*", "CSV", "JSON",
      "null", "YYYY-MM-DDTHH:mm:ss", "<", "<=", ">", ">=");
  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyEnglishKeyHasAChineseText(String app) throws IOException {
    JsonNode english = camundaEnglish(app);
    JsonNode chinese = read(ours(app));
    assertThat(english.get("labels").size()).as("Camunda's %s labels", app).isGreaterThan(100);

    List<String> problems = new ArrayList<>();
    english.get("labels").properties().forEach(entry -> {
      String key = entry.getKey();
      String en = entry.getValue().asText();
      JsonNode zh = chinese.get("labels").get(key);
      if (zh == null || (zh.asText().isBlank() && !en.isBlank())) {
        problems.add(key + ": no Chinese text");
      } else if (!placeholders(en).equals(placeholders(zh.asText()))) {
        problems.add(key + ": placeholders " + placeholders(zh.asText()) + " instead of " + placeholders(en));
      } else if (!SAME_IN_CHINESE.contains(en) && !CHINESE.matcher(zh.asText()).find()) {
        problems.add(key + ": not Chinese: " + zh.asText());
      }
    });
    chinese.get("labels").fieldNames().forEachRemaining(key -> {
      if (!english.get("labels").has(key)) {
        problems.add(key + ": not a key of Camunda's " + app);
      }
    });
    assertThat(problems).as("zh.json of %s against Camunda's en.json", app).isEmpty();

    if (english.has("dateLocales")) {
      Set<String> dateKeys = new TreeSet<>();
      english.get("dateLocales").fieldNames().forEachRemaining(dateKeys::add);
      Set<String> ours = new TreeSet<>();
      chinese.get("dateLocales").fieldNames().forEachRemaining(ours::add);
      assertThat(ours).as("date locale of %s", app).isEqualTo(dateKeys);
      assertThat(chinese.at("/dateLocales/months/0").asText()).isEqualTo("一月");
    }
  }

  /** Camunda's English file, from its web app jar (not from anything of ours). */
  private JsonNode camundaEnglish(String app) throws IOException {
    String name = LOCALES.formatted(app, "en");
    List<URL> found = Collections.list(ProcessEngine.class.getClassLoader().getResources(name));
    URL jar = found.stream().filter(url -> url.toString().contains("camunda-webapp")).findFirst()
        .orElseThrow(() -> new AssertionError(name + " is in no Camunda web app jar: " + found));
    assertThat(found).as("nobody else ships %s", name).hasSize(1);
    try (InputStream in = jar.openStream()) {
      return json.readTree(in);
    }
  }

  private URL ours(String app) {
    URL url = getClass().getClassLoader().getResource(LOCALES.formatted(app, "zh"));
    assertThat(url).as("zh.json of %s", app).isNotNull();
    assertThat(url.toString()).as("zh.json of %s is ours", app).doesNotContain(".jar!");
    return url;
  }

  private JsonNode read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return json.readTree(in);
    }
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    Collections.sort(found);
    return found;
  }
}
