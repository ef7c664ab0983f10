package org.gridcase.open311;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.common.Checksums;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open311 idempotency: GeoReport v2 has no request id of the client's, so a post is recognised by what it says.
 * The first post of a fingerprint claims its row inside the intake transaction (primary key), so a concurrent
 * repeat waits for it and then fails on the key, and the caller reads the first one's answer.
 */
@Component
class RepeatedPosts {

  private final JdbcClient jdbc;
  private final IdempotencyProperties properties;

  RepeatedPosts(JdbcClient jdbc, IdempotencyProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** SHA-256 of the client and what it posted; line breaks and surrounding blanks do not count. */
  static String fingerprint(String client, String serviceCode, String description, String lat, String lon,
      String addressString, String addressId) {
    String canonical = Stream.of(client, serviceCode, description, lat, lon, addressString, addressId)
        .map(value -> value == null ? "" : value.replace("\r\n", "\n").replace('\r', '\n').strip())
        // a separator no form field can hold, so ("ab", "c") and ("a", "bc") differ
        .collect(Collectors.joining("\u0000"));
    return Checksums.sha256(canonical.getBytes(StandardCharsets.UTF_8));
  }

  /** The tracking number of the same post committed within the window. */
  Optional<String> earlier(String fingerprint) {
    return jdbc.sql("select tracking_number from gc_open311_post where fingerprint = ? and posted_at >= ?"
            + " and tracking_number is not null")
        .params(fingerprint, Timestamp.from(cutoff())).query(String.class).optional();
  }

  /**
   * In the intake's transaction, before anything else: claims the fingerprint, replacing its row from before
   * the window. A concurrent claim of the same fingerprint blocks here until the first commits, then fails on
   * the key.
   */
  void claim(String fingerprint) {
    jdbc.sql("delete from gc_open311_post where fingerprint = ? and posted_at < ?")
        .params(fingerprint, Timestamp.from(cutoff())).update();
    jdbc.sql("insert into gc_open311_post (fingerprint, posted_at) values (?, ?)")
        .params(fingerprint, Timestamp.from(now())).update();
  }

  /** Outside the intake's transaction, so posts never wait on each other for it: forgets rows past the window. */
  void purge() {
    jdbc.sql("delete from gc_open311_post where posted_at < ?").param(Timestamp.from(cutoff())).update();
  }

  /** In the same transaction, once the request has its tracking number. */
  void answered(String fingerprint, String trackingNumber) {
    jdbc.sql("update gc_open311_post set tracking_number = ? where fingerprint = ?")
        .params(trackingNumber, fingerprint).update();
  }

  private Instant cutoff() {
    return now().minus(properties.window());
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
