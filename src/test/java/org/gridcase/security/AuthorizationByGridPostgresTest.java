package org.gridcase.security;

import org.gridcase.GridcasePostgresTest;

@GridcasePostgresTest
class AuthorizationByGridPostgresTest extends AuthorizationByGridScenarios {
}
