package org.gridcase.notification;

/**
 * What a notice is about; each has a Chinese mail template in {@code notification/templates/} (file name:
 * the constant in lower case with dashes, e.g. {@code task-assigned.txt}). Every template also takes
 * {@code link}, the Tasklist address, which {@link Notifications} fills in unless the caller gives one.
 */
public enum Notice {

  /** A task now waits for this person. Values: {@code taskName}, {@code trackingNumber}, {@code dueAt}. */
  TASK_ASSIGNED,

  /**
   * A new task waits, unclaimed, in a group of this person (本组待办), e.g. a department call (部门报到).
   * Values: {@code taskName}, {@code trackingNumber}, {@code dueAt}.
   */
  TASK_OFFERED,

  /** A task is close to its due date. Values: {@code taskName}, {@code trackingNumber}, {@code dueAt}. */
  DEADLINE_WARNING,

  /**
   * A task is overdue and raised for supervision (超时督办). Values: {@code taskName}, {@code trackingNumber},
   * {@code dueAt}, {@code level} (the level supervising it, may be empty).
   */
  ESCALATED,

  /**
   * An area switched to the emergency "1+2" flattened mode. Values: {@code areaName}, {@code from} (since
   * when), {@code reason}.
   */
  EMERGENCY_DECLARED,

  /** An area is back to normal management. Values: {@code areaName}, {@code until} (when it was lifted). */
  EMERGENCY_LIFTED,

  /**
   * The B role takes over the A role's tasks (AB角顶岗). Values: {@code groupName} (whose tasks, e.g.
   * 朝阳社区第1网格网格长), {@code backupName}, {@code from}, {@code until}, {@code reason}.
   */
  TASKS_HANDED_OVER,

  /**
   * The monthly bulletin (月通报) of an area is out. Values: {@code areaName}, {@code month} (e.g. 2026年10月),
   * {@code link} (the bulletin's address).
   */
  MONTHLY_BULLETIN
}
