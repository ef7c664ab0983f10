package org.gridcase.security;

import java.sql.Connection;
import java.util.regex.Pattern;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;

/**
 * Drops the {@code distinct} from a task query (list and count) that joins nothing which could repeat a task:
 * no candidate or involvement criteria (the identity-link join), no authorization join, no ordering by a related
 * table. Camunda writes {@code select distinct} always; for a supervisor's district-wide list that makes
 * PostgreSQL sort a million rows to return 15, where without it the due-date index returns them at once. Any
 * query that could repeat a row keeps the {@code distinct}.
 *
 * <p>On PostgreSQL such a query also orders by due date through {@link #DUE_ORDER} ({@code coalesce(DUE_DATE_,
 * 9999-12-31)}: the same order, undated tasks last, as PostgreSQL puts nulls), which the index
 * {@code gc_act_task_due_order_covering} serves. A plain index on DUE_DATE_ would serve the candidate-group queries
 * too, and for a rare group (a department's 3,000 of a million tasks) PostgreSQL then walks the whole district in
 * due order probing each task's links, 4–9 s instead of 30 ms; the expression index is one only these queries can
 * use. Their "due before" goes through the same expression, so that 全区已超期 is a range of that index (an undated
 * task is due at 9999-12-31, before no date a query asks for, as its null was) and its count an index-only scan
 * (the index carries the other columns the count reads): 45 ms for the 200,000 overdue of a million tasks, where
 * the table scan took 155.
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
class DistinctFreeTaskQueries implements Interceptor {

  private final boolean postgres;

  DistinctFreeTaskQueries(boolean postgres) {
    this.postgres = postgres;
  }

  private static final Pattern SELECT_DISTINCT = Pattern.compile("^\\s*select\\s+distinct\\s+",
      Pattern.CASE_INSENSITIVE);
  /** The due-date order of a distinct-free query on PostgreSQL; InboxIndexes creates its index. */
  static final String DUE_ORDER = "coalesce(RES.DUE_DATE_, timestamp '9999-12-31 00:00:00')";
  private static final Pattern ORDER_BY_DUE = Pattern.compile(
      "(order\\s+by\\s+(?:.*,\\s*)?)RES\\.DUE_DATE_(\\s+(?:asc|desc))", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  /** Camunda's "due before" condition (dueBefore), not {@code <=} or {@code <>}. */
  private static final Pattern DUE_BEFORE = Pattern.compile("RES\\.DUE_DATE_(\\s*<)(?![=>])",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern COUNT_DISTINCT = Pattern.compile("^\\s*select\\s+count\\(\\s*distinct\\s+",
      Pattern.CASE_INSENSITIVE);
  /** PostgreSQL's form of Camunda's distinct count: a count over a distinct sub-select. */
  private static final Pattern COUNT_OVER_DISTINCT = Pattern.compile(
      "^\\s*select\\s+count\\(\\*\\)\\s+from\\s+\\(\\s*select\\s+distinct\\s+", Pattern.CASE_INSENSITIVE);

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    BoundSql bound = ((StatementHandler) invocation.getTarget()).getBoundSql();
    if (bound.getParameterObject() instanceof TaskQueryImpl query && cannotRepeatTasks(query)) {
      MetaObject meta = SystemMetaObject.forObject(bound);
      meta.setValue("sql", withoutDistinct((String) meta.getValue("sql"), postgres));
    }
    return invocation.proceed();
  }

  /** The SQL of a query that cannot repeat a task, without its distinct (and in PostgreSQL's due-date order). */
  static String withoutDistinct(String sql, boolean postgres) {
    // The patterns are anchored at the start and exclusive, so at most one of them applies.
    String plain = COUNT_OVER_DISTINCT.matcher(sql).replaceFirst("SELECT COUNT(*) FROM (SELECT ");
    plain = COUNT_DISTINCT.matcher(plain).replaceFirst("select count(");
    plain = SELECT_DISTINCT.matcher(plain).replaceFirst("select ");
    if (!postgres) {
      return plain;
    }
    String dueOrder = java.util.regex.Matcher.quoteReplacement(DUE_ORDER);
    plain = DUE_BEFORE.matcher(plain).replaceAll(dueOrder + "$1");
    return ORDER_BY_DUE.matcher(plain).replaceFirst("$1" + dueOrder + "$2");
  }

  /** Mirrors the conditions under which Camunda's Task.xml joins identity links or authorizations. */
  static boolean cannotRepeatTasks(TaskQueryImpl query) {
    AuthorizationCheck check = query.getAuthCheck();
    // The mapping tests the field (getShouldPerformAuthorizatioCheck), not shouldPerformAuthorizatioCheck(),
    // which also looks at the permission checks: test what the SQL tests.
    if (check.getShouldPerformAuthorizatioCheck() && check.getAuthUserId() != null) {
      return false;
    }
    for (QueryOrderingProperty ordering : query.getOrderingProperties()) {
      if (ordering.getRelation() != null) {
        return false;
      }
    }
    for (TaskQueryImpl part : query.getQueries()) {
      if (part.getCandidateUser() != null || part.getCandidateGroup() != null
          || part.getCandidateGroupsInternal() != null || part.getCandidateGroupLike() != null
          || part.getInvolvedUser() != null || part.isWithCandidateGroups() || part.isWithCandidateUsers()) {
        return false;
      }
    }
    return true;
  }
}
