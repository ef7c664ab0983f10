package org.gridcase.open311;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The query parameters of GET requests: a query or a 400 naming the parameter, never a 500. */
class Open311ParametersFuzzTest {

  private static final List<String> NAMES = List.of("service_request_id", "service_code", "start_date", "end_date",
      "status", "page", "page_size");
  private static final GeoReportController CONTROLLER = new GeoReportController(null, null, null, null, null,
      new Open311Properties("http://localhost:8080/open311/v2", "production", "c", "k", 50, 200, Duration.ofDays(90)),
      new ObjectMapper(), null);

  @FuzzTest(maxDuration = "3m")
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
    } catch (Open311Exception refused) {
      assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.errors().get(0).description()).containsPattern("^[a-z_]+: ");
    }
  }
}
