package org.gridcase.security;

import org.gridcase.GridcaseTest;

@GridcaseTest
class AuthorizationByGridTest extends AuthorizationByGridScenarios {
}
