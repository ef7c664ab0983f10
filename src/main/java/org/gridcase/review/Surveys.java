package org.gridcase.review;

import static org.gridcase.intake.CitizenRequestProcess.Variables.REVIEW_NOTE;
import static org.gridcase.intake.CitizenRequestProcess.Variables.SATISFACTION;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.gridcase.common.PublicUrl;
import org.gridcase.common.Checksums;
import org.gridcase.common.UserText;
import org.gridcase.intake.CitizenRequestProcess;
import org.gridcase.intake.CitizenRequestProcess.Values;
import org.gridcase.intake.InvalidRequestException;
import org.gridcase.intake.RequestStatus;
import org.gridcase.intake.RequestView;
import org.gridcase.intake.Requests;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 网上评价: the one-time link in a feedback mail. The requester's answer completes the satisfaction review
 * through the message {@code SurveyAnswered}, so the reviewer's call is not needed; an unsatisfied answer
 * with a comment reopens the case as the reviewer's would.
 */
@Service
@Transactional
public class Surveys {

  /** What became of an answer. */
  public enum Outcome {
    RECORDED, UNKNOWN, ALREADY_ANSWERED, EXPIRED, REVIEW_DONE, NOT_YET_OPEN
  }

  /** A valid link's case, as the survey page shows it: no personal data. */
  public record Survey(String trackingNumber, String categoryCode, Instant expiresAt) {
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_COMMENT = 500;

  private final JdbcClient jdbc;
  private final Requests requests;
  private final RuntimeService runtime;
  private final SurveyProperties properties;
  private final PublicUrl publicUrl;

  Surveys(JdbcClient jdbc, Requests requests, @Lazy RuntimeService runtime, SurveyProperties properties,
      PublicUrl publicUrl) {
    this.jdbc = jdbc;
    this.requests = requests;
    this.runtime = runtime;
    this.properties = properties;
    this.publicUrl = publicUrl;
  }

  /** A new one-time link for the request's feedback mail; in the mail's transaction, so a failed send drops it. */
  public String issue(long requestId) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = now();
    jdbc.sql("insert into gc_survey (request_id, token_hash, created_at, expires_at) values (?, ?, ?, ?)")
        .params(requestId, hash(token), Timestamp.from(now), Timestamp.from(now.plus(properties.validFor())))
        .update();
    return publicUrl.orDerived(properties.linkBase(), "/survey/") + token;
  }

  /** The survey behind a token that may still be answered. */
  @Transactional(readOnly = true)
  public Optional<Survey> open(String token) {
    return row(token, false).filter(row -> row.answeredAt() == null && row.expiresAt().isAfter(now()))
        .map(row -> {
          RequestView request = requests.get(row.requestId());
          return new Survey(request.trackingNumber(), request.categoryCode(), row.expiresAt());
        });
  }

  /**
   * Records the requester's answer once. Bad input names its field ({@link InvalidRequestException}); the
   * link stays usable then, and while the case has not reached its review yet.
   */
  public Outcome answer(String token, String satisfaction, String comment) {
    Optional<SurveyRow> found = row(token, true);
    if (found.isEmpty()) {
      return Outcome.UNKNOWN;
    }
    SurveyRow survey = found.get();
    if (survey.answeredAt() != null) {
      return Outcome.ALREADY_ANSWERED;
    }
    if (!survey.expiresAt().isAfter(now())) {
      return Outcome.EXPIRED;
    }
    String note;
    try {
      note = UserText.accept(REVIEW_NOTE.name(), comment);
    } catch (UserText.InvalidTextException e) {
      throw new InvalidRequestException(REVIEW_NOTE.name(), e.getMessage());
    }
    if (satisfaction == null || !Reviews.REQUESTER_OUTCOMES.contains(satisfaction)) {
      throw new InvalidRequestException(SATISFACTION.name(), "请选择 满意 / 基本满意 / 不满意");
    }
    if (Values.UNSATISFIED.equals(satisfaction) && (note == null || note.isEmpty())) {
      throw new InvalidRequestException(REVIEW_NOTE.name(), "不满意时请写明原因，我们将重新办理");
    }
    if (note != null && note.length() > MAX_COMMENT) {
      throw new InvalidRequestException(REVIEW_NOTE.name(), "意见不超过 " + MAX_COMMENT + " 字");
    }
    RequestView request = requests.get(survey.requestId());
    VariableMap answer = Variables.createVariables();
    SATISFACTION.putIn(answer, satisfaction);
    REVIEW_NOTE.putIn(answer, note == null || note.isEmpty() ? null : note);
    try {
      runtime.createMessageCorrelation(CitizenRequestProcess.MESSAGE_SURVEY_ANSWERED)
          .processInstanceBusinessKey(request.trackingNumber()).setVariables(answer).correlateWithResult();
    } catch (MismatchingMessageCorrelationException notWaiting) {
      boolean running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(request.trackingNumber())
          .count() > 0;
      boolean awaitingReview = request.status() == RequestStatus.FEEDBACK || request.status() == RequestStatus.REVIEW;
      if (running && awaitingReview) {
        return Outcome.NOT_YET_OPEN;
      }
      markAnswered(survey.id(), null);
      return Outcome.REVIEW_DONE;
    }
    markAnswered(survey.id(), satisfaction);
    return Outcome.RECORDED;
  }

  private void markAnswered(long id, String satisfaction) {
    jdbc.sql("update gc_survey set answered_at = ?, satisfaction = ? where id = ?")
        .params(Timestamp.from(now()), satisfaction, id).update();
  }

  private record SurveyRow(long id, long requestId, Instant expiresAt, Instant answeredAt) {
  }

  private Optional<SurveyRow> row(String token, boolean lock) {
    if (token == null || token.isBlank() || token.length() > 64) {
      return Optional.empty();
    }
    return jdbc.sql("select id, request_id, expires_at, answered_at from gc_survey where token_hash = ?"
            + (lock ? " for update" : ""))
        .param(hash(token))
        .query((rs, n) -> new SurveyRow(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
            rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
        .optional();
  }

  private static String hash(String token) {
    return Checksums.sha256(token.getBytes(StandardCharsets.UTF_8));
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
