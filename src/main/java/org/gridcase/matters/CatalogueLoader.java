package org.gridcase.matters;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.gridcase.common.Checksums;
import org.gridcase.common.DataFile;
import org.gridcase.common.DataFile.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the matters catalogue at start-up when it changed: validated whole first (line and field of
 * every problem), then written in one transaction. Matters left out become inactive, never deleted.
 */
@Component
class CatalogueLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(CatalogueLoader.class);
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,15}");

  private final MattersProperties properties;
  private final ResourceLoader resources;
  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  CatalogueLoader(MattersProperties properties, ResourceLoader resources, JdbcClient jdbc, JdbcTemplate template) {
    this.properties = properties;
    this.resources = resources;
    this.jdbc = jdbc;
    this.template = template;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) throws IOException {
    byte[] content;
    try (InputStream in = resources.getResource(properties.catalogue()).getInputStream()) {
      content = in.readAllBytes();
    }
    String checksum = Checksums.sha256(content);
    boolean unchanged = jdbc.sql("select checksum from gc_matter_import order by id desc fetch first 1 rows only")
        .query(String.class).optional().filter(checksum::equals).isPresent();
    if (!unchanged) {
      load(properties.catalogue(), content, checksum);
    }
  }

  void load(String source, byte[] content, String checksum) {
    List<Matter> matters = new ArrayList<>();
    Fields top = DataFile.read("matters catalogue " + source,
        new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8),
        Set.of("version", "domains", "matters"));
    Map<String, String> domains = new HashMap<>();
    for (Fields domain : top.records("domains", Set.of("code", "name"), true)) {
      String code = domain.code("code", CODE, "letters, digits and '-', at most 16");
      if (code != null && domains.put(code, domain.name("name", 100)) != null) {
        domain.problem("code", "duplicate domain code '" + code + "'");
      }
    }
    Set<String> codes = new HashSet<>();
    for (Fields matter : top.records("matters", Set.of("code", "name", "domain", "colour", "admitted", "competent",
        "public"),
        true)) {
      String code = matter.code("code", CODE, "letters, digits and '-', at most 16");
      String domain = matter.text("domain", true);
      if (domain != null && !domains.containsKey(domain)) {
        matter.problem("domain", "unknown domain '" + domain + "'");
      }
      if (code != null && !codes.add(code)) {
        matter.problem("code", "duplicate matter code '" + code + "'");
      }
      Boolean admitted = matter.bool("admitted", true);
      String competent = matter.text("competent", false);
      if (Boolean.FALSE.equals(admitted) && competent == null) {
        matter.problem("competent", "a matter that is not admitted names the competent body");
      }
      matters.add(new Matter(code, matter.name("name", 100), domain, domains.get(domain),
          matter.enumValue("colour", Colour.class, true), Boolean.TRUE.equals(admitted), competent, true,
          Boolean.TRUE.equals(matter.bool("public", false))));
    }
    top.throwIfInvalid();

    Set<String> existing = new HashSet<>(jdbc.sql("select code from gc_matter").query(String.class).list());
    template.update("update gc_matter set active = false");
    template.batchUpdate("update gc_matter set name = ?, domain_code = ?, domain_name = ?, default_colour = ?,"
        + " admitted = ?, competent_body = ?, is_public = ?, active = true where code = ?", matters.stream()
        .filter(m -> existing.contains(m.code()))
        .map(m -> new Object[] {m.name(), m.domainCode(), m.domainName(), m.defaultColour().name(), m.admitted(),
            m.competentBody(), m.isPublic(), m.code()}).toList());
    template.batchUpdate("insert into gc_matter (code, name, domain_code, domain_name, default_colour, admitted,"
        + " competent_body, is_public, active) values (?, ?, ?, ?, ?, ?, ?, ?, true)", matters.stream()
        .filter(m -> !existing.contains(m.code()))
        .map(m -> new Object[] {m.code(), m.name(), m.domainCode(), m.domainName(), m.defaultColour().name(),
            m.admitted(), m.competentBody(), m.isPublic()}).toList());
    jdbc.sql("insert into gc_matter_import (version, checksum, imported_at) values (?, ?, ?)")
        .params(top.text("version", false), checksum, Timestamp.from(Instant.now())).update();
    log.info("Loaded matters catalogue {}: {} matters in {} domains", source, matters.size(), domains.size());
  }

}
