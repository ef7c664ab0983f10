package org.gridcase.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridcase.GridcaseTest;
import org.gridcase.intake.StatusCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The attack of issue 13: tracking numbers count up from the database id, so a stranger could walk the status
 * page through every case. Now the page needs the check code, which only the requester's receipt carries.
 */
@GridcaseTest
class StatusCodeGuessingTest {

  private static final Pattern NUMBER = Pattern.compile("GC-(\\d{4})-(\\d{6})");

  @Autowired TestRestTemplate rest;
  @Autowired StatusCodes statusCodes;

  @Test
  void guessingTrackingNumbersOnTheStatusPageFindsNothingWithoutTheCheckPart() {
    List<String> issued = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      JsonNode receipt = rest.withBasicAuth("worker-01-02-001", "demo").postForObject("/api/requests", Map.of(
          "description", "路灯不亮 " + i, "categoryCode", "C04", "gridCode", "DC-01-02-001"), JsonNode.class);
      String trackingNumber = receipt.get("trackingNumber").asText();
      assertThat(receipt.get("statusCode").asText()).as("the receipt carries the status code")
          .isEqualTo(statusCodes.of(trackingNumber)).matches("GC-\\d{4}-\\d{6}-[0-9A-Z]{8}");
      issued.add(trackingNumber);
    }
    String newest = issued.get(issued.size() - 1);
    assertThat(page(statusCodes.of(newest)).getStatusCode()).as("the holder of the code").isEqualTo(HttpStatus.OK);

    Matcher matcher = NUMBER.matcher(newest);
    assertThat(matcher.matches()).isTrue();
    int last = Integer.parseInt(matcher.group(2));
    Random random = new Random(13);
    int found = 0;
    // Every tracking number issued so far, bare, with a made-up check code and with a well-formed random one.
    for (int id = 1; id <= last; id++) {
      String guess = String.format("GC-%s-%06d", matcher.group(1), id);
      for (String attempt : List.of(guess, guess + "-00000000", guess + "-" + randomCheck(random),
          "/status?code=" + guess)) {
        ResponseEntity<String> answer = attempt.startsWith("/") ? rest.getForEntity(attempt, String.class) : page(attempt);
        if (answer.getStatusCode() != HttpStatus.NOT_FOUND) {
          found++;
        }
        assertThat(answer.getBody()).contains("未找到该诉求").doesNotContain("研判中", "诉求已收到");
      }
    }
    assertThat(found).isZero();

    // The check code is read as Crockford's base 32 is: lower case and O for 0 still open the page.
    String code = statusCodes.of(newest);
    assertThat(page(code.toLowerCase().replace("gc-", "GC-")).getStatusCode()).isEqualTo(HttpStatus.OK);
    String check = code.substring(newest.length() + 1);
    assertThat(page(newest + "-" + check.replace('0', 'O').replace('1', 'I')).getStatusCode()).isEqualTo(HttpStatus.OK);
    // One wrong character is enough to find nothing.
    char wrong = code.charAt(code.length() - 1) == 'X' ? 'Y' : 'X';
    assertThat(page(code.substring(0, code.length() - 1) + wrong).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  private ResponseEntity<String> page(String statusCode) {
    return rest.getForEntity("/status/" + statusCode, String.class);
  }

  private static String randomCheck(Random random) {
    String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    StringBuilder check = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      check.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return check.toString();
  }
}
