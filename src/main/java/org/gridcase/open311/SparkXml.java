package org.gridcase.open311;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a JSON tree as GeoReport XML after the Spark convention the specification is built on: an object's
 * fields become elements, a list becomes a wrapper element holding one element per item
 * ({@code <services><service>…}), null an empty element. With the JDK's StAX writer, so the application's
 * other endpoints keep answering JSON only.
 */
final class SparkXml {

  /** The name of the items of each list the specification defines. */
  private static final Map<String, String> ITEMS = Map.of("services", "service", "service_requests", "request",
      "errors", "error", "endpoints", "endpoint", "formats", "format", "attributes", "attribute", "values", "value");
  /** Characters XML 1.0 cannot carry at all, not even escaped. */
  private static final Pattern NOT_XML = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

  private SparkXml() {
  }

  /** The document with its declaration, in UTF-8. */
  static byte[] write(String root, JsonNode tree) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter writer = FACTORY.createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
      writer.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
      element(writer, root, tree);
      writer.writeEndDocument();
      writer.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the " + root + " document", e);
    }
    return out.toByteArray();
  }

  private static void element(XMLStreamWriter writer, String name, JsonNode node) throws XMLStreamException {
    if (node == null || node.isNull() || (node.isContainerNode() && node.isEmpty())) {
      writer.writeEmptyElement(name);
    } else if (node.isArray()) {
      String item = ITEMS.get(name);
      if (item == null) {
        throw new IllegalArgumentException("no item name for the list " + name);
      }
      writer.writeStartElement(name);
      for (JsonNode child : node) {
        element(writer, item, child);
      }
      writer.writeEndElement();
    } else if (node.isObject()) {
      writer.writeStartElement(name);
      for (var fields = node.fields(); fields.hasNext(); ) {
        var field = fields.next();
        element(writer, field.getKey(), field.getValue());
      }
      writer.writeEndElement();
    } else {
      writer.writeStartElement(name);
      // Plain decimals: a coordinate must not come out as 5.0E-5.
      String text = node.isFloatingPointNumber() ? node.decimalValue().toPlainString() : node.asText();
      characters(writer, NOT_XML.matcher(text).replaceAll(""));
      writer.writeEndElement();
    }
  }

  /**
   * A CR as the reference {@code &#13;}: written raw, every XML parser would turn CRLF into LF, and the text
   * would differ from the same resource in JSON. (Intake stores LF; older text may still hold CRs.)
   */
  private static void characters(XMLStreamWriter writer, String text) throws XMLStreamException {
    int from = 0;
    for (int cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', from)) {
      writer.writeCharacters(text.substring(from, cr));
      writer.writeEntityRef("#13");
      from = cr + 1;
    }
    writer.writeCharacters(text.substring(from));
  }
}
