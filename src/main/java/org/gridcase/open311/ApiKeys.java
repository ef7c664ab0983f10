package org.gridcase.open311;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.common.Checksums;
import org.gridcase.common.UserText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The API keys of the client systems allowed to post requests, one active key per client. A key is shown
 * once, when it is issued; only its SHA-256 is stored, and a prefix to tell keys apart.
 */
@Service
@Transactional
class ApiKeys {

  static final int MAX_CLIENT_NAME = 64;
  private static final String KEY_MARK = "gc311_";
  private static final int PREFIX_LENGTH = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;

  ApiKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A newly issued key: the only time {@code key} is known. */
  record IssuedKey(long id, String clientName, String key, String keyPrefix, Instant createdAt) {
  }

  /** A key as administrators list it, without key material. */
  record KeyView(long id, String clientName, String keyPrefix, String createdBy, Instant createdAt,
      String revokedBy, Instant revokedAt) {
  }

  /** Input an administrator has to correct; names the field. */
  static class InvalidKeyRequest extends RuntimeException {

    private final String field;

    InvalidKeyRequest(String field, String message) {
      super(message);
      this.field = field;
    }

    String field() {
      return field;
    }
  }

  IssuedKey issue(String clientName, String issuedBy) {
    String client = UserText.hasMarkup(clientName) ? null : UserText.accept("clientName", clientName);
    if (client == null) {
      throw new InvalidKeyRequest("clientName", "请填写接入系统名称（纯文本） (client name is required, plain text)");
    }
    if (client.length() > MAX_CLIENT_NAME) {
      throw new InvalidKeyRequest("clientName", "不能超过 " + MAX_CLIENT_NAME + " 个字符 (at most " + MAX_CLIENT_NAME
          + " characters)");
    }
    boolean active = jdbc.sql("select count(*) from gc_open311_key where client_name = ? and revoked_at is null")
        .param(client).query(Integer.class).single() > 0;
    if (active) {
      throw new InvalidKeyRequest("clientName", "该系统已有有效密钥，请先吊销 (this client has an active key; revoke it first)");
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String key = KEY_MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = ClockUtil.getCurrentTime().toInstant();
    KeyHolder id = new GeneratedKeyHolder();
    jdbc.sql("insert into gc_open311_key (client_name, key_hash, key_prefix, created_by, created_at)"
            + " values (?, ?, ?, ?, ?)")
        .params(client, hash(key), key.substring(0, PREFIX_LENGTH), issuedBy, Timestamp.from(now))
        .update(id, "id");
    return new IssuedKey(id.getKey().longValue(), client, key, key.substring(0, PREFIX_LENGTH), now);
  }

  @Transactional(readOnly = true)
  List<KeyView> list() {
    return jdbc.sql("select * from gc_open311_key order by id").query(ApiKeys::view).list();
  }

  /** False when there is no such key; revoking a revoked key changes nothing. */
  boolean revoke(long id, String revokedBy) {
    if (jdbc.sql("select count(*) from gc_open311_key where id = ?").param(id).query(Integer.class).single() == 0) {
      return false;
    }
    jdbc.sql("update gc_open311_key set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
        .params(Timestamp.from(ClockUtil.getCurrentTime().toInstant()), revokedBy, id).update();
    return true;
  }

  /** The client an active key belongs to. */
  @Transactional(readOnly = true)
  Optional<String> clientOf(String key) {
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    return jdbc.sql("select client_name from gc_open311_key where key_hash = ? and revoked_at is null")
        .param(hash(key.strip())).query(String.class).optional();
  }

  private static String hash(String key) {
    return Checksums.sha256(key.getBytes(StandardCharsets.UTF_8));
  }

  private static KeyView view(ResultSet rs, int row) throws SQLException {
    Timestamp revokedAt = rs.getTimestamp("revoked_at");
    return new KeyView(rs.getLong("id"), rs.getString("client_name"), rs.getString("key_prefix"),
        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("revoked_by"),
        revokedAt == null ? null : revokedAt.toInstant());
  }
}
