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
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
class DistinctFreeTaskQueries implements Interceptor {

  private static final Pattern SELECT_DISTINCT = Pattern.compile("^\\s*select\\s+distinct\\s",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern COUNT_DISTINCT = Pattern.compile("^\\s*select\\s+count\\(\\s*distinct\\s",
      Pattern.CASE_INSENSITIVE);

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    BoundSql bound = ((StatementHandler) invocation.getTarget()).getBoundSql();
    if (bound.getParameterObject() instanceof TaskQueryImpl query && cannotRepeatTasks(query)) {
      MetaObject meta = SystemMetaObject.forObject(bound);
      String sql = (String) meta.getValue("sql");
      String plain = COUNT_DISTINCT.matcher(sql).lookingAt() ? COUNT_DISTINCT.matcher(sql).replaceFirst("select count(")
          : SELECT_DISTINCT.matcher(sql).replaceFirst("select ");
      meta.setValue("sql", plain);
    }
    return invocation.proceed();
  }

  /** Mirrors the conditions under which Camunda's Task.xml joins identity links or authorizations. */
  static boolean cannotRepeatTasks(TaskQueryImpl query) {
    AuthorizationCheck check = query.getAuthCheck();
    if (check.shouldPerformAuthorizatioCheck() && check.getAuthUserId() != null) {
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
