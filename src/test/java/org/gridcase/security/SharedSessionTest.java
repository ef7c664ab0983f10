package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.gridcase.GridcasePostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 13, profile cluster: the web apps' login lives in the shared database (gc_session), so any node can serve it. */
@GridcasePostgresTest
// A second application on the suite's database: run in its own JVM (pom, profile postgres, execution cluster).
@org.junit.jupiter.api.Tag("cluster")
@org.springframework.test.context.ActiveProfiles({"demo", "postgres", "test-postgres", "cluster"})
class SharedSessionTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcClient jdbc;

  @Test
  void aWebAppLoginIsKeptInTheDatabaseAndEndsWithItsRow() {
    int before = sessions();
    Map<String, String> cookies = SharedSessionScenarios.signIn(rest, "demo", "demo");
    assertThat(SharedSessionScenarios.signedInUser(rest, cookies)).isEqualTo("demo");
    assertThat(sessions()).as("the login is a row of gc_session").isGreaterThan(before);
    assertThat(jdbc.sql("select count(*) from gc_session_attributes").query(Integer.class).single()).isPositive();

    // A node that lost its memory would read the session from the database; one whose row is gone has nothing.
    jdbc.sql("delete from gc_session").update();
    assertThat(SharedSessionScenarios.signedInUser(rest, cookies)).as("nothing but the row held the login").isNull();
  }

  private int sessions() {
    return jdbc.sql("select count(*) from gc_session").query(Integer.class).single();
  }
}
