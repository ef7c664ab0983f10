package org.gridcase.workload;

import static org.gridcase.workload.AbsenceProcess.Variables.ABSENCE_ID;
import static org.gridcase.workload.AbsenceProcess.Variables.ABSENT_FROM;
import static org.gridcase.workload.AbsenceProcess.Variables.ABSENT_UNTIL;
import static org.gridcase.workload.AbsenceProcess.Variables.PERSON_ID;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.gridcase.common.UserText;
import org.gridcase.organization.OrganizationDirectory;
import org.gridcase.workload.AbsenceRepository.Absence;
import org.gridcase.workload.InvalidAbsenceException.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Absences (请假/外出): declared here, timed by the {@code absence} process. While absent, a person is a
 * member of the Camunda group {@value #ABSENT_GROUP}, so Camunda Admin lists who is away.
 */
@Service
@Transactional
class Absences {

  static final String ABSENT_GROUP = "gridcase-absent";
  static final int MAX_REASON = 200;

  private final AbsenceRepository repository;
  private final Backups backups;
  private final OrganizationDirectory organization;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final SystemCalls system;

  Absences(AbsenceRepository repository, Backups backups, OrganizationDirectory organization,
      RuntimeService runtimeService, TaskService taskService, IdentityService identityService, SystemCalls system) {
    this.repository = repository;
    this.backups = backups;
    this.organization = organization;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.system = system;
  }

  /** What a declaration says; times are ISO-8601 with an offset, {@code from} empty means now. */
  record Declaration(String userId, String from, String until, String reason) {
  }

  /** Checks every field, stores the absence and starts its process. */
  AbsenceView declare(Declaration declaration, String declaredBy) {
    Instant now = Backups.now();
    List<FieldError> errors = new ArrayList<>();
    String userId = blankToNull(declaration.userId());
    if (userId == null) {
      errors.add(new FieldError("userId", "请填写请假人员 (userId is required)"));
    } else if (UserText.hasControlCharacters(userId)) {
      errors.add(new FieldError("userId", "userId：不能包含控制字符（如 NUL） (userId: control characters such as NUL"
          + " are not accepted)"));
    } else if (system.call(() -> identityService.createUserQuery().userId(userId).count()) == 0) {
      errors.add(new FieldError("userId", "未知人员 '" + userId + "' (unknown user)"));
    } else if (organization.backupOf(userId, null).isEmpty()) {
      errors.add(new FieldError("userId", "该人员的岗位都没有AB角，无人接替，不能登记请假 (no backup for any of the person's roles)"));
    }
    Instant from = blankToNull(declaration.from()) == null ? now : time(errors, "from", declaration.from());
    Instant until = time(errors, "until", declaration.until());
    if (until == null && blankToNull(declaration.until()) == null) {
      errors.add(new FieldError("until", "请填写结束时间 (until is required)"));
    } else if (until != null && !until.isAfter(now)) {
      errors.add(new FieldError("until", "结束时间已过 (until is in the past)"));
    } else if (from != null && until != null && !until.isAfter(from)) {
      errors.add(new FieldError("until", "结束时间须晚于开始时间 (until must be after from)"));
    }
    String reason = null;
    try {
      reason = UserText.accept("reason", declaration.reason());
      if (reason == null) {
        errors.add(new FieldError("reason", "请填写请假事由 (reason is required)"));
      } else if (reason.length() > MAX_REASON) {
        errors.add(new FieldError("reason", "不能超过 " + MAX_REASON + " 字 (longer than " + MAX_REASON + " characters)"));
      }
    } catch (UserText.InvalidTextException e) {
      errors.add(new FieldError("reason", e.getMessage()));
    }
    if (errors.isEmpty() && repository.overlaps(userId, from, until)) {
      errors.add(new FieldError("from", "与该人员已登记的请假时间重叠 (overlaps another absence)"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidAbsenceException(errors);
    }

    long id = repository.insert(userId, from, until, reason, declaredBy, now);
    VariableMap variables = Variables.createVariables();
    ABSENCE_ID.putIn(variables, id);
    PERSON_ID.putIn(variables, userId);
    ABSENT_FROM.putIn(variables, Date.from(from));
    ABSENT_UNTIL.putIn(variables, Date.from(until));
    String processInstanceId = system.call(() -> runtimeService
        .startProcessInstanceByKey(AbsenceProcess.KEY, "absence-" + id, variables).getId());
    repository.attachProcess(id, processInstanceId);
    return view(repository.find(id).orElseThrow());
  }

  /** Ends the absence now, or drops it before it began; cancelling twice changes nothing. */
  AbsenceView cancel(long id) {
    Absence absence = repository.find(id).orElseThrow(() -> new IllegalArgumentException("unknown absence " + id));
    Instant now = Backups.now();
    if (AbsenceStatus.of(absence, now) == AbsenceStatus.OVER) {
      throw new IllegalStateException("absence " + id + " is over");
    }
    if (repository.cancel(id, now)) {
      boolean running = system.call(() -> runtimeService.createProcessInstanceQuery()
          .processInstanceId(absence.processInstanceId()).count()) > 0;
      if (running) {
        system.run(() -> runtimeService.createMessageCorrelation(AbsenceProcess.MESSAGE_CANCELLED)
            .processInstanceId(absence.processInstanceId()).correlateWithResult());
      } else {
        end(id); // someone deleted the instance in Cockpit: still leave nothing behind
      }
    }
    return view(repository.find(id).orElseThrow());
  }

  @Transactional(readOnly = true)
  Optional<AbsenceView> find(long id) {
    return repository.find(id).map(this::view);
  }

  @Transactional(readOnly = true)
  List<AbsenceView> list(Boolean active, String personId) {
    return repository.list(active, personId, Backups.now()).stream().map(this::view).toList();
  }

  /**
   * {@code Task_HandOverTasks}: the person joins {@value #ABSENT_GROUP}, and every open task assigned to
   * them goes to their backup for that task's candidate group.
   */
  void begin(long id) {
    Absence absence = repository.find(id).orElseThrow(() -> new IllegalArgumentException("unknown absence " + id));
    String person = absence.personId();
    system.run(() -> {
      boolean known = identityService.createUserQuery().userId(person).count() > 0;
      if (known && identityService.createUserQuery().userId(person).memberOfGroup(ABSENT_GROUP).count() == 0) {
        identityService.createMembership(person, ABSENT_GROUP);
      }
      // Suspended tasks cannot change hands; they are left to whoever resumes them.
      for (Task task : taskService.createTaskQuery().taskAssignee(person).active().orderByTaskCreateTime().asc()
          .list()) {
        backups.availableBackupOf(person, backups.candidateGroupsOf(task.getId())).ifPresent(backup -> {
          backups.handOver(id, task.getId(), task.getName(), person, backup);
          taskService.setAssignee(task.getId(), backup);
        });
      }
    });
  }

  /**
   * {@code Task_EndAbsence} and {@code Task_CancelAbsence}: the person leaves {@value #ABSENT_GROUP}, unless
   * another absence keeps them away. Handed-over tasks stay with the backup.
   */
  void end(long id) {
    Absence absence = repository.find(id).orElseThrow(() -> new IllegalArgumentException("unknown absence " + id));
    if (!backups.isAbsent(absence.personId())) {
      system.run(() -> identityService.deleteMembership(absence.personId(), ABSENT_GROUP));
    }
  }

  private AbsenceView view(Absence absence) {
    return AbsenceView.of(absence, Backups.now(), repository.handOvers(absence.id()));
  }

  private static Instant time(List<FieldError> errors, String field, String text) {
    if (blankToNull(text) == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "时间格式应如 2026-11-24T08:00:00+08:00 (ISO-8601 with offset)"));
      return null;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
