package org.gridcase.intake;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class RequestRepository {

  private final JdbcClient jdbc;

  RequestRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record NewRequest(String gridCode, String description, String channel, String reportedBy,
      String processInstanceId, Instant receivedAt) {
  }

  record StoredRequest(long id, String trackingNumber) {
  }

  /** Inserts the request and gives it its tracking number, derived from the id: GC-2026-000042. */
  StoredRequest insert(NewRequest request) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("insert into gc_request (grid_code, description, channel, reported_by, process_instance_id, received_at)"
            + " values (?, ?, ?, ?, ?, ?)")
        .params(request.gridCode(), request.description(), request.channel(), request.reportedBy(),
            request.processInstanceId(), Timestamp.from(request.receivedAt()))
        .update(key, "id");
    long id = key.getKey().longValue();
    String trackingNumber = String.format("GC-%tY-%06d", java.util.Date.from(request.receivedAt()), id);
    jdbc.sql("update gc_request set tracking_number = ? where id = ?").params(trackingNumber, id).update();
    return new StoredRequest(id, trackingNumber);
  }

  void recordHandling(long id, String handledBy, String note, Instant at) {
    jdbc.sql("update gc_request set handled_by = ?, handling_note = ?, handled_at = ? where id = ?")
        .params(handledBy, note, Timestamp.from(at), id).update();
  }

  void recordClosed(long id, Instant at) {
    jdbc.sql("update gc_request set closed_at = ? where id = ?").params(Timestamp.from(at), id).update();
  }
}
