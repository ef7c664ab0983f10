package org.gridcase.matters;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read access to the matters catalogue. */
@Service
public class MatterCatalogue {

  static final RowMapper<Matter> MATTER = (rs, row) -> new Matter(rs.getString("code"), rs.getString("name"),
      rs.getString("domain_code"), rs.getString("domain_name"), Colour.valueOf(rs.getString("default_colour")),
      rs.getBoolean("admitted"), rs.getString("competent_body"), rs.getBoolean("active"), rs.getBoolean("is_public"));

  private final JdbcClient jdbc;

  MatterCatalogue(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Matter> find(String code) {
    return jdbc.sql("select * from gc_matter where code = ?").param(code).query(MATTER).optional();
  }

  /** An active matter with this code, if there is one. */
  public Optional<Matter> findActive(String code) {
    return find(code).filter(Matter::active);
  }

  public List<Matter> activeMatters() {
    return jdbc.sql("select * from gc_matter where active = true order by code").query(MATTER).list();
  }

  /** Codes of the active matters marked {@code public}: their Open311 cases are listed to anyone. */
  public List<String> publicCodes() {
    return jdbc.sql("select code from gc_matter where active = true and is_public = true order by code")
        .query(String.class).list();
  }

  /** When the catalogue was last imported, if ever: tells clients that cache the matters to refresh. */
  public Optional<Instant> importedAt() {
    return jdbc.sql("select max(imported_at) from gc_matter_import").query(Timestamp.class).list().stream()
        .filter(Objects::nonNull).findFirst().map(Timestamp::toInstant);
  }
}
