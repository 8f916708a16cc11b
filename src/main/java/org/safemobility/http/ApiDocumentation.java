package org.safemobility.http;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The API's OpenAPI header: every endpoint takes an OIDC bearer token (JWT) from the configured provider. */
@OpenAPIDefinition(
        info = @Info(title = "Safe Mobility Office case API", version = "v1",
                description = "Registration, eligibility, screening and referral of applicants at Safe Mobility Offices. "
                        + "Errors are RFC 9457 problem details (application/problem+json)."),
        security = @SecurityRequirement(name = ApiDocumentation.BEARER),
        tags = {@Tag(name = "Cases", description = "Register applicants and read their cases"),
                @Tag(name = "Eligibility", description = "What-if checks against the eligibility rules in force"),
                @Tag(name = "Tasks", description = "The inbox of caseworkers and supervisors: claim and complete work"),
                @Tag(name = "Eligibility rules", description = "Versions of the rules (DMN), managed by admins, and re-screening"),
                @Tag(name = "Supervision", description = "What supervisors of an office must look at"),
                @Tag(name = "Partner referrals", description = "For resettlement partners: their referrals and their decisions"),
                @Tag(name = "Administration", description = "Partners and their webhooks, managed by admins")})
@SecurityScheme(securitySchemeName = ApiDocumentation.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "Access token from the office's OIDC provider (Keycloak realm smo)")
public class ApiDocumentation extends Application {
    public static final String BEARER = "bearer";
}
