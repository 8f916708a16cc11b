package org.safemobility.supervision;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.safemobility.access.Roles;
import org.safemobility.codes.OfficeCode;
import org.safemobility.errors.Invalid;
import org.safemobility.http.Csv;

/** Statistics of the supervisor's offices, as JSON or CSV ({@code Accept: text/csv}). */
@Path("/api/v1/stats")
@Tag(name = "Supervision")
@RolesAllowed(Roles.SUPERVISOR)
public class StatisticsResource {

    static final String CSV = Csv.MEDIA_TYPE;

    @Inject
    Statistics statistics;

    @Inject
    Clock clock;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(operationId = "getStatistics", summary = "Counts for the cases registered in a period, by office, nationality and pathway",
            description = "Send Accept: text/csv for the same figures as CSV (JSON otherwise). from and to are UTC dates, "
                    + "both included; defaults: the last 30 days.")
    @APIResponse(responseCode = "200", description = "The figures", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Statistics.Report.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    public Response get(
            @Parameter(description = "First registration day (YYYY-MM-DD)") @QueryParam("from") LocalDate from,
            @Parameter(description = "Last registration day (YYYY-MM-DD)") @QueryParam("to") LocalDate to,
            @Parameter(description = "Only this office (one of the caller's)") @QueryParam("office") @OfficeCode String office,
            @Context HttpHeaders headers) {
        Statistics.Report report = report(from, to, office);
        if (!Csv.preferred(headers)) {
            return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
        }
        return Response.ok(Statistics.csv(report), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"smo-statistics-" + report.from() + "-" + report.to() + ".csv\"")
                .build();
    }

    private Statistics.Report report(LocalDate from, LocalDate to, String office) {
        to = to == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : to;
        from = from == null ? to.minusDays(29) : from;
        if (from.isAfter(to)) {
            throw Invalid.of("from", "must not be after to (" + to + ")");
        }
        if (from.isBefore(to.minusYears(10))) {
            throw Invalid.of("from", "the period may span at most ten years");
        }
        return statistics.report(from, to, office);
    }
}
