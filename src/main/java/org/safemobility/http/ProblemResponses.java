package org.safemobility.http;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the API's error contract once instead of on every method: every 4xx/5xx response of an API operation is
 * {@code application/problem+json} with the {@code Problem} schema, and every API operation may answer 401 (no valid
 * token) and 403 (role or office not allowed). Resources declare only the statuses particular to them.
 */
public class ProblemResponses implements OASFilter {

    private static final Map<String, String> EVERY_OPERATION = Map.of(
            "401", "No valid bearer token",
            "403", "The caller's role, office or partner does not allow this");

    @Override
    public PathItem filterPathItem(PathItem pathItem) {
        pathItem.getOperations().values().forEach(ProblemResponses::document);
        return pathItem;
    }

    private static void document(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        for (var standard : EVERY_OPERATION.entrySet()) {
            if (!responses.hasAPIResponse(standard.getKey())) {
                responses.addAPIResponse(standard.getKey(), OASFactory.createAPIResponse().description(standard.getValue()));
            }
        }
        for (var entry : responses.getAPIResponses().entrySet()) {
            if (entry.getKey().startsWith("4") || entry.getKey().startsWith("5")) {
                asProblem(entry.getValue());
            }
        }
    }

    private static void asProblem(APIResponse response) {
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("Problem")));
        response.setContent(content);
    }
}
