package org.gridcase;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A benchmark (issue 12): the whole application on the benchmark's PostgreSQL, as {@link GridcasePostgresTest}
 * but without the test suites' statement counter: its JDBC proxies (reflection on every call) are not in
 * production and should not be measured as Gridcase's. Runs only in
 * {@code mvn verify -Pbenchmark} ({@code .ci/benchmark}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("benchmark")
@SpringBootTest(classes = GridcaseApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "postgres", "test-postgres"})
public @interface GridcaseBenchmark {
}
