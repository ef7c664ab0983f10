package org.gridcase.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the engine's authorization checks are made cheap at district scale (a million open tasks, one
 * authorization row per task and candidate group). Neither setting changes who sees what.
 *
 * @param groupPrefilterThreshold a user with at most this many groups skips Camunda's pre-filter of their
 *     groups ({@code select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION}, a full scan of the table on every
 *     authenticated command); naming a group that holds no authorization in the SQL costs nothing. Default 100.
 * @param inboxShortcut task queries that are already restricted to the caller's own work (candidate groups
 *     among the caller's groups, the caller as candidate user or as assignee) skip the authorization join,
 *     since every such task carries the caller's authorization anyway; so do queries of a user who may read
 *     every task. Default true.
 * @param distinctFreeTaskQueries task queries that cannot return a task twice (no candidate criteria, no
 *     authorization join) run without Camunda's {@code select distinct}, so a district-wide list reads the
 *     due-date index instead of sorting every open task. Default true.
 */
@ConfigurationProperties("gridcase.authorization")
record AuthorizationTuningProperties(@DefaultValue("100") int groupPrefilterThreshold,
    @DefaultValue("true") boolean inboxShortcut, @DefaultValue("true") boolean distinctFreeTaskQueries) {
}
