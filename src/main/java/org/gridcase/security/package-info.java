/**
 * Authentication of the REST APIs and the Camunda authorizations of the functional groups.
 */
package org.gridcase.security;
