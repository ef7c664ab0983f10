package org.gridcase.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The status code of a request, {@code GC-2026-000042-7KQ3XPAB}: its tracking number and a check code a
 * stranger cannot count up to (the first 40 bits of an HMAC of the tracking number with a server secret, in
 * Crockford's base 32). Links and the status page need the whole code; the short tracking number stays for
 * phone calls, where the hotline looks the case up after login.
 */
@Component
public class StatusCodes {

  static final String SECRET_NAME = "status-code";
  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final int CHECK_LENGTH = 8;
  private static final Pattern CODE = Pattern.compile("(GC-\\d{4}-\\d{6,12})-([0-9A-Za-z]{" + CHECK_LENGTH + "})");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final StatusCodeProperties properties;
  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private volatile byte[] key;

  StatusCodes(StatusCodeProperties properties, JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.properties = properties;
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    // A duplicate key (another node was first) must not spoil the caller's transaction on PostgreSQL.
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The tracking number with its check code. */
  public String of(String trackingNumber) {
    return trackingNumber + "-" + check(trackingNumber);
  }

  /** The tracking number of a status code whose check code is right; empty for anything else. */
  public Optional<String> trackingNumberOf(String statusCode) {
    if (statusCode == null) {
      return Optional.empty();
    }
    Matcher matcher = CODE.matcher(statusCode.strip());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String trackingNumber = matcher.group(1);
    // Read as Crockford's base 32 does: case-insensitive, O as 0, I and L as 1.
    String given = matcher.group(2).toUpperCase(Locale.ROOT).replace('O', '0').replace('I', '1').replace('L', '1');
    boolean right = MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII),
        check(trackingNumber).getBytes(StandardCharsets.US_ASCII));
    return right ? Optional.of(trackingNumber) : Optional.empty();
  }

  private String check(String trackingNumber) {
    byte[] mac;
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key(), "HmacSHA256"));
      mac = hmac.doFinal(trackingNumber.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
    long bits = 0;
    for (int i = 0; i < 5; i++) {
      bits = (bits << 8) | (mac[i] & 0xff);
    }
    char[] check = new char[CHECK_LENGTH];
    for (int i = CHECK_LENGTH - 1; i >= 0; i--) {
      check[i] = ALPHABET.charAt((int) (bits & 31));
      bits >>>= 5;
    }
    return new String(check);
  }

  private byte[] key() {
    byte[] current = key;
    if (current == null) {
      String configured = properties.secret();
      current = (configured == null || configured.isBlank() ? storedSecret() : configured)
          .getBytes(StandardCharsets.UTF_8);
      key = current;
    }
    return current;
  }

  /** The generated secret, created by whichever node asks first. */
  private String storedSecret() {
    Optional<String> stored = readSecret();
    if (stored.isPresent()) {
      return stored.get();
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    try {
      ownTransaction.executeWithoutResult(status -> jdbc.sql(
              "insert into gc_secret (name, secret, created_at) values (?, ?, ?)")
          .params(SECRET_NAME, Base64.getEncoder().encodeToString(bytes), Timestamp.from(Instant.now())).update());
    } catch (DuplicateKeyException anotherNodeWasFirst) {
      // then its secret is the one
    }
    return readSecret().orElseThrow();
  }

  private Optional<String> readSecret() {
    return jdbc.sql("select secret from gc_secret where name = ?").param(SECRET_NAME).query(String.class).optional();
  }
}
