package org.gridcase.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;

/** Drives a call from many clients for a while and reports its rate and latencies. */
public final class Load {

  private Load() {
  }

  /** What a run did: calls, failed calls, calls per second and latency percentiles in milliseconds. */
  public record Result(long calls, long errors, double perSecond, long p50, long p99, long max) {
    public String describe() {
      return String.format("%.1f/s, p50 %d ms, p99 %d ms, %d errors of %d", perSecond, p50, p99, errors, calls);
    }
  }

  /**
   * {@code clients} threads call {@code call} back to back for {@code duration}; the call gets a sequence
   * number unique in the run and answers whether it succeeded.
   */
  public static Result closed(int clients, Duration duration, LongPredicate call) throws InterruptedException {
    return run(clients, duration, 0, call);
  }

  /** Calls {@code call} at a fixed rate (per second) for {@code duration}, from up to {@code clients} threads. */
  public static Result paced(int perSecond, int clients, Duration duration, LongPredicate call)
      throws InterruptedException {
    return run(clients, duration, perSecond, call);
  }

  private static Result run(int clients, Duration duration, int perSecond, LongPredicate call)
      throws InterruptedException {
    AtomicLong sequence = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<List<Long>> latencies = new ArrayList<>();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    long interval = perSecond > 0 ? 1_000_000_000L / perSecond : 0;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      List<Long> mine = new ArrayList<>();
      latencies.add(mine);
      pool.execute(() -> {
        while (true) {
          long n = sequence.getAndIncrement();
          long due = interval > 0 ? start + n * interval : System.nanoTime();
          if (due >= end) {
            return;
          }
          long wait = due - System.nanoTime();
          if (wait > 0) {
            try {
              TimeUnit.NANOSECONDS.sleep(wait); // pacing the client, not waiting for the system under test
            } catch (InterruptedException e) {
              return;
            }
          }
          // Latency from the planned start, so a stalled server is not hidden by the pacing (no coordinated omission).
          boolean ok;
          try {
            ok = call.test(n);
          } catch (RuntimeException e) {
            ok = false;
          }
          mine.add((System.nanoTime() - due) / 1_000_000);
          if (!ok) {
            errors.incrementAndGet();
          }
        }
      });
    }
    pool.shutdown();
    pool.awaitTermination(duration.toSeconds() + 300, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Long> all = new ArrayList<>();
    latencies.forEach(all::addAll);
    Collections.sort(all);
    return new Result(all.size(), errors.get(), (all.size() - errors.get()) / seconds, percentile(all, 50),
        percentile(all, 99), all.isEmpty() ? 0 : all.get(all.size() - 1));
  }

  /** The nearest-rank percentile of sorted figures. */
  public static long percentile(List<Long> sorted, int p) {
    return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }
}
