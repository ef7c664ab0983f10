package org.gridcase.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The plain-text templates of the notices. A template file starts with {@code #} comment lines, one of
 * them {@code # placeholders: a, b, c}; then the subject line, an empty line and the body. The declared
 * placeholders must be exactly those used, so the header stays the template's documentation.
 */
@Component
class NoticeTemplates {

  static final String LOCATION = "notification/templates/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");
  private static final String DECLARATION = "# placeholders:";

  record Rendered(String subject, String body) {
  }

  private record Template(Set<String> placeholders, String subject, String body) {
  }

  private final Map<Notice, Template> templates = new EnumMap<>(Notice.class);

  NoticeTemplates() {
    for (Notice notice : Notice.values()) {
      templates.put(notice, load(fileOf(notice)));
    }
  }

  static String fileOf(Notice notice) {
    return LOCATION + notice.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".txt";
  }

  /** The values a notice's template needs, in the order declared. */
  Set<String> placeholders(Notice notice) {
    return templates.get(notice).placeholders();
  }

  /** Fills in every placeholder; values the template does not use are ignored. */
  Rendered render(Notice notice, Map<String, String> values) {
    Template template = templates.get(notice);
    List<String> missing = template.placeholders().stream().filter(name -> values.get(name) == null).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("notice " + notice + ": missing value for "
          + missing.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", ")));
    }
    // A subject is one header line, whatever the values contain.
    return new Rendered(fill(template.subject(), values).replaceAll("[\\r\\n]+", " ").strip(),
        fill(template.body(), values));
  }

  /** One pass, so a value that itself contains "${...}" stays as written. */
  private static String fill(String text, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(values.get(matcher.group(1))));
    }
    return matcher.appendTail(out).toString();
  }

  private static Template load(String file) {
    String text;
    try (InputStream in = new ClassPathResource(file).getInputStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("notice template " + file + " cannot be read", e);
    }
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    Set<String> declared = null;
    while (!lines.isEmpty() && lines.get(0).startsWith("#")) {
      String comment = lines.remove(0);
      if (comment.startsWith(DECLARATION)) {
        declared = Arrays.stream(comment.substring(DECLARATION.length()).split(",")).map(String::strip)
            .filter(name -> !name.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
      }
    }
    if (declared == null) {
      throw new IllegalStateException("notice template " + file + ": no '" + DECLARATION + "' line");
    }
    if (lines.size() < 3 || lines.get(0).isBlank() || !lines.get(1).isEmpty()) {
      throw new IllegalStateException("notice template " + file + ": expected a subject line, an empty line"
          + " and the body");
    }
    String subject = lines.get(0).strip();
    String body = String.join("\n", lines.subList(2, lines.size())).strip() + "\n";
    Set<String> used = new LinkedHashSet<>();
    PLACEHOLDER.matcher(subject + "\n" + body).results().forEach(match -> used.add(match.group(1)));
    if (!used.equals(declared)) {
      throw new IllegalStateException("notice template " + file + ": declares placeholders " + declared
          + " but uses " + used);
    }
    return new Template(Collections.unmodifiableSet(declared), subject, body);
  }
}
