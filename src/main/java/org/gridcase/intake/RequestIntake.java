package org.gridcase.intake;

import java.time.Clock;
import java.time.Instant;
import org.gridcase.common.UserText;
import org.gridcase.intake.RequestRepository.NewRequest;
import org.gridcase.intake.RequestRepository.StoredRequest;
import org.gridcase.organization.OrganizationDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Checks and stores what a request says, in the transaction of the step that collected it. */
@Service
class RequestIntake {

  static final int MAX_DESCRIPTION = 4000;

  private final RequestRepository requests;
  private final OrganizationDirectory organization;
  private final Clock clock = Clock.systemUTC();

  RequestIntake(RequestRepository requests, OrganizationDirectory organization) {
    this.requests = requests;
    this.organization = organization;
  }

  @Transactional
  StoredRequest collect(String gridCode, String description, String channel, String reportedBy,
      String processInstanceId) {
    if (gridCode == null || gridCode.isBlank()) {
      throw new InvalidRequestException("gridCode", "网格编码不能为空 (grid code is required)");
    }
    if (organization.findActiveGrid(gridCode.strip()).isEmpty()) {
      throw new InvalidRequestException("gridCode", "未知网格编码 '" + gridCode.strip() + "' (unknown grid code)");
    }
    String text = UserText.plain(description);
    if (text == null || text.isBlank()) {
      throw new InvalidRequestException("description", "诉求描述不能为空 (description is required)");
    }
    if (text.length() > MAX_DESCRIPTION) {
      throw new InvalidRequestException("description",
          "诉求描述不能超过 " + MAX_DESCRIPTION + " 字 (description is longer than " + MAX_DESCRIPTION + " characters)");
    }
    Instant now = clock.instant();
    return requests.insert(new NewRequest(gridCode.strip(), text, channel, reportedBy, processInstanceId, now));
  }

  @Transactional
  void recordHandling(long requestId, String handledBy, String note) {
    requests.recordHandling(requestId, handledBy, UserText.plain(note), clock.instant());
  }

  @Transactional
  void close(long requestId) {
    requests.recordClosed(requestId, clock.instant());
  }
}
