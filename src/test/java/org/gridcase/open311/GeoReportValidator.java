package org.gridcase.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks answers against the GeoReport v2 field definitions (wiki.open311.org/GeoReport_v2 and
 * Service_Discovery): root and item element names, required fields, their types and allowed values. An XML
 * answer is first read into the JSON shape after the Spark convention, checking its element names on the way;
 * then both formats go through the same checks, XML values being text.
 */
final class GeoReportValidator {

  /** The spec's list roots and wrappers, with the name of their items. */
  private static final Map<String, String> LISTS = Map.of("services", "service", "service_requests", "request",
      "errors", "error", "endpoints", "endpoint", "formats", "format", "attributes", "attribute", "values", "value");
  private static final Pattern W3_DATE_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");
  /** Every field of a request in GET requests: nothing else may appear, so no personal field can. */
  static final Set<String> REQUEST_FIELDS = Set.of("service_request_id", "status", "status_notes", "service_name",
      "service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
      "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");

  private final boolean xml;

  private GeoReportValidator(boolean xml) {
    this.xml = xml;
  }

  static GeoReportValidator json() {
    return new GeoReportValidator(false);
  }

  static GeoReportValidator xml() {
    return new GeoReportValidator(true);
  }

  /** Parses an XML answer: UTF-8 declaration, the expected root, list items named as the spec names them. */
  static JsonNode fromXml(String document, String root) throws Exception {
    assertThat(document).as("XML declaration").startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    Element element = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    assertThat(element.getTagName()).as("root element").isEqualTo(root);
    return node(element);
  }

