package org.gridcase.security;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes what earlier versions let into the engine's history: rows of the personal variables
 * (gridcase.security.personal-variables) in ACT_HI_VARINST and ACT_HI_DETAIL, with their byte arrays.
 * Runs at every start-up and finds nothing once clean. Not a Flyway migration: Flyway runs before the
 * engine creates its tables on a fresh database, and the names are configuration.
 */
@Component
@Order(0)
class PersonalDataPurge implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(PersonalDataPurge.class);

  private final JdbcClient jdbc;
  private final List<String> names;

  PersonalDataPurge(JdbcClient jdbc, EngineGuardProperties properties) {
    this.jdbc = jdbc;
    this.names = properties.personalVariables();
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (names.isEmpty()) {
      return;
    }
    int bytes = 0;
    for (String table : List.of("ACT_HI_DETAIL", "ACT_HI_VARINST")) {
      bytes += jdbc.sql("delete from ACT_GE_BYTEARRAY where ID_ in (select BYTEARRAY_ID_ from " + table
          + " where NAME_ in (:names) and BYTEARRAY_ID_ is not null)").param("names", names).update();
    }
    int details = jdbc.sql("delete from ACT_HI_DETAIL where NAME_ in (:names)").param("names", names).update();
    int variables = jdbc.sql("delete from ACT_HI_VARINST where NAME_ in (:names)").param("names", names).update();
    if (details + variables + bytes > 0) {
      log.info("Removed personal data from the engine history: {} ACT_HI_DETAIL, {} ACT_HI_VARINST, {} byte array rows",
          details, variables, bytes);
    }
  }
}
