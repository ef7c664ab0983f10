package org.gridcase.workload;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.organization.OrganizationDirectory;
import org.gridcase.workload.AbsenceRepository.HandOver;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A/B backups (AB角): who stands in for whom, by task. The organisation names a backup per role
 * assignment; this service applies it to tasks, with the engine's clock deciding who is absent now.
 */
@Service
@Transactional
public class Backups {

  private final OrganizationDirectory organization;
  private final AbsenceRepository absences;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final ApplicationEventPublisher events;
  private final SystemCalls system;

  Backups(OrganizationDirectory organization, AbsenceRepository absences, TaskService taskService,
      IdentityService identityService, ApplicationEventPublisher events, SystemCalls system) {
    this.organization = organization;
    this.absences = absences;
    this.taskService = taskService;
    this.identityService = identityService;
    this.events = events;
    this.system = system;
  }

  /**
   * Offers a still unclaimed task to the backup groups of its candidate groups too; returns the groups
   * added (empty if claimed, gone or none).
   */
  public List<String> offerToBackups(String taskId) {
    return system.call(() -> {
      Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
      if (task == null || task.getAssignee() != null) {
        return List.of();
      }
      List<String> groups = candidateGroupsOf(taskId);
      List<String> added = backupGroupsOf(groups, groups);
      added.forEach(group -> taskService.addCandidateGroup(taskId, group));
      return added;
    });
  }

  /** Whether the user is absent now (declared, begun, not over, not cancelled). */
  @Transactional(readOnly = true)
  public boolean isAbsent(String userId) {
    return absences.absenceOf(userId, now()).isPresent();
  }

  /**
   * Of a new task's candidate groups, the backup groups to add: those of every group that has members
   * and all of them absent. An empty group is left alone: nobody in it is away.
   */
  List<String> backupGroupsForAbsentGroups(Collection<String> candidateGroups) {
    Instant now = now();
    if (candidateGroups.isEmpty() || !absences.anyoneAbsent(now)) {
      return List.of();
    }
    List<String> deserted = system.call(() -> candidateGroups.stream().filter(group -> {
      List<String> members = identityService.createUserQuery().memberOfGroup(group).list().stream()
          .map(User::getId).toList();
      return !members.isEmpty() && absences.absentAmong(members, now).size() == members.size();
    }).toList());
    return backupGroupsOf(deserted, candidateGroups);
  }

  /**
   * When the assignee is absent now: their available backup for the task, with the hand-over recorded
   * and {@link TaskHandedOver} published. Empty when the assignee is present or nobody can stand in.
   */
  Optional<String> handOverIfAbsent(String taskId, String taskName, String assignee,
      Collection<String> candidateGroups) {
    Optional<Long> absence = absences.absenceOf(assignee, now());
    if (absence.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> backup = availableBackupOf(assignee, candidateGroups);
    backup.ifPresent(to -> handOver(absence.get(), taskId, taskName, assignee, to));
    return backup;
  }

  /**
   * Whoever stands in for the person on a task with these candidate groups: their backup for the group
   * they hold (any role's backup when they hold none), and if that backup is away too, the backup's
   * backup, and so on. Empty when nobody is left who is present.
   */
  Optional<String> availableBackupOf(String personId, Collection<String> candidateGroups) {
    Instant now = now();
    Set<String> asked = new HashSet<>(Set.of(personId));
    String current = personId;
    while (true) {
      Optional<String> backup = organization.backupOf(current, groupHeldBy(current, candidateGroups));
      if (backup.isEmpty() || !asked.add(backup.get())) {
        return Optional.empty();
      }
      if (absences.absenceOf(backup.get(), now).isEmpty()) {
        return backup;
      }
      current = backup.get();
    }
  }

  /** Records that a task left an absent person for their backup and tells who listens. */
  void handOver(long absenceId, String taskId, String taskName, String fromUserId, String toUserId) {
    absences.recordHandOver(absenceId, new HandOver(taskId, taskName, fromUserId, toUserId, now()));
    events.publishEvent(new TaskHandedOver(taskId, taskName, fromUserId, toUserId));
  }

  /** A task's candidate groups, sorted. */
  List<String> candidateGroupsOf(String taskId) {
    return candidateGroups(system.call(() -> taskService.getIdentityLinksForTask(taskId)));
  }

  /** The candidate groups among identity links (which also hold candidate users, assignee, owner), sorted. */
  static List<String> candidateGroups(Collection<? extends IdentityLink> links) {
    return links.stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId).filter(Objects::nonNull).sorted().toList();
  }

  /** The backup groups of some groups, without those the task already has; distinct, in order. */
  private List<String> backupGroupsOf(Collection<String> groups, Collection<String> present) {
    Set<String> added = new LinkedHashSet<>();
    groups.forEach(group -> added.addAll(organization.backupGroupsOf(group)));
    added.removeAll(present);
    return List.copyOf(added);
  }

  private String groupHeldBy(String personId, Collection<String> candidateGroups) {
    if (candidateGroups.isEmpty()) {
      return null;
    }
    Set<String> own = system.call(() -> new HashSet<>(identityService.createGroupQuery().groupMember(personId)
        .list().stream().map(Group::getId).toList()));
    return candidateGroups.stream().filter(own::contains).findFirst().orElse(null);
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