  private static JsonNode node(Element element) {
    List<Element> children = children(element);
    String item = LISTS.get(element.getTagName());
    if (item != null) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      children.forEach(child -> {
        assertThat(child.getTagName()).as("item of <%s>", element.getTagName()).isEqualTo(item);
        array.add(node(child));
      });
      return array;
    }
    if (children.isEmpty()) {
      String text = element.getTextContent();
      return text.isEmpty() ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.textNode(text);
    }
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    children.forEach(child -> {
      assertThat(object.has(child.getTagName())).as("<%s> once in <%s>", child.getTagName(), element.getTagName())
          .isFalse();
      object.set(child.getTagName(), node(child));
    });
    return object;
  }

  private static List<Element> children(Element element) {
    List<Element> children = new ArrayList<>();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e) {
        children.add(e);
      }
    }
    return children;
  }

  void discovery(JsonNode discovery) {
    text(discovery, "changeset", false);
    text(discovery, "contact", true);
    text(discovery, "key_service", true);
    JsonNode endpoints = list(discovery, "endpoints", true);
    endpoints.forEach(endpoint -> {
      text(endpoint, "specification", true);
      text(endpoint, "url", true);
      text(endpoint, "changeset", false);
      oneOf(endpoint, "type", "production", "test");
      JsonNode formats = list(endpoint, "formats", true);
      formats.forEach(format -> assertThat(format.isTextual()).as("format").isTrue());
    });
  }

  void services(JsonNode services) {
    assertThat(services.isArray()).as("services").isTrue();
    services.forEach(service -> {
      text(service, "service_code", true);
      text(service, "service_name", true);
      present(service, "description");
      bool(service, "metadata");
      oneOf(service, "type", "realtime", "batch", "blackbox");
      present(service, "keywords");
      present(service, "group");
    });
  }

  void serviceDefinition(JsonNode definition) {
    text(definition, "service_code", true);
    list(definition, "attributes", false).forEach(attribute -> {
      bool(attribute, "variable");
      text(attribute, "code", true);
      String datatype = oneOf(attribute, "datatype", "string", "number", "datetime", "text", "singlevaluelist",
          "multivaluelist");
      bool(attribute, "required");
      present(attribute, "datatype_description");
      assertThat(integer(attribute, "order")).as("order").isPositive();
      text(attribute, "description", true);
      if (datatype.endsWith("valuelist")) {
        list(attribute, "values", true).forEach(value -> {
          text(value, "key", true);
          text(value, "name", true);
        });
      }
    });
  }

  /** GET requests and GET requests/{id}: the fields of a request and nothing else. */
  void serviceRequests(JsonNode requests) {
    assertThat(requests.isArray()).as("service_requests").isTrue();
    requests.forEach(request -> {
      assertThat(names(request)).as("fields of a request").isEqualTo(REQUEST_FIELDS);
      text(request, "service_request_id", true);
      oneOf(request, "status", "open", "closed");
      dateTime(request, "requested_datetime", true);
      dateTime(request, "updated_datetime", false);
      dateTime(request, "expected_datetime", false);
      number(request, "lat");
      number(request, "long");
    });
  }

  /** The answer to POST requests: a realtime service returns the id, never a token. */
  void created(JsonNode created) {
    assertThat(created.isArray()).as("service_requests").isTrue();
    assertThat(created).hasSize(1);
    JsonNode request = created.get(0);
    text(request, "service_request_id", true);
    assertThat(request.has("token")).as("token").isFalse();
    present(request, "service_notice");
    present(request, "account_id");
  }

  void errors(JsonNode errors, int code) {
    assertThat(errors.isArray()).as("errors").isTrue();
    assertThat(errors).isNotEmpty();
    errors.forEach(error -> {
      assertThat(integer(error, "code")).as("code").isEqualTo(code);
      text(error, "description", true);
    });
  }

  private static Set<String> names(JsonNode node) {
    Set<String> names = new java.util.HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void present(JsonNode node, String field) {
    assertThat(node.has(field)).as("field %s in %s", field, node).isTrue();
  }

  private static String text(JsonNode node, String field, boolean required) {
    present(node, field);
    JsonNode value = node.get(field);
    if (value.isNull()) {
      assertThat(required).as("%s is required", field).isFalse();
      return null;
    }
    assertThat(value.isTextual()).as("%s is text", field).isTrue();
    if (required) {
      assertThat(value.asText()).as(field).isNotBlank();
    }
    return value.asText();
  }

  private static JsonNode list(JsonNode node, String field, boolean nonEmpty) {
    present(node, field);
    JsonNode value = node.get(field);
    // An empty XML wrapper (<attributes/>) reads as null.
    if (value.isNull() && !nonEmpty) {
      return JsonNodeFactory.instance.arrayNode();
    }
    assertThat(value.isArray()).as("%s is a list", field).isTrue();
    if (nonEmpty) {
      assertThat(value).as(field).isNotEmpty();
    }
    return value;
  }

  private static String oneOf(JsonNode node, String field, String... allowed) {
    String value = text(node, field, true);
    assertThat(value).as(field).isIn((Object[]) allowed);
    return value;
  }

  private void bool(JsonNode node, String field) {
    present(node, field);
    JsonNode value = node.get(field);
    if (xml) {
      assertThat(value.asText()).as("%s is true or false", field).isIn("true", "false");
    } else {
      assertThat(value.isBoolean()).as("%s is a boolean", field).isTrue();
    }
  }

  private int integer(JsonNode node, String field) {
    present(node, field);
    JsonNode value = node.get(field);
    if (xml) {
      assertThat(value.asText()).as("%s is an integer", field).matches("-?\\d+");
      return Integer.parseInt(value.asText());
    }
    assertThat(value.isInt()).as("%s is an integer", field).isTrue();
    return value.asInt();
  }

  private void number(JsonNode node, String field) {
    present(node, field);
    JsonNode value = node.get(field);
    if (value.isNull()) {
      return;
    }
    if (xml) {
      assertThat(value.asText()).as("%s is a number", field).matches("-?\\d+(\\.\\d+)?");
    } else {
      assertThat(value.isNumber()).as("%s is a number", field).isTrue();
    }
  }

  private static void dateTime(JsonNode node, String field, boolean required) {
    String value = text(node, field, required);
    if (value != null) {
      assertThat(value).as("%s in W3C format with offset", field).matches(W3_DATE_TIME);
      OffsetDateTime.parse(value);
    }
  }
}
