package org.gridcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With profile postgres the app starts healthy and keeps both Camunda's and its own tables there. */
@GridcasePostgresTest
class PostgresDatabaseTest {

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate rest;

  @Test
  void engineAndApplicationTablesLiveInPostgres() throws Exception {
    try (var connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    List<String> tables = jdbc.sql("select table_name from information_schema.tables where table_schema = current_schema()")
        .query(String.class).list();
    assertThat(tables).contains("act_ru_task", "act_id_group", "act_hi_procinst", "act_ge_property",
        "gc_unit", "gc_person", "gc_role_assignment", "gc_request", "gc_schema_history");
    assertThat(rest.getForEntity("/actuator/health", String.class).getBody()).contains("\"UP\"");
  }
}
