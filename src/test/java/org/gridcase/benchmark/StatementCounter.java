package org.gridcase.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application sends, by kind and table, while {@link #counting} is on: a JDBC
 * wrapper around the data source (no agent, no extension on the server). A batched statement counts once per
 * row it carries ({@code statements}) and once per trip to the server ({@code roundTrips}). Every test context
 * has it ({@code @GridcaseTest}, {@code @GridcasePostgresTest}), so counting needs no context of its own; off,
 * it only passes calls through.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

  private static final Pattern TABLE = Pattern.compile(
      "(?is)^\\s*(?:(update)\\s+|(select|insert|delete)\\b.*?\\b(?:from|into)\\s+)([a-z_][a-z0-9_.]*)");
  private static final Map<String, AtomicLong> STATEMENTS = new ConcurrentHashMap<>();
  private static final AtomicLong ROUND_TRIPS = new AtomicLong();
  private static volatile boolean counting;

  /** Wraps every data source bean. */
  @Bean
  static BeanPostProcessor statementCountingDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource dataSource ? wrap(dataSource) : bean;
      }
    };
  }

  /** Forgets what was counted and counts from now on. */
  public static void start() {
    STATEMENTS.clear();
    ROUND_TRIPS.set(0);
    counting = true;
  }

  /** Stops counting; the figures stay until the next start. */
  public static void stop() {
    counting = false;
  }

  /** Statements by "kind table" (e.g. "insert ACT_RU_VARIABLE"), sorted. */
  public static Map<String, Long> byKindAndTable() {
    Map<String, Long> sorted = new TreeMap<>();
    STATEMENTS.forEach((key, count) -> sorted.put(key, count.get()));
    return sorted;
  }

  public static long statements() {
    return STATEMENTS.values().stream().mapToLong(AtomicLong::get).sum();
  }

  public static long roundTrips() {
    return ROUND_TRIPS.get();
  }

  /** The counts as lines "  12 insert ACT_RU_VARIABLE", then the totals. */
  public static String describe() {
    StringBuilder text = new StringBuilder();
    byKindAndTable().forEach((key, count) -> text.append(String.format("%4d %s%n", count, key)));
    return text.append(String.format("%4d statements in %d round trips%n", statements(), roundTrips())).toString();
  }

  static void record(String sql, long rows, boolean trip) {
    if (!counting || sql == null) {
      return;
    }
    Matcher m = TABLE.matcher(sql);
    String key = !m.find() ? sql.strip().split("\\s+")[0].toLowerCase()
        : (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase() + " " + m.group(3).toUpperCase();
    STATEMENTS.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(rows);
    if (trip) {
      ROUND_TRIPS.incrementAndGet();
    }
  }

  private static DataSource wrap(DataSource target) {
    return (DataSource) proxy(DataSource.class, target, (method, args, result) -> result instanceof Connection c
        ? proxy(Connection.class, c, connectionHandler()) : result);
  }

  private static After connectionHandler() {
    return (method, args, result) -> {
      if (result instanceof java.sql.PreparedStatement prepared && args != null && args[0] instanceof String sql) {
        Class<?> type = result instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
            : java.sql.PreparedStatement.class;
        return proxy(type, prepared, preparedHandler(sql));
      }
      if (result instanceof Statement statement && !(result instanceof java.sql.PreparedStatement)) {
        return proxy(Statement.class, statement, plainHandler());
      }
      return result;
    };
  }

  private static After preparedHandler(String sql) {
    long[] batched = {0};
    return (method, args, result) -> {
      switch (method.getName()) {
        case "addBatch" -> batched[0]++;
        case "executeBatch", "executeLargeBatch" -> {
          record(sql, batched[0], true);
          batched[0] = 0;
        }
        case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate" -> record(sql, 1, true);
        default -> {
        }
      }
      return result;
    };
  }

  private static After plainHandler() {
    return (method, args, result) -> {
      if (method.getName().startsWith("execute") && args != null && args.length > 0 && args[0] instanceof String sql) {
        record(sql, 1, true);
      }
      return result;
    };
  }

  /** What to do with a call's result after the real object answered. */
  private interface After {
    Object apply(Method method, Object[] args, Object result) throws Exception;
  }

  private static Object proxy(Class<?> type, Object target, After after) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getName().equals("unwrap") && args[0] instanceof Class<?> wanted && wanted.isInstance(target)) {
        return target;
      }
      if (method.getName().equals("isWrapperFor") && args[0] instanceof Class<?> wanted && wanted.isInstance(target)) {
        return true;
      }
      try {
        return after.apply(method, args, method.invoke(target, args));
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
