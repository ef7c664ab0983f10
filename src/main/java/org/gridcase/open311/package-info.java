/**
 * Open311 GeoReport v2 (the civic service-request standard of FixMyStreet, SeeClickFix, Mark-a-Spot) under
 * {@code /open311/v2/}, in XML and JSON: the matters catalogue as services, requests posted by client systems
 * with an API key (channel {@code open311}) and every request's public status. No login; never a name, phone
 * or e-mail in an answer. Administrators issue and revoke the API keys under {@code /api/open311/keys}.
 */
package org.gridcase.open311;
