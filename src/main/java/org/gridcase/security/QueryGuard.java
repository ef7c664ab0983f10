package org.gridcase.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;

/**
 * Keeps JUEL away from what callers send: a task query (top level, each or-query, a filter's stored query
 * and the query that extends it) may only carry the few expressions the shipped Tasklist filters use, and
 * at most a configured number of or-queries. Camunda evaluates expressions of or-queries even in ad-hoc
 * queries, which lets any logged-in user run code; this check is the engine's guard against that.
 */
final class QueryGuard {

  /**
   * The whole grammar: the current user and their groups, now, and a date shifted by whole units, as in
   * {@code ${dateTime().plusDays(1).toDate()}}.
   */
  private static final Pattern SAFE_EXPRESSION = Pattern.compile(
      "\\$\\{\\s*(?:currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)"
          + "|dateTime\\(\\)(?:\\.withTimeAtStartOfDay\\(\\)"
          + "|\\.(?:plus|minus)(?:Years|Months|Weeks|Days|Hours|Minutes|Seconds)\\([0-9]{1,4}\\))*\\.toDate\\(\\))"
          + "\\s*\\}");

  private final int maxOrQueries;

  QueryGuard(int maxOrQueries) {
    this.maxOrQueries = maxOrQueries;
  }

  static boolean isSafe(String expression) {
    return expression != null && SAFE_EXPRESSION.matcher(expression).matches();
  }

  /** The engine keeps "taskAssignee"; the REST field a caller sent is "assigneeExpression". */
  private static String restName(String key) {
    String name = key.startsWith("task") && key.length() > 4 ? key.substring(4) : key;
    name = name.equals("CandidateGroupIn") ? "candidateGroups" : name;
    return Character.toLowerCase(name.charAt(0)) + name.substring(1) + "Expression";
  }

  /** Fails with a 400 naming the field if the query carries an expression outside the grammar or too many or-queries. */
  void check(Object query) {
    if (!(query instanceof AbstractQuery<?, ?> abstractQuery)) {
      return;
    }
    List<AbstractQuery<?, ?>> parts = new ArrayList<>();
    parts.add(abstractQuery);
    if (query instanceof TaskQueryImpl taskQuery) {
      List<TaskQueryImpl> queries = taskQuery.getQueries();
      // The first of getQueries() is the query itself; the rest are its or-queries.
      int orQueries = queries == null ? 0 : Math.max(0, queries.size() - 1);
      if (orQueries > maxOrQueries) {
        throw new BadUserRequestException("orQueries: at most " + maxOrQueries + " or-queries are accepted, not "
            + orQueries);
      }
      if (queries != null) {
        queries.stream().filter(q -> q != taskQuery).forEach(parts::add);
      }
    }
    for (int i = 0; i < parts.size(); i++) {
      Map<String, String> expressions = parts.get(i).getExpressions();
      if (expressions == null) {
        continue;
      }
      for (Map.Entry<String, String> expression : expressions.entrySet()) {
        if (!isSafe(expression.getValue())) {
          String where = i == 0 ? "" : "orQueries[" + (i - 1) + "].";
          throw new BadUserRequestException(where + restName(expression.getKey()) + ": expression not allowed;"
              + " only ${currentUser()}, ${currentUserGroups()}, ${now()} and ${dateTime()...toDate()} are accepted");
        }
      }
    }
  }
}
