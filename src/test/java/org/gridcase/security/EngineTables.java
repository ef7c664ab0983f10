package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Searches the engine's own tables (ACT_*) for a value, on H2 and PostgreSQL alike. */
final class EngineTables {

  private EngineTables() {
  }

  /** Every text column of every ACT_ table, and the byte arrays, searched for the value. */
  static List<String> containing(JdbcClient jdbc, String value) {
    List<String> found = new ArrayList<>();
    List<Map<String, Object>> columns = jdbc.sql("select table_name, column_name, data_type from information_schema.columns"
        + " where upper(table_name) like 'ACT\\_%' escape '\\' and table_schema = current_schema()").query().listOfRows();
    assertThat(columns).as("the engine's columns").hasSizeGreaterThan(100);
    for (Map<String, Object> column : columns) {
      String type = String.valueOf(value(column, "data_type")).toLowerCase();
      String table = String.valueOf(value(column, "table_name"));
      String name = String.valueOf(value(column, "column_name"));
      boolean text = type.contains("char") || type.contains("text") || type.contains("clob");
      boolean bytes = type.contains("binary") || type.contains("blob") || type.contains("bytea");
      if (text) {
        long hits = jdbc.sql("select count(*) from " + table + " where " + name + " like ?").param("%" + value + "%")
            .query(Long.class).single();
        if (hits > 0) {
          found.add(table + "." + name);
        }
      } else if (bytes) {
        for (byte[] content : jdbc.sql("select " + name + " from " + table + " where " + name + " is not null")
            .query(byte[].class).list()) {
          if (new String(content, StandardCharsets.UTF_8).contains(value)
              || new String(content, StandardCharsets.ISO_8859_1).contains(value)) {
            found.add(table + "." + name);
            break;
          }
        }
      }
    }
    return found;
  }

  private static Object value(Map<String, Object> row, String key) {
    return row.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(key)).findFirst()
        .map(Map.Entry::getValue).orElse(null);
  }
}
