package org.gridcase.security;

import org.gridcase.GridcaseTest;

@GridcaseTest
class PublicOpen311Test extends PublicOpen311Scenarios {
}
