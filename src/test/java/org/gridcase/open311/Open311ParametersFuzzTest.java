package org.gridcase.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The query parameters of GET requests: a query the database can take (its dates as SQL timestamps) or a 400
 * naming the parameter, never a 500. The dictionary gives the fuzzer the pieces of a W3C date-time.
 */
class Open311ParametersFuzzTest {

  private static final List<String> NAMES = List.of("service_request_id", "service_code", "start_date", "end_date",
      "status", "page", "page_size");
  private static final GeoReportController CONTROLLER = new GeoReportController(null, null, null, null, null,
      new Open311Properties("http://localhost:8080/open311/v2", "production", "c", "k", 50, 200, Duration.ofDays(90)),
      new ObjectMapper(), null);

  @DictionaryEntries({"2026-11-30T08:00:00+08:00", "T00:00:00Z", "-01-01", "+08:00", "Z", "+999999999",
      "-999999999", "+10000", "open", "closed", ","})
  @FuzzTest(maxDuration = "10m")
  void anyQueryIsReadOrRefusedWith400(FuzzedDataProvider data) {
    MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    int count = data.consumeInt(0, 8);
    for (int i = 0; i < count; i++) {
      params.add(data.pickValue(NAMES), data.consumeString(60));
    }
    try {
      ServiceRequests.Query query = CONTROLLER.query(params);
      assertThat(query.pageSize()).isBetween(1, 200);
      assertThat(query.start()).isBeforeOrEqualTo(query.end());
      // ServiceRequests binds both dates as SQL timestamps, which PostgreSQL takes from 4713 BC to 294276 AD.
      for (Instant date : List.of(query.start(), query.end())) {
        assertThat(Timestamp.from(date)).isNotNull();
        assertThat(date).isBetween(Instant.parse("-4712-01-01T00:00:00Z"), Instant.parse("+294276-01-01T00:00:00Z"));
      }
    } catch (Open311Exception refused) {
      assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.errors().get(0).description()).containsPattern("^[a-z_]+: ");
    }
  }
}
