package org.gridcase.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * What each Camunda Form lets a person write: the keys of its input fields, read from forms/*.form at
 * start-up. Display-only fields are {@code "disabled": true}; form-js does not submit them, so they are
 * not writable either. Buttons and text blocks have no value.
 */
@Component
class FormFields {

  private static final Set<String> NO_VALUE = Set.of("button", "text", "html", "image", "separator", "spacer");

  private final Map<String, Set<String>> writableByFormId;

  FormFields() {
    this("classpath*:forms/**/*.form");
  }

  FormFields(String pattern) {
    Map<String, Set<String>> forms = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
        try (InputStream in = resource.getInputStream()) {
          JsonNode form = json.readTree(in);
          Set<String> keys = new LinkedHashSet<>();
          collect(form.path("components"), keys);
          forms.put(form.path("id").asText(), Set.copyOf(keys));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Camunda Forms", e);
    }
    this.writableByFormId = Map.copyOf(forms);
  }

  private static void collect(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      String key = component.path("key").asText(null);
      boolean input = key != null && !key.isBlank() && !NO_VALUE.contains(component.path("type").asText())
          && !component.path("disabled").asBoolean(false);
      if (input) {
        keys.add(key);
      }
      collect(component.path("components"), keys);
    }
  }

  /** The writable keys of a form, or empty when no such form is deployed. */
  Optional<Set<String>> writable(String formId) {
    return Optional.ofNullable(writableByFormId.get(formId));
  }
}
