package org.gridcase;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.gridcase.benchmark.StatementCounter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real PostgreSQL (profile {@code postgres}); runs only in the PostgreSQL
 * suite, {@code mvn verify -Ppostgres}, which .ci/run starts after making sure a server answers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("postgres")
@Import(StatementCounter.class)
@SpringBootTest(classes = GridcaseApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "postgres", "test-postgres"})
public @interface GridcasePostgresTest {
}
