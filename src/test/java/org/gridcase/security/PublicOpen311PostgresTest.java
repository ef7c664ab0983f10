package org.gridcase.security;

import org.gridcase.GridcasePostgresTest;

@GridcasePostgresTest
class PublicOpen311PostgresTest extends PublicOpen311Scenarios {
}
